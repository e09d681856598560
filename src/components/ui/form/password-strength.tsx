import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN } from '@/domain/password';
import type { PasswordStrength } from '@/domain/password-strength';

type Level = 'guessable' | 'fair' | 'strong';

/**
 * A live hint under a new-password field: how guessable the password is, by the same check the
 * API makes (zxcvbn-ts with its common-password dictionary). The dictionary (about 1 MB) loads
 * the first time someone types here, never with the page; `id` lets the field name it in
 * aria-describedby. Polite, and only once the password is long enough to be judged.
 */
export function PasswordStrengthHint({ id, password, userInputs = [] }: { id: string; password: string; userInputs?: readonly string[] }) {
  const { t } = useTranslation();
  const [level, setLevel] = useState<Level | undefined>();
  const judged = [...password].length >= PASSWORD_MIN;
  const inputsKey = userInputs.join('\u0000');

  useEffect(() => {
    if (!judged) return;
    let current = true;
    // A pause after the last keystroke, then the check (the first one loads the dictionary).
    const timer = setTimeout(() => {
      void import('@/domain/password-strength')
        .then(({ passwordStrength }) => passwordStrength(password, inputsKey ? inputsKey.split('\u0000') : []))
        .then((strength: PasswordStrength) => {
          if (current) setLevel(strength.guessable ? 'guessable' : strength.score === 4 ? 'strong' : 'fair');
        })
        .catch(() => {
          if (current) setLevel(undefined);
        });
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [password, judged, inputsKey]);

  const shown = judged ? level : undefined;
  return (
    <p className={`hint password-strength${shown ? ` password-strength--${shown}` : ''}`} id={id} aria-live="polite">
      {shown ? t(`passwordStrength.${shown}`) : t('passwordStrength.idle', { min: PASSWORD_MIN })}
    </p>
  );
}
