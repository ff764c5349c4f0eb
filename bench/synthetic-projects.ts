// SYNTHETIC technical-cooperation projects for benchmarks, never shipped as data: made-up titles,
// States drawn from the registry, budget lines, transactions, results with indicators, a
// document, from a seeded pseudo-random generator, so the same arguments always store the same
// rows. Stored through the projects' repository (insertProject, replaceProjectParts) in one
// transaction, as the write path would store them but without an audit record per project
// (the benchmark measures the export, not the writes).
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.ts';
import { partsFromInput, partsWrite } from '../src/modules/projects/parts.ts';
import { insertProject, replaceProjectParts } from '../src/modules/projects/repository.ts';
import type { PartsInput } from '../src/modules/projects/schema.ts';
import { PROJECT_STATUSES } from '../src/shared/vocabularies.ts';

/** mulberry32: a small, fast, seeded generator of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = ['treaty reporting', 'national human rights institutions', 'follow-up of UPR recommendations', 'administration of justice', 'human rights education', 'rights of indigenous peoples'];
const CURRENCIES = ['USD', 'EUR', 'CHF'];
const STAMP = '2026-11-01T10:00:00.000Z';

interface Generated {
  id: string;
  row: Parameters<typeof insertProject>[1];
  parts: PartsInput;
  document: { title: string; url: string; category: string; lang: string; date: string };
}

function project(n: number, random: () => number, states: string[]): Generated {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const id = `bench-project-${String(n).padStart(6, '0')}`;
  const year = int(2016, 2024);
  const topic = pick(TOPICS);
  const status = pick(PROJECT_STATUSES);
  const started = status !== 'pipeline' && status !== 'cancelled';
  const currency = pick(CURRENCIES);
  const countries = Array.from(new Set(Array.from({ length: int(1, 3) }, () => pick(states))));
  const shares = countries.length === 1 ? [null] : countries.length === 2 ? ['50', '50'] : ['40', '30', '30'];
  // Yearly budget lines up to 2025: an actual end or a transaction is never after today.
  const years = int(1, Math.min(3, 2025 - year + 1));
  const parts: PartsInput = {
    countries: countries.map((iso3, i) => ({ iso3, percentage: shares[i] })),
    organizations: [
      { role: 'funding', name: `Synthetic donor ${int(1, 40)}`, ref: `XX-SYN-${int(1, 40)}`, type: '10' },
      { role: 'implementing', name: `Synthetic partner ${int(1, 200)}`, type: '22' },
    ],
    budget: Array.from({ length: years }, (_, y) => ({
      periodStart: `${year + y}-01-01`,
      periodEnd: `${year + y}-12-31`,
      amount: `${int(10, 900)}000.00`,
      currency,
      status: y === 0 ? 'committed' : 'indicative',
      fundingSource: pick(['regular-budget', 'voluntary-contributions'] as const),
    })),
    transactions: Array.from({ length: started ? int(2, 6) : 0 }, (_, k) => {
      const day = `${year + (k % years)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
      return {
        type: pick(['incoming-funds', 'commitment', 'disbursement', 'expenditure'] as const),
        date: day,
        amount: `${int(1, 99)}${String(int(0, 999)).padStart(3, '0')}.${String(int(0, 99)).padStart(2, '0')}`,
        currency,
        fundingSource: 'voluntary-contributions' as const,
        description: `Synthetic transaction ${k + 1} of ${id}: workshop on ${topic}`,
      };
    }),
    results: Array.from({ length: int(1, 2) }, (_, r) => ({
      type: pick(['output', 'outcome', 'impact'] as const),
      title: `Synthetic result ${r + 1}: officials trained on ${topic}`,
      indicators: Array.from({ length: int(1, 2) }, (_, i) => ({ title: `Synthetic indicator ${i + 1}`, measure: 'unit' as const, baselineYear: year - 1, baselineValue: String(int(0, 50)) })),
    })),
  };
  return {
    id,
    row: {
      id,
      title: `Synthetic project ${n}: support on ${topic}`,
      objectives: `Synthetic objectives of ${id}: officials of ${countries.join(', ')} trained on ${topic}; "quotes", <angle brackets> & ampersands.`,
      status,
      planned_start: `${year}-01-01`,
      planned_end: `${year + years - 1}-12-31`,
      actual_start: started ? `${year}-02-01` : null,
      actual_end: status === 'closed' ? `${year + years - 1}-12-31` : null,
      default_currency: currency,
      sdg_tags: '["16","16.3"]',
      created_by: 'system:bench',
      created_at: STAMP,
      updated_at: STAMP,
    },
    parts,
    document: { title: `Project document of ${id}`, url: `https://example.org/synthetic/${id}.pdf`, category: 'A02', lang: 'en', date: `${year}-01-10` },
  };
}

/** Stores `count` synthetic projects (seeded: the same count and seed, the same rows). */
export async function storeSyntheticProjects(db: Kysely<Database>, count: number, seed = 14): Promise<void> {
  const random = seededRandom(seed);
  const states = (await db.selectFrom('state').select('iso3').orderBy('iso3').execute()).map((s) => s.iso3);
  await db.transaction().execute(async (trx) => {
    for (let n = 1; n <= count; n++) {
      const p = project(n, random, states);
      await insertProject(trx, p.row);
      await replaceProjectParts(trx, p.id, partsWrite(partsFromInput(p.parts)));
      await trx
        .insertInto('cooperation_document')
        .values({ owner_kind: 'project', owner_id: p.id, ...p.document })
        .execute();
    }
  });
}
