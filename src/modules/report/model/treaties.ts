// Ratifications in a region, from the treaty-status engine (docs/TREATY-STATUS.md): the States
// party at the report's date, at the Vienna Declaration and on the eve of the period, counted as
// /treaty-status/counts counts them (`party` certain, `uncertain` apart, parties resting on
// secondary sources only among the certain ones), and the States that became party since.
import type { SourceView } from '../../sources/repository.ts';
import type { TreatyModel } from '../../treaty-status/model.ts';
import { type StatusAt, statusAt } from '../../treaty-status/status-at.ts';
import { apiPath, type Figure, figure, missing, sourceRefs } from './figures.ts';

/** The Vienna Declaration and Programme of Action (25 June 1993): the baseline of progress. */
export const VIENNA_DECLARATION = '1993-06-25';

/** The day before a day (YYYY-MM-DD), in UTC. */
export function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export interface NewParty {
  iso3: string;
  /** True when its status at the report's date is `uncertain` (day unknown, or tertiary or no source). */
  uncertain: boolean;
}

export interface RatificationFacts {
  instrument: string;
  /** False when Accord holds no source on the instrument's participants: every count is then null. */
  hasData: boolean;
  /** Certain parties at the report's date; `uncertain` and `partyOnSecondary` say how many are less sure. */
  parties: Figure;
  uncertain: Figure;
  partyOnSecondary: Figure;
  partiesAtVienna: Figure;
  partiesBeforePeriod: Figure;
  /** States party (certain or uncertain) at the report's date and not the day before the period starts. */
  newInPeriod: NewParty[];
  newSinceVienna: NewParty[];
}

const bound = (at: StatusAt) => at.status === 'party' || at.status === 'uncertain';

function countsApi(region: string, code: string, asOf: string): string {
  return `${apiPath('/api/v1/treaty-status/counts', { by: 'region', asOf, instruments: code })}#groups[group=${region}].counts.${code}`;
}

export function ratificationFacts(
  model: TreatyModel,
  code: string,
  region: { code: string; states: readonly string[] },
  days: { asOf: string; periodStart: string },
  hasData: boolean,
  sources: Map<string, SourceView>,
): RatificationFacts {
  if (!hasData) return noData(code);
  const eve = dayBefore(days.periodStart);
  const now = region.states.map((iso3) => ({ iso3, at: statusAt(model, code, iso3, days.asOf) }));
  const was = (day: string) => new Set(region.states.filter((iso3) => bound(statusAt(model, code, iso3, day))));
  const [atVienna, beforePeriod] = [was(VIENNA_DECLARATION), was(eve)];
  const certainAt = (day: string) => region.states.filter((iso3) => statusAt(model, code, iso3, day).status === 'party').length;
  const ids = (list: typeof now) => list.flatMap((s) => (s.at.deciding ? s.at.deciding.origin.sourceIds : []));
  const parties = now.filter((s) => s.at.status === 'party');
  const uncertain = now.filter((s) => s.at.status === 'uncertain');
  const secondary = parties.filter((s) => s.at.support === 'secondary');
  const newSince = (before: Set<string>) => now.filter((s) => bound(s.at) && !before.has(s.iso3)).map((s) => ({ iso3: s.iso3, uncertain: s.at.status === 'uncertain' }));
  const api = (day: string) => countsApi(region.code, code, day);
  return {
    instrument: code,
    hasData,
    parties: figure(parties.length, api(days.asOf), sourceRefs(ids(parties), sources)),
    uncertain: figure(uncertain.length, api(days.asOf), sourceRefs(ids(uncertain), sources)),
    partyOnSecondary: figure(secondary.length, api(days.asOf), sourceRefs(ids(secondary), sources)),
    partiesAtVienna: figure(certainAt(VIENNA_DECLARATION), api(VIENNA_DECLARATION)),
    partiesBeforePeriod: figure(certainAt(eve), api(eve)),
    newInPeriod: newSince(beforePeriod),
    newSinceVienna: newSince(atVienna),
  };
}

function noData(code: string): RatificationFacts {
  const none = () => missing(`Accord holds no source on the participants of ${code}`);
  return { instrument: code, hasData: false, parties: none(), uncertain: none(), partyOnSecondary: none(), partiesAtVienna: none(), partiesBeforePeriod: none(), newInPeriod: [], newSinceVienna: [] };
}
