import { PASSWORD_MAX, PASSWORD_MIN, passwordIssue } from '../../src/domain/password';
import { passwordStrength } from '../../src/domain/password-strength';
import { fieldError, type FieldError } from '../../src/domain/validation';

/**
 * The field error for a new password that breaks the rules, or undefined. Kept apart from the
 * hashing (node:crypto) because the API's routes also run in the browser demo (MSW).
 */
export function passwordError(password: unknown, path = 'password'): FieldError | undefined {
  if (typeof password !== 'string') return fieldError(path, 'invalidType');
  const issue = passwordIssue(password);
  if (issue === 'tooShort') return fieldError(path, 'tooShort', { min: PASSWORD_MIN });
  if (issue === 'tooLong') return fieldError(path, 'tooLong', { max: PASSWORD_MAX });
  return undefined;
}

/**
 * The field error for a new password that is too easy to guess (a commonly used password, a
 * repeat such as fifteen spaces, a keyboard walk), or undefined. zxcvbn-ts's dictionary loads
 * at the first check (src/domain/password-strength.ts).
 */
export async function guessablePasswordError(password: string, path = 'password', userInputs: readonly string[] = []): Promise<FieldError | undefined> {
  const { guessable } = await passwordStrength(password, userInputs);
  return guessable ? fieldError(path, 'guessablePassword') : undefined;
}
