// One's own account: name and language, password, two-factor sign-in, personal API tokens, the
// secret calendar address, and signing out everywhere. The account is read fresh each time (never from memory), with its
// version (ETag); a change names that version, and if the account changed meanwhile (in another
// tab, or by an administrator) the page says so and shows the current values.
import { type FormEvent, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { ApiError, getWithEtag, StaleVersionError } from '../../api/client.ts';
import type { User, UserDetail } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Done, Field, FormErrors, SelectField, useFocusOnError, useSubmission } from '../../components/Form.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { LANGS, LANGUAGE_NAMES, useI18n } from '../../i18n/i18n.tsx';
import { splitRole } from './account-words.ts';
import { Guard } from './Guard.tsx';
import { MIN_PASSWORD, passwordProblem } from './passwords.ts';
import { CalendarFeedSection } from './CalendarFeedSection.tsx';
import { TokensSection } from './TokensSection.tsx';
import { TwoFactorSection } from './TwoFactorSection.tsx';

export function AccountPage() {
  const { t } = useI18n();
  usePageTitle(t('account.title'));
  return <Guard>{(user) => <Account user={user} />}</Guard>;
}

function Account({ user }: { user: User }) {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('account.title')}</h1>
      <p className="lead">
        {t('account.lead')} <bdi dir="ltr">{user.email}</bdi>
      </p>
      <ProfileSection userId={user.id} />
      <PasswordSection email={user.email ?? ''} />
      <TwoFactorSection twoFactor={user.twoFactor} />
      <TokensSection />
      <CalendarFeedSection />
      <SignOutEverywhere />
    </>
  );
}

/** A user read with the version to send back. */
export function useUserWithVersion(id: string) {
  return useApi(`user|${id}`, (signal) => getWithEtag<UserDetail>(`/users/${encodeURIComponent(id)}`, {}, signal), { remember: false, subject: `user|${id}` });
}

function ProfileSection({ userId }: { userId: string }) {
  const { t } = useI18n();
  const { write, refresh } = useAuth();
  const loaded = useUserWithVersion(userId);
  const submission = useSubmission<{ changed: string[] }>();
  const section = useRef<HTMLElement>(null);
  useFocusOnError(section, submission.error);
  const save = async (etag: string | null, changes: { displayName: string; lang: string }) => {
    const result = await submission.run(async () => {
      try {
        return await write<{ changed: string[] }>(`/users/${encodeURIComponent(userId)}`, { method: 'PATCH', body: changes, ifMatch: etag });
      } catch (error) {
        // Changed by someone else meanwhile: show what the account is now, and say so.
        if (error instanceof StaleVersionError) loaded.retry();
        throw error;
      }
    });
    if (result) {
      loaded.retry();
      refresh();
    }
  };
  const labels = { displayName: t('account.displayName'), lang: t('account.language') };
  return (
    <section ref={section} aria-labelledby="profile-title" className="panel">
      <h2 id="profile-title">{t('account.profile')}</h2>
      <FormErrors error={submission.error} labels={labels} />
      {submission.result && <Done>{submission.result.changed.length ? t('account.saved') : t('account.unchanged')}</Done>}
      <Loadable loaded={loaded}>
        {({ data, etag }) => <ProfileForm key={etag ?? ''} user={data} busy={submission.busy} error={submission.error} labels={labels} onSave={(changes) => save(etag, changes)} />}
      </Loadable>
    </section>
  );
}

function ProfileForm({
  user,
  busy,
  error,
  labels,
  onSave,
}: {
  user: UserDetail;
  busy: boolean;
  error: unknown;
  labels: Record<string, string>;
  onSave: (changes: { displayName: string; lang: string }) => void;
}) {
  const { t, date } = useI18n();
  const [displayName, setDisplayName] = useState(user.displayName ?? '');
  const [lang, setLang] = useState(user.lang);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave({ displayName, lang });
  };
  return (
    <form className="stacked" onSubmit={submit} noValidate>
      <Field label={labels.displayName!} name="displayName" autoComplete="name" maxLength={200} value={displayName} onChange={setDisplayName} error={error} />
      <SelectField label={labels.lang!} name="lang" hint={t('account.language.hint')} value={lang} onChange={setLang} options={LANGS.map((code) => [code, LANGUAGE_NAMES[code]])} error={error} />
      <dl className="facts">
        <dt>{t('account.roles')}</dt>
        <dd>{user.roles.length ? <RoleList roles={user.roles} /> : t('account.noRoles')}</dd>
        <dt>{t('account.created')}</dt>
        <dd>{date(user.createdAt.slice(0, 10))}</dd>
        <dt>{t('account.sessions')}</dt>
        <dd>{user.sessions}</dd>
      </dl>
      <div className="buttons">
        <button type="submit" className="primary" disabled={busy}>
          {t('account.save')}
        </button>
      </div>
    </form>
  );
}

/** Roles as the API writes them (`organization-editor:au`), named in the page's language. */
export function RoleList({ roles }: { roles: string[] }) {
  return (
    <ul className="role-names">
      {roles.map((role) => (
        <li key={role}>
          <RoleName role={role} />
        </li>
      ))}
    </ul>
  );
}

export function RoleName({ role }: { role: string }) {
  const { t } = useI18n();
  const [name, scope] = splitRole(role);
  return (
    <>
      {t(`role.${name}`)}
      {scope && (
        <>
          {' '}
          <bdi className="muted">({scope})</bdi>
        </>
      )}
    </>
  );
}

function PasswordSection({ email }: { email: string }) {
  const { t } = useI18n();
  const { write } = useAuth();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [local, setLocal] = useState<ApiError | null>(null);
  const submission = useSubmission<{ sessionsEnded: number }>();
  const section = useRef<HTMLElement>(null);
  const error = local ?? submission.error;
  useFocusOnError(section, error);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = passwordProblem(next, 'newPassword') ?? (current ? null : { field: 'currentPassword', reason: 'is required' });
    setLocal(problem ? new ApiError('The password was not accepted', 400, 'validation_failed', [problem]) : null);
    if (problem) return;
    const result = await submission.run(() => write('/auth/password', { body: { currentPassword: current, newPassword: next } }));
    if (result) {
      setCurrent('');
      setNext('');
    }
  };
  const labels = { currentPassword: t('account.password.current'), newPassword: t('account.password.new') };
  return (
    <section ref={section} aria-labelledby="password-title" className="panel">
      <h2 id="password-title">{t('account.password')}</h2>
      <form className="stacked" onSubmit={submit} noValidate>
        <FormErrors error={error} labels={labels} />
        {submission.result && <Done>{t('account.password.done', { count: submission.result.sessionsEnded })}</Done>}
        {/* Password managers fill the right fields when they know the account's name. */}
        <input type="hidden" autoComplete="username" value={email} readOnly />
        <Field label={labels.currentPassword} name="currentPassword" type="password" autoComplete="current-password" value={current} onChange={setCurrent} error={error} />
        <Field
          label={labels.newPassword}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          hint={t('account.password.hint', { min: MIN_PASSWORD })}
          value={next}
          onChange={setNext}
          error={error}
        />
        <div className="buttons">
          <button type="submit" className="primary" disabled={submission.busy}>
            {t('account.password.change')}
          </button>
        </div>
      </form>
    </section>
  );
}

function SignOutEverywhere() {
  const { t, href } = useI18n();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);
  const submission = useSubmission<boolean>();
  const confirm = async () => {
    const done = await submission.run(async () => {
      await signOut(true);
      return true;
    });
    setAsking(false);
    if (done) navigate(href('/'));
  };
  return (
    <section aria-labelledby="everywhere-title" className="panel">
      <h2 id="everywhere-title">{t('account.everywhere')}</h2>
      <p>{t('account.everywhere.text')}</p>
      <FormErrors error={submission.error} />
      <button type="button" className="danger" onClick={() => setAsking(true)}>
        {t('account.everywhere.button')}
      </button>
      <ConfirmDialog
        open={asking}
        title={t('account.everywhere.confirmTitle')}
        confirmLabel={t('account.everywhere.button')}
        busy={submission.busy}
        onConfirm={confirm}
        onCancel={() => setAsking(false)}
      >
        <p>{t('account.everywhere.confirm')}</p>
      </ConfirmDialog>
    </section>
  );
}
