// What the sync pages share: a kind of record in the page's language, a run's counts, a value a
// peer or this registry gives, and a record's origin (the peer and the change it came with).
// Everything a peer sends is data from another server: its text is shown as text, marked as the
// English it is, and its change's address becomes a link only when isWebAddress allows it.
import { useState } from 'react';
import type { SyncedRecord, SyncRun } from '../../api/types.ts';
import { ErrorState } from '../../components/PageState.tsx';
import { isWebAddress } from '../../components/Sources.tsx';
import { type I18n, useI18n } from '../../i18n/i18n.tsx';
import { CHANGE_KINDS } from '../changes/ChangesPage.tsx';

/** A kind of record as the change feed names it, in the page's language; an unknown one as sent. */
export function KindName({ kind }: { kind: string }) {
  const { t } = useI18n();
  if ((CHANGE_KINDS as readonly string[]).includes(kind)) return <>{t(`changes.kind.${kind}`)}</>;
  return <bdi dir="ltr">{kind}</bdi>;
}

export function kindOptions(t: I18n['t']): [string, string][] {
  return CHANGE_KINDS.map((kind): [string, string] => [kind, t(`changes.kind.${kind}`)]);
}

/** "pages: 3 · changes read: 25 · records applied: 20" of a run as it stands. */
export function runCounts(run: SyncRun, t: I18n['t']): string {
  return t('sync.counts', { pages: run.pages, received: run.received, applied: run.applied, skipped: run.skipped });
}

/** A value of a compared fact: a date as precise as given, in the page's language; anything else (a seat's code) as sent. */
export function FactValue({ value }: { value: string }) {
  const { date } = useI18n();
  const parts = value.split(', ');
  if (parts.every((p) => /^\d{4}(-\d{2}(-\d{2})?)?$/.test(p))) {
    return (
      <>
        {parts.map((p, n) => (
          <time key={p} dateTime={p}>
            {n > 0 && ', '}
            {date(p)}
          </time>
        ))}
      </>
    );
  }
  return <bdi dir="ltr">{value}</bdi>;
}

/** The peer's name and the change at the peer the record came with: a link only to a web address. */
export function Origin({ origin }: { origin: SyncedRecord['origin'] }) {
  const { t } = useI18n();
  const change = t('sync.origin.change', { id: `\u2068${origin.changeId}\u2069` });
  return (
    <>
      <bdi>{origin.peer}</bdi>
      <span className="muted small block">
        {isWebAddress(origin.url) ? (
          <a href={origin.url} rel="noopener noreferrer" target="_blank">
            {change}
          </a>
        ) : (
          <>
            {change} <bdi dir="ltr">{origin.url}</bdi>
          </>
        )}
      </span>
    </>
  );
}

/** "Load more" under a list read a page of the API's at a time; it stays in place (and keeps the
 *  focus) while the next page loads, which it says, and a failed page is offered again. */
export function LoadMoreButton({ more, shown, total }: { more: { next: string | null; loading: boolean; error?: Error; loadMore(): void }; shown: number; total: number }) {
  const { t } = useI18n();
  return (
    <>
      {more.error && <ErrorState error={more.error} retry={more.loadMore} />}
      {more.next && (
        <button type="button" className="load-more" onClick={more.loadMore} aria-busy={more.loading}>
          {more.loading ? t('sync.loadingMore') : t('sync.loadMore', { shown, total })}
        </button>
      )}
    </>
  );
}

/** A name for this showing of a list, part of its key: records and runs change with every sync,
 *  so the pages read on an earlier visit (kept by useMorePages) are not joined to a fresh first page. */
export function useVisit(): string {
  const [visit] = useState(() => Math.random().toString(36).slice(2));
  return visit;
}
