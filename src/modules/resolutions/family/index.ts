// Resolution families: how texts of one subject relate (relations.ts) and how a paragraph changed
// from one text to the next (align.ts, diff.ts). Pure: no database, no files.
export { alignParagraphs, type FootnoteChange, type ParagraphChange, type ParagraphPair, type ParagraphPart, type ParagraphSide, SAME_PARAGRAPH_SIMILARITY } from './align.ts';
export { compareWords, DIFF_STEP_LIMIT, type DiffKind, type DiffPart, sideOf, tokenise, type WordComparison, wordDiff } from './diff.ts';
export { type BodySource, type FamilyMember, findRelations, type LaterReason, type LaterResolution, type MemberRef, type Recall, type Relations } from './relations.ts';
