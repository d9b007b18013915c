import { useCallback, useEffect, useRef, useState } from 'react';
import { deskDatabase } from '../../data/db';
import { discardIntakeDraft, readIntakeDraft, saveIntakeDraft } from '../../data/intakeDrafts';
import { toChinaIsoDateTime } from '../../domain/chineseDate';
import type { ClerkId } from '../../domain/clerks/clerkId';
import type { KnownEnterprise } from './EnterpriseSection';
import { intakeDraftSchema, isBlankIntakeForm } from './intakeDraft';
import type { IntakeForm } from './intakeFormModel';

type Form = IntakeForm<KnownEnterprise>;

/** How long typing must pause before the draft is written: often enough to lose at most a few keystrokes. */
export const DRAFT_SAVE_DELAY_MS = 500;

/** A draft found on coming back, waiting for the clerk to restore or discard it. */
export type DraftOffer = { kind: 'restorable'; form: Form; savedAt: string } | { kind: 'unreadable'; savedAt: string };

export interface IntakeDraft {
  /** Still reading whether there is a draft: the form is not saved over it meanwhile. */
  checking: boolean;
  offer: DraftOffer | null;
  /** When the form was last kept (ISO), or null when nothing is kept. */
  savedAt: string | null;
  /** A change is waiting to be written or being written: `savedAt` does not cover the latest typing yet. */
  saving: boolean;
  /** Why the last save failed, in Chinese, or null. */
  problem: string | null;
  restore: () => void;
  discard: () => Promise<void>;
  /** The form was taken in: its draft is removed and nothing pending writes it back. */
  taken: () => Promise<void>;
}

/**
 * Keeps the clerk's intake form as a draft while they type (after a short pause, and at once when the
 * screen goes away: sign-out, reload, closing the window), and offers it back the next time this clerk
 * opens 受理. Writes run one after another, so a save still pending never lands after a discard.
 */
export function useIntakeDraft(clerkId: ClerkId, form: Form, setForm: (form: Form) => void): IntakeDraft {
  const db = deskDatabase();
  const [checking, setChecking] = useState(true);
  const [offer, setOffer] = useState<DraftOffer | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<(() => void) | null>(null);
  // The form as last written (JSON): an unchanged form is not written again.
  const written = useRef(JSON.stringify(form));

  const enqueue = useCallback((work: () => Promise<void>) => {
    const next = chain.current.then(work).then(
      () => setProblem(null),
      (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)),
    );
    chain.current = next;
    return next;
  }, []);

  const flush = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const write = pending.current;
    pending.current = null;
    write?.();
  }, []);

  useEffect(() => {
    let current = true;
    setChecking(true);
    readIntakeDraft(db, clerkId, intakeDraftSchema).then(
      (found) => {
        if (!current) return;
        if (found.kind === 'restorable' && !isBlankIntakeForm(found.values)) setOffer({ kind: 'restorable', form: found.values, savedAt: found.savedAt });
        else if (found.kind === 'unreadable') setOffer(found);
        setChecking(false);
      },
      (error: unknown) => {
        if (!current) return;
        setProblem(error instanceof Error ? error.message : String(error));
        setChecking(false);
      },
    );
    return () => {
      current = false;
    };
  }, [db, clerkId]);

  useEffect(() => {
    if (checking || offer !== null) return;
    const json = JSON.stringify(form);
    if (json === written.current) return;
    if (timer.current !== null) clearTimeout(timer.current);
    setSaving(true);
    pending.current = () => {
      written.current = json;
      void enqueue(async () => {
        if (isBlankIntakeForm(form)) {
          await discardIntakeDraft(db, clerkId);
          setSavedAt(null);
        } else {
          const at = new Date();
          await saveIntakeDraft(db, clerkId, form, at);
          setSavedAt(toChinaIsoDateTime(at));
        }
      }).then(() => {
        // Saved (or failed, which `problem` says) with nothing newer waiting behind it.
        if (pending.current === null && written.current === json) setSaving(false);
      });
    };
    timer.current = setTimeout(flush, DRAFT_SAVE_DELAY_MS);
  }, [db, clerkId, form, checking, offer, enqueue, flush]);

  // Leaving the screen (sign-out, another section) or the page (reload, closing the window) writes what is pending.
  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  const restore = useCallback(() => {
    if (offer?.kind === 'restorable') {
      written.current = JSON.stringify(offer.form);
      setSavedAt(offer.savedAt);
      setForm(offer.form);
    }
    setOffer(null);
  }, [offer, setForm]);

  const forget = useCallback(
    async (current: Form) => {
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
      pending.current = null;
      written.current = JSON.stringify(current);
      setSavedAt(null);
      setSaving(false);
      await enqueue(() => discardIntakeDraft(db, clerkId));
    },
    [db, clerkId, enqueue],
  );

  const discard = useCallback(async () => {
    setOffer(null);
    await forget(form);
  }, [forget, form]);

  const taken = useCallback(() => forget(form), [forget, form]);

  return { checking, offer, savedAt, saving, problem, restore, discard, taken };
}
