// Official names imported from a user's copy of a UN list: UNTERM (State names) and UNSD M49
// (region names). They take precedence over the package names. Each import replaces the
// previous import of its own entity kind as a whole, and only that: importing region names
// must never remove the State names, nor the reverse.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Lang } from '../../shared/text.ts';
import { systemContext, type WriteContext } from '../audit/context.ts';
import { runUseCase, type UseCase } from '../audit/pipeline.ts';
import { saveSource, sourceStoredAsIs, type SourceRecord } from '../sources/repository.ts';
import { deleteNamesOfPriority, insertNames, namesOfPriority } from './repository.ts';

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

export interface OfficialNamesInput {
  entityKind: OfficialEntityKind;
  names: OfficialName[];
  source: SourceRecord;
}

const key = (n: { entity_id?: string; id?: string; lang: string; kind: string; value: string }) => `${n.entity_id ?? n.id}|${n.lang}|${n.kind}|${n.value}`;

/** Replaces the official names of one kind of entity; the audit record counts what came and went. */
export const replaceOfficialNamesUseCase: UseCase<OfficialNamesInput, void> = {
  name: 'names.replace-official',
  topics: ['names', 'sources'],
  async run(trx, { entityKind, names, source }) {
    const before = await namesOfPriority(trx, entityKind, OFFICIAL_NAME_PRIORITY);
    const old = new Set(before.map(key));
    const now = new Set(names.map(key));
    const added = [...now].filter((k) => !old.has(k)).length;
    const removed = [...old].filter((k) => !now.has(k)).length;
    // The same names from the same source, as stored: nothing to write, nothing to record.
    if (added === 0 && removed === 0 && before.length === names.length && before.every((n) => n.source_id === source.id) && (await sourceStoredAsIs(trx, source))) {
      return { result: undefined, audit: [] };
    }
    await writeOfficialNames(trx, entityKind, names, source);
    return {
      result: undefined,
      audit: [
        {
          action: 'import',
          entityKind: 'official-names',
          entityId: entityKind,
          before: { names: before.length, sources: [...new Set(before.map((n) => n.source_id))] },
          after: { names: names.length, source: source.id, added, removed },
          summary: `official ${entityKind} names from ${source.id}: ${names.length} names (${added} new, ${removed} gone)`,
        },
      ],
    };
  },
};

export async function replaceOfficialNames(
  db: Kysely<Database>,
  entityKind: OfficialEntityKind,
  names: OfficialName[],
  source: SourceRecord,
  context: WriteContext = systemContext('importer'),
): Promise<void> {
  await runUseCase(db, replaceOfficialNamesUseCase, { entityKind, names, source }, context);
}

/** The writes themselves, inside the caller's transaction. */
export async function writeOfficialNames(trx: Transaction<Database>, entityKind: OfficialEntityKind, names: OfficialName[], source: SourceRecord): Promise<void> {
  await deleteNamesOfPriority(trx, entityKind, OFFICIAL_NAME_PRIORITY);
  await saveSource(trx, source);
  await insertNames(
    trx,
    names.map((n) => ({ entityKind, id: n.id, lang: n.lang, kind: n.kind, value: n.value, priority: OFFICIAL_NAME_PRIORITY, sourceId: source.id })),
  );
}
