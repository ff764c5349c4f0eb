// Official names imported from a user's copy of the UN terminology list (UNTERM). They take
// precedence over the package names and replace the previous import as a whole.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { foldForSearch, type Lang } from '../../shared/text.ts';
import { bumpDataVersion } from '../meta/repository.ts';

export const OFFICIAL_NAME_PRIORITY = 2;

export interface OfficialName {
  iso3: string;
  lang: Lang;
  kind: 'name' | 'formal';
  value: string;
}

export interface NameSource {
  id: string;
  title: string;
  url: string;
  retrieved: string;
}

/** One transaction: the previous import's names go, the new ones come, or nothing changes. */
export async function replaceOfficialNames(db: Kysely<Database>, names: OfficialName[], source: NameSource): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('entity_name').where('priority', '=', OFFICIAL_NAME_PRIORITY).execute();
    await trx
      .insertInto('source')
      .values(source)
      .onConflict((oc) => oc.column('id').doUpdateSet({ title: source.title, url: source.url, retrieved: source.retrieved }))
      .execute();
    for (let i = 0; i < names.length; i += 200) {
      await trx
        .insertInto('entity_name')
        .values(names.slice(i, i + 200).map((n) => ({
          entity_kind: 'state', entity_id: n.iso3, lang: n.lang, kind: n.kind, value: n.value,
          search_text: foldForSearch(n.value), priority: OFFICIAL_NAME_PRIORITY, source_id: source.id,
        })))
        .execute();
    }
    await bumpDataVersion(trx);
  });
}
