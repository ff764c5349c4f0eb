// The search's one query: names whose folded form matches a LIKE pattern (service.ts makes the
// pattern broad and re-checks every row exactly in code).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export async function namesLike(db: Kysely<Database>, entityKinds: readonly string[], pattern: string) {
  return db
    .selectFrom('entity_name')
    .select(['entity_kind', 'entity_id', 'value', 'lang', 'search_text'])
    .where('entity_kind', 'in', [...entityKinds])
    .where('search_text', 'like', pattern)
    .execute();
}

/** The ids of the entities of a kind the reader may see (names are not filtered by the views:
 *  they belong to entities, which are). States are all public. */
export async function visibleIds(db: Kysely<Database>, kind: 'organization' | 'instrument' | 'mechanism'): Promise<Set<string>> {
  if (kind === 'organization') return new Set((await db.selectFrom('organization').select('id').execute()).map((r) => r.id));
  return new Set((await db.selectFrom(kind).select('code').execute()).map((r) => r.code));
}
