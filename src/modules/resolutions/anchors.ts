// The anchors of a resolution's paragraphs: what a link (`<key>#op13`), a mandate and the web
// page's fragment name. Preambular paragraphs are pp1…ppN in order. Operative paragraphs are
// op<number> as printed; where numbering restarts per section the section comes first
// (`B-op3`), and an unnumbered paragraph is opu<k> (op<k> when no paragraph is numbered, as in
// Security Council texts of one part). A sub-paragraph adds its letter (`op5a`), a deeper one a
// dash and its label (`op5b-ii`), an em-dash item `-d<k>`.
import type { OperativeParagraph, ParsedResolution, SubParagraph } from './parse/types.ts';

export interface AnchoredSub {
  anchor: string;
  label: string;
  text: string;
  footnotes: string[];
  children: AnchoredSub[];
}

export interface AnchoredParagraph {
  anchor: string;
  kind: 'preamble' | 'operative';
  number: number | null;
  section: string | null;
  text: string;
  verb: string | null;
  verbPhrase: string | null;
  addressee: string | null;
  deadline: string | null;
  footnotes: string[];
  subParagraphs: AnchoredSub[];
}

const slug = (s: string) => s.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');

function operativeAnchors(ops: readonly OperativeParagraph[]): string[] {
  const numbers = ops.filter((o) => o.number !== null).map((o) => o.number);
  const restarts = new Set(numbers).size < numbers.length;
  const anyNumbered = numbers.length > 0;
  let unnumbered = 0;
  return ops.map((o) => {
    if (o.number === null) {
      unnumbered += 1;
      return anyNumbered ? `opu${unnumbered}` : `op${unnumbered}`;
    }
    return restarts && o.section ? `${slug(o.section)}-op${o.number}` : `op${o.number}`;
  });
}

function subAnchors(parent: string, subs: readonly SubParagraph[], depth: number): AnchoredSub[] {
  let dashes = 0;
  return subs.map((s) => {
    const bare = s.label.replace(/[()]/g, '');
    let anchor: string;
    if (s.label === '—') {
      dashes += 1;
      anchor = `${parent}-d${dashes}`;
    } else anchor = depth === 0 && /^[a-z]{1,2}$/.test(bare) ? `${parent}${bare}` : `${parent}-${slug(bare)}`;
    return { anchor, label: s.label, text: s.text, footnotes: s.footnotes.map((f) => f.marker), children: subAnchors(anchor, s.children, depth + 1) };
  });
}

/** Every paragraph of a parsed resolution with its anchor, in reading order. */
export function anchoredParagraphs(doc: ParsedResolution): AnchoredParagraph[] {
  const preamble: AnchoredParagraph[] = doc.preamble.map((p, i) => ({
    anchor: `pp${i + 1}`,
    kind: 'preamble',
    number: null,
    section: null,
    text: p.text,
    verb: null,
    verbPhrase: null,
    addressee: null,
    deadline: null,
    footnotes: p.footnotes.map((f) => f.marker),
    subParagraphs: [],
  }));
  const anchors = operativeAnchors(doc.operative);
  const operative: AnchoredParagraph[] = doc.operative.map((o, i) => {
    const anchor = anchors[i] as string;
    return {
      anchor,
      kind: 'operative',
      number: o.number,
      section: o.section,
      text: o.text,
      verb: o.verb,
      verbPhrase: o.verbPhrase,
      addressee: o.addressee,
      deadline: o.deadline,
      footnotes: o.footnotes.map((f) => f.marker),
      subParagraphs: subAnchors(anchor, o.subParagraphs, 0),
    };
  });
  return [...preamble, ...operative];
}

/** The whole text of a paragraph with its sub-paragraphs, labels kept: what a mandate quotes. */
export function wholeText(p: { text: string; subParagraphs: readonly AnchoredSub[] }): string {
  const subs = (list: readonly AnchoredSub[]): string[] => list.flatMap((s) => [`${s.label === '—' ? '—' : s.label} ${s.text}`, ...subs(s.children)]);
  return [p.text, ...subs(p.subParagraphs)].join(' ');
}
