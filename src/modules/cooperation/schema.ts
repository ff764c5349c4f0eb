// The parts every record of the programme may carry: links to what it answers or serves, and
// its documents. Both are given whole in a create or an update (`links`, `documents`): what a
// body gives replaces what the record had; a body that leaves them out keeps them.
import { z } from '@hono/zod-openapi';
import { isSourceAddress, SOURCE_ADDRESS_RULE } from '../../shared/source-address.ts';
import { COOPERATION_LINK_TARGETS, COOPERATION_RECORD_KINDS } from '../../shared/vocabularies.ts';
import { partialDate, text } from '../edits/schema.ts';

/** A paragraph of a resolution: the resolution (its UN symbol, or `local:<name>` for a text
 *  that states none, such as the 2004 resolution on regional arrangements), `#`, then the
 *  paragraph's anchor as the resolution's page names it (docs/RESOLUTIONS.md, "Paragraph
 *  anchors"): `pp3`, `op5`, a sub-paragraph `op8f` or `op5b-ii`, a section's paragraph `B-op3`, an
 *  unnumbered one `opu1`, an em-dash item `op13-d2`. */
export const RESOLUTION_PARAGRAPH = /^(?<resolution>local:[a-z0-9][a-z0-9-]{0,99}|[A-Z][^#]{2,99})#(?<anchor>(?:[A-Za-z0-9]{1,10}-)?(?:pp|opu?)[1-9]\d{0,2}[a-z]{0,2}(?:-(?:[a-z]{1,8}|d[1-9]\d?))*)$/;
export const RESOLUTION_PARAGRAPH_RULE = 'must be <UN symbol or local:name>#<paragraph anchor>: pp<n>, op<n>, op<n><letter>, e.g. local:ga-59-regional-arrangements-2004-12-20#op5';

export const linkInputSchema = z
  .object({
    kind: z.enum(COOPERATION_LINK_TARGETS),
    ref: z.string().trim().min(1, 'must not be empty').max(200, 'at most 200 characters').openapi({
      description: 'What is linked: a recommendation id, an instrument code, a resolution paragraph (local:ga-59-regional-arrangements-2004-12-20#op5), or the id of a request, project or event.',
    }),
    note: text(1000).optional(),
  })
  .strict()
  .openapi('CooperationLinkInput');

export type LinkInput = z.infer<typeof linkInputSchema>;

export const linksField = z.array(linkInputSchema).max(200, 'at most 200 links').optional();

export const documentInputSchema = z
  .object({
    title: text(500),
    url: z.string().max(1000).refine(isSourceAddress, SOURCE_ADDRESS_RULE),
    category: z
      .string()
      .regex(/^[A-B]\d{2}$/, 'must be an IATI DocumentCategory code such as A01')
      .optional(),
    lang: z
      .string()
      .regex(/^[a-z]{2}$/, 'must be a two-letter language code')
      .optional(),
    date: partialDate.optional(),
  })
  .strict()
  .openapi('CooperationDocumentInput');

export type DocumentInput = z.infer<typeof documentInputSchema>;

export const documentsField = z.array(documentInputSchema).max(200, 'at most 200 documents').optional();

export const linkSchema = z
  .object({
    kind: z.enum(COOPERATION_LINK_TARGETS),
    ref: z.string(),
    note: z.string().nullable(),
  })
  .openapi('CooperationLink');

/** A record of the programme that links to this one (a project answering a request). */
export const backLinkSchema = z
  .object({
    kind: z.enum(COOPERATION_RECORD_KINDS),
    id: z.string(),
    note: z.string().nullable(),
  })
  .openapi('CooperationBackLink');

export const documentSchema = z
  .object({
    title: z.string(),
    url: z.string(),
    category: z.string().nullable(),
    lang: z.string().nullable(),
    date: z.string().nullable(),
  })
  .openapi('CooperationDocument');
