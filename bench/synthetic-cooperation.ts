// A SYNTHETIC programme for the dashboard's benchmark, never shipped as data: projects (with
// countries and budget lines), events (with participation counts) and requests, drawn from a
// seeded generator so that every run stores the same rows. Titles say SYNTHETIC. Rows go
// straight into the tables in bulk (batches in transactions): the benchmark measures the reads.
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../src/db/schema.ts';
import { EVENT_KINDS, FUNDING_SOURCES, PARTICIPANT_GENDERS, PROJECT_STATUSES, REQUEST_STATUSES } from '../src/shared/vocabularies.ts';

/** mulberry32: a small seeded generator, uniform in [0, 1). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Sizes {
  events: number;
  projects: number;
  requests: number;
}

const BATCH = 400;
const STAMP = { created_by: 'bench', created_at: '2026-12-07T00:00:00Z', updated_at: '2026-12-07T00:00:00Z', sources: '[]' };
const pad = (n: number) => String(n).padStart(2, '0');

async function insertInBatches<T>(db: Kysely<Database>, rows: T[], write: (trx: Kysely<Database>, batch: T[]) => Promise<unknown>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += BATCH) await write(trx, rows.slice(i, i + BATCH));
  });
}

/** Inserts the synthetic programme; `states` are the registry's codes the records are spread over. */
export async function insertSyntheticProgramme(db: Kysely<Database>, states: string[], sizes: Sizes, seed = 20261207): Promise<void> {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const year = () => 1990 + Math.floor(random() * 36);
  const day = (y: number) => `${y}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
  // Most records are public; some internal; a few restricted to one State.
  const access = () => {
    const r = random();
    if (r < 0.9) return { confidentiality: 'public', audience: '[]' };
    if (r < 0.97) return { confidentiality: 'internal', audience: '[]' };
    return { confidentiality: 'restricted', audience: JSON.stringify([`state:${pick(states)}`]) };
  };

  const projects: Insertable<Database['project']>[] = [];
  const countries: { project_id: string; iso3: string; percentage: null }[] = [];
  const budget: Omit<Database['project_budget'], 'id'>[] = [];
  for (let i = 0; i < sizes.projects; i++) {
    const id = `synthetic-project-${i}`;
    const start = year();
    const end = start + Math.floor(random() * 5);
    projects.push({ id, title: `SYNTHETIC project ${i}`, status: pick(PROJECT_STATUSES), planned_start: day(start), planned_end: day(end), ...access(), ...STAMP });
    const mine = new Set<string>();
    for (let n = 1 + Math.floor(random() * 3); mine.size < n; ) mine.add(pick(states));
    for (const iso3 of mine) countries.push({ project_id: id, iso3, percentage: null });
    for (let y = start; y <= end; y++) {
      const amount = `${Math.floor(random() * 5_000_000)}.${pad(Math.floor(random() * 100))}`;
      const from = `${y}-01-01`;
      budget.push({
        project_id: id,
        period_start: from,
        period_end: `${y}-12-31`,
        amount,
        currency: pick(['USD', 'EUR', 'CHF']),
        value_date: from,
        status: 'committed',
        funding_source: pick(FUNDING_SOURCES),
        agreement_id: null,
      });
    }
  }
  await insertInBatches(db, projects, (trx, batch) => trx.insertInto('project').values(batch).execute());
  await insertInBatches(db, countries, (trx, batch) => trx.insertInto('project_country').values(batch).execute());
  await insertInBatches(db, budget, (trx, batch) => trx.insertInto('project_budget').values(batch).execute());

  const events: Insertable<Database['event']>[] = [];
  const counts: Omit<Database['event_participation'], 'id'>[] = [];
  for (let i = 0; i < sizes.events; i++) {
    const id = `synthetic-event-${i}`;
    const start = day(year());
    events.push({ id, kind: pick(EVENT_KINDS), title: `SYNTHETIC event ${i}`, start_date: start, end_date: start, city: null, country_iso3: pick(states), ...access(), ...STAMP });
    // Seven in ten have counts, by gender (sometimes none given).
    if (random() < 0.7)
      for (const gender of PARTICIPANT_GENDERS.slice(0, 2 + Math.floor(random() * 2)))
        counts.push({ event_id: id, country_iso3: pick(states), institution: null, gender: random() < 0.1 ? null : gender, headcount: Math.floor(random() * 40) });
  }
  await insertInBatches(db, events, (trx, batch) => trx.insertInto('event').values(batch).execute());
  await insertInBatches(db, counts, (trx, batch) => trx.insertInto('event_participation').values(batch).execute());

  const requests: Insertable<Database['assistance_request']>[] = [];
  for (let i = 0; i < sizes.requests; i++) {
    const received = day(year());
    requests.push({
      id: `synthetic-request-${i}`,
      state_iso3: pick(states),
      authority: 'SYNTHETIC',
      received,
      subject: `SYNTHETIC request ${i}`,
      status: pick(REQUEST_STATUSES),
      status_date: received,
      due: null,
      ...access(),
      ...STAMP,
    });
  }
  await insertInBatches(db, requests, (trx, batch) => trx.insertInto('assistance_request').values(batch).execute());
}
