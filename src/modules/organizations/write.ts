// Corrections to an organization's own facts (its website, founding date, seat), the first use
// case of the write path that edits one entity: the audit record holds the fields before and
// after, and the source the correction rests on joins the organization's sources. Only the
// topic `organizations` changes: the treaty model, which reads memberships, is kept.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NotFoundError, ValidationError, type Problem } from '../../shared/errors.ts';
import { isValidPartialDate } from '../../shared/dates.ts';
import type { WriteContext } from '../audit/context.ts';
import { runUseCase, type UseCase } from '../audit/pipeline.ts';
import { isWebAddress } from '../../shared/source-address.ts';
import { sourceExists } from '../sources/repository.ts';
import { findState } from '../states/repository.ts';
import { findOrganization, updateOrganizationRow, type OrganizationChanges } from './repository.ts';

export interface OrganizationUpdate {
  id: string;
  website?: string | null;
  founded?: string | null;
  /** The seat's city and State; a field left undefined is left as it is. */
  hqCity?: string | null;
  hqIso3?: string | null;
  /** The source the correction rests on (a source id the registry knows). */
  sourceId: string;
}

const FIELDS = ['website', 'founded', 'hq_city', 'hq_iso3'] as const;
type Field = (typeof FIELDS)[number];

async function problemsOf(trx: Kysely<Database>, input: OrganizationUpdate): Promise<Problem[]> {
  const problems: Problem[] = [];
  if (input.website != null && (input.website.length > 500 || !isWebAddress(input.website))) problems.push({ field: 'website', reason: 'must be an http(s) address' });
  if (input.founded != null && !isValidPartialDate(input.founded)) problems.push({ field: 'founded', reason: 'must be YYYY, YYYY-MM or YYYY-MM-DD and a real date' });
  const city = input.hqCity;
  if (city != null && (city.trim() === '' || city.length > 200)) problems.push({ field: 'hqCity', reason: 'must be 1-200 characters' });
  const iso3 = input.hqIso3;
  if (iso3 != null && !(/^[A-Z]{3}$/.test(iso3) && (await findState(trx, iso3)) !== undefined)) problems.push({ field: 'hqIso3', reason: `"${iso3}" is not a State of the registry` });
  if (!(await sourceExists(trx, input.sourceId))) problems.push({ field: 'source', reason: `no source with id "${input.sourceId}" (see /api/v1/sources)` });
  return problems;
}

export const updateOrganizationUseCase: UseCase<OrganizationUpdate, { changed: Field[] }> = {
  name: 'organizations.update',
  topics: ['organizations'],
  async run(trx, input) {
    const row = await findOrganization(trx, input.id);
    if (!row) throw new NotFoundError('organization', input.id);
    const problems = await problemsOf(trx, input);
    if (problems.length) throw new ValidationError(`The correction of ${input.id} was not stored`, problems);
    const wanted: Record<Field, string | null | undefined> = {
      website: input.website,
      founded: input.founded,
      hq_city: input.hqCity,
      hq_iso3: input.hqIso3,
    };
    const changed = FIELDS.filter((f) => wanted[f] !== undefined && wanted[f] !== row[f]);
    if (changed.length === 0) return { result: { changed }, audit: [] };
    const sources = JSON.parse(row.sources) as string[];
    const changes: OrganizationChanges = Object.fromEntries(changed.map((f) => [f, wanted[f]]));
    if (!sources.includes(input.sourceId)) changes.sources = JSON.stringify([...sources, input.sourceId]);
    await updateOrganizationRow(trx, input.id, changes);
    const before = Object.fromEntries(changed.map((f) => [f, row[f]]));
    const after = Object.fromEntries(changed.map((f) => [f, wanted[f]]));
    return {
      result: { changed },
      audit: [
        {
          action: 'update',
          entityKind: 'organization',
          entityId: input.id,
          before,
          after: { ...after, source: input.sourceId },
          summary: `${input.id}: ${changed.map((f) => `${f} ${JSON.stringify(row[f])} → ${JSON.stringify(wanted[f])}`).join('; ')} (source ${input.sourceId})`,
        },
      ],
    };
  },
};

export function updateOrganization(db: Kysely<Database>, input: OrganizationUpdate, context: WriteContext): Promise<{ changed: string[] }> {
  return runUseCase(db, updateOrganizationUseCase, input, context);
}
