// Importing an IATI activity file (issue 14): the whole file through both stages of validation
// (xml and schema, then version, codelists and the IATI rules), each activity mapped to a
// project body and checked by the projects' own schema, and only then written: every activity
// through the projects' use cases (policy, audit record, source) inside ONE transaction, so a
// file is stored whole or not at all. An activity whose iati-identifier a project already holds
// updates that project (re-importing a file changes nothing the second time); others create one.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { today as todayUtc } from '../../shared/dates.ts';
import { isSourceAddress, SOURCE_ADDRESS_RULE } from '../../shared/source-address.ts';
import { SOURCE_KINDS } from '../../shared/source-kinds.ts';
import { AppError, ValidationError, type Problem } from '../../shared/errors.ts';
import { FUNDING_SOURCES } from '../../shared/vocabularies.ts';
import { requireRight } from '../access/edit-rights.ts';
import { editorOf, type WriteContext } from '../audit/context.ts';
import { runUseCase } from '../audit/pipeline.ts';
import { mayWriteCooperation } from '../cooperation/policy.ts';
import { problemsOf } from '../edits/validate.ts';
import type { IatiProblem } from '../iati/problems.ts';
import { validateIatiActivities } from '../iati/validate.ts';
import { streamXml } from '../iati/xml-stream.ts';
import { findProject, projectWithIatiIdentifier } from '../projects/repository.ts';
import { projectCreateSchema } from '../projects/schema.ts';
import { createProjectUseCase, updateProjectUseCase } from '../projects/write.ts';
import { mapActivity, type MappedActivity } from './map.ts';
import { findSameSource, inOneTransaction, stateCodes } from './repository.ts';

export interface IatiImportOptions {
  /** The file's name, as the source's title says it: "imported from IATI file <name>". */
  fileName: string;
  /** Where the file was published or read from (an http(s) address). */
  sourceUrl: string | undefined;
  /** Default `official`: the reporting organisation publishes its own activities. */
  sourceKind?: string;
  sourceTitle?: string;
  /** The day the file was read; default today. */
  retrieved?: string;
  /** Where the money of its budgets and transactions comes from (IATI does not say). */
  fundingSource?: string;
  context: WriteContext;
  /** Rules on future dates compare with it; default today (UTC). */
  today?: string;
}

export type ImportedOutcome = 'created' | 'updated' | 'unchanged';

export interface IatiImportReport {
  file: string;
  activities: number;
  created: number;
  updated: number;
  unchanged: number;
  projects: { identifier: string; id: string; outcome: ImportedOutcome }[];
}

/** A file received whole but refused for what it holds (422): every problem, each with its rule,
 *  the element's path and line. A request that is wrong itself (a parameter) is a ValidationError (400). */
export class IatiFileRefusedError extends AppError {
  constructor(message: string, problems: Problem[]) {
    super('iati_file_refused', 422, message, problems);
  }
}

const refuse = (file: string, problems: Problem[]) => new IatiFileRefusedError(`The IATI file ${file} was refused; nothing of it was stored`, problems);

const fromValidation = (p: IatiProblem): Problem => ({ rule: p.rule, ...(p.path ? { path: p.path } : {}), ...(p.line !== null ? { line: p.line } : {}), reason: `${p.stage}: ${p.message}` });

function optionProblems(o: IatiImportOptions): Problem[] {
  const problems: Problem[] = [];
  if (!o.sourceUrl || !isSourceAddress(o.sourceUrl)) problems.push({ parameter: 'sourceUrl', reason: `where the file was published or read from: ${SOURCE_ADDRESS_RULE}` });
  if (o.sourceKind !== undefined && !(SOURCE_KINDS as readonly string[]).includes(o.sourceKind)) problems.push({ parameter: 'sourceKind', reason: `one of ${SOURCE_KINDS.join(', ')}` });
  if (o.fundingSource !== undefined && !['regular-budget', 'voluntary-contributions'].includes(o.fundingSource))
    problems.push({ parameter: 'fundingSource', reason: 'regular-budget or voluntary-contributions (money under a donor agreement is entered with its agreement, not imported)' });
  return problems;
}

/** The activities of a file that passed validation, mapped and checked against the projects' schema. */
async function mapFile(db: Kysely<Database>, bytes: Uint8Array, o: IatiImportOptions): Promise<{ mapped: MappedActivity[]; problems: Problem[]; secondary: boolean }> {
  const states = await stateCodes(db);
  const mapped: MappedActivity[] = [];
  const problems: Problem[] = [];
  let money = false;
  let secondary = false;
  streamXml(bytes, {
    keep: (name, depth) => depth === 1 && name === 'iati-activity',
    onKept: (activity) => {
      money ||= activity.children.some((c) => c.name === 'budget' || c.name === 'transaction');
      // IATI's secondary reporter publishes activities of others: not the official word of who runs them.
      secondary ||= ['1', 'true'].includes(activity.children.find((c) => c.name === 'reporting-org')?.attrs['secondary-reporter'] ?? '');
      const result = mapActivity(activity, { states, fundingSource: o.fundingSource ?? FUNDING_SOURCES[0] });
      problems.push(...result.problems);
      const parsed = projectCreateSchema.safeParse({ ...result.mapped.body, source: 'placeholder' });
      if (!parsed.success)
        for (const p of problemsOf(parsed.error))
          problems.push({ rule: 'import.project', path: result.mapped.path, line: result.mapped.line, field: p.field, reason: `activity ${result.mapped.identifier}: ${p.reason}` });
      mapped.push(result.mapped);
    },
  });
  if (money && o.fundingSource === undefined)
    problems.unshift({
      parameter: 'fundingSource',
      reason: 'the file has budgets or transactions: IATI does not say where their money comes from, name it (regular-budget or voluntary-contributions)',
    });
  return { mapped, problems, secondary };
}

/** The one source of the file: the one stored by an earlier import of it that day, else a new one (stored by the first write).
 *  Its kind, unless the importer says: official, as a publisher reports its own activities; secondary
 *  when a reporting-org says it is a secondary reporter (reporting activities others run). */
function sourceOf(o: IatiImportOptions, secondary: boolean) {
  const kind = (o.sourceKind ?? (secondary ? 'secondary' : 'official')) as 'official';
  return { title: o.sourceTitle ?? `imported from IATI file ${o.fileName}`, url: o.sourceUrl!, kind, retrieved: o.retrieved ?? todayUtc() };
}

async function writeActivity(trx: Transaction<Database>, activity: MappedActivity, source: unknown, context: WriteContext): Promise<{ id: string; outcome: ImportedOutcome }> {
  const existing = await projectWithIatiIdentifier(trx, activity.identifier);
  if (existing === undefined) {
    const created = await runUseCase(trx, createProjectUseCase, { ...activity.body, source }, context);
    return { id: created.id, outcome: 'created' };
  }
  const row = await findProject(trx, existing);
  const updated = await runUseCase(trx, updateProjectUseCase, { ...(activity.body as object), source, id: existing, expectedVersion: row!.row_version } as never, context);
  return { id: existing, outcome: updated.changed.length ? 'updated' : 'unchanged' };
}

/** Reads, validates and stores the file, or throws IatiFileRefusedError having stored nothing. */
export async function importIatiFile(db: Kysely<Database>, bytes: Uint8Array, o: IatiImportOptions): Promise<IatiImportReport> {
  requireRight(editorOf(o.context), mayWriteCooperation(editorOf(o.context)), 'import IATI activity files');
  const options = optionProblems(o);
  if (options.length) throw new ValidationError('The import is missing what it needs', options);
  const validation = await validateIatiActivities(bytes, { today: o.today });
  if (!validation.ok) throw refuse(o.fileName, validation.problems.filter((p) => p.severity === 'error').map(fromValidation));
  const { mapped, problems, secondary } = await mapFile(db, bytes, o);
  if (problems.length) throw refuse(o.fileName, problems);

  const source = sourceOf(o, secondary);
  const report: IatiImportReport = { file: o.fileName, activities: mapped.length, created: 0, updated: 0, unchanged: 0, projects: [] };
  await inOneTransaction(db, async (trx) => {
    const failures: Problem[] = [];
    let sourceId = await findSameSource(trx, source);
    for (const activity of mapped) {
      try {
        const done = await writeActivity(trx, activity, sourceId ?? source, o.context);
        report[done.outcome]++;
        report.projects.push({ identifier: activity.identifier, ...done });
        sourceId ??= await findSameSource(trx, source);
      } catch (error) {
        // What only the registry knows (a State, a region, a date in the future): named per activity;
        // the transaction is rolled back below, so nothing of the file stays.
        if (!(error instanceof ValidationError)) throw error;
        const details = error.details.length ? error.details : [{ reason: error.message }];
        for (const d of details) failures.push({ rule: 'import.project', path: activity.path, line: activity.line, ...d, reason: `activity ${activity.identifier}: ${d.reason}` });
      }
    }
    if (failures.length) throw refuse(o.fileName, failures);
  });
  return report;
}
