import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NotFoundError } from '../../shared/errors.ts';
import type { Lang } from '../../shared/text.ts';
import { coverageOfState } from '../coverage/service.ts';
import { allNamesOf, namesOf, unofficialLangsOf } from '../names/repository.ts';
import { OFFICIAL_NAME_PRIORITY } from '../names/service.ts';
import { membershipEvents } from '../organizations/repository.ts';
import { membershipAt } from '../organizations/membership.ts';
import { eventViews } from '../organizations/service.ts';
import { loadSources, type SourceView } from '../sources/repository.ts';
import { parseIds, resolveSources } from '../sources/service.ts';
import { findState, listRegions, listStates } from './repository.ts';
import { holdsAt } from '../presences/periods.ts';
import { periodsOfState } from '../presences/repository.ts';
import type { MembershipView, StateProfile, StateSummary } from './schema.ts';

type StateRow = Awaited<ReturnType<typeof listStates>>[number];

async function summarizer(db: Kysely<Database>, lang: Lang) {
  const [names, regions, regionNames, sources] = await Promise.all([namesOf(db, 'state', lang), listRegions(db), namesOf(db, 'region', lang), loadSources(db)]);
  // Region names come from an M49 import (`accord import m49-names`) when there is one, in
  // `lang` or else English; without it, from the English names of the `region` table.
  const regionByCode = new Map(
    regions.map((r) => {
      const imported = regionNames.get(r.code);
      return [r.code, { code: r.code, name: imported?.name ?? r.name, nameLang: imported?.lang ?? 'en' }];
    }),
  );
  const region = (code: string | null) => (code ? (regionByCode.get(code) ?? null) : null);
  return {
    sources,
    summarize(row: StateRow): StateSummary {
      const name = names.get(row.iso3);
      return {
        iso2: row.iso2,
        iso3: row.iso3,
        m49: row.m49,
        name: name?.name ?? row.iso3,
        nameLang: name?.lang ?? 'en',
        unStatus: row.un_status as StateSummary['unStatus'],
        unAdmission: row.un_admission,
        regionalGroup: row.regional_group,
        region: region(row.region_code),
        subregion: region(row.subregion_code),
        intermediateRegion: region(row.intermediate_region_code),
        ...resolveSources(parseIds(row.sources), sources),
      };
    },
  };
}

export async function listStateSummaries(db: Kysely<Database>, lang: Lang): Promise<StateSummary[]> {
  const [rows, s] = await Promise.all([listStates(db), summarizer(db, lang)]);
  return rows.map((row) => s.summarize(row));
}

async function membershipsOf(db: Kysely<Database>, iso3: string, lang: Lang, asOf: string, sources: Map<string, SourceView>): Promise<MembershipView[]> {
  const [byOrg, orgNames] = await Promise.all([membershipEvents(db, { iso3 }), namesOf(db, 'organization', lang)]);
  const result: MembershipView[] = [];
  for (const [orgId, byState] of byOrg) {
    const events = byState.get(iso3) ?? [];
    const at = membershipAt(events, asOf);
    const orgName = orgNames.get(orgId);
    result.push({
      organization: { id: orgId, name: orgName?.name ?? orgId, acronym: orgName?.acronym ?? null },
      ...at,
      events: eventViews(events, sources),
    });
  }
  return result;
}

export async function stateProfile(db: Kysely<Database>, code: string, lang: Lang, asOf: string): Promise<StateProfile> {
  const row = await findState(db, code);
  if (!row) throw new NotFoundError('State', code);
  const s = await summarizer(db, lang);
  const [names, unofficialNames, memberships, covered, presenceRows, mechanismNames, presenceNames] = await Promise.all([
    allNamesOf(db, 'state', row.iso3),
    unofficialLangsOf(db, 'state', row.iso3, OFFICIAL_NAME_PRIORITY),
    membershipsOf(db, row.iso3, lang, asOf, s.sources),
    coverageOfState(db, row.iso3, asOf),
    periodsOfState(db, row.iso3),
    namesOf(db, 'mechanism', lang),
    namesOf(db, 'presence', lang),
  ]);
  return {
    ...s.summarize(row),
    asOf,
    names,
    unofficialNames,
    regionalGroupNote: row.regional_group_note,
    memberships,
    mechanisms: covered.map(({ sourceIds, ...m }) => ({ ...m, name: mechanismNames.get(m.code)?.name ?? m.code, sources: resolveSources(sourceIds, s.sources).sources })),
    presences: presenceRows.flatMap((p) => {
      const held = holdsAt({ from: p.from_date, until: p.until_date }, asOf);
      if (!held) return [];
      return [{ id: p.id, name: presenceNames.get(p.id)?.name ?? p.id, kind: p.kind, seat: p.seat_city, opened: p.opened, from: p.from_date, until: p.until_date, uncertain: held.uncertain }];
    }),
  };
}
