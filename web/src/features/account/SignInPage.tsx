// Signing in: e-mail and password, then the six-digit code when the server asks for one (every
// administrator, and whoever set up two-factor sign-in). Errors say what to do in the page's
// language: wrong details (never which one), locked out for so many minutes, server unreachable.
// Afterwards the reader returns to the page they came from (?next=).
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { ApiError, type Problem } from '../../api/client.ts';
import { Field, FormErrors, useFocusOnError, useSubmission } from '../../components/Form.tsx';
import { Loading } from '../../components/PageState.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { safeNext } from './next-path.ts';

/** Problems found before sending, in the API's shape, so they are shown the same way. */
export function localProblems(fields: Record<string, string>): ApiError | null {
  const details: Problem[] = Object.entries(fields)
    .filter(([, value]) => value.trim() === '')
    .map(([field]) => ({ field, reason: 'is required' }));
  return details.length ? new ApiError('Some fields are empty', 400, 'validation_failed', details) : null;
}

export function codeNeeded(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.details.some((p) => p.field === 'code');
}

export function SignInPage() {
  const { t, lang, href } = useI18n();
  usePageTitle(t('auth.signIn.title'));
  const auth = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'), lang);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [askCode, setAskCode] = useState(false);
  const [local, setLocal] = useState<ApiError | null>(null);
  const submission = useSubmission();
  const form = useRef<HTMLFormElement>(null);
  const codeInput = useRef<HTMLInputElement>(null);
  const error = local ?? (codeNeeded(submission.error) ? null : submission.error);
  useFocusOnError(form, error);

  // The server asked for the code: show its field and put the cursor there.
  useEffect(() => {
    if (codeNeeded(submission.error)) setAskCode(true);
  }, [submission.error]);
  useEffect(() => {
    if (askCode) codeInput.current?.focus();
  }, [askCode]);

  if (auth.status === 'loading') return <Loading />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = localProblems(askCode ? { email, password, code } : { email, password });
    setLocal(problems);
    if (problems) return;
    const user = await submission.run(() => auth.signIn({ email: email.trim(), password, code: askCode ? code.replace(/\s/g, '') : undefined }));
    if (user) navigate(next, { replace: true });
  };

  const labels = { email: t('auth.email'), password: t('auth.password'), code: t('auth.code') };
  return (
    <div className="narrow">
      <h1>{t('auth.signIn.title')}</h1>
      {auth.user ? (
        <>
          <p>{t('auth.signedInAs', { name: auth.user.displayName ?? auth.user.email ?? '' })}</p>
          <p>
            <Link to={next}>{t('auth.continue')}</Link> · <Link to={href('/account')}>{t('account.nav')}</Link>
          </p>
        </>
      ) : (
        <form ref={form} className="stacked" onSubmit={submit} noValidate>
          <p className="muted">{t('auth.signIn.lead')}</p>
          <FormErrors error={error} labels={labels} context="sign-in" />
          <Field label={labels.email} name="email" type="email" autoComplete="username" inputMode="email" spellCheck={false} dir="ltr" value={email} onChange={setEmail} error={error} />
          <Field label={labels.password} name="password" type="password" autoComplete="current-password" value={password} onChange={setPassword} error={error} />
          {askCode && (
            <>
              <p className="note" role="status">
                {t('auth.codeNeeded')}
              </p>
              <Field
                ref={codeInput}
                label={labels.code}
                name="code"
                hint={t('auth.code.hint')}
                autoComplete="one-time-code"
                inputMode="numeric"
                pattern="[0-9]*"
                maxLength={8}
                dir="ltr"
                className="code"
                value={code}
                onChange={setCode}
                error={error}
              />
            </>
          )}
          <div className="buttons">
            <button type="submit" className="primary" disabled={submission.busy}>
              {submission.busy ? t('auth.signingIn') : t('auth.signIn')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
