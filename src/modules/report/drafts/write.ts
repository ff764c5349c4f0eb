// Report drafts written through the write path (use cases report-drafts.*): the policy decides
// inside the transaction, each write leaves one audit record. A draft's settings change with
// If-Match (its version), as every record's do, and so do writing or restoring a section and
// saving a version, which move the version too. What needs the report
// generated now (checking a section's [[table N]], the document a version freezes) is generated
// before the transaction through the writer's view, and the use case refuses it if the draft
// changed in between (409). Drafts touch no topic of data and are not carried by the change feed.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { ConflictError, NotFoundError, type Problem, StaleVersionError, ValidationError } from '../../../shared/errors.ts';
import { requireRight } from '../../access/edit-rights.ts';
import { editorOf, type WriteContext } from '../../audit/context.ts';
import { runUseCase, type UseCase } from '../../audit/pipeline.ts';
import { parseInput, requireVersion } from '../../edits/validate.ts';
import { listStates } from '../../states/repository.ts';
import { REPORT_SECTIONS, type ReportSectionId } from '../compose/index.ts';
import type { Block, ReportDocument } from '../document/model.ts';
import { checkSettings, defaultPeriodStart, type RawSettings, type ReportSettings } from '../generate.ts';
import { mayDraftReports, mayOpenDraft } from './policy.ts';
import { deleteDraft, deleteSection, type DraftRow, findDraft, insertDraft, insertVersion, nextVersionNumber, saveSection, sectionsOf, updateDraftIfVersion } from './repository.ts';
import { draftCreateSchema, draftUpdateSchema, sectionWriteSchema } from './schema.ts';
import { DRAFTING, type DraftSummary, type FrozenSection, settingsOf, summaryOf, type Warning } from './service.ts';
import { parseSectionText } from './text.ts';

type Trx = Kysely<Database>;
const now = () => new Date().toISOString();

/** A draft's id: rd- and ten letters and digits. */
function newDraftId(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  return `rd-${[...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('')}`;
}

/** The draft, if the writer may open it (else 404: another's draft is not told to exist). */
async function openDraft(trx: Trx, context: WriteContext, id: string): Promise<DraftRow> {
  const editor = editorOf(context);
  requireRight(editor, mayDraftReports(editor), DRAFTING);
  const row = await findDraft(trx, id);
  if (!row || !mayOpenDraft(editor, row.owner)) throw new NotFoundError('report draft', id);
  return row;
}

/** The settings checked as checkSettings checks the API's, each problem named by its field; the regions against the registry's. */
async function checkedSettings(trx: Trx, raw: RawSettings): Promise<ReportSettings> {
  let settings: ReportSettings;
  try {
    settings = checkSettings(raw);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ValidationError(
      'The draft was not stored',
      error.details.map(({ parameter, ...p }) => ({ field: parameter, ...p })),
    );
  }
  const known = new Set((await listStates(trx)).flatMap((s) => (s.region_code ? [s.region_code] : [])));
  const problems: Problem[] = settings.regions
    .filter((r) => !known.has(r))
    .map((r) => ({ field: 'regions', reason: `${r} is not a first-level M49 region of a registry State (${[...known].sort().join(', ')})` }));
  if (problems.length) throw new ValidationError('The draft was not stored', problems);
  return settings;
}

const audited = (s: DraftSummary) => ({ name: s.name, session: s.session, asOf: s.asOf, periodStart: s.periodStart, regions: s.regions, lang: s.lang, symbol: s.symbol, agendaItem: s.agendaItem });

/** A draft's settings as the columns of its row. */
function settingsColumns(settings: ReportSettings) {
  return {
    session: settings.session,
    as_of: settings.asOf,
    period_start: settings.periodStart,
    regions: JSON.stringify(settings.regions),
    lang: settings.lang,
    symbol: settings.symbol,
    agenda_item: settings.agendaItem,
  };
}

export const createDraftUseCase: UseCase<unknown, DraftSummary> = {
  name: 'report-drafts.create',
  topics: [],
  async run(trx, input, context) {
    const editor = editorOf(context);
    requireRight(editor, mayDraftReports(editor), DRAFTING);
    const body = parseInput(draftCreateSchema, input, 'The report draft');
    const settings = await checkedSettings(trx, body);
    const at = now();
    const id = newDraftId();
    await insertDraft(trx, {
      id,
      name: body.name,
      ...settingsColumns(settings),
      owner: context.actor,
      created_at: at,
      updated_at: at,
    });
    const summary = summaryOf((await findDraft(trx, id))!);
    return {
      result: summary,
      audit: [
        { action: 'create', entityKind: 'report-draft', entityId: id, after: audited(summary), summary: `report draft ${id} "${body.name}" made (session ${settings.session}, ${settings.asOf})` },
      ],
    };
  },
};

export const updateDraftUseCase: UseCase<{ id: string; expectedVersion?: number; body: unknown }, DraftSummary> = {
  name: 'report-drafts.update',
  topics: [],
  async run(trx, { id, expectedVersion, body: input }, context) {
    const row = await openDraft(trx, context, id);
    const expected = requireVersion(expectedVersion, `report draft ${id}`);
    const body = parseInput(draftUpdateSchema, input, 'The change of the report draft');
    if (row.row_version !== expected) throw new StaleVersionError(`report draft ${id}`, summaryOf(row), row.row_version);
    const before = summaryOf(row);
    const old = settingsOf(row);
    // A new date without a new period start moves a default period (a year) with it; a period the
    // drafter chose stays as chosen.
    const movesWithDate = body.asOf !== undefined && body.asOf !== old.asOf && old.periodStart === defaultPeriodStart(old.asOf);
    const periodStart = body.periodStart ?? (movesWithDate ? undefined : old.periodStart);
    const settings = await checkedSettings(trx, {
      session: body.session ?? old.session,
      asOf: body.asOf ?? old.asOf,
      periodStart,
      regions: body.regions ?? old.regions,
      lang: body.lang ?? old.lang,
      symbol: body.symbol === undefined ? old.symbol : body.symbol,
      agendaItem: body.agendaItem === undefined ? old.agendaItem : body.agendaItem,
    });
    const next = { ...before, name: body.name ?? row.name, ...settings };
    const changed = (Object.keys(audited(next)) as (keyof ReturnType<typeof audited>)[]).filter((k) => JSON.stringify(audited(next)[k]) !== JSON.stringify(audited(before)[k]));
    if (changed.length === 0) return { result: before, audit: [] };
    const ok = await updateDraftIfVersion(trx, id, expected, {
      name: next.name,
      ...settingsColumns(settings),
      updated_at: now(),
    });
    if (!ok) throw new StaleVersionError(`report draft ${id}`, summaryOf((await findDraft(trx, id))!), row.row_version + 1);
    const after = summaryOf((await findDraft(trx, id))!);
    const pick = (s: DraftSummary) => Object.fromEntries(changed.map((k) => [k, audited(s)[k]]));
    return {
      result: after,
      audit: [{ action: 'update', entityKind: 'report-draft', entityId: id, before: pick(before), after: pick(after), summary: `report draft ${id} changed: ${changed.join(', ')}` }],
    };
  },
};

/** A write of a draft's sections or versions names the version of the draft it read (If-Match), as a change of its settings does. */
function requireCurrent(row: DraftRow, expectedVersion: number | undefined): void {
  const expected = requireVersion(expectedVersion, `report draft ${row.id}`);
  if (expected !== row.row_version) throw new StaleVersionError(`report draft ${row.id}`, summaryOf(row), row.row_version);
}

/** Moves the draft's version for a write of its sections or versions. */
async function touch(trx: Trx, row: DraftRow, readVersion: number): Promise<number> {
  // The report was generated for the draft as it was read: settings changed since, it is not the same report.
  if (readVersion !== row.row_version) throw new ConflictError(`The report draft ${row.id} changed while its report was generated: send it again`);
  if (!(await updateDraftIfVersion(trx, row.id, row.row_version, { updated_at: now() }))) throw new ConflictError(`The report draft ${row.id} changed at the same moment: send it again`);
  return row.row_version + 1;
}

export interface SectionWrite {
  id: string;
  section: string;
  expectedVersion?: number;
  /** The draft's version when the report was generated for `generated`. */
  readVersion: number;
  /** The section as generated now, whose tables and figures the text may name. */
  generated: readonly Block[];
  body: unknown;
}

export interface SectionWritten {
  id: string;
  section: ReportSectionId;
  version: number;
  changed: boolean;
}

export function sectionIdOf(section: string): ReportSectionId {
  if ((REPORT_SECTIONS as readonly string[]).includes(section)) return section as ReportSectionId;
  throw new NotFoundError('report section', section);
}

export const rewriteSectionUseCase: UseCase<SectionWrite, SectionWritten> = {
  name: 'report-drafts.rewrite-section',
  topics: [],
  async run(trx, input, context) {
    const row = await openDraft(trx, context, input.id);
    const section = sectionIdOf(input.section);
    requireCurrent(row, input.expectedVersion);
    const body = parseInput(sectionWriteSchema, input.body, `The text of section ${section}`);
    parseSectionText(body.text, input.generated, section); // refuses an unknown marker, a table the section lacks
    const before = (await sectionsOf(trx, row.id)).find((s) => s.section === section);
    if (before && before.text === body.text && before.based_on === body.basedOn) return { result: { id: row.id, section, version: row.row_version, changed: false }, audit: [] };
    const version = await touch(trx, row, input.readVersion);
    await saveSection(trx, { draft_id: row.id, section, text: body.text, based_on: body.basedOn, written_by: context.actor, written_at: now() });
    return {
      result: { id: row.id, section, version, changed: true },
      audit: [
        {
          action: 'update',
          entityKind: 'report-draft',
          entityId: row.id,
          before: { section, text: before?.text ?? null, basedOn: before?.based_on ?? null },
          after: { section, text: body.text, basedOn: body.basedOn },
          summary: `report draft ${row.id}: section ${section} rewritten (${body.text.length} characters)`,
        },
      ],
    };
  },
};

export const restoreSectionUseCase: UseCase<{ id: string; section: string; expectedVersion?: number }, SectionWritten> = {
  name: 'report-drafts.restore-section',
  topics: [],
  async run(trx, input, context) {
    const row = await openDraft(trx, context, input.id);
    const section = sectionIdOf(input.section);
    requireCurrent(row, input.expectedVersion);
    const before = (await sectionsOf(trx, row.id)).find((s) => s.section === section);
    if (!before) return { result: { id: row.id, section, version: row.row_version, changed: false }, audit: [] };
    const version = await touch(trx, row, row.row_version);
    await deleteSection(trx, row.id, section);
    return {
      result: { id: row.id, section, version, changed: true },
      audit: [
        {
          action: 'update',
          entityKind: 'report-draft',
          entityId: row.id,
          before: { section, text: before.text, basedOn: before.based_on },
          after: { section, text: null, basedOn: null },
          summary: `report draft ${row.id}: section ${section} back to the generated text`,
        },
      ],
    };
  },
};

export interface VersionSave {
  id: string;
  expectedVersion?: number;
  readVersion: number;
  note: string | null;
  document: ReportDocument;
  sections: FrozenSection[];
  warnings: Warning[];
}

export const saveVersionUseCase: UseCase<VersionSave, { id: string; number: number; version: number; warnings: Warning[] }> = {
  name: 'report-drafts.save-version',
  topics: [],
  async run(trx, input, context) {
    const row = await openDraft(trx, context, input.id);
    requireCurrent(row, input.expectedVersion);
    const version = await touch(trx, row, input.readVersion);
    const number = await nextVersionNumber(trx, row.id);
    await insertVersion(trx, {
      draft_id: row.id,
      number,
      note: input.note,
      saved_by: context.actor,
      saved_at: now(),
      settings: JSON.stringify(settingsOf(row)),
      document: JSON.stringify(input.document),
      sections: JSON.stringify(input.sections),
    });
    return {
      result: { id: row.id, number, version, warnings: input.warnings },
      audit: [
        {
          action: 'create',
          entityKind: 'report-draft-version',
          entityId: `${row.id}/${number}`,
          after: { number, note: input.note, rewritten: input.sections.filter((s) => s.rewritten).map((s) => s.id), warnings: input.warnings.length },
          summary: `report draft ${row.id}: version ${number} saved${input.note ? ` (${input.note.slice(0, 80)})` : ''}`,
        },
      ],
    };
  },
};

export const deleteDraftUseCase: UseCase<{ id: string; expectedVersion?: number }, { id: string; deleted: true }> = {
  name: 'report-drafts.delete',
  topics: [],
  async run(trx, { id, expectedVersion }, context) {
    const row = await openDraft(trx, context, id);
    const expected = requireVersion(expectedVersion, `report draft ${id}`);
    if (row.row_version !== expected) throw new StaleVersionError(`report draft ${id}`, summaryOf(row), row.row_version);
    await deleteDraft(trx, id);
    return {
      result: { id, deleted: true },
      audit: [{ action: 'delete', entityKind: 'report-draft', entityId: id, before: audited(summaryOf(row)), summary: `report draft ${id} "${row.name}" deleted` }],
    };
  },
};

type Db = Kysely<Database>;
export const createDraft = (db: Db, input: unknown, context: WriteContext) => runUseCase(db, createDraftUseCase, input, context);
export const updateDraft = (db: Db, input: { id: string; expectedVersion?: number; body: unknown }, context: WriteContext) => runUseCase(db, updateDraftUseCase, input, context);
export const rewriteSection = (db: Db, input: SectionWrite, context: WriteContext) => runUseCase(db, rewriteSectionUseCase, input, context);
export const restoreSection = (db: Db, input: { id: string; section: string; expectedVersion?: number }, context: WriteContext) => runUseCase(db, restoreSectionUseCase, input, context);
export const saveVersion = (db: Db, input: VersionSave, context: WriteContext) => runUseCase(db, saveVersionUseCase, input, context);
export const removeDraft = (db: Db, input: { id: string; expectedVersion?: number }, context: WriteContext) => runUseCase(db, deleteDraftUseCase, input, context);
