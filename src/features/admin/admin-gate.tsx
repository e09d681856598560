import { useQuery } from '@tanstack/react-query';
import { useState, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/ui/page-header';
import { LoadingState } from '@/components/ui/states';
import type { Action } from '@/domain/permissions';
import { describeError } from '@/lib/describe-error';
import { useDocumentTitle } from '@/lib/use-document-title';
import { sessionQuery } from '@/session/session';
import { usePermissions } from '@/session/use-can';

/**
 * The top of an administrators' page: names the tab, then what to show instead of the page (a
 * spinner while the session loads, "forbidden" to whoever may not `action`), or null to go on.
 */
export function useAdminGate(title: string, action: Action): ReactElement | null {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const session = useQuery(sessionQuery());
  useDocumentTitle(title);
  if (session.isPending) return <LoadingState />;
  if (!can(action)) {
    return (
      <div className="page">
        <h1>{title}</h1>
        <p className="lead">{t('errors.forbidden')}</p>
      </div>
    );
  }
  return null;
}

/**
 * The page's status line (`message`, `setMessage`) and `run`, which clears it, runs a change and
 * says what it did, or why it failed (`failed` takes the reason in words).
 */
export function useStatusLine(failed: (reason: string) => string) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const run = async (change: () => Promise<unknown>, done: string) => {
    setMessage('');
    try {
      await change();
      setMessage(done);
    } catch (error) {
      setMessage(failed(describeError(error, t)));
    }
  };
  return { message, setMessage, run };
}

/** An administrators' page: its header, the status line of what its last change did, then its parts. */
export function AdminPage({ title, intro, message, children }: { title: string; intro: string; message: string; children: ReactNode }) {
  return (
    <div className="page">
      <PageHeader title={title} intro={intro} />
      <p role="status" className="status-message">
        {message}
      </p>
      {children}
    </div>
  );
}
