// A record's changes for signed-in readers (GET /api/v1/history), newest first: who, when, what
// changed (each field before → after), the source with its kind, and the reason given; older
// changes a page at a time. Anonymous readers neither see it nor cause the request.
import { useEffect, useState } from 'react';
import { useAuth } from '../../api/auth.tsx';
import { getJson } from '../../api/client.ts';
import { SourceTitle } from '../../components/Sources.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { fieldLabel, valueText } from './Corrections.tsx';
import { changesOf } from './history-changes.ts';
import type { RecordKind } from './RecordTools.tsx';

interface HistoryEntry {
  id: number;
  who: string;
  whoName: string | null;
  at: string;
  action: string;
  useCase: string;
  before: unknown;
  after: unknown;
  summary: string;
  reason: string | null;
  source: { id: string; title: string; url: string; kind: string | null } | null;
}

interface HistoryPage {
  items: HistoryEntry[];
  next: string | null;
}

export function HistorySection({ entity, id, version }: { entity: RecordKind; id: string; version?: number }) {
  const { user } = useAuth();
  if (!user) return null;
  return <History key={`${entity}|${id}|${version ?? ''}`} entity={entity} id={id} />;
}

function History({ entity, id }: { entity: RecordKind; id: string }) {
  const { t, dateTime } = useI18n();
  const [pages, setPages] = useState<HistoryPage[]>([]);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const load = async (before?: string) => {
    setBusy(true);
    try {
      const page = await getJson<HistoryPage>('/history', { entity, id, before });
      setPages((p) => [...p, page]);
      setError(null);
    } catch (problem) {
      setError(problem as Error);
    } finally {
      setBusy(false);
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: the first page, once per record (the key renews it)
  useEffect(() => {
    load();
  }, []);
  const items = pages.flatMap((p) => p.items);
  const next = pages.at(-1)?.next ?? null;
  return (
    <section aria-labelledby="history-title" className="history">
      <h2 id="history-title">{t('edit.history')}</h2>
      {error && (
        <p className="field-error" role="alert">
          {t('edit.history.error')}
        </p>
      )}
      {pages.length > 0 && items.length === 0 && <p className="muted">{t('edit.history.none')}</p>}
      <ol className="history-list">
        {items.map((entry) => (
          <li key={entry.id} className="history-entry">
            <p>
              <strong>
                <bdi>{entry.whoName ?? entry.who}</bdi>
              </strong>{' '}
              · <time dateTime={entry.at}>{dateTime(entry.at)}</time> · {t(`edit.action.${entry.action}`)}
            </p>
            <ul>
              {changesOf(entry).map((c) => (
                <li key={c.field}>
                  {fieldLabel(c.field, t)}: {entry.action !== 'create' && <bdi className="before">{valueText(c.before, t)}</bdi>}
                  {entry.action !== 'create' && ' → '}
                  <bdi className="after">{valueText(c.after, t)}</bdi>
                </li>
              ))}
            </ul>
            {entry.source && (
              <p className="small">
                {t('col.source')}: <SourceTitle source={entry.source} /> {entry.source.kind && <span className="muted">({t(`source.kind.${entry.source.kind}`)})</span>}
              </p>
            )}
            {entry.reason && (
              <p className="small">
                {t('edit.reason')}: <q>{entry.reason}</q>
              </p>
            )}
          </li>
        ))}
      </ol>
      {next && (
        <button type="button" onClick={() => load(next)} disabled={busy}>
          {t('edit.history.older')}
        </button>
      )}
    </section>
  );
}
