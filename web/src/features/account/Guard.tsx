// Pages for signed-in readers: while the session is checked, a loading state; an anonymous
// reader is asked to sign in (and comes back here afterwards); a reader without the right is
// told so plainly, not shown an empty page.
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import type { Can, User } from '../../api/types.ts';
import { Loading } from '../../components/PageState.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { signInHref } from './next-path.ts';

export function SignInPrompt() {
  const { t, lang } = useI18n();
  const location = useLocation();
  usePageTitle(t('auth.required.title'));
  return (
    <div className="page-state">
      <h1>{t('auth.required.title')}</h1>
      <p>{t('auth.required.text')}</p>
      <p>
        <Link to={signInHref(lang, location.pathname + location.search)}>{t('auth.signIn')}</Link>
      </p>
    </div>
  );
}

export function NotAllowed() {
  const { t, href } = useI18n();
  usePageTitle(t('auth.notAllowed.title'));
  return (
    <div className="page-state" role="alert">
      <h1>{t('auth.notAllowed.title')}</h1>
      <p>{t('auth.notAllowed.text')}</p>
      <p>
        <Link to={href('/')}>{t('notFound.home')}</Link>
      </p>
    </div>
  );
}

/** Shows `children(user)` to a signed-in reader that `allowed` lets in. */
export function Guard({ allowed, children }: { allowed?: (can: Can) => boolean; children: (user: User) => ReactNode }) {
  const { status, user, can } = useAuth();
  if (status === 'loading') return <Loading />;
  if (!user) return <SignInPrompt />;
  if (allowed && !allowed(can)) return <NotAllowed />;
  return <>{children(user)}</>;
}
