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
