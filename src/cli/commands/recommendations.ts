// `accord recommendations relink`: every recognised link recomputed in one use case.
// `accord recommendations export`: the API's export, streamed to standard output or a file.
// `accord recommendations assign`: the API's bulk assignment of follow-up, as the operator.
import { publicView } from '../../db/visibility.ts';
import { systemContext } from '../../modules/audit/context.ts';
import { runUseCase } from '../../modules/audit/pipeline.ts';
import { referenceLinker } from '../../modules/recommendation-instruments/reference-linker.ts';
import { relinkUseCase } from '../../modules/recommendation-instruments/store.ts';
import { recommendationExport } from '../../modules/recommendations/export.ts';
import { recommendationXlsx } from '../../modules/recommendations/xlsx-export.ts';
import { writeChunks, writeToFile } from '../export.ts';
import { bulkFollowUpUseCase } from '../../modules/follow-up/bulk.ts';
import { recommendationFilterQuery } from '../../modules/recommendations/schema.ts';
import type { RecommendationQuery } from '../../modules/recommendations/service.ts';
import { ValidationError } from '../../shared/errors.ts';
import { FILTER_OPTIONS, type RecommendationAssignOptions, type RecommendationExportOptions, type RecommendationFilterOptions } from '../usage/recommendations.ts';
import { withRegistry } from '../with-db.ts';

export function relink(options: { reason?: string }): Promise<void> {
  return withRegistry(async (db) => {
    const done = await runUseCase(db.db, relinkUseCase, { linker: referenceLinker() }, systemContext('cli', options.reason ?? null));
    const change = done.before === done.after ? `${done.after} links, as before` : `${done.before} links before, ${done.after} now`;
    console.log(`${done.rows} recommendations read by ${done.version}: ${change}`);
  });
}

/** The search options read as the API reads its parameters: a value it would refuse is refused, naming the option. */
function checkedFilter(options: RecommendationFilterOptions): RecommendationQuery {
  const query: Record<string, unknown> = {};
  for (const [name, flags] of FILTER_OPTIONS) {
    const value = options[name];
    if (value === undefined) continue;
    const result = recommendationFilterQuery[name].safeParse(value);
    const option = flags.split(' ')[0]!;
    if (!result.success) throw new ValidationError(`${option} ${JSON.stringify(value)} is refused`, [{ field: option, reason: result.error.issues[0]?.message ?? 'not a value this option takes' }]);
    query[name] = result.data;
  }
  return query as RecommendationQuery;
}

export function exportRecommendations(format: 'csv' | 'jsonl' | 'xlsx', options: RecommendationExportOptions): Promise<void> {
  const { lang, site, out, ...filter } = options;
  const origin = site.replace(/\/+$/, '');
  const query = checkedFilter(filter);
  return withRegistry(async (db) => {
    // What anyone may read: follow-up kept confidential stays out of the filter, as in the API.
    const reader = publicView(db.db);
    const chunks = format === 'xlsx' ? recommendationXlsx(reader, query, lang, origin) : recommendationExport(reader, query, lang, format, origin);
    if (out) await writeToFile(chunks, out);
    else await writeChunks(chunks, process.stdout);
  });
}

/** The options as the API's body: the use case checks it, and names the field it refuses. */
function assignmentBody(options: RecommendationAssignOptions) {
  const { status, holdsFrom, note, entity, entityState, confidentiality, audience, dryRun } = options;
  return {
    ...(status || holdsFrom || note ? { status: { status, holdsFrom, ...(note ? { note } : {}) } } : {}),
    ...(entity || entityState ? { entity: { name: entity, ...(entityState ? { state: entityState } : {}) } } : {}),
    ...(confidentiality ? { confidentiality } : {}),
    ...(audience ? { audience: audience.split(',').map((scope) => scope.trim()) } : {}),
    ...(dryRun ? { dryRun: true } : {}),
  };
}

export function assignFollowUp(options: RecommendationAssignOptions): Promise<void> {
  const { status, holdsFrom, note, entity, entityState, confidentiality, audience, dryRun, reason, ...filter } = options;
  const query = checkedFilter(filter);
  return withRegistry(async (db) => {
    const done = await runUseCase(db.db, bulkFollowUpUseCase, { filter: query, body: assignmentBody(options) }, systemContext('cli', reason ?? null));
    console.log(
      done.dryRun
        ? `${done.matched} recommendations match: nothing was written (dry run)`
        : `${done.applied} recommendations given ${[status && `the status ${status} from ${holdsFrom}`, entity && `the entity ${JSON.stringify(entity)}`].filter(Boolean).join(' and ')}`,
    );
  });
}
