// One account, for an administrator: its roles and status, a new password, and the erasure of
// its personal data. Every change names the version of the account that was read (If-Match);
// when someone changed it meanwhile, the page says so and shows it as it is now.
import { type FormEvent, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { ApiError, StaleVersionError } from '../../api/client.ts';
import type { UserDetail } from '../../api/types.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Done, Field, FormErrors, SelectField, useFocusOnError, useSubmission } from '../../components/Form.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { RoleList, useUserWithVersion } from '../account/AccountPage.tsx';
import { Guard } from '../account/Guard.tsx';
import { MIN_PASSWORD, passwordProblem } from '../account/passwords.ts';
import { RolesEditor } from './RolesEditor.tsx';
import { TokensSection } from '../account/TokensSection.tsx';

export function UserPage() {
  const { t } = useI18n();
  usePageTitle(t('admin.user.title'));
  return <Guard allowed={(can) => can.manageUsers}>{() => <UserAdmin />}</Guard>;
}

function UserAdmin() {
  const { id = '' } = useParams();
  const { t, href } = useI18n();
  const loaded = useUserWithVersion(id);
  return (
    <>
      <p className="breadcrumb">
        <Link to={href('/admin/users')}>{t('admin.users.title')}</Link>
      </p>
      <Loadable loaded={loaded}>{({ data, etag }) => <UserSections user={data} etag={etag} reload={loaded.retry} />}</Loadable>
    </>
  );
}

/** Runs a change; a 412 reloads the account before the error is shown. */
function useChange<T>(reload: () => void) {
  const submission = useSubmission<T>();
  const run = async (action: () => Promise<T>) => {
    const result = await submission.run(async () => {
      try {
        return await action();
      } catch (error) {
        if (error instanceof StaleVersionError) reload();
        throw error;
      }
    });
    if (result !== undefined) reload();
    return result;
  };
  return { ...submission, run };
}

function UserSections({ user, etag, reload }: { user: UserDetail; etag: string | null; reload: () => void }) {
  const { t, date, dateTime, yesNo, href } = useI18n();
  const erased = user.status === 'erased';
  const name = user.displayName || user.email || t('admin.erasedAccount');
  usePageTitle(name);
  return (
    <>
      <h1>
        <bdi>{name}</bdi>
      </h1>
      <dl className="facts">
        <dt>{t('auth.email')}</dt>
        <dd>{user.email ? <bdi dir="ltr">{user.email}</bdi> : '–'}</dd>
        <dt>{t('admin.status')}</dt>
        <dd>{t(`admin.status.${user.status}`)}</dd>
        <dt>{t('account.roles')}</dt>
        <dd>{user.roles.length ? <RoleList roles={user.roles} /> : t('account.noRoles')}</dd>
        <dt>{t('twoFactor.title')}</dt>
        <dd>{yesNo(user.twoFactor)}</dd>
        <dt>{t('account.created')}</dt>
        <dd>{date(user.createdAt.slice(0, 10))}</dd>
        <dt>{t('admin.passwordChanged')}</dt>
        <dd>{user.passwordChangedAt ? dateTime(user.passwordChangedAt) : '–'}</dd>
        <dt>{t('account.sessions')}</dt>
        <dd>{user.sessions}</dd>
      </dl>
      <p>
        <Link to={`${href('/audit')}?entity=user&id=${encodeURIComponent(user.id)}`}>{t('admin.user.history')}</Link>
      </p>
      {erased ? (
        <p className="note">{t('admin.erased.note')}</p>
      ) : (
        <>
          <AccessSection key={etag ?? ''} user={user} etag={etag} reload={reload} />
          <ResetPasswordSection user={user} etag={etag} reload={reload} />
          <TokensSection ofUser={user.id} />
          <EraseSection user={user} etag={etag} reload={reload} />
        </>
      )}
    </>
  );
}

interface SectionProps {
  user: UserDetail;
  etag: string | null;
  reload: () => void;
}

function AccessSection({ user, etag, reload }: SectionProps) {
  const { t } = useI18n();
  const { write } = useAuth();
  const [roles, setRoles] = useState(user.roles);
  const [status, setStatus] = useState(user.status);
  const [asking, setAsking] = useState(false);
  const change = useChange<{ changed: string[] }>(reload);
  const section = useRef<HTMLElement>(null);
  useFocusOnError(section, change.error);
  const save = () => change.run(() => write(`/users/${encodeURIComponent(user.id)}`, { method: 'PATCH', body: { roles, status }, ifMatch: etag }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Deactivating ends the account's sessions and tokens at once: asked first.
    if (status === 'deactivated' && user.status !== 'deactivated') setAsking(true);
    else save();
  };
  return (
    <section ref={section} aria-labelledby="access-title" className="panel">
      <h2 id="access-title">{t('admin.access')}</h2>
      <FormErrors error={change.error} labels={{ roles: t('admin.roles'), status: t('admin.status') }} />
      {change.result && <Done>{change.result.changed.length ? t('account.saved') : t('account.unchanged')}</Done>}
      <form className="stacked" onSubmit={submit} noValidate>
        <RolesEditor roles={roles} onChange={setRoles} error={change.error} />
        <SelectField
          label={t('admin.status')}
          name="status"
          hint={t('admin.status.hint')}
          value={status}
          onChange={setStatus}
          options={[
            ['active', t('admin.status.active')],
            ['deactivated', t('admin.status.deactivated')],
          ]}
          error={change.error}
        />
        <div className="buttons">
          <button type="submit" className="primary" disabled={change.busy}>
            {t('account.save')}
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={asking}
        title={t('admin.deactivate.title')}
        confirmLabel={t('admin.deactivate.button')}
        busy={change.busy}
        onConfirm={async () => {
          await save();
          setAsking(false);
        }}
        onCancel={() => setAsking(false)}
      >
        <p>{t('admin.deactivate.text', { name: `\u2068${user.displayName || user.email || ''}\u2069` })}</p>
      </ConfirmDialog>
    </section>
  );
}

function ResetPasswordSection({ user, etag, reload }: SectionProps) {
  const { t } = useI18n();
  const { write } = useAuth();
  const [password, setPassword] = useState('');
  const [local, setLocal] = useState<ApiError | null>(null);
  const change = useChange<{ sessionsEnded: number }>(reload);
  const section = useRef<HTMLElement>(null);
  const error = local ?? change.error;
  useFocusOnError(section, error);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = passwordProblem(password, 'newPassword');
    setLocal(problem ? new ApiError('The password was not accepted', 400, 'validation_failed', [problem]) : null);
    if (problem) return;
    const done = await change.run(() => write(`/users/${encodeURIComponent(user.id)}/password`, { body: { newPassword: password }, ifMatch: etag }));
    if (done) setPassword('');
  };
  return (
    <section ref={section} aria-labelledby="reset-title" className="panel">
      <h2 id="reset-title">{t('admin.reset')}</h2>
      <p className="muted">{t('admin.reset.about')}</p>
      <form className="stacked" onSubmit={submit} noValidate>
        <FormErrors error={error} labels={{ newPassword: t('account.password.new') }} />
        {change.result && <Done>{t('admin.reset.done', { count: change.result.sessionsEnded })}</Done>}
        <Field
          label={t('account.password.new')}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          hint={t('account.password.hint', { min: MIN_PASSWORD })}
          value={password}
          onChange={setPassword}
          error={error}
        />
        <div className="buttons">
          <button type="submit" disabled={change.busy}>
            {t('admin.reset.button')}
          </button>
        </div>
      </form>
    </section>
  );
}

function EraseSection({ user, etag, reload }: SectionProps) {
  const { t } = useI18n();
  const { write } = useAuth();
  const [asking, setAsking] = useState(false);
  const change = useChange<{ erased: string }>(reload);
  const section = useRef<HTMLElement>(null);
  useFocusOnError(section, change.error);
  const confirmWith = user.email ?? user.id;
  return (
    <section ref={section} aria-labelledby="erase-title" className="panel danger-zone">
      <h2 id="erase-title">{t('admin.erase')}</h2>
      <p>{t('admin.erase.about')}</p>
      <FormErrors error={change.error} />
      <button type="button" className="danger" onClick={() => setAsking(true)}>
        {t('admin.erase.button')}
      </button>
      <ConfirmDialog
        open={asking}
        title={t('admin.erase.title')}
        confirmLabel={t('admin.erase.button')}
        typeToConfirm={confirmWith}
        busy={change.busy}
        onConfirm={async () => {
          await change.run(() => write(`/users/${encodeURIComponent(user.id)}/erase`, { method: 'POST', ifMatch: etag }));
          setAsking(false);
        }}
        onCancel={() => setAsking(false)}
      >
        <p>{t('admin.erase.text')}</p>
      </ConfirmDialog>
    </section>
  );
}
