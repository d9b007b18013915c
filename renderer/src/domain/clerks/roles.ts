import { z } from 'zod';
import { clerksMessages } from './messages';

/** Clerk (受理员) works the counter; chief (首席代表) decides and signs; admin (管理员) runs the desk. */
export const clerkRoles = ['clerk', 'chief', 'admin'] as const;
export type ClerkRole = (typeof clerkRoles)[number];

export const clerkRoleSchema = z.enum(clerkRoles, { error: clerksMessages.invalidRole });

const roleLabels: Readonly<Record<ClerkRole, string>> = clerksMessages.roleLabels;

export function clerkRoleLabel(role: ClerkRole): string {
  return roleLabels[role];
}
