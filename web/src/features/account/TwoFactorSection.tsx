// Two-factor sign-in: the server draws a secret (kept only once confirmed), the reader enters it
// in an authenticator app (by the otpauth address, or typing the secret), then proves it with
// the app's current six-digit code. Doing it again replaces the secret (a new phone).
import { type FormEvent, useRef, useState } from 'react';
import { useAuth } from '../../api/auth.tsx';
import { ApiError } from '../../api/client.ts';
import type { TwoFactorSecret } from '../../api/types.ts';
import { Done, Field, FormErrors, useFocusOnError, useSubmission } from '../../components/Form.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { groupSecret } from './account-words.ts';

export function TwoFactorSection({ twoFactor }: { twoFactor: boolean }) {
  const { t } = useI18n();
  const { write, refresh } = useAuth();
  const [secret, setSecret] = useState<TwoFactorSecret | null>(null);
  const [code, setCode] = useState('');
  const [local, setLocal] = useState<ApiError | null>(null);
  const drawing = useSubmission<TwoFactorSecret>();
  const confirming = useSubmission<{ twoFactor: boolean }>();
  const section = useRef<HTMLElement>(null);
  const codeInput = useRef<HTMLInputElement>(null);
  const error = local ?? confirming.error ?? drawing.error;
  useFocusOnError(section, error);

  const start = async () => {
    confirming.reset();
    setLocal(null);
    setCode('');
    const drawn = await drawing.run(() => write<TwoFactorSecret>('/auth/two-factor/secret', { method: 'POST' }));
    if (drawn) {
      setSecret(drawn);
      // After the secret is shown, the next thing to do is to type the app's code.
      requestAnimationFrame(() => codeInput.current?.focus());
    }
  };
  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    if (!secret) return;
    const typed = code.replace(/\s/g, '');
    const problem = /^\d{6}$/.test(typed) ? null : new ApiError('The code is not six digits', 400, 'validation_failed', [{ field: 'code', reason: 'enter the current six-digit code from the app' }]);
    setLocal(problem);
    if (problem) return;
    const done = await confirming.run(() => write<{ twoFactor: boolean }>('/auth/two-factor', { body: { secret: secret.secret, code: typed } }));
    if (done) {
      setSecret(null);
      setCode('');
      refresh();
    }
  };

  return (
    <section ref={section} aria-labelledby="two-factor-title" className="panel">
      <h2 id="two-factor-title">{t('twoFactor.title')}</h2>
      <p>{twoFactor ? t('twoFactor.on') : t('twoFactor.off')}</p>
      <p className="muted">{t('twoFactor.about')}</p>
      <FormErrors error={error} labels={{ code: t('auth.code'), secret: t('twoFactor.secret') }} />
      {confirming.result && <Done>{t('twoFactor.done')}</Done>}
      {!secret ? (
        <button type="button" onClick={start} disabled={drawing.busy}>
          {twoFactor ? t('twoFactor.replace') : t('twoFactor.start')}
        </button>
      ) : (
        <form className="stacked" onSubmit={confirm} noValidate>
          <ol className="steps">
            <li>
              <p>{t('twoFactor.step1')}</p>
              <p className="muted small">{t('twoFactor.uri')}</p>
              <p>
                <code className="secret-text" dir="ltr">
                  {secret.otpauthUri}
                </code>
              </p>
              <p className="muted small">{t('twoFactor.manual')}</p>
              <p>
                <code className="secret-text" dir="ltr">
                  {groupSecret(secret.secret)}
                </code>
              </p>
            </li>
            <li>
              <Field
                ref={codeInput}
                label={t('twoFactor.step2')}
                name="code"
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
            </li>
          </ol>
          <div className="buttons">
            <button type="submit" className="primary" disabled={confirming.busy}>
              {t('twoFactor.confirm')}
            </button>
            <button type="button" onClick={() => setSecret(null)}>
              {t('confirm.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
