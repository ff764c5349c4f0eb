// Webhooks (administrators): the subscriptions to the public change feed, a form to add one (its
// secret shown this once), rotating a secret (the new one shown once), and for the webhook chosen
// (kept in the address) its delivery log with a button to send a delivery again.
import { type FormEvent, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { getJson } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { Field, FormErrors, useFocusOnError, useSubmission } from '../../components/Form.tsx';
import { OnceSecret } from '../../components/OnceSecret.tsx';
import { Empty, Loadable } from '../../components/PageState.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Guard } from '../account/Guard.tsx';
import { CHANGE_KINDS } from './ChangesPage.tsx';

interface Webhook {
  id: string;
  url: string;
  description: string | null;
  filters: Record<string, string | string[]>;
  active: boolean;
  createdAt: string;
}
interface Delivery {
  id: string;
  change: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
}

export function WebhooksPage() {
  const { t } = useI18n();
  usePageTitle(t('webhooks.title'));
  return <Guard allowed={(can) => can.manageUsers}>{() => <Webhooks />}</Guard>;
}

function Webhooks() {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const [secret, setSecret] = useState<{ id: string; secret: string } | null>(null);
  const [params] = useSearchParams();
  const chosen = params.get('hook');
  const hooks = useApi(`webhooks|${version}`, (signal) => getJson<{ items: Webhook[] }>('/webhooks', {}, signal), { remember: false });
  const changed = (shown?: { id: string; secret: string }) => {
    setSecret(shown ?? null);
    setVersion((v) => v + 1);
  };
  return (
    <>
      <h1>{t('webhooks.title')}</h1>
      <p className="lead">{t('webhooks.lead')}</p>
      {secret && <OnceSecret label={t('webhooks.secret', { id: secret.id })} value={secret.secret} warning={t('webhooks.secretOnce')} />}
      <Loadable loaded={hooks}>{(data) => <WebhookTable items={data.items} onChanged={changed} />}</Loadable>
      <AddForm onAdded={changed} />
      {chosen && <Deliveries key={chosen} id={chosen} />}
    </>
  );
}

function WebhookTable({ items, onChanged }: { items: Webhook[]; onChanged: (shown?: { id: string; secret: string }) => void }) {
  const { t } = useI18n();
  const { write } = useAuth();
  const action = useSubmission<unknown>();
  if (items.length === 0) return <Empty>{t('webhooks.none')}</Empty>;
  const rotate = async (id: string) => {
    const answer = (await action.run(() => write(`/webhooks/${id}/secret`, { method: 'POST' }))) as { id: string; secret: string } | undefined;
    if (answer) onChanged(answer);
  };
  const remove = async (id: string) => {
    if (await action.run(() => write(`/webhooks/${id}`, { method: 'DELETE' }))) onChanged();
  };
  return (
    <>
      <table>
        <caption>{t('webhooks.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('webhooks.url')}</th>
            <th scope="col">{t('webhooks.filters')}</th>
            <th scope="col">{t('webhooks.state')}</th>
            <th scope="col">{t('webhooks.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((hook) => (
            <tr key={hook.id}>
              <td>
                <bdi dir="ltr">{hook.url}</bdi>
                {hook.description && <span className="muted small block">{hook.description}</span>}
              </td>
              <td>
                <bdi dir="ltr">{Object.keys(hook.filters).length ? JSON.stringify(hook.filters) : t('webhooks.everything')}</bdi>
              </td>
              <td>{hook.active ? t('webhooks.active') : t('webhooks.paused')}</td>
              <td>
                <Link to={`?hook=${encodeURIComponent(hook.id)}`}>{t('webhooks.deliveries')}</Link>{' '}
                <button type="button" onClick={() => rotate(hook.id)} disabled={action.busy}>
                  {t('webhooks.rotate')}
                </button>{' '}
                <button type="button" onClick={() => remove(hook.id)} disabled={action.busy}>
                  {t('webhooks.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <FormErrors error={action.error} />
    </>
  );
}

function AddForm({ onAdded }: { onAdded: (shown: { id: string; secret: string }) => void }) {
  const { t } = useI18n();
  const { write } = useAuth();
  const [url, setUrl] = useState('');
  const [kind, setKind] = useState('');
  const [state, setState] = useState('');
  const submission = useSubmission<{ id: string; secret: string }>();
  const form = useRef<HTMLFormElement>(null);
  useFocusOnError(form, submission.error);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const filters = { ...(kind ? { kind: [kind] } : {}), ...(state.trim() ? { state: state.trim() } : {}) };
    const made = await submission.run(() => write('/webhooks', { method: 'POST', body: { url: url.trim(), filters } }));
    if (made) {
      setUrl('');
      onAdded(made);
    }
  };
  return (
    <section aria-labelledby="add-webhook">
      <h2 id="add-webhook">{t('webhooks.add')}</h2>
      <form ref={form} className="edit-form" onSubmit={submit} noValidate>
        <FormErrors error={submission.error} labels={{ url: t('webhooks.url') }} />
        <Field label={t('webhooks.url')} name="url" value={url} onChange={setUrl} error={submission.error} hint={t('webhooks.urlHint')} dir="ltr" type="url" />
        <div className="form-field">
          <label htmlFor="webhook-kind">{t('changes.filter.kind')}</label>
          <select id="webhook-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">{t('changes.kind.all')}</option>
            {CHANGE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`changes.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <Field label={t('changes.filter.state')} name="filters.state" value={state} onChange={setState} error={submission.error} dir="ltr" />
        <button type="submit" className="primary" disabled={submission.busy}>
          {t('webhooks.add')}
        </button>
      </form>
    </section>
  );
}

function Deliveries({ id }: { id: string }) {
  const { t, dateTime } = useI18n();
  const { write } = useAuth();
  const [version, setVersion] = useState(0);
  const log = useApi(`deliveries|${id}|${version}`, (signal) => getJson<{ items: Delivery[] }>(`/webhooks/${encodeURIComponent(id)}/deliveries`, {}, signal), { remember: false });
  const again = useSubmission<unknown>();
  const redeliver = async (delivery: string) => {
    if (await again.run(() => write(`/webhooks/${encodeURIComponent(id)}/deliveries/${delivery}/redeliver`, { method: 'POST' }))) setVersion((v) => v + 1);
  };
  return (
    <section aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">{t('webhooks.log', { id })}</h2>
      <Loadable loaded={log}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty>{t('webhooks.noDeliveries')}</Empty>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('webhooks.when')}</th>
                  <th scope="col">{t('webhooks.change')}</th>
                  <th scope="col">{t('webhooks.status')}</th>
                  <th scope="col">{t('webhooks.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((d) => (
                  <tr key={d.id}>
                    <td>
                      <time dateTime={d.createdAt}>{dateTime(d.createdAt)}</time>
                    </td>
                    <td>
                      <a href={`/api/v1/changes/${d.change}`}>#{d.change}</a>
                    </td>
                    <td>
                      {t(`webhooks.delivery.${d.status}`)} · {t('webhooks.attempts', { n: d.attempts })}
                      {d.lastError && (
                        <span className="muted small block" lang="en" dir="ltr">
                          {d.lastError}
                        </span>
                      )}
                    </td>
                    <td>
                      <button type="button" onClick={() => redeliver(d.id)} disabled={again.busy}>
                        {t('webhooks.redeliver')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loadable>
      <FormErrors error={again.error} />
    </section>
  );
}
