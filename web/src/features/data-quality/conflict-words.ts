// A disagreement between treaty sources in plain words: what each side says ("UN Treaty
// Collection: ratification 27 March 1968") and where it comes from. The engine describes a
// side that says nothing with a short English note ("no accession by 2015-03-09", "party at
// 2015-03-09"); the known forms are put into the reader's language, any other is quoted as is.
import type { Source, TreatyConflict } from '../../api/types.ts';
import type { I18n } from '../../i18n/i18n.tsx';
import { TREATY_STATUSES } from '../../../../src/shared/vocabularies.ts';

export type Side = TreatyConflict['sides'][number];

export interface SideWords {
  /** "UN Treaty Collection: ratification 27 March 1968". */
  text: string;
  /** Words of the source itself (a contradictory row), shown in quotes and in English. */
  quote: string | null;
}

const STATUS_WORDS = new Set<string>(TREATY_STATUSES);

/** How a code or file name is put into a sentence. On screen it is isolated (U+2068…U+2069),
 *  so that "4-8.csv" is not reordered inside Arabic; exports keep the plain text. */
export type Isolate = (text: string) => string;
const plain: Isolate = (text) => text;
export const isolated: Isolate = (text) => `\u2068${text}\u2069`;

/** A key that the dictionaries lack (a new collection or act) is shown as its code. */
function known(t: I18n['t'], key: string, fallback: string): string {
  const text = t(key);
  return text === key ? fallback : text;
}

export function collectionName(collection: string, t: I18n['t'], isolate: Isolate = plain): string {
  if (collection.startsWith('csv:')) return t('quality.collection.csv', { dataset: isolate(collection.slice(4)) });
  return known(t, `quality.collection.${collection}`, collection);
}

export function actName(kind: string, t: I18n['t']): string {
  return known(t, `treaties.act.${kind}`, kind);
}

function says(side: Side, { t, date }: I18n): { says: string; quote: string | null } {
  if (side.status === 'contradictory') return { says: t('quality.says.contradictory'), quote: side.note };
  if (side.kind) return { says: side.date ? t('quality.says.act', { act: actName(side.kind, t), date: date(side.date) }) : t('quality.says.undated', { act: actName(side.kind, t) }), quote: null };
  if (side.status) {
    // A year-level list's "none" is what the app calls "no action".
    const status = known(t, `treaty.status.${side.status === 'none' ? 'noAction' : side.status}`, side.status);
    return { says: side.asOf ? t('quality.says.statusOn', { status, date: date(side.asOf) }) : status, quote: null };
  }
  const note = side.note ?? '';
  const none = /^no (.+?)(?: by (\d{4}(?:-\d{2}){0,2}))?$/.exec(note);
  if (none) {
    const act = none[1] === 'ratification, accession or succession' ? t('treaties.act.consent') : actName(none[1]!, t);
    return { says: none[2] ? t('quality.says.noActBy', { act, date: date(none[2]) }) : t('quality.says.noAct', { act }), quote: null };
  }
  const at = /^(\w+) at (\d{4}(?:-\d{2}){0,2})$/.exec(note);
  if (at && STATUS_WORDS.has(at[1]!)) return { says: t('quality.says.statusOn', { status: t(`treaty.status.${at[1]}`), date: date(at[2]!) }), quote: null };
  return { says: t('quality.says.note'), quote: note || null };
}

export function sideWords(side: Side, i18n: I18n, isolate: Isolate = plain): SideWords {
  const { says: words, quote } = says(side, i18n);
  return { text: i18n.t('quality.side', { source: collectionName(side.collection, i18n.t, isolate), says: words }), quote };
}

/** All sides in one line, for the filter and the exports. */
export function conflictText(conflict: TreatyConflict, i18n: I18n): string {
  return conflict.sides
    .map((side) => {
      const words = sideWords(side, i18n);
      return words.quote ? `${words.text} “${words.quote}”` : words.text;
    })
    .join(' — ');
}

/** Where one side comes from: its dataset, file and row (a side that is only a silence has none). */
export function provenanceText(side: Side, t: I18n['t'], isolate: Isolate = plain): string {
  const parts = [
    // A mapped table is its own collection: its dataset would only repeat the name.
    side.dataset !== side.collection && side.dataset && isolate(side.dataset),
    side.file && t('quality.prov.file', { file: isolate(side.file) }),
    side.row !== null && t('quality.prov.row', { row: String(side.row) }),
  ].filter((p): p is string => Boolean(p));
  return t('quality.side', { source: collectionName(side.collection, t, isolate), says: parts.length ? parts.join(', ') : t('quality.prov.none') });
}

export function sideSources(side: Side, index: Map<string, Source>): Source[] {
  return side.sourceIds.flatMap((id) => (index.has(id) ? [index.get(id)!] : []));
}
