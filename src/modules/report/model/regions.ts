// Developments by region: the report's regions are the first level of UN M49 that the registry
// gives each State (`state.region_code`), the grouping /treaty-status/counts?by=region and the
// cooperation dashboard use. A region's organizations are those with a member State of the
// region at the report's date (an organization spanning regions appears under each); their
// regional instruments and mechanisms follow; ratifications are counted over the region's
// States for those instruments and the core UN instruments.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { firstDay } from '../../../shared/dates.ts';
import type { Lang } from '../../../shared/text.ts';
import { listInstrumentViews } from '../../instruments/service.ts';
import { listMechanismViews } from '../../mechanisms/service.ts';
import { namesOf } from '../../names/repository.ts';
import { belongs, membershipAt } from '../../organizations/membership.ts';
import { membershipEvents } from '../../organizations/repository.ts';
import { listOrganizationViews } from '../../organizations/service.ts';
import type { SourceView } from '../../sources/repository.ts';
import type { TreatyModel } from '../../treaty-status/model.ts';
import { hasData } from '../../treaty-status/status-at.ts';
import { apiPath, type Figure, figure, type SourceRef, viewRefs } from './figures.ts';
import { type RatificationFacts, ratificationFacts } from './treaties.ts';

export interface RegionFacts {
  code: string;
  name: string;
  states: Figure;
  organizations: {
    id: string;
    name: string;
    acronym: string | null;
    /** Its members at the report's date, as /organizations/{id} counts them (verified ones). */
    members: Figure;
    /** Members whose membership at that date is not certain (counted apart, as the API does). */
    unverifiedMembers: Figure;
    /** Its members at that date that are States of this region (verified or not). */
    membersInRegion: number;
    sources: SourceRef[];
  }[];
  instruments: { code: string; title: string; organization: string | null; adopted: string | null; entryIntoForce: string | null; sources: SourceRef[] }[];
  mechanisms: { code: string; name: string; organization: string | null; established: string | null; individualComplaints: boolean; sources: SourceRef[] }[];
  /** The region's regional instruments, then the core UN instruments. */
  ratifications: RatificationFacts[];
}

export interface RegionInputs {
  reader: Kysely<Database>;
  model: TreatyModel;
  sources: Map<string, SourceView>;
  asOf: string;
  periodStart: string;
  lang: Lang;
  /** The States of each region code asked, in iso3 order. */
  statesByRegion: Map<string, string[]>;
}

const existsAt = (date: string | null, asOf: string) => date === null || firstDay(date) <= asOf;

export async function regionFacts(input: RegionInputs): Promise<RegionFacts[]> {
  const { reader, asOf, lang } = input;
  const [organizations, instruments, mechanisms, events, regionNames] = await Promise.all([
    listOrganizationViews(reader, lang, asOf),
    listInstrumentViews(reader, lang),
    listMechanismViews(reader, lang),
    membershipEvents(reader),
    namesOf(reader, 'region', lang),
  ]);
  // A core UN instrument not yet adopted at the report's date is not reported (no "0 parties" to a text that did not exist).
  const coreUn = instruments.filter((i) => i.system === 'un' && i.core && existsAt(i.adopted, asOf)).map((i) => i.code);
  return [...input.statesByRegion].map(([code, states]) => {
    const inRegion = new Set(states);
    const orgs = organizations
      .map((o) => ({ o, here: [...(events.get(o.id) ?? new Map())].filter(([iso3, evs]) => inRegion.has(iso3) && belongs(membershipAt(evs, asOf).status)).length }))
      .filter((x) => x.here > 0);
    const orgIds = new Set(orgs.map((x) => x.o.id));
    const regional = instruments.filter((i) => i.system === 'regional' && i.organization !== null && orgIds.has(i.organization) && existsAt(i.adopted, asOf));
    const orgApi = (id: string) => `${apiPath(`/api/v1/organizations/${id}`, { asOf })}`;
    return {
      code,
      name: regionNames.get(code)?.name ?? code,
      // /counts groups every State of the registry: those not yet States at the date are its `notYetState`.
      states: figure(states.length, `${apiPath('/api/v1/treaty-status/counts', { by: 'region', asOf })}#groups[group=${code}].states-notYetState`),
      organizations: orgs.map(({ o, here }) => ({
        id: o.id,
        name: o.name,
        acronym: o.acronym,
        members: figure(o.memberCount, `${orgApi(o.id)}#memberCount`, viewRefs(o.sources)),
        unverifiedMembers: figure(o.unverifiedMembers, `${orgApi(o.id)}#unverifiedMembers`, viewRefs(o.sources)),
        membersInRegion: here,
        sources: viewRefs(o.sources),
      })),
      instruments: regional.map((i) => ({ code: i.code, title: i.title, organization: i.organization, adopted: i.adopted, entryIntoForce: i.entryIntoForce, sources: viewRefs(i.sources) })),
      mechanisms: mechanisms
        .filter((m) => m.system === 'regional' && m.organization !== null && orgIds.has(m.organization) && existsAt(m.established, asOf))
        .map((m) => ({ code: m.code, name: m.name, organization: m.organization, established: m.established, individualComplaints: m.individualComplaints, sources: viewRefs(m.sources) })),
      ratifications: [...regional.map((i) => i.code), ...coreUn].map((c) =>
        ratificationFacts(input.model, c, { code, states }, { asOf, periodStart: input.periodStart }, hasData(input.model, c), input.sources),
      ),
    };
  });
}
