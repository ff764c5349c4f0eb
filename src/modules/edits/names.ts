// The names a new record is created with: one row per language given, resting on the record's source.
import type { Lang } from '../../shared/text.ts';
import { ENTERED_NAME_PRIORITY, type NameRow } from '../names/repository.ts';
import type { LocalizedNames } from './schema.ts';

export function enteredNames(entityKind: string, id: string, names: { name: LocalizedNames; acronym?: LocalizedNames | null }, sourceId: string, by: { actor: string; at: string }): NameRow[] {
  const rows = (kind: string, text: LocalizedNames | null | undefined): NameRow[] =>
    Object.entries(text ?? {}).map(([lang, value]) => ({
      entityKind,
      id,
      lang: lang as Lang,
      kind,
      value: value as string,
      priority: ENTERED_NAME_PRIORITY,
      sourceId,
      enteredBy: by.actor,
      enteredAt: by.at,
    }));
  return [...rows('name', names.name), ...rows('acronym', names.acronym)];
}
