// What the feed must know of a record when it changes, read inside the change's transaction: its
// confidentiality and audience now (i.e. at the time of the change), the record as it stands
// (the payload a subscriber or a syncing instance takes), and the facets the feed is filtered
// by. One reader per kind of record the feed carries; kinds not listed here (accounts, sessions,
// tokens, backups, webhooks…) never reach the feed.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { coveragePeriodKey, enteredActKey, membershipEventKey } from '../../records/lookup.ts';

export const CHANGE_FACETS = ['region', 'organization', 'state', 'instrument'] as const;
export type ChangeFacet = (typeof CHANGE_FACETS)[number];
export type Facets = Partial<Record<ChangeFacet, string[]>>;

export interface SubjectState {
  confidentiality: string;
  audience: string;
  facets: Facets;
  payload: Record<string, unknown>;
}

type Db = Kysely<Database>;
type Row = Record<string, unknown>;

// Columns a subscriber has no use for, or must not see: who in this install entered a record
// (an account id), the scopes of a restricted record, and the shipped values under a correction.
const PRIVATE_COLUMNS = new Set(['created_by', 'audience', 'corrections', 'row_version']);

function payloadOf(row: Row): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (PRIVATE_COLUMNS.has(key)) continue;
    out[key] = (key === 'sources' || key === 'unverified' || key === 'predecessors' || key === 'sdg_tags') && typeof value === 'string' ? safeJson(value) : value;
  }
  return out;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const present = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''))];

/** The M49 regions and sub-regions of these States: what `region=` matches. */
async function regionsOf(db: Db, iso3s: string[], extra: (string | null | undefined)[] = []): Promise<string[]> {
  const rows = iso3s.length ? await db.selectFrom('state').select(['region_code', 'subregion_code']).where('iso3', 'in', iso3s).execute() : [];
  return present([...rows.flatMap((r) => [r.region_code, r.subregion_code]), ...extra]).sort();
}

/** Of these organizations or instruments, those everyone may see. A public record (an obstacle)
 *  may name an internal instrument: as a facet it would tell the public that the instrument exists
 *  and what concerns it, so it is left out. */
async function publicOnly(db: Db, table: 'organization' | 'instrument', keys: string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const column = table === 'organization' ? 'id' : 'code';
  const rows = await db.selectFrom(table).select(`${column} as key`).where(column, 'in', keys).where('confidentiality', '=', 'public').execute();
  const shown = new Set(rows.map((r) => r.key));
  return keys.filter((k) => shown.has(k));
}

/** The facets of a record; `self` (an organization's or instrument's own code) is kept whatever its level, as the entry carries that level. */
async function facetsOf(
  db: Db,
  parts: { states?: (string | null)[]; organizations?: (string | null)[]; instruments?: (string | null)[]; regions?: (string | null)[] },
  self?: string,
): Promise<Facets> {
  const state = present(parts.states ?? []).sort();
  const facets: Facets = {};
  const region = await regionsOf(db, state, parts.regions ?? []);
  if (region.length) facets.region = region;
  const named = (keys: string[]) => keys.filter((k) => k === self);
  const organizations = present(parts.organizations ?? []);
  const organization = present([
    ...named(organizations),
    ...(await publicOnly(
      db,
      'organization',
      organizations.filter((k) => k !== self),
    )),
  ]).sort();
  if (organization.length) facets.organization = organization;
  if (state.length) facets.state = state;
  const instruments = present(parts.instruments ?? []);
  const instrument = present([
    ...named(instruments),
    ...(await publicOnly(
      db,
      'instrument',
      instruments.filter((k) => k !== self),
    )),
  ]).sort();
  if (instrument.length) facets.instrument = instrument;
  return facets;
}

function subject(row: Row, facets: Facets): SubjectState {
  return { confidentiality: String(row.confidentiality ?? 'internal'), audience: String(row.audience ?? '[]'), facets, payload: payloadOf(row) };
}

type Reader = (db: Db, id: string) => Promise<SubjectState | undefined>;

const READERS: Record<string, Reader> = {
  async organization(db, id) {
    const row = await db.selectFrom('organization').selectAll().where('id', '=', id).executeTakeFirst();
    return row && subject(row, await facetsOf(db, { organizations: [row.id], states: [row.hq_iso3] }, row.id));
  },
  async 'membership-event'(db, id) {
    const key = membershipEventKey(id);
    const row =
      key && (await db.selectFrom('membership_event').selectAll().where('organization_id', '=', key.organizationId).where('iso3', '=', key.iso3).where('seq', '=', key.seq).executeTakeFirst());
    return row ? subject(row, await facetsOf(db, { organizations: [row.organization_id], states: [row.iso3] })) : undefined;
  },
  async instrument(db, id) {
    const row = await db.selectFrom('instrument').selectAll().where('code', '=', id).executeTakeFirst();
    return row && subject(row, await facetsOf(db, { instruments: [row.code], organizations: [row.organization_id] }, row.code));
  },
  async mechanism(db, id) {
    const row = await db.selectFrom('mechanism').selectAll().where('code', '=', id).executeTakeFirst();
    return row && subject(row, await facetsOf(db, { organizations: [row.organization_id], instruments: (row.establishing_instrument ?? '').split(',') }));
  },
  async 'treaty-action'(db, id) {
    const key = enteredActKey(id);
    const row = key && (await db.selectFrom('treaty_action').selectAll().where('dataset_id', '=', `edit:${key.instrument}`).where('seq', '=', key.seq).executeTakeFirst());
    if (!row) return undefined;
    const state = row.participant_kind === 'state' ? [row.participant_id] : [];
    const organization = row.participant_kind === 'state' ? [] : [row.participant_id];
    return subject(row, await facetsOf(db, { instruments: [row.instrument_code], states: state, organizations: organization }));
  },
  async presence(db, id) {
    const row = await db.selectFrom('presence').selectAll().where('id', '=', id).executeTakeFirst();
    return row && subject(row, await facetsOf(db, { states: [row.seat_iso3] }));
  },
  async 'coverage-period'(db, id) {
    const key = coveragePeriodKey(id);
    const row = key && (await db.selectFrom('presence_coverage').selectAll().where('presence_id', '=', key.presenceId).where('seq', '=', key.seq).executeTakeFirst());
    return row ? subject(row, await facetsOf(db, { states: [row.iso3] })) : undefined;
  },
  async 'assistance-request'(db, id) {
    const row = await db.selectFrom('assistance_request').selectAll().where('id', '=', id).executeTakeFirst();
    return row && subject(row, await facetsOf(db, { states: [row.state_iso3] }));
  },
  async project(db, id) {
    const row = await db.selectFrom('project').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const countries = await db.selectFrom('project_country').select('iso3').where('project_id', '=', id).execute();
    const organizations = await db.selectFrom('project_organization').select('organization_id').where('project_id', '=', id).execute();
    const facets = await facetsOf(db, { states: countries.map((c) => c.iso3), organizations: organizations.map((o) => o.organization_id), regions: [row.region_code] });
    return subject(row, facets);
  },
  async 'funding-agreement'(db, id) {
    const row = await db.selectFrom('funding_agreement').selectAll().where('id', '=', id).executeTakeFirst();
    return row && subject(row, {});
  },
  async 'event-series'(db, id) {
    const row = await db.selectFrom('event_series').selectAll().where('id', '=', id).executeTakeFirst();
    return row && subject(row, {});
  },
  async event(db, id) {
    const row = await db.selectFrom('event').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const organizers = await db.selectFrom('event_organizer').select(['organization_id', 'state_iso3']).where('event_id', '=', id).execute();
    const facets = await facetsOf(db, {
      states: [row.country_iso3, ...organizers.map((o) => o.state_iso3)],
      organizations: organizers.map((o) => o.organization_id),
      regions: [row.region_code],
    });
    return subject(row, facets);
  },
  async 'exchange-series'(db, id) {
    const row = await db.selectFrom('exchange_series').selectAll().where('id', '=', id).executeTakeFirst();
    return row && subject(row, {});
  },
  async exchange(db, id) {
    const row = await db.selectFrom('exchange').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const parties = await db.selectFrom('exchange_party').select(['organization_id', 'mechanism_code']).where('exchange_id', '=', id).execute();
    // A mechanism's organization is its facet: `organization=coe` finds the exchanges of its bodies too.
    const codes = present(parties.map((p) => p.mechanism_code));
    const mechanisms = codes.length ? await db.selectFrom('mechanism').select('organization_id').where('code', 'in', codes).execute() : [];
    const organizations = [...parties.map((p) => p.organization_id), ...mechanisms.map((m) => m.organization_id)];
    return subject(row, await facetsOf(db, { states: [row.country_iso3], organizations }));
  },
  async obstacle(db, id) {
    const row = await db.selectFrom('obstacle').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const instruments = await db.selectFrom('obstacle_instrument').select('instrument_code').where('obstacle_id', '=', id).execute();
    return subject(row, await facetsOf(db, { states: [row.state_iso3], instruments: instruments.map((i) => i.instrument_code) }));
  },
  async strategy(db, id) {
    const row = await db.selectFrom('strategy').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const obstacle = await db.selectFrom('obstacle').select('state_iso3').where('id', '=', row.obstacle_id).executeTakeFirst();
    const instruments = await db.selectFrom('obstacle_instrument').select('instrument_code').where('obstacle_id', '=', row.obstacle_id).execute();
    return subject(row, await facetsOf(db, { states: [obstacle?.state_iso3 ?? null], instruments: instruments.map((i) => i.instrument_code) }));
  },
};

/** The kinds of record whose changes the feed carries (beside imports of datasets). */
export const FEED_KINDS: readonly string[] = [...Object.keys(READERS), 'recommendation-follow-up', 'dataset', 'official-names'];

export function isFeedKind(kind: string): boolean {
  return FEED_KINDS.includes(kind);
}

/** The record as it stands inside the transaction, or undefined when it is gone or not a record the feed reads. */
export async function readSubject(db: Db, kind: string, id: string | null): Promise<SubjectState | undefined> {
  const reader = READERS[kind];
  return reader && id !== null ? reader(db, id) : undefined;
}

/** A follow-up entry states its own level in the audit record (the write path puts it there). */
export async function followUpSubject(db: Db, recommendationId: string, after: unknown): Promise<SubjectState> {
  const stated = (after ?? {}) as { confidentiality?: unknown; audience?: unknown };
  const rec = await db.selectFrom('recommendation').select(['state_iso3', 'mechanism']).where('id', '=', recommendationId).executeTakeFirst();
  return {
    confidentiality: typeof stated.confidentiality === 'string' ? stated.confidentiality : 'internal',
    audience: JSON.stringify(Array.isArray(stated.audience) ? stated.audience : []),
    facets: await facetsOf(db, { states: [rec?.state_iso3 ?? null] }),
    payload: { recommendation: recommendationId, ...(after as object) },
  };
}
