// Every State's status under the instrument at the date, with its acts and declarations and
// their sources; filtered by status and UN regional group (kept in the address), exported.
import { Link } from 'react-router';
import type { InstrumentStatus, StateSummary, TreatyStatus } from '../../api/types.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { SelectFilter } from '../../components/SelectFilter.tsx';
import { sourcesText } from '../../components/Sources.tsx';
import { ActList, actText, allSources, reasonCode, StatusLabel, TREATY_STATUSES } from '../../components/TreatyStatus.tsx';
import { useQueryParam } from '../../components/useQueryParam.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { REGIONAL_GROUPS } from '../../../../src/shared/vocabularies.ts';

export type ParticipantRow = InstrumentStatus['states'][number] & { name: string; group: string | null };

/** The API's rows with each State's name in the reader's language, in the States list's order. */
export function participantRows(status: InstrumentStatus, states: StateSummary[]): ParticipantRow[] {
  const byIso3 = new Map(status.states.map((s) => [s.iso3, s]));
  return states.flatMap((s) => {
    const row = byIso3.get(s.iso3);
    return row ? [{ ...row, name: s.name, group: s.regionalGroup }] : [];
  });
}

export function ParticipantsTable({ status, rows, caption }: { status: InstrumentStatus; rows: ParticipantRow[]; caption: string }) {
  const { t, href } = useI18n();
  const [wanted, setWanted] = useQueryParam('p.status');
  const [group, setGroup] = useQueryParam('p.group');
  const shown = rows.filter((r) => (!wanted || r.status === wanted) && (!group || r.group === group));
  const columns: Column<ParticipantRow>[] = [
    { id: 'state', header: t('col.state'), cell: (r) => <Link to={href(`/states/${r.iso3}`)}>{r.name}</Link>, value: (r) => r.name },
    { id: 'iso3', header: t('col.code'), cell: (r) => r.iso3, value: (r) => r.iso3 },
    { id: 'status', header: t('col.status'), cell: (r) => <StatusLabel status={r.status} row={r} />, value: (r) => r.status },
    { id: 'acts', header: t('treaty.col.acts'), cell: (r) => <ActList acts={r.actions} sources={status.sources} />, value: (r) => r.actions.map(actText).join('; ') },
    { id: 'declarations', header: t('treaty.col.declarations'), cell: (r) => <ActList acts={r.declarations} sources={status.sources} />, value: (r) => r.declarations.map(actText).join('; ') },
  ];
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={shown}
      rowKey={(r) => r.iso3}
      urlKey="p"
      exportName={`accord-${status.instrument}-participants-${status.asOf}`}
      exportAbout={{ instrument: status.instrument, asOf: status.asOf }}
      exportExtra={(r) => ({ iso2: r.iso2, regionalGroup: r.group, reason: reasonCode(r), support: r.support, sources: sourcesText(allSources([...r.actions, ...r.declarations], status.sources)) })}
      controls={
        <>
          <SelectFilter label={t('col.status')} value={wanted} onChange={(v) => setWanted(v, ['p.page'])} options={TREATY_STATUSES.map((s: TreatyStatus) => [s, t(`treaty.status.${s}`)])} />
          <SelectFilter label={t('col.group')} value={group} onChange={(v) => setGroup(v, ['p.page'])} options={REGIONAL_GROUPS.map((g) => [g, t(`group.${g}`)])} />
        </>
      }
    />
  );
}
