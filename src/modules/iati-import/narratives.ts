// Reading an IATI activity's texts and codes: a narrative in English when there is one, else
// the first; a narrative without its own xml:lang is in the activity's language.
import { childNamed, childrenNamed, type XmlNode } from '../iati/xml-stream.ts';

/** The text of the element's narratives: English if given, else the first; undefined when none holds text. */
export function narrativeOf(node: XmlNode | undefined, activityLang: string | undefined): string | undefined {
  if (!node) return undefined;
  const narratives = childrenNamed(node, 'narrative')
    .map((n) => ({ lang: (n.attrs['xml:lang'] ?? activityLang ?? '').toLowerCase(), text: n.text.trim() }))
    .filter((n) => n.text !== '');
  return (narratives.find((n) => n.lang === 'en') ?? narratives[0])?.text;
}

/** The calendar day of an iso-date attribute (`2024-05-01` of `2024-05-01T10:00:00Z`). */
export function dayAttr(node: XmlNode | undefined, name = 'iso-date'): string | undefined {
  const value = node?.attrs[name]?.trim().slice(0, 10);
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}

export function codeOf(node: XmlNode | undefined, name: string): string | undefined {
  return node ? childNamed(node, name)?.attrs.code?.trim() : undefined;
}
