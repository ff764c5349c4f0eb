// The shape of a source in every answer that cites one (docs/GLOSSARY.md, "source").
import { z } from '@hono/zod-openapi';
import { SOURCE_KINDS } from '../../shared/source-kinds.ts';

export const sourceSchema = z
  .object({
    title: z.string(),
    url: z.string().openapi({
      description: 'A web address (http or https), a UN document symbol (e.g. A/RES/48/141), or a path of the Accord repository (data/reference/…) for its curated data. Only web addresses are links.',
    }),
    retrieved: z.string().openapi({ description: 'The day the source was read (YYYY-MM-DD).' }),
    kind: z.enum(SOURCE_KINDS).nullable().openapi({
      description:
        'official (a depositary, organization, court or government, or a faithful copy of one of their documents), secondary (scholarship, NGOs, press) or tertiary (encyclopedias, mirrors).',
    }),
    asOf: z.string().nullable().openapi({ description: 'The date the source speaks for, when it states one (e.g. a status "as at" date).' }),
    copyOf: z.string().nullable().openapi({ description: 'For a faithful copy of an official document or table: what it copies.' }),
  })
  .openapi('Source');

export const sourceEntrySchema = sourceSchema.extend({ id: z.string() }).openapi('SourceEntry');

export type SourceEntry = z.infer<typeof sourceEntrySchema>;
