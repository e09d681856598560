import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/domain/password';
import type { User } from '@/domain/user';
import { isApiError } from '@/lib/api-client';
import { describeError } from '@/lib/describe-error';
import { useResetPassword } from './api';
import { fieldMessage, passwordFieldError } from './messages';
import { PasswordStrengthHint } from '@/components/ui/form/password-strength';
import { PasswordInput } from './password-input';

/**
 * A native modal <dialog>: focus moves into it, Escape closes it, and focus goes back to the
 * button that opened it. Mounted only while open.
 */
export function ResetPasswordDialog({ user, onClose, onDone }: { user: User; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const reset = useResetPassword();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    input.current?.focus();
    return () => opener?.focus();
  }, []);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const local = passwordFieldError(password);
    if (local) {
      setError(fieldMessage(t, local));
      input.current?.focus();
      return;
    }
    try {
      await reset.mutateAsync({ user, password });
      onDone();
    } catch (e) {
      const field = isApiError(e) ? e.fieldErrors.find((f) => f.path === 'password') : undefined;
      setError(field ? fieldMessage(t, field) : t('users.errors.failed', { reason: describeError(e, t) }));
      input.current?.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="reset-password-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form noValidate onSubmit={(e) => void submit(e)}>
        <h2 id="reset-password-title" className="dialog__title">
          {t('users.resetTitle', { name: user.name })}
        </h2>
        <p>{t('users.resetHint')}</p>
        <PasswordInput
          ref={input}
          id="reset-password"
          name="password"
          label={t('users.create.password')}
          hint={t('users.create.passwordHint', { min: PASSWORD_MIN, max: PASSWORD_MAX })}
          error={error}
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <PasswordStrengthHint id="reset-password-strength" password={password} userInputs={[user.name, user.email]} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={reset.isPending}>
            {t('users.resetSave')}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('users.resetCancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
