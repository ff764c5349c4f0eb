// A treaty status and the acts behind it, the same on every page: the status as a symbol and
// a word (never colour alone) with the reason it has (the article that kept the State out, the
// day it became a State, why it is uncertain), each act with its date as precisely as the
// source gives it (a year stays a year; an undated act with the span it can fall in), what the
// source notes of it, when it takes effect, and its sources.
import { Link } from 'react-router';
import type { Source, StatusReason, TreatyAction, TreatyDeclaration, TreatyStatus } from '../api/types.ts';
import { useI18n, type I18n } from '../i18n/i18n.tsx';
import { FactDate } from './FactDate.tsx';
import { Sources, uniqueSources } from './Sources.tsx';

export { TREATY_STATUSES } from '../../../src/shared/vocabularies.ts';

/** Shapes that tell the statuses apart in print and for colour-blind readers. */
export const STATUS_SYMBOLS: Record<TreatyStatus, string> = {
  party: '●',
  uncertain: '◐',
  signatory: '○',
  withdrawn: '⊘',
  noAction: '–',
  noData: '?',
  notEligible: '×',
  notYetState: '◌',
};

/** Map and chart colours: the blues say "bound" (uncertain is also hatched on the map), the
 *  light orange "signed only", red "left"; the rest are pale, "no data" palest of all. */
export const STATUS_COLOURS: Record<TreatyStatus, string> = {
  party: '#08519c',
  uncertain: '#6baed6',
  signatory: '#fdb863',
  withdrawn: '#b2182b',
  noAction: '#e4dfee',
  noData: '#f7f7f7',
  notEligible: '#b3b3b3',
  notYetState: '#f6e8c3',
};

/** Why a row has its status, in words: "(art. 59(1))", "(a State from 25 June 1991)", "(date not known to the day)". */
export function statusReason(row: StatusReason, { t, date }: Pick<I18n, 't' | 'date'>): string | null {
  if (row.status === 'notEligible' && row.because?.article) {
    return row.because.article === 'adoption' ? t('treaty.reason.notAdopted') : t('treaty.reason.article', { article: row.because.article });
  }
  if (row.status === 'notYetState' && row.because?.since) return t('treaty.reason.stateSince', { date: date(row.because.since) });
  if (row.status === 'uncertain' && row.uncertainty) return t(`treaty.uncertainty.${row.uncertainty}`);
  return null;
}

/** The status and its reason in one line, for map labels and spreadsheets. */
export function statusText(row: StatusReason, i18n: Pick<I18n, 't' | 'date'>): string {
  const reason = statusReason(row, i18n);
  const word = i18n.t(`treaty.status.${row.status}`);
  return reason ? `${word} (${reason})` : word;
}

/** The reason as stable English codes, for CSV and JSON exports. */
export function reasonCode(row: StatusReason): string | null {
  if (row.status === 'notEligible') return row.because?.article ?? null;
  if (row.status === 'notYetState') return row.because?.since ? `state from ${row.because.since}` : null;
  return row.uncertainty;
}

export function StatusLabel({ status, row, sources }: { status: TreatyStatus; row?: StatusReason; sources?: SourceIndex }) {
  const i18n = useI18n();
  const reason = row ? statusReason(row, i18n) : null;
  const reasonSources = row?.because && sources ? row.because.sourceIds.flatMap((id) => (sources[id] ? [sources[id]] : [])) : [];
  return (
    <span className="treaty-status" data-status={status}>
      <span className="status-symbol" aria-hidden="true">
        {STATUS_SYMBOLS[status]}
      </span>{' '}
      {i18n.t(`treaty.status.${status}`)}
      {reason && (
        <>
          {' '}
          <span className="status-reason">({reason})</span>
        </>
      )}
      {reasonSources.length > 0 && (
        <>
          {' '}
          <Sources sources={uniqueSources(reasonSources)} />
        </>
      )}
    </span>
  );
}

type Act = TreatyAction | TreatyDeclaration;
export type SourceIndex = Record<string, Source>;

/** An act's sources: where the act is recorded, and the article its date of effect follows. */
export function actSources(act: Act, index: SourceIndex): Source[] {
  const ids = [...act.sourceIds, ...(act.effectiveRule?.sourceIds ?? [])];
  return uniqueSources(ids.flatMap((id) => (index[id] ? [index[id]] : [])));
}

export function allSources(acts: Act[], index: SourceIndex): Source[] {
  return uniqueSources(acts.flatMap((a) => actSources(a, index)));
}

/** One act as plain text for exports: stable English codes and ISO dates. */
export function actText(act: Act): string {
  const effective = act.effective && act.effective !== act.date ? ` (effective ${act.effective}${act.effectiveRule ? `, ${act.effectiveRule.article}` : ''})` : '';
  const bounds = act.date === null && act.bounds ? boundsText(act.bounds) : '';
  const withdrawal = act.kind === 'declaration-withdraw';
  const inForce = 'inForce' in act ? ` [${act.inForce ? (withdrawal ? 'in effect' : 'in force') : withdrawal ? 'not yet in effect' : 'not in force'}]` : '';
  return `${act.kind} ${act.date ?? 'undated'}${bounds}${effective}${inForce}`;
}

function boundsText(bounds: NonNullable<Act['bounds']>): string {
  const parts = [bounds.from && `not before ${bounds.from}`, bounds.certainFrom && `certain from ${bounds.certainFrom}`].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** Where an undated act can fall: "not before 14 May 1993; certain from 1 January 2022". */
function Bounds({ bounds }: { bounds: NonNullable<Act['bounds']> }) {
  const { t, date } = useI18n();
  const certain = bounds.certainFrom ? t('treaty.bounds.certainFrom', { date: date(bounds.certainFrom) }) : t('treaty.bounds.neverCertain');
  const text = bounds.from ? t('treaty.bounds.both', { from: t('treaty.bounds.from', { date: date(bounds.from) }), certain }) : certain;
  return <span className="muted small bounds"> ({text})</span>;
}

/** A kind the dictionaries do not know yet (a new source) is shown as its code rather than as a key. */
export function kindName(kind: string, t: (key: string) => string): string {
  const name = t(`treaty.kind.${kind}`);
  return name === `treaty.kind.${kind}` ? kind : name;
}

/** "In force" for an acceptance; for its withdrawal, whether the withdrawal has taken effect. */
function inForceKey(declaration: TreatyDeclaration): string {
  if (declaration.kind === 'declaration-withdraw') return declaration.inForce ? 'treaty.withdrawalInEffect' : 'treaty.withdrawalPending';
  return declaration.inForce ? 'treaty.inForce' : 'treaty.notInForce';
}

export function ActList({ acts, sources }: { acts: Act[]; sources: SourceIndex }) {
  const { t, date } = useI18n();
  if (acts.length === 0) return <span className="muted">–</span>;
  return (
    <ul className="events acts">
      {acts.map((a, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: acts have no id; the list is shown as a whole, never reordered
        <li key={i} data-kind={a.kind}>
          {kindName(a.kind, t)} <FactDate value={a.date} />
          {a.date === null && a.bounds && <Bounds bounds={a.bounds} />}
          {a.effective && a.effective !== a.date && (
            <span className="muted small">
              {' '}
              · {a.effectiveRule ? t('treaty.effectiveByRule', { date: date(a.effective), article: a.effectiveRule.article }) : t('treaty.effective', { date: date(a.effective) })}
            </span>
          )}
          {'inForce' in a && <span className={a.inForce ? 'badge in-force' : 'badge'}>{t(inForceKey(a))}</span>}
          {a.support && a.support !== 'official' && <span className="badge support">{t(`treaty.support.${a.support}`)}</span>} <Sources sources={actSources(a, sources)} />
          {/* What the source says of the act (a depositary's end note), in its own words and language. */}
          {a.note && (
            <q className="act-note" lang="en" dir="ltr">
              {a.note}
            </q>
          )}
        </li>
      ))}
    </ul>
  );
}

/** "Sources disagree about this: n", with a link to the data-quality list filtered to it. */
export function ConflictsNote({ count, message, filter, value }: { count: number; message: string; filter: 't.state' | 't.instrument'; value: string }) {
  const { t, href } = useI18n();
  if (count === 0) return null;
  return (
    <p className="note">
      {message} <Link to={`${href('/data-quality')}?${filter}=${encodeURIComponent(value)}`}>{t('treaty.conflictsLink')}</Link>
    </p>
  );
}
