// Making an account (administrators): e-mail, name, language, a first password, and roles. An
// administrator's account gets a two-factor secret at once, shown here this one time: the new
// administrator needs it to sign in.
import { type FormEvent, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { ApiError, type Problem } from '../../api/client.ts';
import type { NewUserCreated } from '../../api/types.ts';
import { Done, Field, FormErrors, SelectField, useFocusOnError, useSubmission } from '../../components/Form.tsx';
import { OnceSecret } from '../../components/OnceSecret.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { LANGS, LANGUAGE_NAMES, useI18n } from '../../i18n/i18n.tsx';
import { Guard } from '../account/Guard.tsx';
import { MIN_PASSWORD, passwordProblem } from '../account/passwords.ts';
import { RolesEditor } from './RolesEditor.tsx';

export function NewUserPage() {
  const { t } = useI18n();
  usePageTitle(t('admin.new.title'));
  return <Guard allowed={(can) => can.manageUsers}>{() => <NewUser />}</Guard>;
}

function NewUser() {
  const { t, lang: pageLang, href } = useI18n();
  const { write } = useAuth();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [lang, setLang] = useState<string>(pageLang);
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [local, setLocal] = useState<ApiError | null>(null);
  const submission = useSubmission<NewUserCreated>();
  const form = useRef<HTMLFormElement>(null);
  const error = local ?? submission.error;
  useFocusOnError(form, error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Problem[] = [];
    if (!email.trim()) problems.push({ field: 'email', reason: 'is required' });
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) problems.push({ field: 'email', reason: 'must be an e-mail address' });
    if (!displayName.trim()) problems.push({ field: 'displayName', reason: 'is required' });
    const weak = passwordProblem(password, 'password');
    if (weak) problems.push(weak);
    setLocal(problems.length ? new ApiError('The account was not created', 400, 'validation_failed', problems) : null);
    if (problems.length) return;
    await submission.run(() => write<NewUserCreated>('/users', { body: { email: email.trim(), displayName: displayName.trim(), lang, password, roles } }));
  };

  const labels = { email: t('auth.email'), displayName: t('account.displayName'), lang: t('account.language'), password: t('admin.new.password'), roles: t('admin.roles') };
  const created = submission.result;
  return (
    <>
      <p className="breadcrumb">
        <Link to={href('/admin/users')}>{t('admin.users.title')}</Link>
      </p>
      <h1>{t('admin.new.title')}</h1>
      {created ? (
        <div className="panel">
          <Done>{t('admin.new.done', { email: `\u2068${email.trim()}\u2069` })}</Done>
          {created.twoFactorSecret && (
            <>
              <p>{t('admin.new.secretAbout')}</p>
              <OnceSecret label={t('twoFactor.secret')} value={created.twoFactorSecret} warning={t('admin.new.secretOnce')} />
            </>
          )}
          <p>
            <Link to={href(`/admin/users/${encodeURIComponent(created.id)}`)}>{t('admin.new.open')}</Link> · <Link to={href('/admin/users')}>{t('admin.users.title')}</Link>
          </p>
        </div>
      ) : (
        <form ref={form} className="stacked" onSubmit={submit} noValidate>
          <FormErrors error={error} labels={labels} />
          <Field label={labels.email} name="email" type="email" autoComplete="off" spellCheck={false} dir="ltr" maxLength={320} value={email} onChange={setEmail} error={error} />
          <Field label={labels.displayName} name="displayName" autoComplete="off" maxLength={200} value={displayName} onChange={setDisplayName} error={error} />
          <SelectField label={labels.lang} name="lang" value={lang} onChange={setLang} options={LANGS.map((code) => [code, LANGUAGE_NAMES[code]])} error={error} />
          <Field
            label={labels.password}
            name="password"
            type="password"
            autoComplete="new-password"
            hint={t('admin.new.passwordHint', { min: MIN_PASSWORD })}
            value={password}
            onChange={setPassword}
            error={error}
          />
          <RolesEditor roles={roles} onChange={setRoles} error={error} />
          <div className="buttons">
            <button type="submit" className="primary" disabled={submission.busy}>
              {t('admin.new.create')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
