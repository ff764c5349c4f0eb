// Projects entered, changed and deleted through the write path (use cases projects.create,
// projects.update, projects.delete): the programme's policy (OHCHR editors, administrators,
// system actors) asked inside the transaction, a source for every create and update, If-Match
// versions, confidentiality and audience, one audit record per write. A project comes with its
// parts; an update replaces each list of parts it names, and a change of parts alone raises the
// version too. The topic `projects` changes (and `sources` when a source is stored).
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NotFoundError, StaleVersionError, type Problem } from '../../shared/errors.ts';
import { requireRight } from '../access/edit-rights.ts';
import { editorOf, type WriteContext } from '../audit/context.ts';
import { runUseCase, type UseCase } from '../audit/pipeline.ts';
import { linkedFromProblems, linkProblems, writeParts } from '../cooperation/parts.ts';
import { cooperationPermissions, mayWriteCooperation } from '../cooperation/policy.ts';
import { deletePartsOf } from '../cooperation/repository.ts';
import { accessOfNew } from '../edits/access.ts';
import { applyCorrection, touchedBy } from '../edits/apply.ts';
import { type FieldSpec, planUpdate, type Value } from '../edits/corrections.ts';
import { openCorrection } from '../edits/open.ts';
import { prepareSource, storeSource } from '../edits/source.ts';
import { parseInput, requireVersion, throwIfProblems } from '../edits/validate.ts';
import { PART_LISTS, partsFromInput, partsFromRows, partsWrite } from './parts.ts';
import { deleteProjectIfVersion, findProject, insertProject, projectParts, projectWithIatiIdentifier, replaceProjectParts, updateProjectIfVersion } from './repository.ts';
import { dateProblems, partsProblems, regionProblems } from './rules.ts';
import { projectCreateSchema, projectUpdateSchema, type ProjectUpdateBody } from './schema.ts';
import { projectView } from './service.ts';

export const PROJECT_FIELDS: readonly FieldSpec[] = [
  { field: 'title', column: 'title' },
  { field: 'objectives', column: 'objectives' },
  { field: 'status', column: 'status' },
  { field: 'regionCode', column: 'region_code' },
  { field: 'plannedStart', column: 'planned_start' },
  { field: 'plannedEnd', column: 'planned_end' },
  { field: 'actualStart', column: 'actual_start' },
  { field: 'actualEnd', column: 'actual_end' },
  { field: 'defaultCurrency', column: 'default_currency' },
  { field: 'iatiIdentifier', column: 'iati_identifier' },
];

async function stale(db: Kysely<Database>, id: string): Promise<StaleVersionError> {
  const current = await projectView(db, id, 'en');
  return new StaleVersionError(`project ${id}`, current, current.version);
}

async function iatiProblems(db: Kysely<Database>, identifier: string | null | undefined, self: string): Promise<Problem[]> {
  if (identifier == null) return [];
  const holder = await projectWithIatiIdentifier(db, identifier);
  return holder === undefined || holder === self ? [] : [{ field: 'iatiIdentifier', reason: 'another project holds this IATI identifier' }];
}

export const createProjectUseCase: UseCase<unknown, { id: string; version: number }> = {
  name: 'projects.create',
  topics: ['projects', 'sources'],
  async run(trx, input, context) {
    const editor = editorOf(context);
    requireRight(editor, mayWriteCooperation(editor), 'enter a project');
    const body = parseInput(projectCreateSchema, input, 'The project');
    const id = body.id ?? `project-${randomUUID().slice(0, 8)}`;
    const source = await prepareSource(trx, body.source);
    const access = await accessOfNew(trx, body);
    const dates = { plannedStart: body.plannedStart ?? null, plannedEnd: body.plannedEnd ?? null, actualStart: body.actualStart ?? null, actualEnd: body.actualEnd ?? null };
    const problems = [
      ...source.problems,
      ...access.problems,
      ...dateProblems(dates),
      ...(await regionProblems(trx, body.regionCode)),
      ...(await partsProblems(trx, body)),
      ...(await iatiProblems(trx, body.iatiIdentifier, id)),
      ...(await linkProblems(trx, { kind: 'project', id }, body.links)),
    ];
    if (await findProject(trx, id)) problems.push({ field: 'id', reason: `a project "${id}" already exists` });
    throwIfProblems(problems, `The project ${id}`);
    const newSource = await storeSource(trx, source, access.stored);
    const at = new Date().toISOString();
    await insertProject(trx, {
      id,
      iati_identifier: body.iatiIdentifier ?? null,
      title: body.title,
      objectives: body.objectives ?? null,
      status: body.status,
      region_code: body.regionCode ?? null,
      planned_start: dates.plannedStart,
      planned_end: dates.plannedEnd,
      actual_start: dates.actualStart,
      actual_end: dates.actualEnd,
      default_currency: body.defaultCurrency ?? null,
      sources: JSON.stringify([source.id]),
      origin: 'user',
      created_by: context.actor,
      created_at: at,
      updated_at: at,
      ...access.stored,
    });
    const parts = partsFromInput(body);
    await replaceProjectParts(trx, id, partsWrite(parts));
    await writeParts(trx, 'project', id, body);
    const { source: _s, id: _id, ...fields } = body;
    return {
      result: { id, version: 1 },
      audit: [{ action: 'create', entityKind: 'project', entityId: id, after: { ...fields, ...parts, source: source.id }, summary: `${id} entered: ${body.title} (source ${source.id})` }],
      topics: touchedBy(['projects'], { newSource, namesChanged: false }),
    };
  },
};

export type ProjectUpdate = ProjectUpdateBody & { id: string; expectedVersion?: number };

export const updateProjectUseCase: UseCase<ProjectUpdate, { changed: string[]; version: number }> = {
  name: 'projects.update',
  topics: ['projects', 'sources'],
  async run(trx, input, context) {
    const { id, expectedVersion, ...rest } = input;
    const found = await findProject(trx, id);
    const target = {
      kind: 'project',
      id,
      row: found,
      allowed: mayWriteCooperation,
      attempt: `change the project ${id}`,
      expectedVersion,
      stale: () => stale(trx, id),
    };
    const { row, expected, body, source, access, stamp } = await openCorrection(trx, context, target, projectUpdateSchema, rest);
    const pick = (field: keyof ProjectUpdateBody, column: keyof typeof row) => (body[field] !== undefined ? (body[field] as string | null) : (row[column] as string | null));
    const dates = {
      plannedStart: pick('plannedStart', 'planned_start'),
      plannedEnd: pick('plannedEnd', 'planned_end'),
      actualStart: pick('actualStart', 'actual_start'),
      actualEnd: pick('actualEnd', 'actual_end'),
    };
    throwIfProblems(
      [
        ...source.problems,
        ...access.problems,
        ...dateProblems(dates),
        ...(await regionProblems(trx, body.regionCode)),
        ...(await partsProblems(trx, body)),
        ...(await iatiProblems(trx, body.iatiIdentifier, id)),
      ],
      `The change of ${id}`,
    );
    const plan = planUpdate(row, PROJECT_FIELDS, body, stamp);
    // Each list of parts the body names and that differs from the stored one is a changed field.
    const stored = partsFromRows(await projectParts(trx, [id]));
    const wanted = partsFromInput(body);
    const changedParts = PART_LISTS.filter((list) => wanted[list] !== undefined && JSON.stringify(wanted[list]) !== JSON.stringify(stored[list]));
    for (const list of changedParts) {
      plan.changed.push(list);
      plan.before[list] = stored[list] as unknown as Value; // lists, kept as they are in the audit record
      plan.after[list] = wanted[list] as unknown as Value;
    }
    // Links and documents are written now: a stale version below rolls them back with the rest.
    const cooperation = await writeParts(trx, 'project', id, body);
    for (const list of cooperation.changed) {
      plan.changed.push(list);
      plan.before[list] = cooperation.before[list] as Value;
      plan.after[list] = cooperation.after[list] as Value;
    }
    const sources = JSON.parse(row.sources) as string[];
    if ((changedParts.length || cooperation.changed.length) && !sources.includes(source.id)) plan.set.sources = JSON.stringify([...sources, source.id]);
    if (plan.changed.length) plan.set.updated_at = stamp.at;
    const applied = await applyCorrection(trx, {
      entityKind: 'project',
      entityId: id,
      expected,
      plan,
      access,
      source,
      stamp,
      write: async (set) => {
        if (!(await updateProjectIfVersion(trx, id, expected, set))) return false;
        await replaceProjectParts(trx, id, partsWrite(Object.fromEntries(changedParts.map((list) => [list, wanted[list]]))));
        return true;
      },
      stale: target.stale,
    });
    return { result: applied.result, audit: applied.audit, topics: touchedBy(['projects'], applied) };
  },
};

export const deleteProjectUseCase: UseCase<{ id: string; expectedVersion?: number }, { deleted: boolean }> = {
  name: 'projects.delete',
  topics: ['projects'],
  async run(trx, input, context) {
    const row = await findProject(trx, input.id);
    if (!row) throw new NotFoundError('project', input.id);
    const editor = editorOf(context);
    requireRight(editor, cooperationPermissions(editor).delete, `delete the project ${input.id}`);
    const expected = requireVersion(input.expectedVersion, 'project');
    if (expected !== row.row_version) throw await stale(trx, input.id);
    throwIfProblems(await linkedFromProblems(trx, 'project', input.id), `The project ${input.id}`);
    const parts = partsFromRows(await projectParts(trx, [input.id]));
    await deletePartsOf(trx, 'project', input.id);
    if (!(await deleteProjectIfVersion(trx, input.id, expected))) throw await stale(trx, input.id);
    return {
      result: { deleted: true },
      audit: [
        {
          action: 'delete',
          entityKind: 'project',
          entityId: input.id,
          before: { title: row.title, status: row.status, ...parts, sources: JSON.parse(row.sources) },
          summary: `${input.id} deleted: ${row.title}`,
        },
      ],
    };
  },
};

export const createProject = (db: Kysely<Database>, input: unknown, context: WriteContext) => runUseCase(db, createProjectUseCase, input, context);
export const updateProject = (db: Kysely<Database>, input: ProjectUpdate, context: WriteContext) => runUseCase(db, updateProjectUseCase, input, context);
export const deleteProject = (db: Kysely<Database>, input: { id: string; expectedVersion?: number }, context: WriteContext) => runUseCase(db, deleteProjectUseCase, input, context);
