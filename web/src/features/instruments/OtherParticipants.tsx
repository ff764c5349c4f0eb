// Participants that are not States (the European Union, for instance): few, so a plain table
// with their status, acts and declarations; the counts and the map are about States only.
import { Link } from 'react-router';
import { useOrganizations } from '../../api/registry.ts';
import type { InstrumentStatus } from '../../api/types.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { Name } from '../../components/Name.tsx';
import { sourcesText } from '../../components/Sources.tsx';
import { ActList, actText, allSources, reasonCode, StatusLabel } from '../../components/TreatyStatus.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

type Row = InstrumentStatus['organizations'][number];

export function OtherParticipants({ status, name }: { status: InstrumentStatus; name: string }) {
  const { t, lang, href, date } = useI18n();
  const organizations = useOrganizations(lang, status.asOf);
  const byId = new Map((organizations.data ?? []).map((o) => [o.id, o]));
  const nameOf = (id: string) => byId.get(id)?.name ?? id.toUpperCase();
  const columns: Column<Row>[] = [
    {
      id: 'organization',
      header: t('col.organization'),
      cell: (r) =>
        byId.has(r.id) ? (
          <Link to={href(`/organizations/${r.id}`)}>
            <Name text={nameOf(r.id)} lang={byId.get(r.id)!.nameLang} />
          </Link>
        ) : (
          nameOf(r.id)
        ),
      value: (r) => nameOf(r.id),
    },
    { id: 'status', header: t('col.status'), cell: (r) => <StatusLabel status={r.status} row={r} />, value: (r) => r.status },
    { id: 'acts', header: t('treaty.col.acts'), cell: (r) => <ActList acts={r.actions} sources={status.sources} />, value: (r) => r.actions.map(actText).join('; ') },
    { id: 'declarations', header: t('treaty.col.declarations'), cell: (r) => <ActList acts={r.declarations} sources={status.sources} />, value: (r) => r.declarations.map(actText).join('; ') },
  ];
  return (
    <section aria-labelledby="other-participants-title">
      <h3 id="other-participants-title">{t('treaty.others')}</h3>
      <DataTable
        caption={t('treaty.othersCaption', { name, date: date(status.asOf) })}
        columns={columns}
        rows={status.organizations}
        rowKey={(r) => r.id}
        exportName={`accord-${status.instrument}-other-participants-${status.asOf}`}
        exportAbout={{ instrument: status.instrument, asOf: status.asOf }}
        exportExtra={(r) => ({ id: r.id, reason: reasonCode(r), support: r.support, sources: sourcesText(allSources([...r.actions, ...r.declarations], status.sources)) })}
      />
    </section>
  );
}
