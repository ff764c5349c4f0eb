// The collections treaty actions come from (docs/GLOSSARY.md, "collection"): the acts of one
// source, whatever the number of its files. The status engine decides between them in this
// order, and the web app lists them in the same order.

/** The named collections, in order of precedence: the acts editors entered in Accord (datasets
 *  `edit:<instrument>`), the curated reference data, the UN Treaty Collection's pages, its 2015
 *  tables, and the year-level lists. Each mapped table is a collection of its own
 *  (`csv:<dataset>`), between the UN tables and the year-level lists. */
export const COLLECTIONS = ['edit', 'reference', 'untc-html', 'untc', 'untc-years'] as const;
export type NamedCollection = (typeof COLLECTIONS)[number];

/** The complete collections: the UN Treaty Collection's own lists, its pages and its tables,
 *  are the depositary's full lists of participants, so a State they do not list took no action
 *  by their date. */
export const COMPLETE_COLLECTIONS = ['untc-html', 'untc'] as const;

/** Lower goes first: editors' acts, the curated reference data, the depositary's own pages
 *  (newest), its tables, then mapped tables; year-level lists come last. */
export function collectionPriority(collection: string): number {
  if (collection === 'edit') return -1;
  if (collection === 'reference') return 0;
  if (collection === 'untc-html') return 1;
  if (collection === 'untc') return 2;
  if (collection === 'untc-years') return 4;
  return 3;
}

/** Whether a collection is the depositary's full list (its silence is a statement). */
export function isComplete(collection: string): boolean {
  return (COMPLETE_COLLECTIONS as readonly string[]).includes(collection);
}

/** Whether a collection speaks only for the acts it holds: editors correct one participant's
 *  acts at a time, so their collection decides a participant's group of acts (consent,
 *  signature…) only where it holds such an act, and is never anyone else's primary source. */
export function speaksOnlyForItsActs(collection: string): boolean {
  return collection === 'edit';
}
