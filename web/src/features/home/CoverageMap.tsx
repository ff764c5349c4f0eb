// The choropleth of regional coverage: the shared world map, coloured by the class of
// protection (or the number of mechanisms) each State has at the date. The same facts are in
// the table under the map. A State is hatched when a fact bringing it under a mechanism is not
// verified at the date (its day not known, or resting on weak sources).
import { WorldMap } from '../../components/WorldMap.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { classOf, type CoverageRow, type MapMode } from './coverage-model.ts';

export const CLASS_COLOURS: Record<string, string> = {
  none: '#f4a582',
  '0': '#f4a582',
  other: '#c6dbef',
  '1': '#9ecae1',
  commission: '#6baed6',
  '2': '#6baed6',
  court: '#08519c',
  '3': '#2171b5',
  '4+': '#08306b',
};

/** Covered by a mechanism, but not every fact that covers it is verified at the date. */
export const isHatched = (row: CoverageRow) => row.count > 0 && !row.verified;

export function describeRow(row: CoverageRow, t: (key: string, vars?: Record<string, string | number>) => string): string {
  const names = row.mechanisms.map((m) => m.name).join(', ');
  return `${row.name}: ${t('map.mechanisms', { count: row.count })}${names ? ` (${names})` : ''}`;
}

export function CoverageMap({ rows, mode, caption }: { rows: CoverageRow[]; mode: MapMode; caption: string }) {
  const { t } = useI18n();
  const entries = rows.map((row) => {
    const group = classOf(row, mode);
    const hatched = isHatched(row);
    return { iso3: row.iso3, group, fill: CLASS_COLOURS[group]!, hatched, label: hatched ? `${describeRow(row, t)} — ${t('fact.unverified')}` : describeRow(row, t) };
  });
  return <WorldMap entries={entries} caption={caption} />;
}
