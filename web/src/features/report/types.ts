// What the report's API answers (src/modules/report/drafts/schema.ts), as the pages read it:
// the types are the API's own, so a change there is a type error here.
import type { z } from '@hono/zod-openapi';
import type { comparisonSchema, draftSummarySchema, draftViewSchema } from '../../../../src/modules/report/drafts/schema.ts';

/** A draft in the list; `versions`, the number saved, when the list gives it. */
export type DraftSummary = z.infer<typeof draftSummarySchema> & { versions?: number; versionCount?: number };
export type ReportDraft = z.infer<typeof draftViewSchema>;
export type DraftSection = ReportDraft['sections'][number];
export type DraftVersion = ReportDraft['versions'][number];
export type DraftComparison = z.infer<typeof comparisonSchema>;
export type SectionComparison = DraftComparison['sections'][number];
export type DiffPart = SectionComparison['diff'][number];
