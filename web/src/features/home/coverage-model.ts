// Joins the coverage answer with the States and mechanisms lists into the rows the map and its
// table share, and sorts each State into the classes the map colours.
import type { Coverage, Mechanism, Source, StateSummary } from '../../api/types.ts';

export type MapMode = 'count' | 'kind';

/** Strongest protection first: a regional court open to individuals, then a commission or committee that is. */
export const KIND_CLASSES = ['court', 'commission', 'other', 'none'] as const;
export type KindClass = (typeof KIND_CLASSES)[number];
export const COUNT_CLASSES = ['0', '1', '2', '3', '4+'] as const;

export interface CoveringRow {
  code: string;
  name: string;
  kind: string;
  individualComplaints: boolean;
  verified: boolean;
  sources: Source[];
}

export interface CoverageRow {
  iso3: string;
  iso2: string;
  name: string;
  region: string;
  regionLang: string;
  group: string;
  mechanisms: CoveringRow[];
  count: number;
  kindClass: KindClass;
  individualComplaints: boolean;
  verified: boolean;
}

/** The class one mechanism puts a State in: a court open to individuals, another body open to
 *  them, or one without individual complaints. A State takes the strongest of its mechanisms'. */
export function classOfMechanism(m: { kind: string; individualComplaints: boolean }): Exclude<KindClass, 'none'> {
  if (!m.individualComplaints) return 'other';
  return m.kind === 'court' ? 'court' : 'commission';
}

function kindClassOf(mechanisms: CoveringRow[]): KindClass {
  if (mechanisms.length === 0) return 'none';
  const classes = new Set(mechanisms.map(classOfMechanism));
  return KIND_CLASSES.find((c) => classes.has(c as Exclude<KindClass, 'none'>)) ?? 'other';
}

export function coverageRows(coverage: Coverage, states: StateSummary[], mechanisms: Mechanism[]): CoverageRow[] {
  const byCode = new Map(mechanisms.map((m) => [m.code, m]));
  const byState = new Map(coverage.states.map((s) => [s.iso3, s.mechanisms]));
  return states.map((state) => {
    const covering = (byState.get(state.iso3) ?? []).map((c) => {
      const mechanism = byCode.get(c.code);
      const sources = c.sourceIds.flatMap((id) => coverage.sources[id] ?? []);
      return { code: c.code, name: mechanism?.acronym ?? c.code, kind: mechanism?.kind ?? '', individualComplaints: c.individualComplaints, verified: c.verified, sources };
    });
    return {
      iso3: state.iso3,
      iso2: state.iso2,
      name: state.name,
      region: state.region?.name ?? '',
      regionLang: state.region?.nameLang ?? 'en',
      group: state.regionalGroup ?? '',
      mechanisms: covering,
      count: covering.length,
      kindClass: kindClassOf(covering),
      individualComplaints: covering.some((m) => m.individualComplaints),
      verified: covering.every((m) => m.verified),
    };
  });
}

export function classOf(row: CoverageRow, mode: MapMode): string {
  if (mode === 'kind') return row.kindClass;
  return row.count >= 4 ? '4+' : String(row.count);
}
