// parseResolution: plain text of a UN resolution (as pdftotext or OCR gives it) → its parts.
// Pure: no database, no files. Anything unsure is reported in `doubts`, never guessed.
import { findResolutions, findSymbols } from './citations.ts';
import { clean, joinLines } from './clean.ts';
import { detachMarkers, type MarkerState, readFootnotes } from './footnotes.ts';
import { readClosing, readHeader, readResolutionNumber } from './header.ts';
import { type RawSub, readStructure } from './structure.ts';
import type { Doubt, Footnote, OperativeParagraph, ParsedResolution, SubParagraph, Vote } from './types.ts';
import { findVoteLines, readVote } from './vote.ts';
import { readDeadline, readFurtherAsks, readVerb } from './verbs.ts';

export type { ParsedResolution } from './types.ts';
export { OPERATIVE_VERBS } from './verbs.ts';

export function parseResolution(text: string, name?: string): ParsedResolution {
  const doubts: Doubt[] = [];
  const rawLines = text.replace(/\r\n?/g, '\n').split('\n');
  const header = readHeader(rawLines, doubts);
  const cleaned = clean(text, header.symbol, header.title);
  const structure = readStructure(cleaned.lines, doubts);
  // Security Council texts print their footnotes after the vote line, without a rule.
  const voteLines = findVoteLines(structure.after);
  const trailing = voteLines ? trailingFootnotes(structure.after.slice(voteLines.end)) : [];
  const footnotes = readFootnotes([...cleaned.footnoteBlocks, ...(trailing.length > 0 ? [trailing] : [])], doubts);
  for (const f of footnotes) f.symbols = findSymbols(f.text);
  readClosing(structure.after.slice(0, 4), header);

  // Markers are taken in sequence from the first footnote's number (SC texts start at 7, 12…).
  const first = Math.min(...footnotes.map((f) => Number(f.marker)));
  const state: MarkerState = { last: Number.isFinite(first) ? first - 1 : 0, known: new Set(footnotes.map((f) => Number(f.marker))) };
  const preamble = structure.preamble.map((p) => {
    const { text: t, refs } = detachMarkers(joinLines(p.lines), state, footnotes);
    return { text: t, footnotes: refs, section: p.section };
  });

  const operative: OperativeParagraph[] = structure.operative.map((op) => {
    const where = `operative ${op.number ?? '(unnumbered)'}`;
    const { text: t, refs } = detachMarkers(joinLines(op.lines), state, footnotes);
    const subParagraphs = op.subs.map((s) => finishSub(s, state, footnotes));
    relabelOcrDigits(subParagraphs, where, doubts);
    const verb = readVerb(t, header.body);
    if (!verb.verb) doubts.push({ where, why: `the opening words "${t.slice(0, 40)}" are not in the verb list` });
    const whole = [t, ...subParagraphs.map((s) => s.text)].join(' ');
    const further = readFurtherAsks(t.slice((verb.verbPhrase ?? '').length));
    return {
      number: op.number,
      verb: verb.verb,
      verbPhrase: verb.verbPhrase,
      addressee: verb.addressee,
      addresseeAsWritten: verb.addresseeAsWritten,
      addressees: verb.addressees,
      // A deadline belongs to something asked: of an addressee, by a decision, or by a request
      // later in the paragraph ("Recalls …, and requests the Secretary-General to … at its
      // seventy-fourth session"), counted from that request on.
      deadline: verb.addressee || verb.verb === 'Decides' || verb.verb === 'Resolves' ? readDeadline(whole) : (further.find((a) => a.deadline)?.deadline ?? laterDeadline(whole)),
      furtherAsks: further,
      section: op.section,
      subheading: op.subheading,
      text: t,
      subParagraphs,
      footnotes: refs,
    };
  });
  if (operative.length === 0) doubts.push({ where: 'structure', why: 'no operative paragraph was recognised: no numbered paragraph in sequence and no paragraph opening with an operative verb' });

  let vote: Vote | null = null;
  if (voteLines) {
    const { text: raw, refs } = detachMarkers(voteLines.text, state, footnotes);
    const read = readVote(raw, doubts);
    vote = { ...read.vote, footnotes: refs };
    if (read.meeting) header.meeting = read.meeting;
  }

  const annexes: { heading: string; text: string }[] = [];
  if (structure.embedded) annexes.push({ heading: 'Adopted text', text: joinLines(structure.embedded) });
  const annexAt = structure.after.findIndex((l) => /^\s*Annex\b/.test(l));
  if (annexAt >= 0) {
    let heading = '';
    let body: string[] = [];
    for (const l of structure.after.slice(annexAt)) {
      if (/^\s*Annex( [A-Z]|\s+[IVX]+)?\s*$/.test(l)) {
        if (heading) annexes.push({ heading, text: joinLines(body) });
        heading = l.trim();
        body = [];
      } else body.push(l);
    }
    if (heading) annexes.push({ heading, text: joinLines(body) });
  }
  // Declarations and annexes cite footnotes too (A/RES/73/3's declaration cites 1–7).
  const annexRefs = annexes.map((a) => {
    const { text: t, refs } = detachMarkers(a.text, state, footnotes);
    return { heading: a.heading, text: t, footnotes: refs };
  });

  // A number left after punctuation ("Protocol, 28", "matters\", 58 signed") is a marker whose
  // footnote the text does not carry (OCR texts drop some): kept as printed, with a doubt.
  const paragraphs: [string, string][] = [
    ...preamble.map((p, k): [string, string] => [`preamble ${k + 1}`, p.text]),
    ...operative.map((o): [string, string] => [`operative ${o.number ?? '(unnumbered)'}`, o.text]),
  ];
  for (const [where, t] of paragraphs) {
    for (const m of t.matchAll(/(?:[a-z)”"]|\b(?:19|20)\d\d)[,;:] (\d{1,3})(?=$| (?!new|continuing|years?|months?|days?|per|percent|posts?)[a-z])/g)) {
      if (/\b(?:paragraphs?|resolutions?|articles?|No|Nos)\.?$/.test(t.slice(0, m.index ?? 0).split(/[,;:]\s*$/)[0] ?? '')) continue;
      doubts.push({
        where,
        why: `"${m[1]}" after "${t.slice(Math.max(0, (m.index ?? 0) - 20), (m.index ?? 0) + 2).trim()}" looks like a footnote marker whose footnote the text does not carry; left as printed`,
      });
    }
  }

  const unplaced = footnotes.filter((f) => Number(f.marker) > state.last);
  for (const f of unplaced) doubts.push({ where: 'footnotes', why: `no marker for footnote ${f.marker} was found in the running text` });

  const allText = [
    ...preamble.map((p) => p.text),
    ...operative.flatMap((o) => [o.text, ...flattenSubs(o.subParagraphs).map((s) => s.text)]),
    ...annexRefs.map((a) => a.text),
    ...footnotes.map((f) => f.text),
  ].join('\n');

  const resolutionNumber = readResolutionNumber(rawLines);
  const noSymbol = doubts.find((d) => d.where === 'header' && /no document symbol/.test(d.why));
  if (noSymbol && resolutionNumber) noSymbol.why = `the heading prints the resolution number ${resolutionNumber} but no document symbol (such as S/RES/…); none is inferred`;

  return {
    name: name ?? null,
    body: header.body,
    session: header.session,
    symbol: header.symbol,
    title: header.title,
    date: header.date,
    meeting: header.meeting,
    resolutionNumber,
    sections: structure.sections,
    vote,
    preamble,
    operative,
    annexes: annexRefs,
    footnotes,
    documentSymbols: findSymbols(allText).filter((s) => s !== header.symbol),
    resolutionsCited: findResolutions(allText),
    doubts,
  };
}

function finishSub(s: RawSub, state: MarkerState, footnotes: Footnote[]): SubParagraph {
  const { text, refs } = detachMarkers(joinLines(s.lines), state, footnotes);
  const children = splitInlineRomans(s.children).map((c) => finishSub(c, state, footnotes));
  return { label: s.label === '—' ? '—' : `(${s.label})`, text, footnotes: refs, children };
}

/**
 * "(i) modalities …; (ii) dedicated groups …; and (iii) other elements": roman items run on in
 * one line after the first. Each next roman after a semicolon becomes its own item.
 */
function splitInlineRomans(items: RawSub[]): RawSub[] {
  const out: RawSub[] = [];
  for (const item of items) {
    let current = item;
    out.push(current);
    for (;;) {
      const next = ROMANS[ROMANS.indexOf(current.label) + 1];
      if (!next || ROMANS.indexOf(current.label) < 0) break;
      const text = current.lines.join('\n');
      const at = new RegExp(`;(?:\\s+and)?\\s+\\(${next}\\)\\s+`).exec(text);
      if (!at) break;
      const rest = text.slice(at.index + at[0].length);
      current.lines = text.slice(0, at.index + 1).split('\n');
      current = { label: next, lines: rest.split('\n'), children: [] };
      out.push(current);
    }
  }
  return out;
}

function flattenSubs(subs: SubParagraph[]): SubParagraph[] {
  return subs.flatMap((s) => [s, ...flattenSubs(s.children)]);
}

const ROMANS = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * OCR reads "(i)" as "(1)" and "(b)" as "(5)". A digit label is relabelled only when its
 * neighbours show what it stands for (the roman or letter sequence it interrupts), with a doubt.
 */
function relabelOcrDigits(subs: SubParagraph[], where: string, doubts: Doubt[]): void {
  subs.forEach((s, k) => {
    const digit = /^\((\d{1,2})\)$/.exec(s.label);
    if (digit) {
      const prev = subs[k - 1]?.label.slice(1, -1);
      const next = subs[k + 1]?.label.slice(1, -1);
      let guess: string | null = null;
      const romanAt = next ? ROMANS.indexOf(next) : -1;
      if (romanAt > 0 && (k === 0 || ROMANS.indexOf(prev ?? '') === romanAt - 2)) guess = ROMANS[romanAt - 1] ?? null;
      const letterAt = next && next.length === 1 ? LETTERS.indexOf(next) : -1;
      if (!guess && letterAt > 0 && (k === 0 || LETTERS.indexOf(prev ?? '') === letterAt - 2)) guess = LETTERS[letterAt - 1] ?? null;
      if (!guess && prev && prev.length === 1 && LETTERS.indexOf(prev) >= 0 && !next) guess = LETTERS[LETTERS.indexOf(prev) + 1] ?? null;
      if (guess) {
        doubts.push({ where, why: `sub-paragraph label "${s.label}" read as "(${guess})": its neighbours are ${prev ? `(${prev})` : 'none'} and ${next ? `(${next})` : 'none'} (an OCR misreading)` });
        s.label = `(${guess})`;
      } else doubts.push({ where, why: `sub-paragraph label "${s.label}" is a digit, which UN texts do not use; kept as read` });
    }
    relabelOcrDigits(s.children, where, doubts);
  });
}

/** Lines after the vote that are footnotes: from the first "N Text" line, up to an annex. */
function trailingFootnotes(lines: string[]): string[] {
  const at = lines.findIndex((l) => /^\s*\d{1,3}\s+[A-Z]/.test(l));
  if (at < 0) return [];
  const end = lines.findIndex((l, j) => j > at && /^\s*Annex\b/.test(l));
  return lines.slice(at, end < 0 ? lines.length : end);
}

/** "… appoints a sub-committee … and instructs this sub-committee … before the end of May": the deadline after the asking word. */
function laterDeadline(text: string): string | null {
  const m = /\b(?:requests|instructs|directs|invites|urges|calls upon|authorizes)\b/.exec(text);
  return m ? readDeadline(text.slice(m.index)) : null;
}
