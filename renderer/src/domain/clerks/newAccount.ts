import { displayNameSchema, loginNameSchema } from './account';
import { clerksMessages } from './messages';
import { checkPasswordPolicy } from './passwordPolicy';
import { clerkRoleSchema, type ClerkRole } from './roles';

/** An account as typed into a form, before any check. */
export interface NewAccountDraft {
  loginName: string;
  displayName: string;
  role: string;
  password: string;
}

/** An account that passed every check: names normalised, role known, password within the policy. */
export interface NewAccount {
  loginName: string;
  displayName: string;
  role: ClerkRole;
  password: string;
}

export type NewAccountField = keyof NewAccountDraft;
export type NewAccountErrors = Partial<Record<NewAccountField, string>>;

export type NewAccountCheck = { ok: true; account: NewAccount } | { ok: false; errors: NewAccountErrors };

/** Checks every field at once, so a form can show all its problems together, each beside its field. */
export function checkNewAccount(draft: NewAccountDraft): NewAccountCheck {
  const errors: NewAccountErrors = {};
  const loginName = loginNameSchema.safeParse(draft.loginName);
  if (!loginName.success) errors.loginName = loginName.error.issues[0]!.message;
  const displayName = displayNameSchema.safeParse(draft.displayName);
  if (!displayName.success) errors.displayName = displayName.error.issues[0]!.message;
  const role = clerkRoleSchema.safeParse(draft.role);
  if (!role.success) errors.role = role.error.issues[0]!.message;
  // Compared with the login name only once there is a valid one: an empty name would match an empty password.
  const policy = checkPasswordPolicy(draft.password, loginName.success ? { loginName: loginName.data } : {});
  if (!policy.ok) errors.password = policy.problems.join('；');
  if (!loginName.success || !displayName.success || !role.success || !policy.ok) return { ok: false, errors };
  return {
    ok: true,
    account: { loginName: loginName.data, displayName: displayName.data, role: role.data, password: draft.password },
  };
}

/** The second entry of a new password, which catches a typo the person cannot see behind the dots. */
export function checkPasswordRepeat(password: string, repeat: string): string | null {
  return password === repeat ? null : clerksMessages.password.repeatMismatch;
}
