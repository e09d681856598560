import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { sessionQuery } from '@/session/session';
import { safeNext } from '@/features/sign-in/next';
import { SignInForm } from '@/features/sign-in/sign-in-form';
import { OutsidePage } from '../shell/outside-page';

/**
 * /sign-in, outside the app's shell (nothing else to load, nothing to show before signing in).
 * `?next=` is where to go afterwards; `?ended=1` says the session ran out.
 */
export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const session = useQuery(sessionQuery());
  const next = params.get('next');
  const navigate = useNavigate();
  const signedIn = session.data?.mode === 'server';

  // Already signed in: straight on. (useNavigate, not <Navigate>: react-router sits in the first
  // route's bundle, and <Navigate> would add 0.2 KiB gz to it.)
  useEffect(() => {
    if (signedIn) void navigate(safeNext(next), { replace: true });
  }, [signedIn, next, navigate]);
  if (signedIn) return null;

  return (
    <OutsidePage>
      <h1>{t('signIn.title')}</h1>
      {session.data?.mode === 'demo' ? (
        <p className="lead">
          {t('signIn.demo')} <Link to="/">{t('signIn.toApp')}</Link>
        </p>
      ) : (
        <>
          {params.get('ended') === '1' && (
            <div className="notice" role="status">
              {t('signIn.ended')}
            </div>
          )}
          <p className="lead">{t('signIn.intro')}</p>
          <SignInForm next={next} />
        </>
      )}
    </OutsidePage>
  );
}
