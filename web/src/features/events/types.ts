// The answers of the events API (src/modules/events/schema.ts), as the pages read them: taken
// from the server's own schemas, so that the pages and the API cannot drift apart.
import type { z } from '@hono/zod-openapi';
import type { eventDetailSchema, eventItemSchema, feedCreatedSchema, participantSchema, seriesDetailSchema, seriesSchema } from '../../../../src/modules/events/schema.ts';

export type EventItem = z.infer<typeof eventItemSchema>;
export type EventDetail = z.infer<typeof eventDetailSchema>;
export type EventAction = EventDetail['actions'][number];
export type EventSeries = z.infer<typeof seriesSchema>;
export type EventSeriesDetail = z.infer<typeof seriesDetailSchema>;
export type Participant = z.infer<typeof participantSchema>;
export type FeedCreated = z.infer<typeof feedCreatedSchema>;
export interface EventPage {
  items: EventItem[];
  total: number;
  next: string | null;
}
