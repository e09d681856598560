import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorSummary, type SummaryError } from '@/components/ui/form/error-summary';
import { PasswordStrengthHint } from '@/components/ui/form/password-strength';
import { PASSWORD_MAX, PASSWORD_MIN, passwordIssue } from '@/domain/password';
import type { User } from '@/domain/user';
import type { FieldError } from '@/domain/validation';
import { apiUrl } from '@/lib/api-client';
import { startSession } from './start-session';
import { CredentialInput } from './credential-input';

type Field = 'name' | 'email' | 'password';
type Values = Record<Field, string>;
type Problem = { field: Field; message: string };
const FIELDS: readonly Field[] = ['name', 'email', 'password'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Outcome = { ok: true; user: User } | { ok: false; status: number; type?: string; errors: FieldError[] };

async function postSetup(body: Values & { secret: string }): Promise<Outcome> {
  const response = await fetch(apiUrl('/setup'), {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.ok) return { ok: true, user: ((await response.json()) as { user: User }).user };
  const problem = (await response.json().catch(() => ({}))) as { type?: string; errors?: FieldError[] };
  return { ok: false, status: response.status, ...(problem.type ? { type: problem.type } : {}), errors: Array.isArray(problem.errors) ? problem.errors : [] };
}

/**
 * The first administrator: name, e-mail and passphrase, GOV.UK style (a summary of what is
 * wrong at the top, focused; each message beside its field). The one-time secret comes from the
 * link's fragment. Made → signed in, and on to the dashboard.
 */
export function SetupForm({ secret }: { secret: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { register, handleSubmit, formState, control } = useForm<Values>({ defaultValues: { name: '', email: '', password: '' } });
  const [problems, setProblems] = useState<Problem[]>([]);
  const [focusKey, setFocusKey] = useState(0);
  const [failure, setFailure] = useState('');
  const [password, name, email] = useWatch({ control, name: ['password', 'name', 'email'] });

  useEffect(() => {
    document.title = `${problems.length > 0 || failure ? `${t('form.errorPrefix')}: ` : ''}${t('setup.title')} — ${t('app.titleSuffix')}`;
  }, [problems.length, failure, t]);

  const show = (list: Problem[]) => {
    const seen = new Set<Field>();
    const shown = list.filter((p) => !seen.has(p.field) && seen.add(p.field));
    shown.sort((a, b) => FIELDS.indexOf(a.field) - FIELDS.indexOf(b.field));
    setProblems(shown);
    setFocusKey((k) => k + 1);
  };

  const messageOf = (e: Pick<FieldError, 'path' | 'code' | 'message'>): Problem | undefined => {
    const field = e.path as Field;
    if (!FIELDS.includes(field)) return undefined;
    if (field === 'name' && e.code === 'required') return { field, message: t('setup.errors.nameRequired') };
    if (field === 'email') return { field, message: t(e.code === 'required' ? 'setup.errors.emailRequired' : 'setup.errors.emailInvalid') };
    if (field === 'password' && e.code === 'tooShort') return { field, message: t('setup.errors.passwordTooShort', { min: PASSWORD_MIN }) };
    if (field === 'password' && e.code === 'tooLong') return { field, message: t('setup.errors.passwordTooLong', { max: PASSWORD_MAX }) };
    if (field === 'password' && e.code === 'guessablePassword') return { field, message: t('setup.errors.guessable') };
    return { field, message: t(`errors.field.${e.code}` as 'errors.field.invalid', { defaultValue: e.message }) };
  };

  const submit = async (values: Values) => {
    setFailure('');
    const list: Problem[] = [];
    if (!values.name.trim()) list.push({ field: 'name', message: t('setup.errors.nameRequired') });
    if (!values.email.trim()) list.push({ field: 'email', message: t('setup.errors.emailRequired') });
    else if (!EMAIL.test(values.email.trim())) list.push({ field: 'email', message: t('setup.errors.emailInvalid') });
    const issue = passwordIssue(values.password);
    if (issue === 'tooShort') list.push({ field: 'password', message: t('setup.errors.passwordTooShort', { min: PASSWORD_MIN }) });
    if (issue === 'tooLong') list.push({ field: 'password', message: t('setup.errors.passwordTooLong', { max: PASSWORD_MAX }) });
    if (list.length > 0) {
      show(list);
      return;
    }
    let outcome: Outcome;
    try {
      outcome = await postSetup({ secret, name: values.name.trim(), email: values.email.trim(), password: values.password });
    } catch {
      setProblems([]);
      setFailure(t('setup.errors.failed', { reason: t('errors.network') }));
      return;
    }
    if (outcome.ok) {
      setProblems([]);
      await startSession(queryClient, outcome.user);
      void navigate('/', { replace: true });
      return;
    }
    if (outcome.status === 400 && outcome.errors.length > 0) {
      show(outcome.errors.map(messageOf).filter((p): p is Problem => p !== undefined));
      return;
    }
    setProblems([]);
    setFailure(
      outcome.type === '/problems/setup-link-invalid' || outcome.status === 404
        ? t('setup.errors.invalidLink')
        : t('setup.errors.failed', { reason: t('errors.generic', { status: outcome.status }) }),
    );
  };

  const summary: SummaryError[] = problems.map((p) => ({ fieldId: `setup-${p.field}`, message: p.message }));
  const errorOf = (field: Field) => problems.find((p) => p.field === field)?.message;

  const input = (field: Field, type: 'text' | 'email' | 'password', autoComplete: string, hint?: string) => {
    const id = `setup-${field}`;
    const error = errorOf(field);
    const strengthId = `${id}-strength`;
    return (
      <CredentialInput
        id={id}
        label={t(`setup.${field}`)}
        hint={hint}
        error={error}
        type={type}
        autoComplete={autoComplete}
        registration={register(field)}
        describedByAlso={field === 'password' ? strengthId : undefined}
      >
        {field === 'password' && <PasswordStrengthHint id={strengthId} password={password} userInputs={[name, email]} />}
      </CredentialInput>
    );
  };

  return (
    <form noValidate onSubmit={(e) => void handleSubmit(submit)(e)}>
      <ErrorSummary errors={summary} focusKey={focusKey} />
      {failure && (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <p className="error-message">{failure}</p>
        </div>
      )}
      {input('name', 'text', 'name')}
      {input('email', 'email', 'username')}
      {input('password', 'password', 'new-password', t('setup.passwordHint', { min: PASSWORD_MIN, max: PASSWORD_MAX }))}
      <button type="submit" className="button" disabled={formState.isSubmitting}>
        {t('setup.submit')}
      </button>
    </form>
  );
}
