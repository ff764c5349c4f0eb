import { z } from '@hono/zod-openapi';
import { sourceSchema } from '../sources/schema.ts';

export const presenceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    nameLang: z.string(),
    kind: z.string(),
    seat: z.object({ city: z.string().nullable(), iso3: z.string().nullable() }),
    opened: z.string().nullable(),
    closed: z.string().nullable(),
    covers: z.array(z.string()),
    mandate: z.string().nullable(),
    unverified: z.array(z.string()),
    verified: z.boolean(),
    sources: z.array(sourceSchema),
  })
  .openapi('Presence');

export type PresenceView = z.infer<typeof presenceSchema>;
