// I. Introduction: the mandate quoted from the imported resolution (in the language it was
// imported in), the period, how the figures are counted, the regions.
import type { Block } from '../document/model.ts';
import { type ComposeContext, paragraph, paragraphCited } from './context.ts';

export function introduction(c: ComposeContext): Block[] {
  const { facts, p, f } = c;
  const blocks: Block[] = [];
  const m = facts.mandate;
  if (m.quote) {
    const q = m.quote;
    const lead = p.mandateLead({
      paragraph: f.number(Number(paragraphCited(q.anchor))) || paragraphCited(q.anchor),
      adopted: q.adoptedOn ? f.date(q.adoptedOn) : null,
      symbol: q.symbol,
      session: String(facts.session),
    });
    blocks.push(paragraph(c, lead, q.sources));
    blocks.push({ kind: 'quote', lang: q.lang, runs: [{ text: q.text }] });
  } else {
    blocks.push(paragraph(c, p.mandateMissing(m.why)));
  }
  blocks.push(paragraph(c, p.period({ start: f.date(facts.periodStart), end: f.date(facts.asOf) })));
  blocks.push(paragraph(c, p.method));
  blocks.push(paragraph(c, p.regionsCovered({ regions: f.list(facts.developments.map((r) => `${r.name} (${r.code})`)) })));
  return blocks;
}
