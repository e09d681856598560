import { useTranslation } from 'react-i18next';
import type { Progress } from '@/domain/import/progress';
import { useFormat } from '@/lib/use-format';

/** Progress with the time left, once the rate is known (see `timedProgress`). */
export type TimedProgress = Progress & { secondsLeft?: number | undefined };

/**
 * Adds the time left to each progress report, from the rate since the phase began: a function
 * to call in the progress callback (not during render).
 */
export function timedProgress(): (progress: Progress) => TimedProgress {
  let phase: { name: string; at: number; done: number } | undefined;
  return (progress) => {
    const now = performance.now();
    if (phase?.name !== progress.phase)
      phase = { name: progress.phase, at: now, done: progress.done };
    const elapsed = (now - phase.at) / 1000;
    const doneSince = progress.done - phase.done;
    const left = progress.total - progress.done;
    const secondsLeft =
      elapsed > 0.5 && doneSince > 0 && left > 0
        ? Math.max(1, Math.ceil((left * elapsed) / doneSince))
        : undefined;
    return { ...progress, secondsLeft };
  };
}

/**
 * The local check's progress: a native <progress>, the rows done and the time left. Reading is
 * counted in characters (a percentage); checking in rows.
 */
export function ImportProgress({ progress }: { progress: TimedProgress }) {
  const { t } = useTranslation();
  const format = useFormat();
  const percent = progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : 0;
  const label =
    progress.phase === 'read'
      ? t('import.progress.read', { percent })
      : t('import.progress.validate', {
          done: format.number(progress.done),
          total: format.number(progress.total),
        });
  return (
    <div className="import-progress">
      <label htmlFor="import-progress">{label}</label>
      <progress
        id="import-progress"
        className="import-progress__bar"
        max={progress.total || 1}
        value={progress.done}
      />
      {progress.secondsLeft !== undefined && (
        <p className="hint">{t('import.progress.timeLeft', { seconds: progress.secondsLeft })}</p>
      )}
    </div>
  );
}
