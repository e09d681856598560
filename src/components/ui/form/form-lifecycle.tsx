import { useEffect, useEffectEvent, useRef, useState, type RefObject } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useBlocker, type Blocker } from 'react-router';
import { useFormat } from '@/lib/use-format';
import { useDrafts, type Draft } from '@/stores/drafts';

const AUTOSAVE_MS = 600;

export type FormLifecycleOptions<T extends FieldValues> = {
  form: UseFormReturn<T>;
  /** The draft the form started from (useRestoredDraft), whose idempotency key a retry keeps. */
  restored: Draft<unknown> | undefined;
  /** A fresh idempotency key, for a form that has no draft to take one from. */
  newKey: () => string;
  /** Whether the form holds something that leaving would lose. */
  hasChanges: () => boolean;
  /** Writes (or clears) the draft under this key; never called once the form is saved. */
  saveDraft: (idempotencyKey: string) => void;
  /** The page's title, for the document title (prefixed "Galat:" while errors show). */
  pageTitle: string;
  errorCount: number;
};

export type FormLifecycle = {
  /** One key for the life of this form: a retry or a double click is the same request. */
  idempotencyKey: () => string;
  /** A new key, when the user chooses to save as new after a lost answer. */
  renewIdempotencyKey: () => void;
  /** Whether a save is under way or done: a second click in the same tick starts nothing. */
  isBusy: () => boolean;
  beginSave: () => void;
  saveFailed: () => void;
  /** The save landed: no more drafts, no question before leaving. */
  markSaved: () => void;
  /** Writes the draft now, with the current key (unless the form is saved already). */
  saveDraftNow: () => void;
  leaveGuard: { blocker: Blocker; dialogRef: RefObject<HTMLDialogElement | null> };
};

/** The draft a form starts from, read once when it mounts (before the form's default values). */
export function useRestoredDraft<D>(draftKey: string): Draft<D> | undefined {
  const [restored] = useState(() => useDrafts.getState().drafts[draftKey] as Draft<D> | undefined);
  return restored;
}

/**
 * What every long form does around its fields, in one place: the draft restored on mount and
 * saved as the user types (debounced) and at once when the page is hidden; a question before
 * leaving with unsaved changes (in-app navigation and reload alike); the document title with
 * its error prefix; and the idempotency key that makes a retry the same request.
 */
export function useFormLifecycle<T extends FieldValues>({
  form,
  restored,
  newKey,
  hasChanges,
  saveDraft,
  pageTitle,
  errorCount,
}: FormLifecycleOptions<T>): FormLifecycle {
  const { t } = useTranslation();
  const idempotencyKey = useRef(restored?.idempotencyKey || newKey());
  const submitted = useRef(false);
  // Set synchronously, so a second click in the same tick cannot start a second save.
  const saving = useRef(false);

  const saveDraftNow = () => {
    if (!submitted.current) saveDraft(idempotencyKey.current);
  };
  // Called from the listeners the effects below set up; always sees the latest form.
  const saveDraftLater = useEffectEvent(saveDraftNow);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = form.subscribe({
      formState: { values: true },
      callback: () => {
        clearTimeout(timer);
        timer = setTimeout(() => saveDraftLater(), AUTOSAVE_MS);
      },
    });
    const flush = () => {
      if (document.visibilityState === 'hidden') saveDraftLater();
    };
    const onPageHide = () => saveDraftLater();
    document.addEventListener('visibilitychange', flush);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      clearTimeout(timer);
      unsubscribe();
      document.removeEventListener('visibilitychange', flush);
      window.removeEventListener('pagehide', onPageHide);
    };
  }, [form]);

  // Leaving with unsaved changes asks first (the draft keeps them either way).
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      !submitted.current && currentLocation.pathname !== nextLocation.pathname && hasChanges(),
  );
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (blocker.state === 'blocked') {
      saveDraftLater();
      dialogRef.current?.showModal();
    } else if (dialogRef.current?.open) dialogRef.current.close();
  }, [blocker.state]);
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (submitted.current || !hasChanges()) return;
      saveDraftLater();
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  });

  useEffect(() => {
    document.title = `${errorCount > 0 ? `${t('form.errorPrefix')}: ` : ''}${pageTitle} — ${t('app.titleSuffix')}`;
  }, [errorCount, pageTitle, t]);

  return {
    idempotencyKey: () => idempotencyKey.current,
    renewIdempotencyKey: () => {
      idempotencyKey.current = newKey();
    },
    isBusy: () => saving.current || submitted.current,
    beginSave: () => {
      saving.current = true;
    },
    saveFailed: () => {
      saving.current = false;
    },
    markSaved: () => {
      submitted.current = true;
    },
    saveDraftNow,
    leaveGuard: { blocker, dialogRef },
  };
}

/** "Draf dipulihkan": says a draft was restored, and offers to start again. */
export function DraftNotice({ savedAt, onDiscard }: { savedAt: string; onDiscard: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="notice" role="status">
      <p>{t('visit.draftRestored', { time: format.dateTime(savedAt) })}</p>
      <button type="button" className="button button--secondary" onClick={onDiscard}>
        {t('visit.discardDraft')}
      </button>
    </div>
  );
}

/** The question before leaving a form with unsaved changes: stay, or leave (the draft is kept). */
export function LeaveDialog({ blocker, dialogRef }: FormLifecycle['leaveGuard']) {
  const { t } = useTranslation();
  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby="leave-title"
      onCancel={() => blocker.reset?.()}
    >
      <h2 id="leave-title">{t('visit.leaveTitle')}</h2>
      <p>{t('visit.leaveBody')}</p>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => blocker.reset?.()}>
          {t('visit.stay')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => blocker.proceed?.()}
        >
          {t('visit.leave')}
        </button>
      </div>
    </dialog>
  );
}
