// The header's account corner: "Sign in" for an anonymous reader (coming back to this page
// afterwards); for a signed-in one, their name opening a short menu: their account, the
// administration and the audit trail when they may see them, and signing out. A <details>
// disclosure: it opens with Enter or Space, every item is a link or a button in the tab order,
// and Escape or moving to another page closes it.
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../api/auth.tsx';
import { errorText } from '../api/problems.ts';
import { SaidText } from '../components/Form.tsx';
import { isPrivatePath, signInHref } from '../features/account/next-path.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function AccountMenu() {
  const { t, lang, href } = useI18n();
  const { status, user, can, signOut } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const menu = useRef<HTMLDetailsElement>(null);
  const [failed, setFailed] = useState<unknown>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: closes on each change of page, which it does not need to read
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [location.pathname]);

  if (status === 'loading') return null;
  if (!user) {
    if (/^\/[a-z]{2}\/sign-in$/.test(location.pathname)) return null;
    return (
      <Link className="account-link" to={signInHref(lang, location.pathname + location.search)}>
        {t('auth.signIn')}
      </Link>
    );
  }

  const close = () => {
    if (menu.current) menu.current.open = false;
  };
  const leave = async () => {
    setFailed(null);
    try {
      await signOut();
      close();
      if (isPrivatePath(location.pathname)) navigate(href('/'));
    } catch (error) {
      setFailed(error);
    }
  };
  return (
    <details
      ref={menu}
      className="account-menu"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && menu.current?.open) {
          close();
          menu.current.querySelector('summary')?.focus();
        }
      }}
    >
      <summary>
        <span className="visually-hidden">{t('auth.menu')}: </span>
        <span className="account-name">{user.displayName || user.email}</span>
      </summary>
      <ul>
        <li>
          <Link to={href('/account')}>{t('account.nav')}</Link>
        </li>
        {can.manageUsers && (
          <li>
            <Link to={href('/admin/users')}>{t('admin.nav')}</Link>
          </li>
        )}
        {can.readAudit && (
          <li>
            <Link to={href('/audit')}>{t('audit.nav')}</Link>
          </li>
        )}
        <li>
          <button type="button" onClick={leave}>
            {t('auth.signOut')}
          </button>
          {failed !== null && (
            <span role="alert" className="block small">
              <SaidText said={errorText(failed, t)} />
            </span>
          )}
        </li>
      </ul>
    </details>
  );
}
