import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { describeError } from '@/lib/describe-error';

export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="state state--loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="state state--empty">{children}</p>;
}

type ErrorStateProps = {
  error: unknown;
  onRetry?: () => void;
  /** 1 when the failed load is the page's own subject (a detail page): the page still has a title. */
  level?: 1 | 2;
};

/** A failed load, said plainly, with a way to try again. The rest of the page stays usable. */
export function ErrorState({ error, onRetry, level = 2 }: ErrorStateProps) {
  const { t } = useTranslation();
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <div className="state state--error" role="alert">
      <Heading className="state__title">{t('errors.title')}</Heading>
      <p>{describeError(error, t)}</p>
      {onRetry && (!isApiError(error) || error.retryable) && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
