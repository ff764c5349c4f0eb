// A person's verdict on a link the recogniser made: `confirmed` or `rejected` (a rejected link
// counts in no outcome). Keyed by the recommendation's text id, instrument and action, so that
// it outlives a re-import. Versioned like every edit: the first review names version 0.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NotFoundError, StaleVersionError, VersionRequiredError } from '../../shared/errors.ts';
import { requireRight } from '../access/edit-rights.ts';
import { editorOf, type WriteContext } from '../audit/context.ts';
import { runUseCase, type UseCase } from '../audit/pipeline.ts';
import { mayReviewLinks } from './policy.ts';
import { findLink, findReview, insertReview, updateReview } from './repository.ts';
import type { ReviewVerdict } from './schema.ts';

export interface LinkReviewInput {
  recommendationId: string;
  instrument: string;
  action: string;
  verdict: ReviewVerdict;
  note: string | null;
  expectedVersion: number | undefined;
}

type StoredReview = NonNullable<Awaited<ReturnType<typeof findReview>>>;
const viewOf = (r: StoredReview | undefined) => (r ? { verdict: r.verdict, note: r.note, at: r.reviewed_at, version: Number(r.row_version) } : { verdict: null, note: null, at: null, version: 0 });

export const reviewLinkUseCase: UseCase<LinkReviewInput, { version: number; changed: boolean }> = {
  name: 'recommendations.review-link',
  topics: ['recommendations'],
  async run(trx, input, context) {
    requireRight(editorOf(context), mayReviewLinks(editorOf(context)), 'review links between recommendations and instruments');
    const link = await findLink(trx, input.recommendationId, input.instrument, input.action);
    const entityId = `${input.recommendationId}/${input.instrument}/${input.action}`;
    if (!link) throw new NotFoundError('instrument link', entityId);
    if (input.expectedVersion === undefined) throw new VersionRequiredError('link review');
    const stored = await findReview(trx, input.recommendationId, input.instrument, input.action);
    const before = viewOf(stored);
    if (input.expectedVersion !== before.version) throw new StaleVersionError('link review', before, before.version);
    if (stored && stored.verdict === input.verdict && stored.note === input.note) return { result: { version: before.version, changed: false }, audit: [] };
    const change = { verdict: input.verdict, note: input.note, reviewed_by: context.actor, reviewed_at: new Date().toISOString() };
    const key = { recommendation_id: input.recommendationId, instrument_code: input.instrument, action: input.action };
    if (stored) {
      if ((await updateReview(trx, key, before.version, change)) === 0) {
        const now = viewOf(await findReview(trx, input.recommendationId, input.instrument, input.action));
        throw new StaleVersionError('link review', now, now.version);
      }
    } else await insertReview(trx, { ...key, ...change });
    const after = { verdict: input.verdict, note: input.note, version: before.version + 1 };
    return {
      result: { version: after.version, changed: true },
      audit: [
        {
          action: stored ? 'update' : 'create',
          entityKind: 'recommendation-link',
          entityId,
          before: stored ? { verdict: before.verdict, note: before.note } : null,
          after: { verdict: after.verdict, note: after.note, matched: link.matched },
          summary: `link of ${input.recommendationId} to ${input.instrument} (${input.action}, "${link.matched}") ${input.verdict}`,
        },
      ],
    };
  },
};

export function reviewLink(db: Kysely<Database>, input: LinkReviewInput, context: WriteContext) {
  return runUseCase(db, reviewLinkUseCase, input, context);
}
