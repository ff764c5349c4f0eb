// Personal API tokens: for programs that use the API as this account (sent as
// `Authorization: Bearer <token>`). Each is named, expires, can be revoked; its secret is shown
// once, when made, and never again (only a hash is kept). An administrator sees another
// account's tokens (`ofUser`) and may revoke them; only the holder makes new ones.
import { type FormEvent, useRef, useState } from 'react';
import { useAuth } from '../../api/auth.tsx';
import { ApiError, getJson } from '../../api/client.ts';
import type { ApiToken, NewApiToken } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Done, Field, FormErrors, SelectField, useFocusOnError, useSubmission } from '../../components/Form.tsx';
import { OnceSecret } from '../../components/OnceSecret.tsx';
import { Empty, Loadable } from '../../components/PageState.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { tokenStatus } from './account-words.ts';

const DAYS = [30, 90, 180, 365];

export function TokensSection({ ofUser }: { ofUser?: string } = {}) {
  const { t, dateTime } = useI18n();
  const { write } = useAuth();
  const listPath = ofUser ? `/users/${encodeURIComponent(ofUser)}/tokens` : '/auth/tokens';
  const tokens = useApi(`tokens:${listPath}`, (signal) => getJson<{ items: ApiToken[] }>(listPath, {}, signal), { remember: false, subject: 'tokens' });
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const [local, setLocal] = useState<ApiError | null>(null);
  const creating = useSubmission<NewApiToken>();
  const revoking = useSubmission<{ revoked: boolean }>();
  const [toRevoke, setToRevoke] = useState<ApiToken | null>(null);
  const section = useRef<HTMLElement>(null);
  const error = local ?? creating.error;
  useFocusOnError(section, error ?? revoking.error);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    revoking.reset();
    const problem = name.trim() ? null : new ApiError('The name is empty', 400, 'validation_failed', [{ field: 'name', reason: 'is required' }]);
    setLocal(problem);
    if (problem) return;
    const made = await creating.run(() => write<NewApiToken>('/auth/tokens', { body: { name: name.trim(), days: Number(days) } }));
    if (made) {
      setName('');
      tokens.retry();
    }
  };
  const revoke = async () => {
    if (!toRevoke) return;
    const id = toRevoke.id;
    creating.reset();
    await revoking.run(() => write<{ revoked: boolean }>(`/auth/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }));
    setToRevoke(null);
    tokens.retry();
  };

  return (
    <section ref={section} aria-labelledby="tokens-title" className="panel">
      <h2 id="tokens-title">{t('tokens.title')}</h2>
      <p className="muted">{t('tokens.about')}</p>
      <FormErrors error={revoking.error} />
      {revoking.result && <Done>{t('tokens.revoked')}</Done>}
      <Loadable loaded={tokens}>
        {({ items }) =>
          items.length === 0 ? (
            <Empty>{t('tokens.none')}</Empty>
          ) : (
            // biome-ignore lint/a11y/useSemanticElements lint/a11y/noNoninteractiveTabindex: a labelled box that scrolls the table, focusable so a keyboard can scroll it
            <div className="table-scroll" role="region" aria-labelledby="tokens-caption" tabIndex={0}>
              <table>
                <caption id="tokens-caption">{t('tokens.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('tokens.name')}</th>
                    <th scope="col">{t('tokens.created')}</th>
                    <th scope="col">{t('tokens.expires')}</th>
                    <th scope="col">{t('tokens.lastUsed')}</th>
                    <th scope="col">{t('tokens.status')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('tokens.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((token) => {
                    const status = tokenStatus(token);
                    return (
                      <tr key={token.id}>
                        <td>
                          <bdi>{token.name}</bdi>
                        </td>
                        <td>{dateTime(token.createdAt)}</td>
                        <td>{dateTime(token.expiresAt)}</td>
                        <td>{token.lastUsedAt ? dateTime(token.lastUsedAt) : t('tokens.never')}</td>
                        <td>{t(`tokens.status.${status}`)}</td>
                        <td>
                          {status === 'active' && (
                            <button type="button" className="danger" onClick={() => setToRevoke(token)}>
                              {t('tokens.revoke')}
                              <span className="visually-hidden">
                                {' '}
                                <bdi>{token.name}</bdi>
                              </span>
                            </button>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )
        }
      </Loadable>
      {!ofUser && (
        <>
          <h3>{t('tokens.new')}</h3>
          <form className="stacked" onSubmit={create} noValidate>
            <FormErrors error={error} labels={{ name: t('tokens.name'), days: t('tokens.days') }} />
            <Field label={t('tokens.name')} name="name" hint={t('tokens.name.hint')} maxLength={100} autoComplete="off" value={name} onChange={setName} error={error} />
            <SelectField label={t('tokens.days')} name="days" value={days} onChange={setDays} options={DAYS.map((n) => [String(n), t('tokens.daysOption', { count: n })])} error={error} />
            <div className="buttons">
              <button type="submit" className="primary" disabled={creating.busy}>
                {t('tokens.create')}
              </button>
            </div>
          </form>
          {creating.result && <Done>{t('tokens.made', { date: dateTime(creating.result.expiresAt) })}</Done>}
          {creating.result && <OnceSecret label={t('tokens.secret')} value={creating.result.token} warning={t('tokens.once')} />}
        </>
      )}
      <ConfirmDialog open={toRevoke !== null} title={t('tokens.revokeTitle')} confirmLabel={t('tokens.revoke')} busy={revoking.busy} onConfirm={revoke} onCancel={() => setToRevoke(null)}>
        <p>{t('tokens.revokeText', { name: `\u2068${toRevoke?.name ?? ''}\u2069` })}</p>
      </ConfirmDialog>
    </section>
  );
}
