import { z } from '@hono/zod-openapi';

export const sourceEntrySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    url: z.string(),
    retrieved: z.string().openapi({ description: 'Day the source was consulted (YYYY-MM-DD).' }),
  })
  .openapi('SourceEntry');

export type SourceEntry = z.infer<typeof sourceEntrySchema>;
