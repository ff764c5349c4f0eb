// How a procedure and a State's standing under it are written: "CAT art. 22 · individual
// communications", the status word, and the declaration it rests on (quoted in English, the
// language of the depositary's page, with its date or "with the consent to be bound").
import type { Source, StateProcedures } from '../../api/types.ts';
import { Sources } from '../../components/Sources.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

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
        {act.date && <> · {act.dateFromConsent ? t('procedure.fromConsent', { date: date(act.date) }) : date(act.date)}</>}{' '}
        <Sources sources={act.sourceIds.flatMap((id) => sources[id] ?? [])} />
      </span>
      {act.quote && (
        <blockquote lang="en" dir="ltr" className="small muted">
          {act.quote.length > 400 ? `${act.quote.slice(0, 400)}…` : act.quote}
        </blockquote>
      )}
    </div>
  );
}

export const PROCEDURE_STATUSES = ['accepted', 'optedOut', 'withdrawn', 'notAccepted', 'notInForce', 'notParty', 'noData', 'superseded'] as const;
