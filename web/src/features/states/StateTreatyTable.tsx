// A State's status under every instrument at a date: the status (symbol and word), the acts
// deposited by then with their dates as precise as known, and its declarations accepting a
// court's jurisdiction or individual complaints, each with its sources; exported as CSV/JSON.
import { Link } from 'react-router';
import type { StateTreaties } from '../../api/types.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { Name } from '../../components/Name.tsx';
import { SelectFilter } from '../../components/SelectFilter.tsx';
import { sourcesText } from '../../components/Sources.tsx';
import { ActList, actText, allSources, reasonCode, StatusLabel, TREATY_STATUSES } from '../../components/TreatyStatus.tsx';
import { useQueryParam } from '../../components/useQueryParam.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export type TreatyRow = StateTreaties['treaties'][number] & { name: string; nameLang: string | null; adopted: string | null };

/** Bound first, then uncertain, signed, left, and the ways of being outside: the order a reader looks for. */
const rank = (row: TreatyRow) => TREATY_STATUSES.indexOf(row.status);

export function StateTreatyTable({ answer, rows, name }: { answer: StateTreaties; rows: TreatyRow[]; name: string }) {
  const { t, href, date, lang } = useI18n();
  const [status, setStatus] = useQueryParam('tr.status');
  const shown = rows.filter((r) => !status || r.status === status).sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, lang));
  const columns: Column<TreatyRow>[] = [
    {
      id: 'instrument',
      header: t('col.instrument'),
      cell: (r) => (
        <Link to={href(`/instruments/${r.instrument}`)}>
          <Name text={r.name} lang={r.nameLang} />
        </Link>
      ),
      value: (r) => r.name,
    },
    { id: 'code', header: t('col.code'), cell: (r) => r.instrument, value: (r) => r.instrument },
    { id: 'status', header: t('col.statusAt', { date: date(answer.asOf) }), cell: (r) => <StatusLabel status={r.status} row={r} sources={answer.sources} />, value: (r) => r.status },
    { id: 'acts', header: t('treaty.col.acts'), cell: (r) => <ActList acts={r.actions} sources={answer.sources} />, value: (r) => r.actions.map(actText).join('; ') },
    { id: 'declarations', header: t('treaty.col.declarations'), cell: (r) => <ActList acts={r.declarations} sources={answer.sources} />, value: (r) => r.declarations.map(actText).join('; ') },
  ];
  return (
    <DataTable
      caption={t('treaty.stateCaption', { name, date: date(answer.asOf) })}
      columns={columns}
      rows={shown}
      rowKey={(r) => r.instrument}
      initialSort={null}
      urlKey="tr"
      exportName={`accord-${answer.iso3}-treaties-${answer.asOf}`}
      exportAbout={{ state: answer.iso3, asOf: answer.asOf }}
      exportExtra={(r) => ({ untcRef: r.untcRef, reason: reasonCode(r), support: r.support, sources: sourcesText(allSources([...r.actions, ...r.declarations], answer.sources)) })}
      controls={<SelectFilter label={t('col.status')} value={status} onChange={(v) => setStatus(v, ['tr.page'])} options={TREATY_STATUSES.map((s) => [s, t(`treaty.status.${s}`)])} />}
    />
  );
}
