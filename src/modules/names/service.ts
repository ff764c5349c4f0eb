// Official names imported from a user's copy of a UN list: UNTERM (State names) and UNSD M49
// (region names). They take precedence over the package names. Each import replaces the
// previous import of its own entity kind as a whole, and only that: importing region names
// must never remove the State names, nor the reverse.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { foldForSearch, type Lang } from '../../shared/text.ts';
import { bumpDataVersion } from '../meta/repository.ts';
import { saveSource, type SourceRecord } from '../sources/repository.ts';

export const OFFICIAL_NAME_PRIORITY = 2;

/** The entity kinds that have official names: States (UNTERM) and M49 regions (UNSD). */
export type OfficialEntityKind = 'state' | 'region';

export interface OfficialName {
  /** ISO alpha-3 of a State, or M49 code of a region. */
  id: string;
  lang: Lang;
  kind: 'name' | 'formal';
  value: string;
}

/** One transaction: the previous official names of this kind go, the new ones come, or nothing changes. */
export async function replaceOfficialNames(db: Kysely<Database>, entityKind: OfficialEntityKind, names: OfficialName[], source: SourceRecord): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await writeOfficialNames(trx, entityKind, names, source);
    await bumpDataVersion(trx);
  });
}

/** The same inside the caller's transaction (the snapshot loads names with its datasets). */
export async function writeOfficialNames(trx: Transaction<Database>, entityKind: OfficialEntityKind, names: OfficialName[], source: SourceRecord): Promise<void> {
  await trx.deleteFrom('entity_name').where('priority', '=', OFFICIAL_NAME_PRIORITY).where('entity_kind', '=', entityKind).execute();
  await saveSource(trx, source);
  for (let i = 0; i < names.length; i += 200) {
    await trx
      .insertInto('entity_name')
      .values(names.slice(i, i + 200).map((n) => ({
        entity_kind: entityKind, entity_id: n.id, lang: n.lang, kind: n.kind, value: n.value,
        search_text: foldForSearch(n.value), priority: OFFICIAL_NAME_PRIORITY, source_id: source.id,
      })))
      .execute();
  }
}
