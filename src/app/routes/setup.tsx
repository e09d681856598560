import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadingState } from '@/components/ui/states';
import { SetupForm } from '@/features/sign-in/setup-form';
import { setupStatusQuery } from '@/features/sign-in/api';
import { isApiError } from '@/lib/api-client';
import { useDocumentTitle } from '@/lib/use-document-title';
import { OutsidePage } from '../shell/outside-page';

/**
 * /setup#<secret>: the first run, outside the app's shell (like /sign-in). The server prints
 * this link at start while no administrator can sign in; once one exists, the API (and the
 * server, for this page) answer 404 and the page says so.
 */
export function SetupPage() {
  const { t } = useTranslation();
  // The secret travels in the fragment: never sent to the server with the page, never logged.
  const [secret] = useState(() => decodeURIComponent(window.location.hash.replace(/^#/, '')));
  const open = useQuery(setupStatusQuery());
  const closed = open.isError && isApiError(open.error) && open.error.status === 404;
  useDocumentTitle(closed ? t('setup.done') : t('setup.title'));

  return (
    <OutsidePage>
      <h1>{closed ? t('setup.done') : t('setup.title')}</h1>
      {open.isPending ? (
        <LoadingState />
      ) : closed ? (
        <p>
          <Link to="/sign-in">{t('setup.toSignIn')}</Link>
        </p>
      ) : open.isError ? (
        <p className="error-message" role="alert">
          {t('setup.errors.failed', { reason: t('errors.network') })}
        </p>
      ) : !secret ? (
        <p className="lead">{t('setup.noSecret')}</p>
      ) : (
        <>
          <p className="lead">{t('setup.intro')}</p>
          <SetupForm secret={secret} />
        </>
      )}
    </OutsidePage>
  );
}
