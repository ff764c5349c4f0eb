// The visible parts of the resolution: preface (what its heading states), preamble, operative
// paragraphs in <mainBody>, the meeting line in <conclusions>, and annexes as attachments.
// eIds follow the Akoma Ntoso naming convention (para_1, para_1__list_1__point_a, sec_II__para_1),
// and `Ids` makes each unique even where numbering restarts or a label repeats.
import type { FootnoteRef, OperativeParagraph, ParsedResolution, SubParagraph } from '../parse/types.ts';
import { el, text } from './xml.ts';

export class Ids {
  private readonly used = new Set<string>();
  /** The eId asked for, or with "_dup2", "_dup3"… when already taken. */
  take(wanted: string): string {
    let eId = wanted;
    for (let n = 2; this.used.has(eId); n++) eId = `${wanted}_dup${n}`;
    this.used.add(eId);
    return eId;
  }
}

export interface BodyContext {
  doc: ParsedResolution;
  ids: Ids;
  /** Footnote markers placed at a paragraph, so those placed nowhere can be listed apart. */
  placed: Set<string>;
}

/** "(a)" → "a", "(iv)" → "iv"; an em dash or anything else has no name, so its position serves. */
function labelPart(label: string, position: number): string {
  const bare = label.replace(/[().\s]/g, '');
  return /^[A-Za-z0-9]+$/.test(bare) ? bare : String(position);
}

function notesOf(refs: FootnoteRef[], parent: string, ctx: BodyContext): string {
  return refs
    .map((ref, i) => {
      ctx.placed.add(ref.marker);
      const words = ref.text ?? ctx.doc.footnotes.find((f) => f.marker === ref.marker)?.text ?? '';
      const eId = ctx.ids.take(`${parent}__authorialNote_${i + 1}`);
      return el('authorialNote', { eId, marker: ref.marker, placement: 'bottom' }, el('p', {}, text(words)));
    })
    .join('');
}

/** Text of a paragraph with its footnotes at the end (the parser keeps which paragraph, not where in it). */
function para(words: string, refs: FootnoteRef[], parent: string, ctx: BodyContext, lead = ''): string {
  return el('p', {}, lead + text(words), notesOf(refs, parent, ctx));
}

export function preface(doc: ParsedResolution): string {
  const lines = [
    doc.body ? el('p', {}, el('docAuthority', {}, text(doc.body))) : '',
    doc.session !== null && doc.session !== undefined ? el('p', {}, el('session', { value: String(doc.session) }, text(`Session ${doc.session}`))) : '',
    doc.symbol ? el('p', {}, el('docNumber', {}, text(doc.symbol))) : '',
    doc.title ? el('p', {}, el('docTitle', {}, text(doc.title))) : '',
    doc.date ? el('p', {}, el('docDate', { date: doc.date }, text(doc.date))) : '',
  ].join('');
  return lines === '' ? '' : el('preface', {}, lines);
}

/** The enacting formula is written from the body the parser read on it ("The General Assembly"). */
export function preamble(ctx: BodyContext): string {
  const { doc } = ctx;
  const formula = doc.body ? el('formula', { name: 'enactingFormula' }, el('p', {}, text(`The ${doc.body},`))) : '';
  const paragraphs = doc.preamble.map((p, i) => {
    const eId = ctx.ids.take(`preamble__container_${i + 1}`);
    return el('container', { eId, name: 'preambular' }, para(p.text, p.footnotes, eId, ctx));
  });
  const inner = formula + paragraphs.join('');
  return inner === '' ? '' : el('preamble', {}, inner);
}

function points(subs: SubParagraph[], parent: string, ctx: BodyContext, intro: string): string {
  const listId = ctx.ids.take(`${parent}__list_1`);
  const items = subs.map((sub, i) => {
    const eId = ctx.ids.take(`${listId}__point_${labelPart(sub.label, i + 1)}`);
    return el('point', { eId }, el('num', {}, text(sub.label)), hierarchyContent(sub.text, sub.footnotes, sub.children, eId, ctx));
  });
  return el('list', { eId: listId }, intro, ...items);
}

/** <content> for a leaf; for a paragraph or point with sub-items, a <list> whose <intro> holds its own words. */
function hierarchyContent(words: string, refs: FootnoteRef[], children: SubParagraph[], eId: string, ctx: BodyContext, lead = ''): string {
  if (children.length === 0) return el('content', {}, para(words, refs, eId, ctx, lead));
  const hasWords = words.trim() !== '' || refs.length > 0 || lead !== '';
  const intro = hasWords ? el('intro', {}, para(words, refs, eId, ctx, lead)) : '';
  return points(children, eId, ctx, intro);
}

/** The opening verb phrase marked as the paragraph's action, when the text begins with it. */
function splitVerb(op: OperativeParagraph): { lead: string; rest: string } {
  const phrase = op.verbPhrase;
  if (!phrase || !op.text.startsWith(phrase)) return { lead: '', rest: op.text };
  return { lead: el('span', { class: 'operativeVerb' }, text(phrase)), rest: op.text.slice(phrase.length) };
}

function operative(op: OperativeParagraph, prefix: string, unnumbered: { count: number }, ctx: BodyContext): string {
  const name = op.number !== null ? String(op.number) : `unnumbered_${++unnumbered.count}`;
  const eId = ctx.ids.take(`${prefix}para_${name}`);
  const { lead, rest } = splitVerb(op);
  const num = op.number !== null ? el('num', {}, `${op.number}.`) : '';
  return el('paragraph', { eId }, num, hierarchyContent(rest, op.footnotes, op.subParagraphs, eId, ctx, lead));
}

/** Operative paragraphs in order; a run under one section heading ("II") becomes a <section>. */
export function mainBody(ctx: BodyContext): string {
  const parts: string[] = [];
  const unnumbered = { count: 0 };
  let i = 0;
  const ops = ctx.doc.operative;
  while (i < ops.length) {
    const section = ops[i]!.section;
    if (!section) {
      parts.push(operative(ops[i]!, '', unnumbered, ctx));
      i++;
      continue;
    }
    const secId = ctx.ids.take(`sec_${labelPart(section, parts.length + 1)}`);
    const inside: string[] = [];
    for (; i < ops.length && ops[i]!.section === section; i++) inside.push(operative(ops[i]!, `${secId}__`, unnumbered, ctx));
    parts.push(el('section', { eId: secId }, el('num', {}, text(section)), ...inside));
  }
  // The schema wants something in mainBody; words here would read as the resolution's, so the
  // placeholder is empty and a note in <meta> says that no operative paragraph was read.
  if (parts.length === 0) parts.push(el('p', { class: 'noOperativeParagraph' }));
  return el('mainBody', {}, ...parts);
}

export function conclusions(doc: ParsedResolution): string {
  if (!doc.meeting && !doc.date) return '';
  const meeting = doc.meeting ? el('inline', { name: 'meeting' }, text(doc.meeting)) : '';
  const date = doc.date ? el('docDate', { date: doc.date }, text(doc.date)) : '';
  return el('conclusions', {}, el('container', { name: 'conclusion' }, el('p', {}, meeting, meeting && date ? ' ' : '', date)));
}
