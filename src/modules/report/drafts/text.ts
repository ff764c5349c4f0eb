// A section of the report as plain text, the form a drafter rewrites it in, and back to blocks.
//
//   - paragraphs are separated by a blank line (lines inside one are joined by a space);
//   - `## <label> <text>` is a sub-heading (level 2), `### …` one of level 3; the label is the
//     first word when it is one ("A.", "1.", "(a)", "iv.");
//   - lines starting with `> ` are a quotation (the mandate), in the language of the generated
//     section's quotation at the same place;
//   - `[[unnumbered]]` at the start of a paragraph keeps it out of the paragraph numbering;
//   - a table or figure of the generated section is the line `[[table N]]` / `[[figure N]]`, N its
//     order in the section: it is put back from the section generated now, never from the text,
//     so its figures follow the data; a number the section does not have is refused;
//   - a footnote is `[[note: …]]` written after the words it is on.
// Bold, italic and the direction of runs are not carried by the text: the generated section has
// them, a rewritten one is plain. Anything else between `[[` and `]]` is refused, so a typing
// mistake cannot disappear silently.
import { ValidationError } from '../../../shared/errors.ts';
import type { Block, Run } from '../document/model.ts';

type Heading = Extract<Block, { kind: 'heading' }>;

const LABEL = /^(?:[A-Z]|[IVXLC]+|[ivxlc]+|\d{1,3}|[a-z])\.$|^\([a-z0-9]{1,4}\)$/;
const MARKER = /\[\[([\s\S]*?)\]\]/g;

/** Text as the plain form writes it: `[[` of the data would read as a marker, so it is spaced. */
function plain(text: string): string {
  return text
    .replace(/\[\[/g, '[ [')
    .replace(/\]\]/g, '] ]')
    .replace(/\s*\n\s*/g, ' ');
}

function runsText(runs: readonly Run[]): string {
  return runs.map((r) => plain(r.text) + (r.footnote ? `[[note: ${plain(runsText(r.footnote)).trim()}]]` : '')).join('');
}

/** The section's blocks (its own heading left out) as the drafter's plain text. */
export function sectionToText(blocks: readonly Block[]): string {
  const counts = { table: 0, figure: 0 };
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'heading':
          return `${'#'.repeat(Math.max(2, b.level))} ${b.label ? `${plain(b.label)} ` : ''}${plain(b.text)}`;
        case 'paragraph':
          return `${b.numbered ? '' : '[[unnumbered]] '}${runsText(b.runs)}`;
        case 'quote':
          return `> ${runsText(b.runs)}`;
        default:
          counts[b.kind]++;
          return `[[${b.kind} ${counts[b.kind]}]]`;
      }
    })
    .join('\n\n');
}

export interface ParsedSection {
  blocks: Block[];
  /** Tables and figures the text names that the generated section does not have ("table 9"). */
  missing: string[];
}

/** A paragraph's text with its `[[note: …]]` marks as runs; other markers are problems. */
function runsOf(text: string, problems: string[]): Run[] {
  const runs: Run[] = [];
  let at = 0;
  for (const m of text.matchAll(MARKER)) {
    const inner = m[1] ?? '';
    const note = /^\s*note\s*:([\s\S]*)$/i.exec(inner);
    if (!note) {
      problems.push(`[[${inner.slice(0, 40)}]] is not a marker this text knows (a footnote is [[note: …]]; a table or figure stands alone on its line)`);
      continue;
    }
    runs.push({ text: text.slice(at, m.index), footnote: [{ text: (note[1] ?? '').trim() }] });
    at = m.index + m[0].length;
  }
  const rest = text.slice(at);
  if (rest !== '' || runs.length === 0) runs.push({ text: rest });
  return runs;
}

/** Drops control characters other than line breaks and tabs (a pasted text may carry them; the
 *  document writers would drop them later, XML cannot hold them). */
function clean(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\p{Cc}\u2028\u2029]/gu, (ch) => (ch === '\n' || ch === '\t' ? ch : ''));
}

/**
 * The blocks of a drafter's text, with the tables and figures put back from `generated` (the
 * section generated now). `missing` names the tables and figures the text asks for that the
 * generated section does not have; any other unknown `[[…]]` is a ValidationError naming it.
 */
export function textToBlocks(text: string, generated: readonly Block[]): ParsedSection {
  const pool = { table: generated.filter((b) => b.kind === 'table'), figure: generated.filter((b) => b.kind === 'figure') };
  const quotes = generated.filter((b): b is Extract<Block, { kind: 'quote' }> => b.kind === 'quote');
  const blocks: Block[] = [];
  const missing: string[] = [];
  const problems: string[] = [];
  const chunks = clean(text)
    .split(/\n[ \t]*\n/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  for (const chunk of chunks) {
    // A heading or an object line may stand right above a paragraph without a blank line.
    const lines = chunk.split('\n').map((l) => l.trim());
    let paragraph: string[] = [];
    let quote: string[] = [];
    const flush = () => {
      if (paragraph.length) {
        let joined = paragraph.join(' ');
        const unnumbered = /^\[\[\s*unnumbered\s*\]\]\s*/i.exec(joined);
        if (unnumbered) joined = joined.slice(unnumbered[0].length);
        blocks.push({ kind: 'paragraph', numbered: !unnumbered, runs: runsOf(joined, problems) });
      }
      if (quote.length) {
        const lang = quotes[blocks.filter((b) => b.kind === 'quote').length]?.lang;
        blocks.push({ kind: 'quote', runs: runsOf(quote.join(' '), problems), ...(lang ? { lang } : {}) });
      }
      paragraph = [];
      quote = [];
    };
    for (const line of lines) {
      const heading = /^(#{2,3})\s+(.*)$/.exec(line);
      const object = /^\[\[\s*(table|figure)\s+(\d{1,4})\s*\]\]$/i.exec(line);
      if (heading) {
        flush();
        blocks.push(headingOf(heading[1]!.length as 2 | 3, heading[2]!.trim(), problems));
      } else if (object) {
        flush();
        const kind = object[1]!.toLowerCase() as 'table' | 'figure';
        const n = Number(object[2]);
        const found = pool[kind][n - 1];
        if (found) blocks.push(found);
        else missing.push(`${kind} ${n}`);
      } else if (line.startsWith('>')) {
        if (paragraph.length) flush();
        quote.push(line.replace(/^>\s?/, ''));
      } else {
        if (quote.length) flush();
        paragraph.push(line);
      }
    }
    flush();
  }
  if (problems.length)
    throw new ValidationError(
      'The section text holds a marker that is not known',
      problems.map((reason) => ({ field: 'text', reason })),
    );
  return { blocks, missing };
}

function headingOf(level: 2 | 3, text: string, problems: string[]): Heading {
  if (/\[\[|\]\]/.test(text)) problems.push(`a sub-heading cannot hold a marker: "${text.slice(0, 60)}"`);
  const [first, ...rest] = text.split(/\s+/);
  if (first && rest.length && LABEL.test(first)) return { kind: 'heading', level, label: first, text: rest.join(' ') };
  return { kind: 'heading', level, text };
}

/** textToBlocks for a text being stored: tables or figures the generated section lacks are refused, naming them. */
export function parseSectionText(text: string, generated: readonly Block[], section: string): Block[] {
  const { blocks, missing } = textToBlocks(text, generated);
  if (missing.length) {
    throw new ValidationError(
      `The text of section ${section} names ${missing.join(', ')}, which the section generated now does not have`,
      missing.map((m) => ({ field: 'text', reason: `[[${m}]]: the generated section has ${countOf(generated, m.split(' ')[0] as 'table' | 'figure')} ${m.split(' ')[0]}(s)` })),
    );
  }
  return blocks;
}

function countOf(blocks: readonly Block[], kind: 'table' | 'figure'): number {
  return blocks.filter((b) => b.kind === kind).length;
}
