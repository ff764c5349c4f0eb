import { z } from '@hono/zod-openapi';
import { sourceSchema } from '../../server/http/query.ts';

export const sourceEntrySchema = sourceSchema.extend({ id: z.string() }).openapi('SourceEntry');

export type SourceEntry = z.infer<typeof sourceEntrySchema>;
