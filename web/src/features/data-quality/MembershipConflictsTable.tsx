// Where a year-level membership list (the Correlates of War IGO data) disagrees with the
// registry's dated memberships: each run of years, what each side says, and where each comes
// from. The registry's dated events decide; the list is shown, never merged.
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { MembershipConflict, Organization, Source, SourceEntry, StateSummary } from '../../api/types.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { FactDate } from '../../components/FactDate.tsx';
import { Name } from '../../components/Name.tsx';
import { SelectFilter } from '../../components/SelectFilter.tsx';
import { Sources, sourcesText, uniqueSources } from '../../components/Sources.tsx';
import { useQueryParam } from '../../components/useQueryParam.ts';
import { useI18n } from '../../i18n/i18n.tsx';

interface Props {
  conflicts: MembershipConflict[];
  states: StateSummary[];
  organizations: Organization[];
  sources: SourceEntry[];
}

const years = (c: MembershipConflict) => (c.fromYear === c.toYear ? c.fromYear : `${c.fromYear}–${c.toYear}`);

export function MembershipConflictsTable({ conflicts, states, organizations, sources }: Props) {
  const { t, href } = useI18n();
  const [organization, setOrganization] = useQueryParam('m.organization');
  const names = useMemo(() => new Map(states.map((s) => [s.iso3, s])), [states]);
  const orgNames = useMemo(() => new Map(organizations.map((o) => [o.id, o.acronym ?? o.name])), [organizations]);
  const index = useMemo(() => new Map<string, Source>(sources.map((s) => [s.id, s])), [sources]);
  const sourcesOf = (c: MembershipConflict) => uniqueSources([...c.list.sourceIds, ...c.registry.events.flatMap((e) => e.sourceIds)].flatMap((id) => (index.get(id) ? [index.get(id)!] : [])));
  const nameOf = (c: MembershipConflict) => names.get(c.iso3)?.name ?? c.iso3;
  const eventsText = (c: MembershipConflict) => c.registry.events.map((e) => `${t(`event.${e.event}`)} ${e.date ?? t('fact.noDate')}`).join('; ');
  const rows = conflicts.filter((c) => !organization || c.organization === organization);
  const columns: Column<MembershipConflict>[] = [
    {
      id: 'organization',
      header: t('col.organization'),
      cell: (c) => <Link to={href(`/organizations/${c.organization}`)}>{orgNames.get(c.organization) ?? c.organization}</Link>,
      value: (c) => c.organization,
    },
    {
      id: 'state',
      header: t('col.state'),
      cell: (c) => (
        <Link to={href(`/states/${c.iso3}`)}>
          <Name text={nameOf(c)} lang={names.get(c.iso3)?.nameLang} />
        </Link>
      ),
      value: nameOf,
    },
    { id: 'years', header: t('quality.membership.col.years'), cell: (c) => <bdi>{years(c)}</bdi>, value: (c) => c.fromYear },
    { id: 'list', header: t('quality.membership.col.list'), cell: (c) => t(`quality.membership.status.${c.list.status}`), value: (c) => c.list.status },
    {
      id: 'registry',
      header: t('quality.membership.col.registry'),
      cell: (c) => (
        <>
          {t(`quality.membership.status.${c.registry.status}`)}
          <ul className="events small">
            {c.registry.events.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: membership events have no id; shown as a whole, in date order
              <li key={i}>
                {t(`event.${e.event}`)} <FactDate value={e.date} />
              </li>
            ))}
          </ul>
        </>
      ),
      value: eventsText,
    },
    {
      id: 'provenance',
      header: t('quality.col.provenance'),
      cell: (c) => (
        <>
          <bdi className="provenance">{`${c.list.file}, ${t('quality.membership.row', { row: String(c.list.row) })}, ${c.list.column}`}</bdi> <Sources sources={sourcesOf(c)} />
        </>
      ),
      value: (c) => `${c.list.file} row ${c.list.row} ${c.list.column}`,
    },
  ];
  return (
    <DataTable
      caption={t('quality.membership.caption')}
      columns={columns}
      rows={rows}
      rowKey={(c) => `${c.organization}|${c.iso3}|${c.fromYear}`}
      urlKey="m"
      exportName="accord-membership-conflicts"
      exportExtra={(c) => ({ iso3: c.iso3, kind: c.kind, fromYear: c.fromYear, toYear: c.toYear, followed: c.followed, sources: sourcesText(sourcesOf(c)) })}
      empty={t('quality.membership.none')}
      controls={
        <SelectFilter
          label={t('col.organization')}
          value={organization}
          onChange={(v) => setOrganization(v, ['m.page'])}
          options={[...new Set(conflicts.map((c) => c.organization))].map((id): [string, string] => [id, orgNames.get(id) ?? id]).sort((a, b) => a[1].localeCompare(b[1]))}
        />
      }
    />
  );
}
