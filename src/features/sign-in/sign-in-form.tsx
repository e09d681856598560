import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorSummary, type SummaryError } from '@/components/ui/form/error-summary';
import type { User } from '@/domain/user';
import { apiUrl } from '@/lib/api-client';
import { startSession } from './start-session';
import { safeNext } from './next';
import { signInForm, type SignInValues } from './schema';
import { CredentialInput } from './credential-input';

type Field = 'email' | 'password';
type Problem = { field: Field; message: string };

type Outcome =
  | { ok: true; user: User }
  | { ok: false; status: number; retryAfter?: number };

/** POST /api/auth/sign-in; reads Retry-After on 429 (the API client does not expose headers). */
async function postSignIn(values: SignInValues): Promise<Outcome> {
  const response = await fetch(apiUrl('/auth/sign-in'), {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify(values),
  });
  if (response.ok) return { ok: true, user: ((await response.json()) as { user: User }).user };
  const retryAfter = Number(response.headers.get('retry-after'));
  return { ok: false, status: response.status, ...(retryAfter > 0 ? { retryAfter } : {}) };
}

/**
 * Email and password, GOV.UK style: a summary of what is wrong at the top (focused), each
 * message beside its field. A wrong password and an unknown email get the same message.
 */
export function SignInForm({ next }: { next: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { register, handleSubmit, formState } = useForm<SignInValues>({ defaultValues: { email: '', password: '' } });
  const [problems, setProblems] = useState<Problem[]>([]);
  const [focusKey, setFocusKey] = useState(0);

  useEffect(() => {
    document.title = `${problems.length > 0 ? `${t('form.errorPrefix')}: ` : ''}${t('signIn.title')} — ${t('app.titleSuffix')}`;
  }, [problems.length, t]);

  const show = (list: Problem[]) => {
    setProblems(list);
    setFocusKey((k) => k + 1);
  };

  const submit = async (values: SignInValues) => {
    const checked = signInForm.safeParse(values);
    if (!checked.success) {
      const seen = new Set<Field>();
      const list: Problem[] = [];
      for (const issue of checked.error.issues) {
        const field = issue.path[0] as Field;
        if (seen.has(field)) continue;
        seen.add(field);
        list.push({ field, message: t(`signIn.errors.${issue.message as 'emailRequired'}`) });
      }
      show(list);
      return;
    }
    let outcome: Outcome;
    try {
      outcome = await postSignIn(checked.data);
    } catch {
      show([{ field: 'email', message: t('signIn.errors.network') }]);
      return;
    }
    if (outcome.ok) {
      setProblems([]);
      await startSession(queryClient, outcome.user);
      void navigate(safeNext(next), { replace: true });
      return;
    }
    if (outcome.status === 429) {
      const seconds = outcome.retryAfter ?? 60;
      show([
        {
          field: 'email',
          message:
            seconds >= 120
              ? t('signIn.errors.tooManyMinutes', { minutes: Math.ceil(seconds / 60) })
              : t('signIn.errors.tooMany', { seconds }),
        },
      ]);
    } else if (outcome.status === 503) {
      show([{ field: 'email', message: t('signIn.errors.busy', { seconds: outcome.retryAfter ?? 1 }) }]);
    } else if (outcome.status === 401) {
      show([{ field: 'email', message: t('signIn.errors.failed') }]);
    } else {
      show([{ field: 'email', message: t('signIn.errors.unexpected') }]);
    }
  };

  const summary: SummaryError[] = problems.map((p) => ({ fieldId: `sign-in-${p.field}`, message: p.message }));
  const errorOf = (field: Field) => problems.find((p) => p.field === field)?.message;

  const input = (field: Field, type: 'email' | 'password', autoComplete: string) => {
    const id = `sign-in-${field}`;
    const error = errorOf(field);
    return <CredentialInput id={id} label={t(`signIn.${field}`)} error={error} type={type} autoComplete={autoComplete} registration={register(field)} />;
  };

  return (
    <form noValidate onSubmit={(e) => void handleSubmit(submit)(e)}>
      <ErrorSummary errors={summary} focusKey={focusKey} />
      {input('email', 'email', 'username')}
      {input('password', 'password', 'current-password')}
      <button type="submit" className="button" disabled={formState.isSubmitting}>
        {t('signIn.submit')}
      </button>
    </form>
  );
}
