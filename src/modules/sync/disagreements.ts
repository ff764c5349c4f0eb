// Where a peer's records and this instance's own facts differ. Checked after each sync run (and
// on request) for the kinds whose facts both instances hold under the same key: a treaty action
// (instrument, participant, kind of act: its date), a membership event (organization, State,
// event: its date), an organization (its founding date and seat) and an instrument (its adoption
// and entry into force). A record this instance does not hold, or a value either side leaves
// empty, is not a disagreement: no data is not a different fact. Each disagreement is kept at
// the stricter level of the two records, so no reader learns from it what either hides.
import type { Insertable, Kysely } from 'kysely';
import type { Database, SyncDisagreementTable } from '../../db/schema.ts';
import { ourInstrument, ourMembershipEvents, ourOrganization, ourTreatyActs, recordsOfKinds, replaceDisagreements, type SyncedRow } from './repository.ts';

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
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

/** The stricter of our record's level and theirs (a peer's restricted record has no audience here). */
function stricter(theirs: string, ours: Ours): Ours {
  const level = Math.max(LEVELS.indexOf(theirs), LEVELS.indexOf(ours.confidentiality), 0);
  if (level < 2) return { confidentiality: LEVELS[level]!, audience: '[]' };
  return { confidentiality: 'restricted', audience: theirs === 'restricted' ? '[]' : ours.audience };
}

/** Two dates agree when one says more of the same day: 1963 and 1963-05-25 do not differ. */
const sameDay = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

/** Their dated fact against ours: a disagreement when both are dated and none of ours agrees with theirs. */
function datedFact(fact: string, theirs: unknown, ours: { date: string | null; confidentiality: string; audience: string }[]): Difference[] {
  const their = text(theirs);
  const dated = ours.filter((o) => o.date !== null);
  if (their === null || dated.length === 0 || dated.some((o) => sameDay(o.date!, their))) return [];
  const strictest = dated.reduce((a, b) => (LEVELS.indexOf(b.confidentiality) > LEVELS.indexOf(a.confidentiality) ? b : a));
  return [{ fact, field: 'date', ours: [...new Set(dated.map((o) => o.date!))].sort().join(', '), theirs: their, level: strictest }];
}

function fields(fact: string, theirs: Payload, ours: (Payload & Ours) | undefined, names: string[]): Difference[] {
  if (!ours) return [];
  return names.flatMap((field) => {
    const their = text(theirs[field]);
    const our = text(ours[field]);
    const differ = their !== null && our !== null && (field === 'hq_iso3' ? their !== our : !sameDay(their, our));
    return differ ? [{ fact, field, ours: our!, theirs: their!, level: ours }] : [];
  });
}

const CHECKS: Record<string, (db: Db, p: Payload) => Promise<Difference[]>> = {
  async 'treaty-action'(db, p) {
    const [instrument, participant, kind] = [text(p.instrument_code), text(p.participant_id), text(p.kind)];
    if (!instrument || !participant || !kind) return [];
    return datedFact(`${kind} of ${instrument} by ${participant}`, p.date, await ourTreatyActs(db, instrument, participant, kind));
  },
  async 'membership-event'(db, p) {
    const [organization, iso3, event] = [text(p.organization_id), text(p.iso3), text(p.event)];
    if (!organization || !iso3 || !event) return [];
    return datedFact(`${event} of ${iso3} in ${organization}`, p.date, await ourMembershipEvents(db, organization, iso3, event));
  },
  async organization(db, p) {
    const id = text(p.id);
    return id ? fields(`organization ${id}`, p, await ourOrganization(db, id), ['founded', 'hq_iso3']) : [];
  },
  async instrument(db, p) {
    const code = text(p.code);
    return code ? fields(`instrument ${code}`, p, await ourInstrument(db, code), ['adopted', 'entry_into_force']) : [];
  },
};

export const COMPARED_KINDS = Object.keys(CHECKS);

async function differencesOf(db: Db, row: SyncedRow, checkedAt: string): Promise<Insertable<SyncDisagreementTable>[]> {
  const check = CHECKS[row.record_kind];
  if (!check || row.payload === null) return [];
  const payload = JSON.parse(row.payload) as Payload;
  return (await check(db, payload)).map((d) => {
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
  });
}

/** Compares every record of the peer that can be compared with our facts; replaces what was found before. */
export async function recheckDisagreements(db: Db, peerId: string): Promise<number> {
  const checkedAt = new Date().toISOString();
  const found: Insertable<SyncDisagreementTable>[] = [];
  let after: [string, string] | null = null;
  for (;;) {
    const batch = await recordsOfKinds(db, peerId, COMPARED_KINDS, after, 500);
    for (const row of batch) found.push(...(await differencesOf(db, row, checkedAt)));
    if (batch.length < 500) break;
    const last = batch.at(-1)!;
    after = [last.record_kind, last.record_id];
  }
  await replaceDisagreements(db, peerId, found);
  return found.length;
}
