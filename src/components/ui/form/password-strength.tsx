import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN } from '@/domain/password';

/**
 * The hint under a new-password field: what makes a password strong enough here. The check
 * itself (zxcvbn-ts and its common-password dictionary, about 1 MB) runs on the server only, so
 * the dictionary never ships to the browser; its answer comes back as the field's error
 * (`guessablePassword`). Until the password is long enough, the hint says how long.
 */
export function PasswordStrengthHint({ id, password }: { id: string; password: string; userInputs?: readonly string[] }) {
  const { t } = useTranslation();
  const long = [...password].length >= PASSWORD_MIN;
  return (
    <p className="hint password-strength" id={id} aria-live="polite">
      {long ? t('passwordStrength.advice') : t('passwordStrength.idle', { min: PASSWORD_MIN })}
    </p>
  );
}
