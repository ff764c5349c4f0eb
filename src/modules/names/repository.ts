// Names of registry entities in the six languages, with English as the fallback.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { foldForSearch, LANGS, withoutSortingArticle, type Lang } from '../../shared/text.ts';

export interface DisplayName {
  name: string;
  acronym: string | null;
  /** The language the acronym (or short title) is in. */
  acronymLang: Lang | null;
  /** The language the name is actually in (English when the chosen one is missing). */
  lang: Lang;
  /** The source of that name. */
  sourceId: string | null;
}

/** For one entity kind: id → best name in `lang` (highest priority), else in English. */
export async function namesOf(db: Kysely<Database>, entityKind: string, lang: Lang): Promise<Map<string, DisplayName>> {
  const rows = await db
    .selectFrom('entity_name')
    .select(['entity_id', 'lang', 'kind', 'value', 'priority', 'source_id'])
    .where('entity_kind', '=', entityKind)
    .where('lang', 'in', lang === 'en' ? ['en'] : [lang, 'en'])
    .where('kind', 'in', ['name', 'acronym'])
    .orderBy('priority', 'desc')
    .execute();
  const best = new Map<string, { name?: { value: string; lang: Lang; sourceId: string | null }; acronym?: { value: string; lang: Lang } }>();
  for (const row of rows) {
    const entry = best.get(row.entity_id) ?? {};
    const rowLang = row.lang as Lang;
    if (row.kind === 'name' && (!entry.name || (entry.name.lang !== lang && rowLang === lang))) {
      entry.name = { value: row.value, lang: rowLang, sourceId: row.source_id };
    }
    if (row.kind === 'acronym' && (!entry.acronym || (entry.acronym.lang !== lang && rowLang === lang))) entry.acronym = { value: row.value, lang: rowLang };
    best.set(row.entity_id, entry);
  }
  const result = new Map<string, DisplayName>();
  for (const [id, entry] of best) {
    if (entry.name)
      result.set(id, {
        name: withoutSortingArticle(entry.name.value),
        acronym: entry.acronym?.value ?? null,
        acronymLang: entry.acronym?.lang ?? null,
        lang: entry.name.lang,
        sourceId: entry.name.sourceId,
      });
  }
  return result;
}

/** Every name of one entity, all languages: the profile pages show them. */
export async function allNamesOf(db: Kysely<Database>, entityKind: string, id: string): Promise<Partial<Record<Lang, string>>> {
  const rows = await db
    .selectFrom('entity_name')
    .select(['lang', 'value', 'priority'])
    .where('entity_kind', '=', entityKind)
    .where('entity_id', '=', id)
    .where('kind', '=', 'name')
    .orderBy('priority', 'asc')
    .execute();
  const names: Partial<Record<Lang, string>> = {};
  for (const row of rows) names[row.lang as Lang] = row.value; // higher priority overwrites
  return names;
}

/** The languages in which an entity has no official name (the profile shows another source's). */
export async function unofficialLangsOf(db: Kysely<Database>, entityKind: string, id: string, officialPriority: number): Promise<Lang[]> {
  const rows = await db
    .selectFrom('entity_name')
    .select(['lang'])
    .where('entity_kind', '=', entityKind)
    .where('entity_id', '=', id)
    .where('kind', '=', 'name')
    .where('priority', '>=', officialPriority)
    .execute();
  const official = new Set(rows.map((r) => r.lang));
  return LANGS.filter((l) => !official.has(l));
}

export interface NameFallback {
  entityKind: string;
  id: string;
  lang: Lang;
  /** What is shown instead: a name from another source in that language, or the English one. */
  shown: string | null;
  shownLang: Lang | null;
  sourceId: string | null;
}

/** Every entity and language with no official name, and what is shown in its place. */
export async function nameFallbacks(db: Kysely<Database>, entityKind: string, ids: string[], officialPriority: number): Promise<NameFallback[]> {
  const rows = await db
    .selectFrom('entity_name')
    .select(['entity_id', 'lang', 'value', 'priority', 'source_id'])
    .where('entity_kind', '=', entityKind)
    .where('kind', '=', 'name')
    .orderBy('priority', 'desc')
    .execute();
  const byEntity = new Map<string, typeof rows>();
  for (const r of rows) byEntity.set(r.entity_id, [...(byEntity.get(r.entity_id) ?? []), r]);
  const out: NameFallback[] = [];
  for (const id of ids) {
    const names = byEntity.get(id) ?? [];
    for (const lang of LANGS) {
      if (names.some((n) => n.lang === lang && n.priority >= officialPriority)) continue;
      const instead = names.find((n) => n.lang === lang) ?? names.find((n) => n.lang === 'en');
      out.push({ entityKind, id, lang, shown: instead?.value ?? null, shownLang: (instead?.lang as Lang | undefined) ?? null, sourceId: instead?.source_id ?? null });
    }
  }
  return out;
}

/** Names entered with a record created through the write path: above the shipped (1) and the
 *  imported official ones (2), and never deleted by the seed or an import, which replace only their own. */
export const ENTERED_NAME_PRIORITY = 3;

export interface NameRow {
  entityKind: string;
  id: string;
  lang: Lang;
  kind: string;
  value: string;
  priority: number;
  sourceId: string | null;
  /** For an entered name: the actor and the time (ISO). */
  enteredBy?: string;
  enteredAt?: string;
}

export async function insertNames(db: Kysely<Database>, names: NameRow[]): Promise<void> {
  for (let i = 0; i < names.length; i += 200) {
    await db
      .insertInto('entity_name')
      .values(
        names.slice(i, i + 200).map((n) => ({
          entity_kind: n.entityKind,
          entity_id: n.id,
          lang: n.lang,
          kind: n.kind,
          value: n.value,
          search_text: foldForSearch(n.value),
          priority: n.priority,
          source_id: n.sourceId,
          entered_by: n.enteredBy ?? null,
          entered_at: n.enteredAt ?? null,
        })),
      )
      .execute();
  }
}

/** The names of one priority (one origin) for one kind of entity. */
export async function namesOfPriority(db: Kysely<Database>, entityKind: string, priority: number) {
  return db.selectFrom('entity_name').select(['entity_id', 'lang', 'kind', 'value', 'source_id']).where('priority', '=', priority).where('entity_kind', '=', entityKind).execute();
}

export async function deleteNamesOfPriority(db: Kysely<Database>, entityKind: string, priority: number): Promise<void> {
  await db.deleteFrom('entity_name').where('priority', '=', priority).where('entity_kind', '=', entityKind).execute();
}

/** A stored name of one record, with its origin (priority) and, when entered, who entered it and when. */
export interface StoredName {
  lang: string;
  kind: string;
  value: string;
  priority: number;
  source_id: string | null;
  entered_by: string | null;
  entered_at: string | null;
}

const STORED_NAME_COLUMNS = ['lang', 'kind', 'value', 'priority', 'source_id', 'entered_by', 'entered_at'] as const;

/** Every name of one record, highest priority first. */
export function namesOfRecord(db: Kysely<Database>, entityKind: string, id: string): Promise<StoredName[]> {
  return db.selectFrom('entity_name').select(STORED_NAME_COLUMNS).where('entity_kind', '=', entityKind).where('entity_id', '=', id).orderBy('priority', 'desc').execute();
}

/** Every name of the records of one kind that have an entered name, highest priority first. */
export function namesOfRecordsWithEntered(db: Kysely<Database>, entityKind: string): Promise<(StoredName & { entity_id: string })[]> {
  return db
    .selectFrom('entity_name')
    .select(['entity_id', ...STORED_NAME_COLUMNS])
    .where('entity_kind', '=', entityKind)
    .where('entity_id', 'in', (q) => q.selectFrom('entity_name').select('entity_id').where('entity_kind', '=', entityKind).where('priority', '=', ENTERED_NAME_PRIORITY))
    .orderBy('priority', 'desc')
    .execute();
}

/** Replaces the entered name of one record in one language and kind; null removes it. */
export async function replaceEnteredName(
  db: Kysely<Database>,
  key: { entityKind: string; id: string; lang: Lang; kind: string },
  name: { value: string; sourceId: string; enteredBy: string; enteredAt: string } | null,
): Promise<void> {
  await db
    .deleteFrom('entity_name')
    .where('entity_kind', '=', key.entityKind)
    .where('entity_id', '=', key.id)
    .where('lang', '=', key.lang)
    .where('kind', '=', key.kind)
    .where('priority', '=', ENTERED_NAME_PRIORITY)
    .execute();
  if (name)
    await insertNames(db, [
      {
        entityKind: key.entityKind,
        id: key.id,
        lang: key.lang,
        kind: key.kind,
        value: name.value,
        priority: ENTERED_NAME_PRIORITY,
        sourceId: name.sourceId,
        enteredBy: name.enteredBy,
        enteredAt: name.enteredAt,
      },
    ]);
}
