// Resolution families: how texts of one subject relate (relations.ts) and how a paragraph changed
// from one text to the next (align.ts, diff.ts). Pure: no database, no files.
export { alignParagraphs, type ParagraphChange, type ParagraphPair, type ParagraphSide } from './align.ts';
export { compareWords, type DiffPart, sideOf, type WordComparison, wordDiff } from './diff.ts';
export { type FamilyMember, findRelations, type LaterResolution, type Recall, type Relations } from './relations.ts';
