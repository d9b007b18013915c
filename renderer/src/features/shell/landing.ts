import type { SectionId } from './sections';

/** Which clerk last worked at this window, and the screen each clerk who signed in here last had open. */
export interface SectionMemory {
  lastClerkId: string | null;
  sections: ReadonlyMap<string, SectionId>;
}

export const emptySectionMemory: SectionMemory = { lastClerkId: null, sections: new Map() };

/**
 * The screen a clerk lands on when they sign in. The address names the screen the previous person left
 * open, which is the clerk's own only when they were that person (or nobody signed in before, and the
 * address is where the desk was opened). Anyone else gets back their own last screen here, else 受理.
 */
export function landingSection(clerkId: string, addressed: SectionId, memory: SectionMemory): SectionId {
  if (memory.lastClerkId === null || memory.lastClerkId === clerkId) return addressed;
  return memory.sections.get(clerkId) ?? 'intake';
}

/** The memory once `clerkId` has `section` open. */
export function rememberSection(memory: SectionMemory, clerkId: string, section: SectionId): SectionMemory {
  const sections = new Map(memory.sections);
  sections.set(clerkId, section);
  return { lastClerkId: clerkId, sections };
}
