import type { TFunction } from 'i18next';
import { PASSWORD_MAX, PASSWORD_MIN, passwordIssue } from '@/domain/password';
import type { FieldError } from '@/domain/validation';

/** A field error from the API or the schema, in the page's language. */
export function fieldMessage(t: TFunction, error: Pick<FieldError, 'path' | 'code' | 'message'> & { params?: Record<string, string | number> }): string {
  if (error.path === 'password' && error.code === 'tooShort') return t('users.errors.passwordTooShort', { min: PASSWORD_MIN });
  if (error.path === 'password' && error.code === 'tooLong') return t('users.errors.passwordTooLong', { max: PASSWORD_MAX });
  if (error.path === 'email' && error.code === 'duplicate') return t('users.errors.emailDuplicate');
  if (error.path === 'password' && error.code === 'guessablePassword') return t('setup.errors.guessable');
  return t(`errors.field.${error.code}` as 'errors.field.required', { ...error.params, defaultValue: error.message });
}

/** The field error for a new password, checked in the browser as the API will check it. */
export function passwordFieldError(password: string): FieldError | undefined {
  const issue = passwordIssue(password);
  if (!issue) return undefined;
  return { path: 'password', code: issue, message: issue };
}
