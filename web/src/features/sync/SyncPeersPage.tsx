// Sync with other instances (administrators): the peers this Accord pulls records from, a form
// to add one, and per peer "Sync now" with its progress read every second while the run goes on
// (the API runs it in the background), pause and resume, removal after a confirmation, and the
// run history of the peer chosen (kept in the address, ?peer=). A peer's token goes to the API
// once, from a password field, and is never shown: the API answers only whether one is kept.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { getJson } from '../../api/client.ts';
import type { SyncPeer, SyncRun } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { useMorePages } from '../../api/useMorePages.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Done, Field, FormErrors, useFocusOnError, useSubmission } from '../../components/Form.tsx';
import { Empty, ErrorState, Loadable } from '../../components/PageState.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Guard } from '../account/Guard.tsx';
import { runCounts, useVisit } from './parts.tsx';

const POLL_MS = 1000;

export function SyncPeersPage() {
  const { t } = useI18n();
  usePageTitle(t('sync.title'));
  return <Guard allowed={(can) => can.manageUsers}>{() => <Peers />}</Guard>;
}

function Peers() {
  const { t, href } = useI18n();
  const [version, setVersion] = useState(0);
  const [params, setParams] = useSearchParams();
  const chosen = params.get('peer');
  // The previous list stays on screen while the list is read again (subject), so the runs
  // followed in its rows keep their state.
  const peers = useApi(`sync-peers|${version}`, (signal) => getJson<{ items: SyncPeer[] }>('/sync/peers', {}, signal), { remember: false, subject: 'sync-peers' });
  const reload = () => setVersion((v) => v + 1);
  const removed = (id: string) => {
    if (chosen === id) setParams({}, { replace: true });
    reload();
  };
  const chosenPeer = peers.data?.items.find((p) => p.id === chosen);
  return (
    <>
      <h1>{t('sync.title')}</h1>
      <p className="lead">{t('sync.lead')}</p>
      <p>
        <Link to={href('/sync/records')}>{t('sync.recordsLink')}</Link> · <Link to={`${href('/data-quality')}#peer-disagreements`}>{t('sync.dis.title')}</Link>
      </p>
      <Loadable loaded={peers}>{(data) => <PeerTable items={data.items} onChanged={reload} onRemoved={removed} />}</Loadable>
      <AddForm onAdded={reload} />
      {chosen && <Runs key={chosen} id={chosen} name={chosenPeer?.name ?? chosen} version={version} />}
    </>
  );
}

function PeerTable({ items, onChanged, onRemoved }: { items: SyncPeer[]; onChanged: () => void; onRemoved: (id: string) => void }) {
  const { t, number } = useI18n();
  const { write } = useAuth();
  const action = useSubmission<unknown>();
  // The run followed in each peer's row: the one started here, or one found running on load.
  const [following, setFollowing] = useState<Record<string, SyncRun>>({});
  const [removing, setRemoving] = useState<SyncPeer | null>(null);
  useEffect(() => {
    const running = items.filter((p) => p.lastRun?.status === 'running' && !following[p.id]);
    if (running.length) setFollowing((f) => ({ ...f, ...Object.fromEntries(running.map((p) => [p.id, p.lastRun!])) }));
  }, [items, following]);
  if (items.length === 0) return <Empty>{t('sync.none')}</Empty>;

  const start = async (peer: SyncPeer) => {
    const run = (await action.run(() => write(`/sync/peers/${encodeURIComponent(peer.id)}/runs`, { method: 'POST' }))) as SyncRun | undefined;
    if (run) setFollowing((f) => ({ ...f, [peer.id]: run }));
  };
  const toggle = async (peer: SyncPeer) => {
    if (await action.run(() => write(`/sync/peers/${encodeURIComponent(peer.id)}`, { method: 'PATCH', body: { active: !peer.active } }))) onChanged();
  };
  const remove = async () => {
    const peer = removing;
    if (!peer) return;
    const done = await action.run(() => write(`/sync/peers/${encodeURIComponent(peer.id)}`, { method: 'DELETE' }));
    setRemoving(null);
    if (done) {
      setFollowing(({ [peer.id]: _gone, ...rest }) => rest);
      onRemoved(peer.id);
    }
  };
  return (
    <>
      <div className="table-scroll">
        <table className="data-table sync-peers">
          <caption>{t('sync.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sync.col.name')}</th>
              <th scope="col">{t('sync.col.address')}</th>
              <th scope="col">{t('sync.col.token')}</th>
              <th scope="col">{t('sync.col.state')}</th>
              <th scope="col">{t('sync.col.cursor')}</th>
              <th scope="col">{t('sync.col.records')}</th>
              <th scope="col">{t('sync.col.lastRun')}</th>
              <th scope="col">{t('sync.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((peer) => {
              const followed = following[peer.id];
              return (
                <tr key={peer.id} data-peer={peer.id}>
                  <th scope="row">
                    <bdi>{peer.name}</bdi>
                  </th>
                  <td>
                    <bdi dir="ltr">{peer.baseUrl}</bdi>
                  </td>
                  <td>{peer.hasToken ? t('sync.token.kept') : t('sync.token.none')}</td>
                  <td>{peer.active ? t('sync.active') : t('sync.paused')}</td>
                  <td>
                    <bdi dir="ltr">{peer.cursor}</bdi>
                  </td>
                  <td>{number(peer.records)}</td>
                  <td className="sync-run-cell">{followed ? <RunProgress key={followed.id} first={followed} name={peer.name} onEnded={onChanged} /> : <LastRun run={peer.lastRun} />}</td>
                  <td>
                    <div className="buttons">
                      <button type="button" className="primary" onClick={() => start(peer)} disabled={action.busy || followed?.status === 'running'}>
                        {t('sync.syncNow')}
                        <span className="visually-hidden"> {peer.name}</span>
                      </button>
                      <button type="button" onClick={() => toggle(peer)} disabled={action.busy}>
                        {peer.active ? t('sync.pause') : t('sync.resume')}
                        <span className="visually-hidden"> {peer.name}</span>
                      </button>
                      <Link to={`?peer=${encodeURIComponent(peer.id)}`}>
                        {t('sync.history')}
                        <span className="visually-hidden"> {peer.name}</span>
                      </Link>
                      <button type="button" className="danger" onClick={() => setRemoving(peer)} disabled={action.busy || followed?.status === 'running'}>
                        {t('sync.remove')}
                        <span className="visually-hidden"> {peer.name}</span>
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <FormErrors error={action.error} />
      <ConfirmDialog
        open={removing !== null}
        title={t('sync.removeTitle', { name: removing?.name ?? '' })}
        confirmLabel={t('sync.removeConfirm')}
        onConfirm={remove}
        onCancel={() => setRemoving(null)}
        busy={action.busy}
      >
        <p>{t('sync.removeText', { n: removing?.records ?? 0 })}</p>
      </ConfirmDialog>
    </>
  );
}

function LastRun({ run }: { run: SyncRun | null }) {
  const { t, dateTime } = useI18n();
  if (!run) return <span className="muted">{t('sync.neverRun')}</span>;
  const at = run.finishedAt ?? run.startedAt;
  return (
    <>
      <span data-run-status={run.status}>{t(`sync.run.${run.status}`)}</span> · <time dateTime={at}>{dateTime(at)}</time>
      {run.error && (
        <span className="muted small block" lang="en" dir="ltr">
          {run.error}
        </span>
      )}
    </>
  );
}

/** A run followed every second while it goes on; its end is announced (role=status), the counts in between are not. */
function RunProgress({ first, name, onEnded }: { first: SyncRun; name: string; onEnded: () => void }) {
  const { t } = useI18n();
  const [run, setRun] = useState(first);
  const [lost, setLost] = useState<Error | null>(null);
  const [attempt, setAttempt] = useState(0);
  const ended = useRef(onEnded);
  ended.current = onEnded;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the run's id and the attempt say when to read; the rest is read through refs
  useEffect(() => {
    if (first.status !== 'running') {
      ended.current();
      return;
    }
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = () => {
      getJson<SyncRun>(`/sync/runs/${encodeURIComponent(first.id)}`, {}, controller.signal).then(
        (now) => {
          setRun(now);
          setLost(null);
          if (now.status === 'running') timer = setTimeout(read, POLL_MS);
          else ended.current();
        },
        (error: Error) => {
          if (!controller.signal.aborted && error.name !== 'AbortError') setLost(error);
        },
      );
    };
    timer = setTimeout(read, POLL_MS);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [first.id, attempt]);
  const label = t('sync.progress.label', { name });
  return (
    <div className="sync-progress" data-run={run.id} data-status={run.status}>
      {run.status === 'running' && (
        <>
          <progress aria-label={label} />
          <span className="block">
            {t('sync.run.running')} · {runCounts(run, t)}
          </span>
        </>
      )}
      <p role="status" className="small">
        {run.status !== 'running' && (
          <>
            <strong>{t(`sync.run.${run.status}`)}</strong> · {runCounts(run, t)}
            {run.error && (
              <span className="block" lang="en" dir="ltr">
                {run.error}
              </span>
            )}
          </>
        )}
      </p>
      {lost && <ErrorState error={lost} retry={() => setAttempt((n) => n + 1)} />}
    </div>
  );
}

function AddForm({ onAdded }: { onAdded: () => void }) {
  const { t } = useI18n();
  const { write } = useAuth();
  const [name, setName] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [token, setToken] = useState('');
  const [pageSize, setPageSize] = useState('');
  const submission = useSubmission<SyncPeer>();
  const form = useRef<HTMLFormElement>(null);
  useFocusOnError(form, submission.error);
  const labels = { name: t('sync.field.name'), baseUrl: t('sync.field.baseUrl'), token: t('sync.field.token'), pageSize: t('sync.field.pageSize') };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const size = pageSize.trim();
    const body = {
      name,
      baseUrl: baseUrl.trim(),
      ...(token.trim() ? { token: token.trim() } : {}),
      // A whole number goes as a number; anything else as typed, so the API names the field and its reason.
      ...(size ? { pageSize: /^\d+$/.test(size) ? Number(size) : size } : {}),
    };
    const made = await submission.run(() => write('/sync/peers', { method: 'POST', body }));
    // The token leaves the page with the request: it is not kept in the form.
    setToken('');
    if (made) {
      setName('');
      setBaseUrl('');
      setPageSize('');
      onAdded();
    }
  };
  return (
    <section aria-labelledby="add-peer">
      <h2 id="add-peer">{t('sync.add')}</h2>
      <form ref={form} className="edit-form" onSubmit={submit} noValidate>
        <FormErrors error={submission.error} labels={labels} />
        <Field label={labels.name} name="name" value={name} onChange={setName} error={submission.error} autoComplete="off" />
        <Field
          label={labels.baseUrl}
          name="baseUrl"
          value={baseUrl}
          onChange={setBaseUrl}
          error={submission.error}
          hint={t('sync.field.baseUrlHint', { example: '\u2068https://accord.example.org\u2069' })}
          dir="ltr"
          type="url"
          autoComplete="off"
          spellCheck={false}
        />
        <Field
          label={labels.token}
          name="token"
          value={token}
          onChange={setToken}
          error={submission.error}
          hint={t('sync.field.tokenHint')}
          dir="ltr"
          type="password"
          autoComplete="new-password"
          spellCheck={false}
        />
        <Field
          label={labels.pageSize}
          name="pageSize"
          value={pageSize}
          onChange={setPageSize}
          error={submission.error}
          hint={t('sync.field.pageSizeHint')}
          inputMode="numeric"
          dir="ltr"
          autoComplete="off"
        />
        <button type="submit" className="primary" disabled={submission.busy}>
          {t('sync.add')}
        </button>
        {submission.result && <Done>{t('sync.added', { name: `\u2068${submission.result.name}\u2069` })}</Done>}
      </form>
    </section>
  );
}

function Runs({ id, name, version }: { id: string; name: string; version: number }) {
  const { t, dateTime, number } = useI18n();
  // Read again whenever the peers are (a run ended, a peer paused): the key names that reading.
  const key = `sync-runs|${useVisit()}|${id}|${version}`;
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened from a row's "Run history": the keyboard goes on from here.
  useEffect(() => heading.current?.focus(), []);
  const first = useApi(key, (signal) => getJson<{ items: SyncRun[]; next: string | null }>(`/sync/peers/${encodeURIComponent(id)}/runs`, {}, signal), { remember: false });
  const more = useMorePages(key, first.data, (before, signal) => getJson<{ items: SyncRun[]; next: string | null }>(`/sync/peers/${encodeURIComponent(id)}/runs`, { before }, signal));
  return (
    <section aria-labelledby="runs-title">
      <h2 id="runs-title" ref={heading} tabIndex={-1}>
        {t('sync.runs.title', { name: `\u2068${name}\u2069` })}
      </h2>
      <Loadable loaded={first}>
        {(data) => {
          const runs = [...data.items, ...more.pages.flatMap((p) => p.items)];
          if (runs.length === 0) return <Empty>{t('sync.runs.none')}</Empty>;
          return (
            <>
              <div className="table-scroll">
                <table className="data-table sync-runs">
                  <caption>{t('sync.runs.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('sync.runs.started')}</th>
                      <th scope="col">{t('sync.runs.by')}</th>
                      <th scope="col">{t('sync.runs.status')}</th>
                      <th scope="col">{t('sync.runs.finished')}</th>
                      <th scope="col">{t('sync.runs.cursor')}</th>
                      <th scope="col">{t('sync.runs.pages')}</th>
                      <th scope="col">{t('sync.runs.received')}</th>
                      <th scope="col">{t('sync.runs.applied')}</th>
                      <th scope="col">{t('sync.runs.skipped')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {runs.map((run) => (
                      <tr key={run.id} data-run={run.id}>
                        <td>
                          <time dateTime={run.startedAt}>{dateTime(run.startedAt)}</time>
                        </td>
                        <td>
                          <bdi dir="ltr">{run.startedBy}</bdi>
                        </td>
                        <td>
                          {t(`sync.run.${run.status}`)}
                          {run.error && (
                            <span className="muted small block" lang="en" dir="ltr">
                              {run.error}
                            </span>
                          )}
                          {run.log.length > 0 && (
                            <details>
                              <summary>{t('sync.runs.attempts', { n: run.log.length })}</summary>
                              <ul className="small" lang="en" dir="ltr">
                                {run.log.map((line) => (
                                  <li key={`${line.at}|${line.url}`}>
                                    {line.at} {line.url}: {line.error}
                                  </li>
                                ))}
                              </ul>
                            </details>
                          )}
                        </td>
                        <td>{run.finishedAt ? <time dateTime={run.finishedAt}>{dateTime(run.finishedAt)}</time> : '—'}</td>
                        <td>
                          <bdi dir="ltr">
                            {run.fromCursor} → {run.toCursor}
                          </bdi>
                        </td>
                        <td>{number(run.pages)}</td>
                        <td>{number(run.received)}</td>
                        <td>{number(run.applied)}</td>
                        <td>{number(run.skipped)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {more.error && <ErrorState error={more.error} retry={more.loadMore} />}
              {more.next && (
                <button type="button" onClick={more.loadMore} aria-busy={more.loading}>
                  {more.loading ? t('sync.loadingMore') : t('sync.runs.more')}
                </button>
              )}
            </>
          );
        }}
      </Loadable>
    </section>
  );
}
