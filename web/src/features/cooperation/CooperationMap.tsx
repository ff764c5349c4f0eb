// The dashboard's map: each State coloured by how many records of the programme concern it
// (requests it made, projects in it, events it hosted, added up), with every number in the table
// under it: the colour is never the only way to read them. Each State is a link to its page.
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { NO_DATA, WorldMap } from '../../components/WorldMap.tsx';
import type { CooperationDashboard } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type Country = CooperationDashboard['countries'][number];

/** Classes of the total, lightest to darkest. */
const CLASSES = [
  { group: '1', upTo: 1, fill: '#c6dbef' },
  { group: '2-5', upTo: 5, fill: '#6baed6' },
  { group: '6-20', upTo: 20, fill: '#2171b5' },
  { group: '21+', upTo: Number.POSITIVE_INFINITY, fill: '#08306b' },
] as const;

const totalOf = (c: Country) => c.requests + c.projects + c.events;

export function CooperationMap({ countries, caption }: { countries: Country[]; caption: string }) {
  const { t, number } = useI18n();
  const describe = (c: Country) => `${c.name}: ${t('cooperation.requests')} ${number(c.requests)}, ${t('cooperation.projects')} ${number(c.projects)}, ${t('cooperation.events')} ${number(c.events)}`;
  const entries = countries
    .filter((c) => totalOf(c) > 0)
    .map((c) => {
      const cls = CLASSES.find((k) => totalOf(c) <= k.upTo) ?? CLASSES[3];
      return { iso3: c.iso3, group: cls.group, fill: cls.fill, label: describe(c) };
    });
  const columns: Column<Country>[] = [
    { id: 'state', header: t('cooperation.state'), cell: (c) => c.name, value: (c) => c.name },
    { id: 'iso3', header: 'ISO', cell: (c) => c.iso3, value: (c) => c.iso3 },
    { id: 'requests', header: t('cooperation.requests'), cell: (c) => number(c.requests), value: (c) => c.requests, numeric: true },
    { id: 'projects', header: t('cooperation.projects'), cell: (c) => number(c.projects), value: (c) => c.projects, numeric: true },
    { id: 'events', header: t('cooperation.events'), cell: (c) => number(c.events), value: (c) => c.events, numeric: true },
    { id: 'total', header: t('cooperation.total'), cell: (c) => number(totalOf(c)), value: totalOf, numeric: true },
  ];
  return (
    <figure className="cooperation-map" data-chart="countries">
      <WorldMap entries={entries} caption={caption} />
      <figcaption>
        <ul className="chart-legend">
          <li>
            <svg width="18" height="14" aria-hidden="true" className="line-sample">
              <rect x="1" y="1" width="16" height="12" fill={NO_DATA} stroke="#6b7280" strokeWidth={0.6} />
            </svg>
            {t('cooperation.mapNone')}
          </li>
          {CLASSES.map((k) => (
            <li key={k.group}>
              <svg width="18" height="14" aria-hidden="true" className="line-sample">
                <rect x="1" y="1" width="16" height="12" fill={k.fill} stroke="#6b7280" strokeWidth={0.6} />
              </svg>
              <bdi>{k.group.replace('-', '–')}</bdi>
            </li>
          ))}
        </ul>
        <p className="muted small">{t('cooperation.mapNote')}</p>
      </figcaption>
      <details className="table-disclosure">
        <summary>{t('chart.showTable')}</summary>
        <DataTable
          caption={caption}
          columns={columns}
          rows={countries}
          rowKey={(c) => c.iso3}
          initialSort={{ id: 'total', descending: true }}
          exportName="accord-cooperation-per-state"
          urlKey="states"
        />
      </details>
    </figure>
  );
}
