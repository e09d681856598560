import type { TFunction } from 'i18next';
import { isApiError } from './api-client';

/** An error in words a user understands, in the active language. Never a stack trace. */
export function describeError(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('errors.server');
  if (error.kind === 'network') return t('errors.network');
  if (error.kind === 'timeout') return t('errors.timeout');
  if (error.status >= 500) return t('errors.server');
  switch (error.status) {
    case 400:
      return t('errors.validation');
    case 401:
      return t('errors.unauthenticated');
    case 403:
      // The string comes with the admin locale part, loaded once the session is known.
      return t('errors.forbidden', { defaultValue: t('errors.generic', { status: 403 }) });
    case 404:
      return t('errors.notFound');
    case 412:
      return t('errors.conflict');
    default:
      return t('errors.generic', { status: error.status });
  }
}
