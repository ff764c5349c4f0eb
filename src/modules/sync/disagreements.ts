// Where a peer's records and this instance's own facts differ. Checked after each sync run (and
// on request) for the kinds whose facts both instances hold under the same key: a treaty action
// (instrument, participant, kind of act: its date), a membership event (organization, State,
// event: its date), an organization (its founding date and seat) and an instrument (its adoption
// and entry into force). A record this instance does not hold, or a value either side leaves
// empty, is not a disagreement: no data is not a different fact. Each disagreement is kept at
// the stricter level of the two records, so no reader learns from it what either hides.
// The records are read a batch of one kind at a time, and our facts for a whole batch in one
// query: with a query per record, the check of 100,000 membership events took 5 to 11 s on SQLite
// and 28 to 38 s on PostgreSQL, as long as the sync that brought them (bench/sync.ts); now about 1 s.
import type { Insertable, Kysely } from 'kysely';
import type { Database, SyncDisagreementTable } from '../../db/schema.ts';
import { ourInstruments, ourMembershipEvents, ourOrganizations, ourTreatyActs, recordsOfKind, replaceDisagreements, type SyncedRow } from './repository.ts';

type Db = Kysely<Database>;
type Payload = Record<string, unknown>;
interface Ours {
  confidentiality: string;
  audience: string;
}
interface Difference {
  fact: string;
  field: string;
  ours: string;
  theirs: string;
  level: Ours;
}

const LEVELS = ['public', 'internal', 'restricted'];
const BATCH = 500;
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

/** The stricter of our record's level and theirs (a peer's restricted record has no audience here). */
function stricter(theirs: string, ours: Ours): Ours {
  const level = Math.max(LEVELS.indexOf(theirs), LEVELS.indexOf(ours.confidentiality), 0);
  if (level < 2) return { confidentiality: LEVELS[level]!, audience: '[]' };
  return { confidentiality: 'restricted', audience: theirs === 'restricted' ? '[]' : ours.audience };
}

/** Two dates agree when one says more of the same day: 1963 and 1963-05-25 do not differ. */
const sameDay = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

/** What we hold of a fact: the row's compared fields and its level. */
type OurFact = Payload & Ours & { date?: string | null };

/** Their dated fact against ours: a disagreement when both are dated and none of ours agrees with theirs. */
function datedFact(fact: string, theirs: unknown, ours: OurFact[]): Difference[] {
  const their = text(theirs);
  const dates = ours.flatMap((o) => (typeof o.date === 'string' ? [{ date: o.date, level: o }] : []));
  if (their === null || dates.length === 0 || dates.some((o) => sameDay(o.date, their))) return [];
  const strictest = dates.map((d) => d.level).reduce((a, b) => (LEVELS.indexOf(b.confidentiality) > LEVELS.indexOf(a.confidentiality) ? b : a));
  return [{ fact, field: 'date', ours: [...new Set(dates.map((o) => o.date))].sort().join(', '), theirs: their, level: strictest }];
}

function fields(fact: string, theirs: Payload, ours: OurFact | undefined, names: string[]): Difference[] {
  if (!ours) return [];
  return names.flatMap((field) => {
    const their = text(theirs[field]);
    const our = text(ours[field]);
    const differ = their !== null && our !== null && (field === 'hq_iso3' ? their !== our : !sameDay(their, our));
    return differ ? [{ fact, field, ours: our!, theirs: their!, level: ours }] : [];
  });
}

/** A fact's key parts as one map key. */
const joined = (parts: readonly (string | null)[]) => parts.join('\u0000');

function byKey<R>(rows: R[], keyOf: (row: R) => string): Map<string, R[]> {
  const map = new Map<string, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  }
  return map;
}

interface Check {
  /** The key of our fact a record speaks of, or null when it names none. */
  key(p: Payload): string[] | null;
  /** Our facts for the distinct keys of a batch of records, by joined key: one query. */
  ours(db: Db, keys: string[][]): Promise<Map<string, OurFact[]>>;
  differences(p: Payload, key: string[], ours: OurFact[]): Difference[];
}

/** The key when every part is given. */
const keyOf = (...parts: unknown[]) => {
  const texts = parts.map(text);
  return texts.every((t) => t !== null) ? (texts as string[]) : null;
};

const CHECKS: Record<string, Check> = {
  'treaty-action': {
    key: (p) => keyOf(p.instrument_code, p.participant_id, p.kind),
    ours: async (db, keys) => byKey(await ourTreatyActs(db, keys), (r) => joined([r.instrument_code, r.participant_id, r.kind])),
    differences: (p, [instrument, participant, kind], ours) => datedFact(`${kind} of ${instrument} by ${participant}`, p.date, ours),
  },
  'membership-event': {
    key: (p) => keyOf(p.organization_id, p.iso3, p.event),
    ours: async (db, keys) => byKey(await ourMembershipEvents(db, keys), (r) => joined([r.organization_id, r.iso3, r.event])),
    differences: (p, [organization, iso3, event], ours) => datedFact(`${event} of ${iso3} in ${organization}`, p.date, ours),
  },
  organization: {
    key: (p) => keyOf(p.id),
    ours: async (db, keys) =>
      byKey(
        await ourOrganizations(
          db,
          keys.map(([id]) => id!),
        ),
        (r) => r.id,
      ),
    differences: (p, [id], ours) => fields(`organization ${id}`, p, ours[0], ['founded', 'hq_iso3']),
  },
  instrument: {
    key: (p) => keyOf(p.code),
    ours: async (db, keys) =>
      byKey(
        await ourInstruments(
          db,
          keys.map(([code]) => code!),
        ),
        (r) => r.code,
      ),
    differences: (p, [code], ours) => fields(`instrument ${code}`, p, ours[0], ['adopted', 'entry_into_force']),
  },
};

/** The differences of one batch of records of a kind: our facts for the whole batch in one query. */
async function differencesOf(db: Db, check: Check, batch: SyncedRow[], checkedAt: string): Promise<Insertable<SyncDisagreementTable>[]> {
  const records = batch.flatMap((row) => {
    const payload = row.payload === null ? null : (JSON.parse(row.payload) as Payload);
    const key = payload && check.key(payload);
    return payload && key ? [{ row, payload, key }] : [];
  });
  if (records.length === 0) return [];
  const ours = await check.ours(db, [...new Map(records.map((r) => [joined(r.key), r.key])).values()]);
  return records.flatMap(({ row, payload, key }) =>
    check.differences(payload, key, ours.get(joined(key)) ?? []).map((d) => {
      const level = stricter(row.confidentiality, d.level);
      return {
        peer_id: row.peer_id,
        record_kind: row.record_kind,
        record_id: row.record_id,
        fact: d.fact,
        field: d.field,
        ours: d.ours,
        theirs: d.theirs,
        checked_at: checkedAt,
        confidentiality: level.confidentiality,
        audience: level.audience,
      };
    }),
  );
}

/** Lets other work run between batches: on SQLite every query holds the event loop, and a server runs this beside its requests. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Compares every record of the peer that can be compared with our facts; replaces what was found before. */
export async function recheckDisagreements(db: Db, peerId: string): Promise<number> {
  const checkedAt = new Date().toISOString();
  const found: Insertable<SyncDisagreementTable>[] = [];
  for (const [kind, check] of Object.entries(CHECKS)) {
    let after: string | null = null;
    for (;;) {
      const batch = await recordsOfKind(db, peerId, kind, after, BATCH);
      found.push(...(await differencesOf(db, check, batch, checkedAt)));
      if (batch.length < BATCH) break;
      after = batch.at(-1)!.record_id;
      await nextTurn();
    }
  }
  await replaceDisagreements(db, peerId, found);
  return found.length;
}
