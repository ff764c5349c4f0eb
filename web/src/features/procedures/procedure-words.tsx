// How a procedure and a State's standing under it are written: "CAT art. 22 · individual
// communications", the status word, and the declaration it rests on (quoted in English, the
// language of the depositary's page, with its date or "with the consent to be bound").
import type { Source, StateProcedures } from '../../api/types.ts';
import { Sources } from '../../components/Sources.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { PROCEDURE_STATUSES, type ProcedureStatus } from '../../../../src/shared/vocabularies.ts';

type Row = Pick<StateProcedures['procedures'][number], 'instrument' | 'article' | 'kind' | 'status' | 'since' | 'act'>;

export function procedureName(t: (key: string) => string, p: Pick<Row, 'instrument' | 'article' | 'kind'>): string {
  return `${p.instrument} ${p.article} · ${t(`procedure.kind.${p.kind}`)}`;
}

export function Declaration({ row, sources }: { row: Row; sources: Record<string, Source> }) {
  const { t, date } = useI18n();
  const act = row.act;
  if (!act) return null;
  return (
    <div className="declaration">
      <span className="small">
        {t(`procedure.effect.${act.effect}`)}
        {act.date && <> · {act.dateFromConsent ? t('procedure.fromConsent', { date: date(act.date) }) : date(act.date)}</>} <Sources sources={act.sourceIds.flatMap((id) => sources[id] ?? [])} />
      </span>
      {act.quote && (
        <blockquote lang="en" dir="ltr" className="small muted">
          {act.quote.length > 400 ? `${act.quote.slice(0, 400)}…` : act.quote}
        </blockquote>
      )}
    </div>
  );
}

/** Where each status comes when a page lists them (rows and filter): under the procedure first,
 *  then out of it by the State's own act, then the rest. A Record, so that a new status in
 *  PROCEDURE_STATUSES must be placed here too. */
const SHOWN_RANK: Record<ProcedureStatus, number> = { accepted: 0, optedOut: 1, withdrawn: 2, notAccepted: 3, notInForce: 4, notParty: 5, noData: 6, superseded: 7 };

/** The procedure statuses in the order pages show them. */
export const SHOWN_STATUSES: ProcedureStatus[] = [...PROCEDURE_STATUSES].sort((a, b) => SHOWN_RANK[a] - SHOWN_RANK[b]);
