/**
 * Password length rules, shared by the API (server/auth/password.ts) and the forms.
 * OWASP ASVS 5.0.0 V6.2.1 (level 1): "Verify that user set passwords are at least 8 characters
 * in length although a minimum of 15 characters is strongly recommended"; NIST SP 800-63B-4
 * §3.1.1.2 requires 15 when the password is the only factor, as here (no MFA yet). V6.2.9:
 * passwords of at least 64 characters are permitted (Mitra takes 128). No composition rules
 * (V6.2.5); spaces and any Unicode count. Length in code points, never trimmed.
 */
export const PASSWORD_MIN = 15;
export const PASSWORD_MAX = 128;

export type PasswordIssue = 'tooShort' | 'tooLong';

export function passwordIssue(password: string): PasswordIssue | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return 'tooShort';
  if (length > PASSWORD_MAX) return 'tooLong';
  return undefined;
}
