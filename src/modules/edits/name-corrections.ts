// Correcting a record's names, one language at a time. Names live in entity_name, a row per
// language, kind and origin (priority: shipped 1, imported official 2, entered 3; the highest
// is shown). A correction is an entered row above the shipped or imported one, which stays:
// the read API shows both, like any other disagreement between sources. Setting a name back
// to the value it overrides removes the entered row, and so ends the correction.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Problem } from '../../shared/errors.ts';
import { LANGS, type Lang } from '../../shared/text.ts';
import { ENTERED_NAME_PRIORITY, namesOfRecord, namesOfRecordsWithEntered, replaceEnteredName, type StoredName } from '../names/repository.ts';
import type { SourceView } from '../sources/repository.ts';
import type { CorrectionView } from './corrections.ts';

/** A name field of a write body (e.g. `title`) and the kind of name it is stored as. */
export interface NameField {
  field: string;
  kind: 'name' | 'acronym';
}

/** What an update asks of one name field: per language, the new name, or null to remove an entered one. */
export type NameInput = Partial<Record<Lang, string | null>>;

type NameRow = StoredName;

/** One name to write: `value` null removes the entered row. */
interface NameWrite {
  lang: Lang;
  kind: string;
  value: string | null;
}

export interface NamePlan {
  /** `field.lang` for each name that changes (e.g. `title.fr`). */
  changed: string[];
  before: Record<string, string | null>;
  after: Record<string, string | null>;
  writes: NameWrite[];
}

const entered = (r: NameRow) => r.priority === ENTERED_NAME_PRIORITY;

/** What an update of the names changes, checked: English is never removed, nor a name the registry did not enter. */
export async function planNames(
  db: Kysely<Database>,
  entityKind: string,
  id: string,
  fields: readonly NameField[],
  wanted: Readonly<Record<string, unknown>>,
): Promise<{ plan: NamePlan; problems: Problem[] }> {
  const plan: NamePlan = { changed: [], before: {}, after: {}, writes: [] };
  const problems: Problem[] = [];
  const asked = fields.filter((f) => wanted[f.field] !== undefined);
  if (asked.length === 0) return { plan, problems };
  const rows = await namesOfRecord(db, entityKind, id);
  for (const f of asked) {
    const input = wanted[f.field] as NameInput;
    for (const lang of LANGS) {
      const value = input[lang];
      if (value === undefined) continue;
      const ofLang = rows.filter((r) => r.kind === f.kind && r.lang === lang);
      const shown = ofLang[0]?.value ?? null;
      const underneath = ofLang.find((r) => !entered(r))?.value ?? null;
      const key = `${f.field}.${lang}`;
      if (value === shown) continue;
      if (value === null && lang === 'en' && f.kind === 'name') {
        problems.push({ field: key, reason: 'the English name cannot be removed; correct it instead' });
        continue;
      }
      if (value === null && underneath !== null) {
        problems.push({ field: key, reason: 'this name comes from the reference data and cannot be removed; correct it instead' });
        continue;
      }
      plan.changed.push(key);
      plan.before[key] = shown;
      plan.after[key] = value;
      // Back to the value underneath: the entered row goes, and the shipped one shows again.
      plan.writes.push({ lang, kind: f.kind, value: value === underneath ? null : value });
    }
  }
  return { plan, problems };
}

/** Writes the planned names: each changed language's entered row is replaced (or removed). */
export async function writeNames(db: Kysely<Database>, entityKind: string, id: string, plan: NamePlan, by: { source: string; actor: string; at: string }): Promise<void> {
  for (const w of plan.writes)
    await replaceEnteredName(db, { entityKind, id, lang: w.lang, kind: w.kind }, w.value === null ? null : { value: w.value, sourceId: by.source, enteredBy: by.actor, enteredAt: by.at });
}

/** Every name of one record, per name field and language, as shown (the highest priority): what an edit form starts from. */
export async function currentNames(db: Kysely<Database>, entityKind: string, id: string, fields: readonly NameField[]): Promise<Record<string, Record<string, string>>> {
  const rows = await namesOfRecord(db, entityKind, id);
  const out: Record<string, Record<string, string>> = {};
  for (const f of fields) {
    const names: Record<string, string> = {};
    for (const r of rows) if (r.kind === f.kind && names[r.lang] === undefined) names[r.lang] = r.value;
    out[f.field] = names;
  }
  return out;
}

/** Per record of one kind, its names that override a shipped or imported one, as corrections:
 *  the value shown and the one underneath, each with its source. One query for the whole kind. */
export async function nameCorrectionsOf(db: Kysely<Database>, entityKind: string, fields: readonly NameField[], sources: Map<string, SourceView>): Promise<Map<string, CorrectionView[]>> {
  const rows = await namesOfRecordsWithEntered(db, entityKind);
  const byRecord = new Map<string, NameRow[]>();
  for (const r of rows) byRecord.set(r.entity_id, [...(byRecord.get(r.entity_id) ?? []), r]);
  const out = new Map<string, CorrectionView[]>();
  for (const [id, ofRecord] of byRecord) {
    const views = fields.flatMap((f) => LANGS.flatMap((lang) => correctionOf(f, lang, ofRecord, sources)));
    if (views.length > 0) out.set(id, views);
  }
  return out;
}

function correctionOf(f: NameField, lang: Lang, rows: NameRow[], sources: Map<string, SourceView>): CorrectionView[] {
  const ofLang = rows.filter((r) => r.kind === f.kind && r.lang === lang);
  const correction = ofLang.find(entered);
  const underneath = ofLang.find((r) => !entered(r));
  if (!correction || !underneath) return [];
  const source = (id: string | null) => (id === null ? undefined : sources.get(id));
  return [
    {
      field: `${f.field}.${lang}`,
      value: correction.value,
      source: source(correction.source_id) ?? null,
      by: correction.entered_by ?? '',
      at: correction.entered_at ?? '',
      overridden: { value: underneath.value, sources: [source(underneath.source_id)].filter((s): s is SourceView => s !== undefined) },
    },
  ];
}
