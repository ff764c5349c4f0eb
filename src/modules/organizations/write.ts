// Creating an organization and correcting its own facts (kind, region, founding date, seat,
// website), through the write path: the policy decides inside the transaction, from the record
// as stored; an update names the version it read; each change rests on a source (one the
// registry holds, or a new one stored with it). A correction of a shipped organization keeps
// the shipped value beside it (modules/edits/corrections.ts). Only the topic `organizations`
// changes (and `sources` when a source is added): the treaty model, which reads memberships, is kept.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { StaleVersionError, type Problem } from '../../shared/errors.ts';
import { today } from '../../shared/dates.ts';
import type { Topic } from '../../shared/topics.ts';
import { requireRight } from '../access/edit-rights.ts';
import { editorOf, type WriteContext } from '../audit/context.ts';
import { runUseCase, type UseCase } from '../audit/pipeline.ts';
import { accessOfNew } from '../edits/access.ts';
import { applyCorrection, touchedBy } from '../edits/apply.ts';
import { planUpdate } from '../edits/corrections.ts';
import { planNames } from '../edits/name-corrections.ts';
import { enteredNames } from '../edits/names.ts';
import { openCorrection } from '../edits/open.ts';
import { prepareSource, storeSource } from '../edits/source.ts';
import { parseInput, stateProblem, throwIfProblems } from '../edits/validate.ts';
import { insertNames } from '../names/repository.ts';
import { ORGANIZATION_FIELDS, ORGANIZATION_NAME_FIELDS } from './fields.ts';
import { mayCreateOrganization, mayUpdateOrganization } from './policy.ts';
import { findOrganization, insertOrganization, updateOrganizationIfVersion } from './repository.ts';
import { organizationCreateSchema, organizationUpdateSchema, type OrganizationCreateBody, type OrganizationUpdateBody } from './schema.ts';
import { organizationView } from './service.ts';

const TOPICS: readonly Topic[] = ['organizations', 'names', 'sources'];

export type OrganizationCreate = OrganizationCreateBody;

export interface Created {
  id: string;
  version: number;
}

export const createOrganizationUseCase: UseCase<OrganizationCreate, Created> = {
  name: 'organizations.create',
  topics: TOPICS,
  async run(trx, input, context) {
    const editor = editorOf(context);
    requireRight(editor, mayCreateOrganization(editor), 'create an organization');
    const body = parseInput(organizationCreateSchema, input, 'The new organization');
    const source = await prepareSource(trx, body.source);
    // A restricted organization may be seen by its own editors: its audience may name it.
    const access = await accessOfNew(trx, body, `organization:${body.id}`);
    const problems: Problem[] = [...source.problems, ...(await stateProblem(trx, 'hqIso3', body.hqIso3)), ...access.problems];
    if (await findOrganization(trx, body.id)) problems.push({ field: 'id', reason: `an organization "${body.id}" already exists` });
    throwIfProblems(problems, `The organization ${body.id}`);
    const newSource = await storeSource(trx, source, access.stored);
    const row = {
      id: body.id,
      kind: body.kind,
      region: body.region ?? null,
      founded: body.founded ?? null,
      hq_city: body.hqCity ?? null,
      hq_iso3: body.hqIso3 ?? null,
      website: body.website ?? null,
      predecessors: '[]',
      sources: JSON.stringify([source.id]),
      origin: 'user',
      ...access.stored,
    };
    await insertOrganization(trx, row);
    await insertNames(trx, enteredNames('organization', body.id, body, source.id, { actor: context.actor, at: new Date().toISOString() }));
    const { source: _input, ...after } = body;
    return {
      result: { id: body.id, version: 1 },
      audit: [{ action: 'create', entityKind: 'organization', entityId: body.id, after: { ...after, source: source.id }, summary: `${body.id} created: ${body.name.en} (source ${source.id})` }],
      topics: touchedBy(['organizations', 'names'], { newSource, namesChanged: false }),
    };
  },
};

export type OrganizationUpdate = OrganizationUpdateBody & {
  id: string;
  /** The version of the organization the change was made on (If-Match). */
  expectedVersion?: number;
};

export interface Updated {
  /** The fields changed, as the body names them (empty when nothing changed). */
  changed: string[];
  version: number;
}

async function stale(db: Kysely<Database>, id: string): Promise<StaleVersionError> {
  const current = await organizationView(db, id, 'en', today());
  return new StaleVersionError(`organization ${id}`, current, current.version);
}

export const updateOrganizationUseCase: UseCase<OrganizationUpdate, Updated> = {
  name: 'organizations.update',
  topics: ['organizations', 'names', 'sources'],
  async run(trx, input, context) {
    const { id, expectedVersion, ...rest } = input;
    const target = {
      kind: 'organization',
      id,
      row: await findOrganization(trx, id),
      allowed: mayUpdateOrganization,
      attempt: `correct the organization ${id}`,
      expectedVersion,
      stale: () => stale(trx, id),
    };
    const { row, expected, body, source, access, stamp } = await openCorrection(trx, context, target, organizationUpdateSchema, rest);
    const names = await planNames(trx, 'organization', row.id, ORGANIZATION_NAME_FIELDS, body);
    throwIfProblems([...source.problems, ...names.problems, ...(await stateProblem(trx, 'hqIso3', body.hqIso3)), ...access.problems], `The correction of ${id}`);
    const applied = await applyCorrection(trx, {
      entityKind: 'organization',
      entityId: row.id,
      expected,
      plan: planUpdate(row, ORGANIZATION_FIELDS, body, stamp),
      names: names.plan,
      access,
      source,
      stamp,
      write: (set) => updateOrganizationIfVersion(trx, row.id, expected, set),
      stale: target.stale,
    });
    return { result: applied.result, audit: applied.audit, topics: touchedBy(['organizations'], applied) };
  },
};

export function createOrganization(db: Kysely<Database>, input: OrganizationCreate, context: WriteContext): Promise<Created> {
  return runUseCase(db, createOrganizationUseCase, input, context);
}

export function updateOrganization(db: Kysely<Database>, input: OrganizationUpdate, context: WriteContext): Promise<Updated> {
  return runUseCase(db, updateOrganizationUseCase, input, context);
}
