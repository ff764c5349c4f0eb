// One status (with its date) or one responsible entity, or both, for every recommendation a
// search matches (the filters of GET /api/v1/recommendations), in one transaction and one
// statement per table (INSERT … SELECT: no round trip per recommendation, so 100,000 rows are
// one write). The writer must be allowed to write for every State the set is addressed to:
// otherwise nothing is written and the refusal says how many are out of reach, with one id.
// A dry run answers the same counts and writes nothing. One audit record lists every id.
// The set is what the writer's view matches (the `followUp` filter reads the statuses they may see).
import { ConflictError, ForbiddenError, ValidationError } from '../../shared/errors.ts';
import { type Editor, editsEverything, requireRight } from '../access/edit-rights.ts';
import { editorOf } from '../audit/context.ts';
import { summaryList, type UseCase } from '../audit/pipeline.ts';
import { type AccessInput, accessOfNew } from '../edits/access.ts';
import { parseInput, throwIfProblems } from '../edits/validate.ts';
import { filterOf, type RecommendationQuery } from '../recommendations/service.ts';
import { statesRefused, writerView } from './policy.ts';
import { idsOfMatching, insertEntityForMatching, insertStatusForMatching, statesOfMatching } from './repository.ts';
import { bulkFields } from './schema.ts';
import { entityStateProblems, FOLLOW_UP_ENTITY_KIND } from './write.ts';

export interface BulkInput {
  /** The search's filters, as validated by the route (GET /api/v1/recommendations takes the same). */
  filter: RecommendationQuery;
  body: unknown;
}

export interface BulkResult {
  matched: number;
  /** Recommendations given the status or entity; 0 for a dry run. */
  applied: number;
  dryRun: boolean;
  /** Matching recommendations the writer may not write for: how many, and one of them. */
  outOfScope: { count: number; example: string; states: string[] } | null;
}

/** Whether the editor may write the follow-up of any recommendation at all. */
function writesAnyFollowUp(editor: Editor): boolean {
  return editsEverything(editor) || (editor.kind === 'user' && editor.grants.some((g) => g.role === 'state-editor'));
}

export const bulkFollowUpUseCase: UseCase<BulkInput, BulkResult> = {
  name: 'follow-up.bulk',
  topics: ['follow-up'],
  async run(trx, { filter: query, body: input }, context) {
    const editor = editorOf(context);
    requireRight(editor, writesAnyFollowUp(editor), 'record the follow-up of recommendations');
    const body = parseInput(bulkFields, input, 'The bulk assignment');
    if (!body.status && !body.entity) throw new ValidationError('The bulk assignment names nothing to assign', [{ field: 'status', reason: 'give a status, an entity, or both' }]);
    const view = writerView(trx, editor);
    const filter = filterOf(query);
    const states = await statesOfMatching(view, filter);
    const matched = states.reduce((sum, s) => sum + s.count, 0);
    const refusedStates = new Set(
      statesRefused(
        editor,
        states.map((s) => s.state),
      ),
    );
    const refused = states.filter((s) => refusedStates.has(s.state));
    const outOfScope = refused.length ? { count: refused.reduce((sum, s) => sum + s.count, 0), example: refused[0]!.example, states: refused.map((s) => s.state) } : null;
    if (body.dryRun) return { result: { matched, applied: 0, dryRun: true, outOfScope }, audit: [] };
    if (outOfScope) {
      throw new ForbiddenError(
        `You may not record the follow-up of ${outOfScope.count} of the ${matched} recommendations this search matches (addressed to ${summaryList(outOfScope.states, 5)}; for example ${outOfScope.example}): nothing was written. Narrow the search to the States you edit for.`,
      );
    }
    if (matched === 0) throw new ValidationError('No recommendation matches this search: nothing was written', [{ field: 'filter', reason: 'matches no recommendation' }]);
    const access = await accessOfNew(trx, body as AccessInput);
    const entityProblems = body.entity?.state ? states.flatMap((s) => entityStateProblems(body.entity!.state, s.state)).slice(0, 1) : [];
    throwIfProblems([...access.problems, ...entityProblems.map((p) => ({ ...p, field: 'entity.state' }))], 'The bulk assignment');
    const ids = await idsOfMatching(view, filter);
    const stamp = { recorded_by: context.actor, recorded_at: new Date().toISOString(), ...access.stored };
    const status = body.status ? { status: body.status.status, holds_from: body.status.holdsFrom, note: body.status.note ?? null } : null;
    const entity = body.entity ? { name: body.entity.name, state_iso3: body.entity.state ?? null } : null;
    // The entity first: a `followUp` filter reads the statuses, which the status written next changes.
    for (const added of [entity && (await insertEntityForMatching(view, filter, entity, stamp)), status && (await insertStatusForMatching(view, filter, status, stamp))]) {
      // Both statements read the same search as the list of ids in this transaction; a concurrent import in between is refused rather than half recorded.
      if (added !== null && added !== ids.length) throw new ConflictError('The recommendations changed while the assignment was written (an import?): nothing was written; send it again');
    }
    const what = [status && `status ${status.status} from ${status.holds_from}`, entity && `responsible entity ${JSON.stringify(entity.name)}`].filter(Boolean).join(' and ');
    return {
      result: { matched, applied: ids.length, dryRun: false, outOfScope: null },
      audit: [
        {
          // It adds an entry to each recommendation's follow-up and changes none: a create.
          action: 'create',
          entityKind: FOLLOW_UP_ENTITY_KIND,
          entityId: null,
          after: { status, entity, confidentiality: access.stored.confidentiality, audience: JSON.parse(access.stored.audience), filter: query, count: ids.length, recommendations: ids },
          summary: `${what} for ${ids.length} recommendations (${access.stored.confidentiality}): ${summaryList(ids, 5)}`,
        },
      ],
    };
  },
};
