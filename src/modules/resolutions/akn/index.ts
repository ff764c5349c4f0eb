// toAkomaNtoso: a parsed resolution → an Akoma Ntoso 3.0 document (a <statement name="resolution">
// after the AKN4UN guidelines for General Assembly resolutions). Pure: no database, no files.
// Naming in naming.ts, metadata in meta.ts, the text in body.ts; docs/RESOLUTIONS.md explains the mapping.
import type { ParsedResolution } from '../parse/types.ts';
import { type BodyContext, conclusions, Ids, mainBody, preamble, preface } from './body.ts';
import { identification, notes, proprietary, references } from './meta.ts';
import { type Naming, namingFor } from './naming.ts';
import { el, text } from './xml.ts';

export { type AknFinding, aknSchemaDir, validateAkomaNtoso } from './validate.ts';

export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

export interface AknOptions {
  /** Date of this markup (FRBRManifestation's FRBRdate), YYYY-MM-DD; default today (UTC). */
  markupDate?: string;
}

/**
 * `key`: the resolution's symbol as the text states it ("A/RES/80/212", "S/RES/1445 (2002)"), or
 * "local:<name>" for a text that states none. `lang`: ISO 639-1 ("en"). Throws ValidationError
 * when the key disagrees with the text or the language is not one of the six.
 */
export function toAkomaNtoso(doc: ParsedResolution, id: { key: string; lang: string }, options: AknOptions = {}): string {
  const naming = namingFor(doc, id);
  const markupDate = options.markupDate ?? new Date().toISOString().slice(0, 10);
  const ctx: BodyContext = { doc, ids: new Ids(), placed: new Set() };
  // Body first: it records which footnotes found their paragraph; the rest are listed in <meta>.
  const parts = [preface(doc), preamble(ctx), mainBody(ctx), conclusions(doc), attachments(doc, naming, markupDate, ctx.ids)];
  const unplaced = doc.footnotes.filter((f) => !ctx.placed.has(f.marker));
  const meta = el('meta', {}, identification(naming, 'main', markupDate, doc.title ?? null), references(naming), notes(doc, naming, unplaced, ctx.ids), proprietary(naming));
  const statement = el('statement', { name: 'resolution', contains: 'originalVersion' }, meta, ...parts);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${el('akomaNtoso', { xmlns: AKN_NAMESPACE }, statement)}\n`;
}

/** Each annex as a <doc name="annex">, its lines as paragraphs (the parser keeps annexes as text). */
function attachments(doc: ParsedResolution, naming: Naming, markupDate: string, ids: Ids): string {
  if (doc.annexes.length === 0) return '';
  const items = doc.annexes.map((annex, i) => {
    const eId = ids.take(`att_${i + 1}`);
    const lines = annex.text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    const meta = el('meta', {}, identification(naming, `annex_${i + 1}`, markupDate, doc.title ?? null));
    const head = annex.heading ? el('preface', {}, el('p', {}, el('docTitle', {}, text(annex.heading)))) : '';
    const body = el('mainBody', {}, ...(lines.length ? lines.map((l) => el('p', {}, text(l))) : [el('p', {})]));
    return el('attachment', { eId }, el('doc', { name: 'annex' }, meta, head, body));
  });
  return el('attachments', {}, ...items);
}
