// The resolution parser on the shared UN texts: the counts and sub-paragraph labels that
// ../shared/data/resolutions/PROVENANCE.md states for each text, the 2004 text's glued footnote
// markers and missing symbol, and every corpus text parsing to something or saying why not.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parseResolution } from '../../src/modules/resolutions/parse/index.ts';
import type { OperativeParagraph, ParsedResolution } from '../../src/modules/resolutions/parse/types.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';

const skip = skipWithoutSharedData();
const dir = (...parts: string[]) => sharedDataPath('resolutions', ...parts);
const parse = (...parts: string[]): ParsedResolution => parseResolution(readFileSync(dir(...parts), 'utf8'), parts[parts.length - 1]);

/** "1:(a)(b)[(i)(ii)](c)": the sub-paragraph labels of one operative paragraph, children in brackets. */
function labels(op: OperativeParagraph | undefined): string {
  assert.ok(op, 'operative paragraph missing');
  return op.subParagraphs.map((s) => s.label + (s.children.length > 0 ? `[${s.children.map((c) => c.label).join('')}]` : '')).join('');
}

/** From the PROVENANCE table: file, preambular, operative, sub-paragraph labels by paragraph number. */
const EXPECTED: [string, number, number, Record<number, string>][] = [
  ['A-RES-80-212.txt', 13, 12, {}],
  ['A-RES-80-204.txt', 15, 17, {}],
  ['A-RES-80-189.txt', 4, 1, {}],
  ['A-RES-80-245.txt', 0, 3, { 1: '(a)(b)[(i)(ii)(iii)(iv)(v)](c)' }],
  ['A-RES-80-1.txt', 5, 3, { 1: '(a)(b)(c)' }],
  ['A-RES-73-3.txt', 0, 1, {}],
  ['S-RES-242-1967.txt', 3, 4, { 1: '(i)(ii)', 2: '(a)(b)(c)' }],
  ['S-RES-1445-2002.txt', 8, 25, { 13: '——————' }],
  ['GA-59-regional-arrangements-2004-12-20.txt', 9, 14, { 8: '(a)(b)(c)(d)(e)(f)' }],
];

describe('resolution parser on the PROVENANCE texts', { skip }, () => {
  for (const [file, preambular, operative, subs] of EXPECTED) {
    test(`${file}: ${preambular} preambular, ${operative} operative, sub-paragraphs as stated`, () => {
      const r = parse(file);
      assert.equal(r.preamble.length, preambular, 'preambular paragraphs');
      assert.equal(r.operative.length, operative, 'operative paragraphs');
      for (const op of r.operative) {
        const expected = op.number === null ? undefined : subs[op.number];
        assert.equal(labels(op), expected ?? '', `sub-paragraphs of operative ${op.number}`);
      }
    });
  }

  test('unnumbered single paragraphs keep a null number and their verb', () => {
    const r189 = parse('A-RES-80-189.txt');
    assert.equal(r189.operative[0]?.number, null);
    assert.equal(r189.operative[0]?.verb, 'Takes note');
    const r733 = parse('A-RES-73-3.txt');
    assert.equal(r733.operative[0]?.verb, 'Adopts');
    assert.equal(r733.annexes.length, 1, 'the declaration is kept apart from the operative part');
    assert.match(r733.annexes[0]?.text ?? '', /53\. Also request the Secretary-General/);
  });

  test('the header states symbol, session, date and meeting; the running header is not text', () => {
    const r = parse('A-RES-80-212.txt');
    assert.equal(r.symbol, 'A/RES/80/212');
    assert.equal(r.session, 80);
    assert.equal(r.date, '2025-12-18');
    assert.equal(r.meeting, '69th plenary meeting');
    assert.equal(r.title, 'Subregional Centre for Human Rights and Democracy in Central Africa');
    for (const p of r.preamble) assert.doesNotMatch(p.text, /25-20971|A\/RES\/80\/212|\*2520971\*/);
    // pdftotext printed "country;" before the paragraph's first words: it goes back to the end.
    assert.equal(r.operative[1]?.text, 'Notes with satisfaction the support provided to the Centre by the host country;');
    assert.equal(r.operative[11]?.verb, 'Requests');
    assert.equal(r.operative[11]?.addressee, 'the Secretary-General');
    assert.equal(r.operative[11]?.deadline, 'eighty-third session');
  });
});

describe('the 2004 regional-arrangements text', { skip }, () => {
  const r = () => parse('GA-59-regional-arrangements-2004-12-20.txt');

  test('has no symbol and none is invented; the doubt says why', () => {
    const parsed = r();
    assert.equal(parsed.symbol, null);
    assert.equal(parsed.title, null);
    assert.ok(parsed.doubts.some((d) => d.where === 'header' && /no symbol/.test(d.why)));
    assert.equal(parsed.date, '2004-12-20');
    assert.equal(parsed.meeting, '74th plenary meeting');
  });

  test('footnote markers are detached from the words and resolved to their texts', () => {
    const parsed = r();
    const second = parsed.preamble[1];
    assert.match(second?.text ?? '', /of 9 March 1993 and its subsequent/);
    assert.doesNotMatch(second?.text ?? '', /19931/);
    assert.deepEqual(
      second?.footnotes.map((f) => f.marker),
      ['1'],
    );
    assert.match(second?.footnotes[0]?.text ?? '', /E\/1993\/23/);
    assert.match(parsed.preamble[2]?.text ?? '', /21 April 2004,$/);
    assert.equal(parsed.preamble[2]?.footnotes[0]?.text, 'Ibid., 2004, Supplement No. 3 (E/2004/23), chap II, sect. A.');
    assert.deepEqual(
      parsed.footnotes.map((f) => f.marker),
      ['1', '2', '3', '4', '5', '6'],
    );
    assert.equal(parsed.operative[0]?.text, 'Takes note with satisfaction of the report of the Secretary-General;');
    assert.equal(parsed.operative[0]?.footnotes[0]?.text, 'A/59/323.');
    // Footnote 3 is cited again in OP12, glued to "Action".
    assert.match(parsed.operative[11]?.text ?? '', /Programme of Action on reinforcing/);
    assert.deepEqual(
      parsed.operative[11]?.footnotes.map((f) => f.marker),
      ['3'],
    );
  });

  test('OP13 requests the Secretary-General, by the sixty-first session', () => {
    const op13 = r().operative[12];
    assert.equal(op13?.number, 13);
    assert.equal(op13?.verb, 'Requests');
    assert.match(op13?.addressee ?? '', /Secretary-General/);
    assert.equal(op13?.deadline, 'sixty-first session');
  });

  test('document symbols and cited resolutions are recognised', () => {
    const parsed = r();
    for (const s of ['A/59/323', 'E/2004/23', 'A/CONF.157/24 (Part I)', 'E/1993/23', 'A/57/387']) assert.ok(parsed.documentSymbols.includes(s), s);
    const cited = parsed.resolutionsCited.map((c) => `${c.body ?? ''}|${c.number}|${c.date ?? ''}`);
    assert.ok(cited.includes('|32/127|16 December 1977'), cited.join('; '));
    assert.ok(cited.includes('Commission on Human Rights|1993/51|9 March 1993'), cited.join('; '));
  });
});

describe('corpus and variants', { skip }, () => {
  test('every corpus text parses, with an operative paragraph or a doubt saying why not', () => {
    const files = readdirSync(dir('corpus')).filter((f) => f.endsWith('.txt'));
    assert.equal(files.length, 35);
    for (const file of files) {
      const r = parse('corpus', file);
      if (r.operative.length === 0)
        assert.ok(
          r.doubts.some((d) => /no operative paragraph/.test(d.why)),
          file,
        );
      else assert.ok(r.operative.length >= 1, file);
    }
  });

  test('the PyMuPDF extraction of 80/212 gives the same paragraphs as the pdftotext one', () => {
    const main = parse('A-RES-80-212.txt');
    const variant = parse('variants', 'A-RES-80-212.pymupdf.txt');
    assert.equal(variant.preamble.length, main.preamble.length);
    assert.equal(variant.operative.length, main.operative.length);
    assert.deepEqual(
      variant.operative.map((o) => o.verb),
      main.operative.map((o) => o.verb),
    );
    // The running header PyMuPDF prints among the footnotes is not footnote text.
    assert.deepEqual(
      variant.footnotes.map((f) => f.text),
      main.footnotes.map((f) => f.text),
    );
    assert.equal(variant.title, main.title);
  });
});

test('a text with no resolution in it yields no paragraph and a doubt, not an exception', () => {
  const r = parseResolution('Nothing to see here.\n');
  assert.equal(r.operative.length, 0);
  assert.ok(r.doubts.some((d) => /no operative paragraph/.test(d.why)));
});
