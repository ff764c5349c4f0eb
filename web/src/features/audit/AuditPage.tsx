// The audit trail (administrators): every change, newest first, filtered by the kind and id of
// the record, who made it, the use case, and a span of dates, all kept in the address. "Older
// records" follows the API's `next`; the CSV link downloads every matching record (the session
// cookie goes with a plain link, so nothing is built in the page).
import { type FormEvent, type Ref, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { apiUrl, getJson } from '../../api/client.ts';
import type { AuditRecord, User } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { FormErrors, useSubmission } from '../../components/Form.tsx';
import { Empty, Loadable } from '../../components/PageState.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Guard } from '../account/Guard.tsx';
import { useUsers } from '../admin/UsersPage.tsx';
import { actorLabel, AUDIT_FILTERS, type AuditFilters, filtersFrom, jsonText } from './audit-words.ts';

const PAGE_SIZE = 50;

export function AuditPage() {
  const { t } = useI18n();
  usePageTitle(t('audit.title'));
  return <Guard allowed={(can) => can.readAudit}>{() => <Audit />}</Guard>;
}

function Audit() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const key = AUDIT_FILTERS.map((f) => filters[f]).join('|');
  const apply = (next: AuditFilters) =>
    setParams(
      () => {
        const p = new URLSearchParams();
        for (const f of AUDIT_FILTERS) if (next[f]) p.set(f, next[f]);
        return p;
      },
      { replace: false },
    );
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p className="lead">{t('audit.lead')}</p>
      <FilterForm key={`filters|${key}`} filters={filters} onApply={apply} />
      <p>
        <a href={apiUrl('/audit', { ...filters, format: 'csv' })} download="accord-audit.csv">
          {t('audit.csv')}
        </a>
      </p>
      <Records key={`records|${key}`} filters={filters} />
    </>
  );
}

function FilterForm({ filters, onApply }: { filters: AuditFilters; onApply: (filters: AuditFilters) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(filters);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(Object.fromEntries(AUDIT_FILTERS.map((f) => [f, draft[f].trim()])) as AuditFilters);
  };
  const input = (f: keyof AuditFilters, type = 'text', extra: Record<string, string> = {}) => (
    <label className="field" key={f}>
      <span>{t(`audit.filter.${f}`)}</span>
      <input type={type} value={draft[f]} onChange={(e) => setDraft({ ...draft, [f]: e.target.value })} dir={type === 'text' ? 'ltr' : undefined} {...extra} />
    </label>
  );
  return (
    // biome-ignore lint/a11y/useSemanticElements: the filters of the trail, a search landmark would clash with the site's search
    <form className="toolbar filters" onSubmit={submit} role="group" aria-label={t('audit.filters')}>
      {input('entity', 'text', { list: 'audit-entities', spellCheck: 'false' })}
      <datalist id="audit-entities">
        {['user', 'session', 'api-token', 'organization', 'dataset'].map((kind) => (
          <option key={kind} value={kind} />
        ))}
      </datalist>
      {input('id', 'text', { spellCheck: 'false' })}
      {input('actor', 'text', { spellCheck: 'false', placeholder: 'user:… / system:…' })}
      {input('useCase', 'text', { spellCheck: 'false' })}
      {input('since', 'date')}
      {input('until', 'date')}
      <div className="buttons">
        <button type="submit" className="primary">
          {t('audit.apply')}
        </button>
        <button type="button" onClick={() => onApply({ entity: '', id: '', actor: '', useCase: '', since: '', until: '' })}>
          {t('audit.clear')}
        </button>
      </div>
    </form>
  );
}

function Records({ filters }: { filters: AuditFilters }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const first = useApi(
    `audit|${AUDIT_FILTERS.map((f) => filters[f]).join('|')}`,
    (signal) => getJson<{ items: AuditRecord[]; next: string | null }>('/audit', { ...filters, limit: PAGE_SIZE }, signal),
    {
      remember: false,
    },
  );
  // Actors are named when the reader may list the accounts; otherwise they are shown by id.
  const users = useUsers(can.manageUsers);
  const names = new Map((users.data?.items ?? []).map((u: User) => [u.id, u]));
  const [older, setOlder] = useState<{ items: AuditRecord[]; next: string | null } | null>(null);
  const loading = useSubmission<{ items: AuditRecord[]; next: string | null }>();
  const firstOlder = useRef<HTMLTableRowElement>(null);
  const [focusFrom, setFocusFrom] = useState<number | null>(null);
  useEffect(() => {
    if (focusFrom !== null) firstOlder.current?.focus();
  }, [focusFrom]);

  return (
    <Loadable loaded={first}>
      {(page) => {
        const items = [...page.items, ...(older?.items ?? [])];
        const next = older ? older.next : page.next;
        const more = async () => {
          const answer = await loading.run(() => getJson<{ items: AuditRecord[]; next: string | null }>('/audit', { ...filters, limit: PAGE_SIZE, before: next }));
          if (answer) {
            setOlder({ items: [...(older?.items ?? []), ...answer.items], next: answer.next });
            setFocusFrom(items.length);
          }
        };
        if (items.length === 0) return <Empty>{t('audit.none')}</Empty>;
        return (
          <>
            {/* biome-ignore lint/a11y/useSemanticElements lint/a11y/noNoninteractiveTabindex: a labelled box that scrolls the table, focusable so a keyboard can scroll it */}
            <div className="table-scroll" role="region" aria-labelledby="audit-caption" tabIndex={0}>
              <table className="audit">
                <caption id="audit-caption">
                  {t('audit.caption')} <span className="muted">({t('table.rows', { count: items.length })})</span>
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('audit.when')}</th>
                    <th scope="col">{t('audit.who')}</th>
                    <th scope="col">{t('audit.what')}</th>
                    <th scope="col">{t('audit.reason')}</th>
                    <th scope="col">{t('audit.details')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((record, i) => (
                    <RecordRow key={record.id} record={record} names={names} rowRef={i === focusFrom ? firstOlder : undefined} />
                  ))}
                </tbody>
              </table>
            </div>
            <FormErrors error={loading.error} context="read" />
            {next && (
              <p>
                <button type="button" onClick={more} disabled={loading.busy}>
                  {t('audit.older')}
                </button>
              </p>
            )}
          </>
        );
      }}
    </Loadable>
  );
}

function RecordRow({ record, names, rowRef }: { record: AuditRecord; names: Map<string, User>; rowRef?: Ref<HTMLTableRowElement> }) {
  const { t, dateTime } = useI18n();
  const actor = actorLabel(record.actor, names);
  return (
    <tr ref={rowRef} tabIndex={rowRef ? -1 : undefined}>
      <td>
        <time dateTime={record.at}>{dateTime(record.at)}</time>
      </td>
      <td>
        {actor.kind === 'user' &&
          (actor.name ? (
            <>
              <bdi>{actor.name}</bdi>
              <span className="muted small block">
                <bdi dir="ltr">{actor.id}</bdi>
              </span>
            </>
          ) : (
            <bdi dir="ltr">{record.actor}</bdi>
          ))}
        {actor.kind === 'system' && t('audit.system', { name: `\u2068${actor.name}\u2069` })}
        {actor.kind === 'other' && <bdi dir="ltr">{record.actor}</bdi>}
      </td>
      <td>
        <span lang="en" dir="ltr">
          {record.summary}
        </span>
        <span className="muted small block">
          <bdi dir="ltr">
            {record.useCase} · {record.action} · {record.entityKind}
            {record.entityId ? ` ${record.entityId}` : ''}
          </bdi>
        </span>
      </td>
      <td>{record.reason ? <bdi>{record.reason}</bdi> : '–'}</td>
      <td>
        {record.before !== null || record.after !== null ? (
          <details className="audit-json">
            <summary>{t('audit.beforeAfter')}</summary>
            {record.before !== null && (
              <>
                <h3 className="small">{t('audit.before')}</h3>
                <pre dir="ltr">{jsonText(record.before)}</pre>
              </>
            )}
            {record.after !== null && (
              <>
                <h3 className="small">{t('audit.after')}</h3>
                <pre dir="ltr">{jsonText(record.after)}</pre>
              </>
            )}
          </details>
        ) : (
          '–'
        )}
      </td>
    </tr>
  );
}
