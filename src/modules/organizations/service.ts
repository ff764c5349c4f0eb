import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { firstDay, precisionOf } from '../../shared/dates.ts';
import type { Lang } from '../../shared/text.ts';
import { namesOf } from '../names/repository.ts';
import { loadSources, type SourceView } from '../sources/repository.ts';
import { parseIds, resolveSources } from '../sources/service.ts';
import { listStates } from '../states/repository.ts';
import type { RecordOrigin } from '../../shared/vocabularies.ts';
import { type CorrectionView, correctionViews } from '../edits/corrections.ts';
import { currentNames, nameCorrectionsOf } from '../edits/name-corrections.ts';
import { MEMBERSHIP_EVENT_FIELDS, ORGANIZATION_FIELDS, ORGANIZATION_NAME_FIELDS } from './fields.ts';
import { accessView } from '../edits/access.ts';
import { belongs, membershipAt, orderEvents, type MembershipEvent } from './membership.ts';
import { findOrganization, listOrganizations, membershipEvents } from './repository.ts';
import type { MemberHistoryView, MembershipEventView, MemberView, OrganizationView } from './schema.ts';

type OrgRow = Awaited<ReturnType<typeof listOrganizations>>[number];
type Predecessor = { name: Record<string, string>; acronym?: Record<string, string>; from: string | null; to: string | null };

function membersAt(byState: Map<string, MembershipEvent[]> | undefined, asOf: string) {
  return [...(byState ?? new Map<string, MembershipEvent[]>())].map(([iso3, events]) => ({ iso3, events, at: membershipAt(events, asOf) })).filter((m) => belongs(m.at.status));
}

interface ViewFacts {
  names: Awaited<ReturnType<typeof namesOf>>;
  nameCorrections: Map<string, CorrectionView[]>;
  sources: Map<string, SourceView>;
}

async function viewFacts(db: Kysely<Database>, lang: Lang): Promise<ViewFacts> {
  const [names, sources] = await Promise.all([namesOf(db, 'organization', lang), loadSources(db)]);
  return { names, sources, nameCorrections: await nameCorrectionsOf(db, 'organization', ORGANIZATION_NAME_FIELDS, sources) };
}

function view(row: OrgRow, lang: Lang, asOf: string, { names, nameCorrections, sources }: ViewFacts, byState?: Map<string, MembershipEvent[]>): OrganizationView {
  const members = membersAt(byState, asOf);
  const name = names.get(row.id);
  const predecessors = JSON.parse(row.predecessors) as Predecessor[];
  return {
    id: row.id,
    name: name?.name ?? row.id,
    nameLang: name?.lang ?? 'en',
    acronym: name?.acronym ?? null,
    kind: row.kind,
    region: row.region,
    founded: row.founded,
    headquarters: { city: row.hq_city, iso3: row.hq_iso3 },
    website: row.website,
    predecessors: predecessors.map((p) => ({
      name: p.name[lang] ?? p.name.en ?? '',
      acronym: p.acronym?.[lang] ?? p.acronym?.en ?? null,
      from: p.from,
      to: p.to,
    })),
    memberCount: members.filter((m) => m.at.verified).length,
    unverifiedMembers: members.filter((m) => !m.at.verified).length,
    asOf,
    ...resolveSources(parseIds(row.sources), sources),
    version: row.row_version,
    origin: row.origin as RecordOrigin,
    corrections: [...correctionViews(row, ORGANIZATION_FIELDS, sources), ...(nameCorrections.get(row.id) ?? [])],
    ...accessView(row),
  };
}

export async function listOrganizationViews(db: Kysely<Database>, lang: Lang, asOf: string): Promise<OrganizationView[]> {
  const [rows, facts, events] = await Promise.all([listOrganizations(db), viewFacts(db, lang), membershipEvents(db)]);
  return rows.map((row) => view(row, lang, asOf, facts, events.get(row.id)));
}

export async function organizationView(db: Kysely<Database>, id: string, lang: Lang, asOf: string): Promise<OrganizationView> {
  const row = await findOrganization(db, id.toLowerCase());
  if (!row) throw new NotFoundError('organization', id);
  const [facts, events, allNames] = await Promise.all([viewFacts(db, lang), membershipEvents(db, { organizationId: row.id }), currentNames(db, 'organization', row.id, ORGANIZATION_NAME_FIELDS)]);
  return { ...view(row, lang, asOf, facts, events.get(row.id)), names: allNames };
}

/** What the members and the member history of one organization both read. */
async function membershipFacts(db: Kysely<Database>, id: string, lang: Lang) {
  const row = await findOrganization(db, id.toLowerCase());
  if (!row) throw new NotFoundError('organization', id);
  const [names, sources, events, states] = await Promise.all([namesOf(db, 'state', lang), loadSources(db), membershipEvents(db, { organizationId: row.id }), listStates(db)]);
  return {
    names,
    sources,
    byState: events.get(row.id) ?? new Map<string, MembershipEvent[]>(),
    iso2: new Map(states.map((s) => [s.iso3, s.iso2])),
  };
}

export async function organizationMembers(db: Kysely<Database>, id: string, lang: Lang, asOf: string): Promise<MemberView[]> {
  const { names, sources, byState, iso2 } = await membershipFacts(db, id, lang);
  return membersAt(byState, asOf).map(({ iso3, events: list, at }) => {
    const upToDate = orderEvents(list).filter((e) => e.date === null || firstDay(e.date) <= asOf);
    return {
      iso2: iso2.get(iso3) ?? '',
      iso3,
      name: names.get(iso3)?.name ?? iso3,
      status: at.status as 'member' | 'suspended',
      since: at.since,
      sincePrecision: at.sincePrecision,
      uncertain: at.uncertain,
      verified: at.verified,
      sources: resolveSources(
        upToDate.flatMap((e) => e.sourceIds),
        sources,
      ).sources,
    };
  });
}

/** What an event built in memory, with no stored row, is: shown to all. */
const PUBLIC = { confidentiality: 'public', audience: '[]' };

/** Membership events as the API shows them: each with its precision and resolved sources. */
export function eventViews(events: MembershipEvent[], sources: Map<string, SourceView>): MembershipEventView[] {
  return orderEvents(events).map((e) => ({
    seq: e.seq,
    event: e.event,
    date: e.date,
    precision: e.date ? precisionOf(e.date) : null,
    note: e.note,
    ...resolveSources(e.sourceIds, sources),
    version: e.record?.version ?? 0,
    origin: (e.record?.origin ?? 'reference') as RecordOrigin,
    corrections: e.record ? correctionViews({ ...e.record, event: e.event, date: e.date, note: e.note }, MEMBERSHIP_EVENT_FIELDS, sources) : [],
    ...accessView(e.record ?? PUBLIC),
  }));
}

/** Every State that ever had a membership event, with all its events: the member timeline. */
export async function organizationHistory(db: Kysely<Database>, id: string, lang: Lang): Promise<MemberHistoryView[]> {
  const { names, sources, byState, iso2 } = await membershipFacts(db, id, lang);
  return [...byState].map(([iso3, list]) => ({
    iso2: iso2.get(iso3) ?? '',
    iso3,
    name: names.get(iso3)?.name ?? iso3,
    events: eventViews(list, sources),
  }));
}

/** One membership event as the member history shows it (what a stale update is answered with). */
export async function membershipEventView(db: Kysely<Database>, key: { organizationId: string; iso3: string; seq: number }): Promise<MembershipEventView> {
  const [events, sources] = await Promise.all([membershipEvents(db, { organizationId: key.organizationId, iso3: key.iso3 }), loadSources(db)]);
  const event = (events.get(key.organizationId)?.get(key.iso3) ?? []).find((e) => e.seq === key.seq);
  if (!event) throw new NotFoundError('membership event', `${key.organizationId}/${key.iso3}/${key.seq}`);
  return eventViews([event], sources)[0]!;
}
