// A State's treaty acts over time: a bar per instrument, signatory from signature, party from
// consent until a denunciation takes effect; the same acts as a table (for screen readers and
// export) in a disclosure under it.
import { Link } from 'react-router';
import type { StateTreaties, TreatyAction, TreatyDeclaration } from '../../api/types.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { FactDate } from '../../components/FactDate.tsx';
import { Name } from '../../components/Name.tsx';
import { Empty } from '../../components/PageState.tsx';
import { Sources, sourcesText } from '../../components/Sources.tsx';
import { Timeline } from '../../components/Timeline.tsx';
import { treatyPeriodsOf } from '../../components/treaty-periods.ts';
import { actSources, kindName } from '../../components/TreatyStatus.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { TreatyRow } from './StateTreatyTable.tsx';

interface ActRow {
  key: string;
  row: TreatyRow;
  act: TreatyAction | TreatyDeclaration;
}

function ActsTable({ answer, acts, name }: { answer: StateTreaties; acts: ActRow[]; name: string }) {
  const { t, href } = useI18n();
  const columns: Column<ActRow>[] = [
    {
      id: 'instrument',
      header: t('col.instrument'),
      cell: (r) => (
        <Link to={href(`/instruments/${r.row.instrument}`)}>
          <Name text={r.row.name} lang={r.row.nameLang} />
        </Link>
      ),
      value: (r) => r.row.name,
    },
    { id: 'code', header: t('col.code'), cell: (r) => r.row.instrument, value: (r) => r.row.instrument },
    { id: 'kind', header: t('col.event'), cell: (r) => kindName(r.act.kind, t), value: (r) => r.act.kind },
    { id: 'date', header: t('col.date'), cell: (r) => <FactDate value={r.act.date} />, value: (r) => r.act.date ?? '' },
    { id: 'effective', header: t('treaty.col.effective'), cell: (r) => (r.act.effective ? <FactDate value={r.act.effective} /> : '–'), value: (r) => r.act.effective ?? '' },
    { id: 'sources', header: t('col.sources'), cell: (r) => <Sources sources={actSources(r.act, answer.sources)} /> },
  ];
  return (
    <details className="table-disclosure">
      <summary>{t('treaty.actsShow')}</summary>
      <DataTable
        caption={t('treaty.actsCaption', { name })}
        columns={columns}
        rows={acts}
        rowKey={(r) => r.key}
        initialSort={{ id: 'date' }}
        exportName={`accord-${answer.iso3}-treaty-acts`}
        exportAbout={{ state: answer.iso3, asOf: answer.asOf }}
        exportExtra={(r) => ({
          precision: r.act.precision,
          notBefore: r.act.bounds?.from ?? null,
          certainFrom: r.act.bounds?.certainFrom ?? null,
          effectiveRule: r.act.effectiveRule?.article ?? null,
          collection: r.act.collection,
          support: r.act.support,
          note: r.act.note,
          sources: sourcesText(actSources(r.act, answer.sources)),
        })}
      />
    </details>
  );
}

export function TreatyTimeline({ answer, rows, name, asOf }: { answer: StateTreaties; rows: TreatyRow[]; name: string; asOf: string }) {
  const { t } = useI18n();
  const lines = rows
    .map((r) => ({ id: r.instrument, label: r.name, periods: treatyPeriodsOf(r.actions, r.adopted), first: r.actions[0]?.date ?? r.adopted ?? '' }))
    .filter((line) => line.periods.length > 0)
    .sort((a, b) => a.first.localeCompare(b.first) || a.id.localeCompare(b.id));
  const acts: ActRow[] = rows.flatMap((row) => [...row.actions, ...row.declarations].map((act, i) => ({ key: `${row.instrument}-${i}`, row, act })));
  return (
    <section aria-labelledby="treaty-timeline-title">
      <h3 id="treaty-timeline-title">{t('treaty.timeline')}</h3>
      {lines.length === 0 ? (
        <Empty>{t('treaty.noActs')}</Empty>
      ) : (
        <>
          <p className="muted">{t('treaty.timelineLead')}</p>
          <Timeline
            rows={lines}
            title={t('treaty.timelineTitle', { name })}
            asOf={asOf}
            legend={[
              { status: 'party', label: t('treaty.status.party') },
              { status: 'signatory', label: t('treaty.status.signatory') },
              ...(lines.some((line) => line.periods.some((p) => p.from === null || p.undatedStart)) ? [{ status: 'undated', label: t('treaty.timelineUndated') }] : []),
            ]}
          />
          <ActsTable answer={answer} acts={acts} name={name} />
        </>
      )}
    </section>
  );
}
