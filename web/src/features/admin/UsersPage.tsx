// The administration of accounts (administrators only): every account in a table that sorts,
// filters, pages and exports like the others, each leading to its own page.
import { Link } from 'react-router';
import { getJson } from '../../api/client.ts';
import type { User } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { RoleList } from '../account/AccountPage.tsx';
import { Guard } from '../account/Guard.tsx';

/** Every account (read afresh each time); `enabled` false reads nothing (a reader who may not list them). */
export const useUsers = (enabled = true) => useApi(enabled ? 'users' : null, (signal) => getJson<{ items: User[] }>('/users', {}, signal), { remember: false, subject: 'users' });

export function UsersPage() {
  const { t } = useI18n();
  usePageTitle(t('admin.users.title'));
  return <Guard allowed={(can) => can.manageUsers}>{() => <Users />}</Guard>;
}

function Users() {
  const { t, href, yesNo, date } = useI18n();
  const users = useUsers();
  const columns: Column<User>[] = [
    {
      id: 'email',
      header: t('auth.email'),
      cell: (u) => <Link to={href(`/admin/users/${encodeURIComponent(u.id)}`)}>{u.email ? <bdi dir="ltr">{u.email}</bdi> : t('admin.erasedAccount')}</Link>,
      value: (u) => u.email ?? '',
    },
    { id: 'displayName', header: t('account.displayName'), cell: (u) => <bdi>{u.displayName ?? ''}</bdi>, value: (u) => u.displayName ?? '' },
    { id: 'roles', header: t('account.roles'), cell: (u) => <RoleList roles={u.roles} />, value: (u) => u.roles.join(' ') },
    { id: 'status', header: t('admin.status'), cell: (u) => t(`admin.status.${u.status}`), value: (u) => u.status },
    { id: 'twoFactor', header: t('twoFactor.title'), cell: (u) => yesNo(u.twoFactor), value: (u) => u.twoFactor },
    { id: 'createdAt', header: t('account.created'), cell: (u) => date(u.createdAt.slice(0, 10)), value: (u) => u.createdAt },
  ];
  return (
    <>
      <h1>{t('admin.users.title')}</h1>
      <p className="lead">{t('admin.users.lead')}</p>
      <p>
        <Link className="button-link" to={href('/admin/users/new')}>
          {t('admin.new.title')}
        </Link>
      </p>
      <Loadable loaded={users}>
        {({ items }) => (
          <DataTable caption={t('admin.users.caption')} columns={columns} rows={items} rowKey={(u) => u.id} urlKey="t" exportName="accord-users" exportExtra={(u) => ({ id: u.id, lang: u.lang })} />
        )}
      </Loadable>
    </>
  );
}
