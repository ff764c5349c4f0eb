// Reading report drafts: a draft's settings, its sections as generated now beside the drafter's
// rewritten text (with whether the data beneath changed), its document with the rewritten
// sections in place, its frozen versions, and the comparison of two of them word by word.
// The report is generated through the asker's view (`reader`); the policy decides who opens a draft.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { NotFoundError, ValidationError } from '../../../shared/errors.ts';
import type { Editor } from '../../access/edit-rights.ts';
import { requireRight } from '../../access/edit-rights.ts';
import { type DiffPart, wordDiff } from '../../resolutions/family/index.ts';
import { assembleDocument, type ComposedReport, type ComposedSection, REPORT_SECTIONS, type ReportSectionId } from '../compose/index.ts';
import type { ReportDocument, ReportLanguage } from '../document/model.ts';
import { generateReport, type ReportSettings } from '../generate.ts';
import { draftsListedFor, mayDraftReports, mayOpenDraft } from './policy.ts';
import { type DraftRow, type DraftSectionRow, type DraftVersionRow, findDraft, findVersion, listDrafts, sectionsOf, versionsOf } from './repository.ts';
import { sectionToText, textToBlocks } from './text.ts';

export const DRAFTING = 'draft reports (administrators and OHCHR editors)';

export interface DraftSummary extends ReportSettings {
  id: string;
  name: string;
  owner: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface RewrittenSection {
  text: string;
  basedOn: string;
  by: string;
  at: string;
}

export interface DraftSectionView {
  id: ReportSectionId;
  label: string;
  heading: string;
  /** The fingerprint of the section generated now. */
  fingerprint: string;
  generatedText: string;
  rewritten: RewrittenSection | null;
  /** Rewritten over a generated section whose facts have changed since. */
  dataChanged: boolean;
}

export interface VersionSummary {
  number: number;
  note: string | null;
  by: string;
  at: string;
}

export interface DraftView extends DraftSummary {
  sections: DraftSectionView[];
  versions: VersionSummary[];
}

export interface Warning {
  section: ReportSectionId;
  message: string;
}

/** A section as a version keeps it (and as the current document has it). */
export interface FrozenSection {
  id: ReportSectionId;
  label: string;
  heading: string;
  text: string;
  fingerprint: string;
  rewritten: boolean;
}

export interface DraftDocument {
  document: ReportDocument;
  warnings: Warning[];
  sections: FrozenSection[];
}

export function settingsOf(row: DraftRow): ReportSettings {
  return {
    session: row.session,
    asOf: row.as_of,
    periodStart: row.period_start,
    regions: JSON.parse(row.regions) as string[],
    lang: row.lang as ReportLanguage,
    symbol: row.symbol,
    agendaItem: row.agenda_item,
  };
}

export function summaryOf(row: DraftRow): DraftSummary {
  return { id: row.id, name: row.name, ...settingsOf(row), owner: row.owner, version: row.row_version, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** The draft, if the editor may draft and open it: 401/403 for who may not draft, 404 for a draft
 *  that is not there or is someone else's (its existence is not told). */
export async function requireDraft(db: Kysely<Database>, editor: Editor, id: string): Promise<DraftRow> {
  requireRight(editor, mayDraftReports(editor), DRAFTING);
  const row = await findDraft(db, id);
  if (!row || !mayOpenDraft(editor, row.owner)) throw new NotFoundError('report draft', id);
  return row;
}

export async function draftList(db: Kysely<Database>, editor: Editor): Promise<DraftSummary[]> {
  requireRight(editor, mayDraftReports(editor), DRAFTING);
  return (await listDrafts(db, draftsListedFor(editor))).map(summaryOf);
}

const rewrittenOf = (r: DraftSectionRow): RewrittenSection => ({ text: r.text, basedOn: r.based_on, by: r.written_by, at: r.written_at });

export async function draftView(reader: Kysely<Database>, row: DraftRow): Promise<DraftView> {
  const composed = await generateReport(reader, settingsOf(row));
  const rewrites = new Map((await sectionsOf(reader, row.id)).map((r) => [r.section, r]));
  const sections = composed.sections.map((s) => {
    const r = rewrites.get(s.id);
    return {
      id: s.id,
      label: s.label,
      heading: s.heading,
      fingerprint: s.fingerprint,
      generatedText: sectionToText(s.blocks),
      rewritten: r ? rewrittenOf(r) : null,
      dataChanged: r !== undefined && r.based_on !== s.fingerprint,
    };
  });
  const versions = (await versionsOf(reader, row.id)).map((v) => ({ number: v.number, note: v.note, by: v.saved_by, at: v.saved_at }));
  return { ...summaryOf(row), sections, versions };
}

/** The document of the draft as the data give it now, its rewritten sections in their place. */
export async function draftDocument(reader: Kysely<Database>, row: DraftRow): Promise<DraftDocument> {
  const composed: ComposedReport = await generateReport(reader, settingsOf(row));
  const rewrites = new Map((await sectionsOf(reader, row.id)).map((r) => [r.section, r]));
  const warnings: Warning[] = [];
  const frozen: FrozenSection[] = [];
  const sections: ComposedSection[] = composed.sections.map((s) => {
    const r = rewrites.get(s.id);
    if (!r) {
      frozen.push({ id: s.id, label: s.label, heading: s.heading, text: sectionToText(s.blocks), fingerprint: s.fingerprint, rewritten: false });
      return s;
    }
    if (r.based_on !== s.fingerprint) {
      warnings.push({
        section: s.id,
        message: `The data beneath section ${s.label} ${s.heading} changed since it was rewritten (${r.written_at.slice(0, 10)}): check its words and figures against the generated text`,
      });
    }
    const { blocks, missing } = textToBlocks(r.text, s.blocks);
    for (const m of missing) warnings.push({ section: s.id, message: `The rewritten text names ${m}, which the section generated now does not have: it is left out` });
    frozen.push({ id: s.id, label: s.label, heading: s.heading, text: r.text, fingerprint: s.fingerprint, rewritten: true });
    return { ...s, blocks };
  });
  return { document: assembleDocument(composed.head, sections), warnings, sections: frozen };
}

export interface VersionView extends VersionSummary {
  settings: ReportSettings;
  document: ReportDocument;
  sections: FrozenSection[];
}

export function versionView(row: DraftVersionRow): VersionView {
  return {
    number: row.number,
    note: row.note,
    by: row.saved_by,
    at: row.saved_at,
    settings: JSON.parse(row.settings) as ReportSettings,
    document: JSON.parse(row.document) as ReportDocument,
    sections: JSON.parse(row.sections) as FrozenSection[],
  };
}

export async function requireVersion(db: Kysely<Database>, draft: DraftRow, number: number): Promise<VersionView> {
  const row = await findVersion(db, draft.id, number);
  if (!row) throw new NotFoundError('report draft version', `${draft.id}/${number}`);
  return versionView(row);
}

export interface SectionComparison {
  id: ReportSectionId;
  heading: string;
  changed: boolean;
  diff: DiffPart[];
}

export interface DraftComparison {
  from: number | 'current';
  to: number | 'current';
  sections: SectionComparison[];
}

/** `from` and `to`: a version's number, or `current` (the draft's text now). */
export function versionRef(value: string, parameter: string): number | 'current' {
  if (value === 'current') return value;
  if (/^\d{1,6}$/.test(value) && Number(value) >= 1) return Number(value);
  throw new ValidationError(`${parameter} is neither a version number nor "current"`, [{ parameter, reason: `${JSON.stringify(value.slice(0, 20))}: a version number (1, 2, …) or current` }]);
}

/** The number of the draft's latest version: what a comparison starts from by default. */
export async function latestVersion(db: Kysely<Database>, draft: DraftRow): Promise<number> {
  const last = (await versionsOf(db, draft.id)).at(-1);
  if (!last)
    throw new ValidationError(`The draft ${draft.id} has no version to compare with yet`, [
      { parameter: 'from', reason: 'no version saved: save one first (POST …/versions), or compare from current' },
    ]);
  return last.number;
}

/** Two states of the draft section by section, word by word. */
export async function compareDraft(reader: Kysely<Database>, draft: DraftRow, from: number | 'current', to: number | 'current'): Promise<DraftComparison> {
  const sectionsAt = async (ref: number | 'current') => (ref === 'current' ? (await draftDocument(reader, draft)).sections : (await requireVersion(reader, draft, ref)).sections);
  const [before, after] = [await sectionsAt(from), await sectionsAt(to)];
  const ids = REPORT_SECTIONS.filter((id) => before.some((s) => s.id === id) || after.some((s) => s.id === id));
  const sections = ids.map((id) => {
    const a = before.find((s) => s.id === id);
    const b = after.find((s) => s.id === id);
    const diff = wordDiff(a?.text ?? '', b?.text ?? '');
    return { id, heading: (b ?? a)!.heading, changed: diff.some((p) => p.kind !== 'same'), diff };
  });
  return { from, to, sections };
}
