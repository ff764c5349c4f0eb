// Year-level membership lists (the Correlates of War IGO data) against the registry's dated
// membership events: for each State, organization and year, the list's status is compared with
// the registry's when the registry's is the same all year long (a year in which the State
// joined, left or was suspended, or whose events are not dated to the day, says nothing
// either way). Each run of consecutive years where they disagree is one listed conflict, with
// both sides and where each comes from. The registry's dated events decide; nothing is merged.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { firstDay, lastDay, precisionOf } from '../../shared/dates.ts';
import { belongs, membershipAt, type MembershipEvent } from './membership.ts';
import { membershipEvents, membershipSnapshots } from './repository.ts';

export interface MembershipConflict {
  organization: string;
  iso3: string;
  /** `list-member`: the list says member, the registry says not; `list-not-member`: the reverse. */
  kind: 'list-member' | 'list-not-member';
  fromYear: string;
  toYear: string;
  list: { status: string; name: string; dataset: string; file: string; row: number; column: string; sourceIds: string[] };
  registry: { status: 'member' | 'none'; events: { event: string; date: string | null; sourceIds: string[] }[] };
  /** The registry's dated events decide. */
  followed: 'registry';
}

/** The registry's status through a whole year, or null when it changes in the year or is not known to the day. */
export function registryYear(events: MembershipEvent[], year: number): 'member' | 'none' | null {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  for (const e of events) {
    if (e.date === null) return null;
    if (lastDay(e.date) >= start && firstDay(e.date) <= end) return null; // it changes that year
    if (precisionOf(e.date) !== 'day' && lastDay(e.date) >= start) return null;
  }
  return belongs(membershipAt(events, start).status) ? 'member' : 'none';
}

export async function membershipConflicts(db: Kysely<Database>, filter: { organization?: string; iso3?: string } = {}): Promise<MembershipConflict[]> {
  const [spans, events] = await Promise.all([membershipSnapshots(db, filter), membershipEvents(db)]);
  const conflicts: MembershipConflict[] = [];
  for (const span of spans) {
    if (span.status !== 'member' && span.status !== 'none') continue; // associates and observers are not members either way
    const mine = events.get(span.organization_id)?.get(span.iso3) ?? [];
    let open: MembershipConflict | null = null;
    for (let year = Number(span.from_year); year <= Number(span.to_year); year++) {
      const registry = registryYear(mine, year);
      const differs = registry !== null && registry !== span.status;
      if (differs && open && Number(open.toYear) === year - 1) {
        open.toYear = String(year);
        continue;
      }
      if (!differs) continue;
      open = {
        organization: span.organization_id,
        iso3: span.iso3,
        kind: span.status === 'member' ? 'list-member' : 'list-not-member',
        fromYear: String(year),
        toYear: String(year),
        list: { status: span.status, name: span.participant_name, dataset: span.dataset_id, file: span.file, row: span.row, column: span.column, sourceIds: [span.source_id] },
        registry: { status: registry!, events: mine.map((e) => ({ event: e.event, date: e.date, sourceIds: e.sourceIds })) },
        followed: 'registry',
      };
      conflicts.push(open);
    }
  }
  return conflicts;
}
