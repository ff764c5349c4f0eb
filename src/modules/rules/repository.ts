// The rules the treaty engine applies (when acts take effect, who may join, which names mean
// which State, acts read from end notes), as the seed writes them from data/reference. The
// engine reads them here, from the database, never from the files: what a server answers
// depends only on what its database holds.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export const RULE_KINDS = ['effect-rule', 'eligibility-rule', 'participant-alias', 'procedure-act'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** Replaces every rule of one kind (inside the seed's transaction). */
export async function replaceRules(db: Kysely<Database>, kind: RuleKind, rules: readonly unknown[]): Promise<void> {
  await db.deleteFrom('reference_fact').where('kind', '=', kind).execute();
  const rows = rules.map((rule, seq) => ({ kind, seq, body: JSON.stringify(rule) }));
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('reference_fact')
      .values(rows.slice(i, i + 200))
      .execute();
}

/** The rules of one kind, in the order the file gave them. Their shape is checked by the seed. */
export async function readRules<T>(db: Kysely<Database>, kind: RuleKind): Promise<T[]> {
  const rows = await db.selectFrom('reference_fact').select('body').where('kind', '=', kind).orderBy('seq').execute();
  return rows.map((r) => JSON.parse(r.body) as T);
}
