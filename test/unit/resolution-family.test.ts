// Resolution families on the shared UN texts: the word-level comparison gives back both texts,
// the paragraphs of A/RES/78/235 and A/RES/80/212 pair up as a reading of the two shows, and the
// relations between the stored texts respect the body that numbered each cited resolution.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, test } from 'node:test';
import { alignParagraphs, type ParagraphPair } from '../../src/modules/resolutions/family/align.ts';
import { compareWords, type DiffPart, sideOf, wordDiff } from '../../src/modules/resolutions/family/diff.ts';
import { type FamilyMember, findRelations } from '../../src/modules/resolutions/family/relations.ts';
import { parseResolution } from '../../src/modules/resolutions/parse/index.ts';
import type { ParsedResolution } from '../../src/modules/resolutions/parse/types.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';

const skip = skipWithoutSharedData();
const dir = (...parts: string[]) => sharedDataPath('resolutions', ...parts);
const parse = (...parts: string[]): ParsedResolution => parseResolution(readFileSync(dir(...parts), 'utf8'));
const changed = (parts: DiffPart[], kind: 'added' | 'removed') =>
  parts
    .filter((p) => p.kind === kind)
    .map((p) => p.text.trim())
    .join(' | ');

function assertReproduces(before: string, after: string, parts: DiffPart[]): void {
  assert.equal(sideOf(parts, 'before'), before, 'same + removed give the first text back');
  assert.equal(sideOf(parts, 'after'), after, 'same + added give the second text back');
  for (let k = 1; k < parts.length; k++) assert.notEqual(parts[k]?.kind, parts[k - 1]?.kind, 'adjacent parts of one kind are merged');
}

describe('wordDiff', () => {
  test('identical texts give one same part; empty texts give none', () => {
    const text = 'Requests the Secretary-General to submit to the General Assembly at its eighty-third session a report;';
    assert.deepEqual(wordDiff(text, text), [{ kind: 'same', text }]);
    assert.deepEqual(wordDiff('', ''), []);
    assert.deepEqual(wordDiff('', 'Welcomes'), [{ kind: 'added', text: 'Welcomes' }]);
    assert.deepEqual(wordDiff('Welcomes', ''), [{ kind: 'removed', text: 'Welcomes' }]);
  });

  test('a changed word is a removal then an addition, whole words, the rest kept', () => {
    const parts = wordDiff('at its eightieth session a report', 'at its eighty-third session a report');
    assert.deepEqual(parts, [
      { kind: 'same', text: 'at its ' },
      { kind: 'removed', text: 'eightieth' },
      { kind: 'added', text: 'eighty-third' },
      { kind: 'same', text: ' session a report' },
    ]);
  });

  test('an insertion into a list is one addition, not pieces around a matched space', () => {
    const before = '74/162 of 18 December 2019 and 76/171 of 16 December 2021 on the Subregional Centre';
    const after = '74/162 of 18 December 2019, 76/171 of 16 December 2021 and 78/235 of 22 December 2023 on the Subregional Centre';
    const parts = wordDiff(before, after);
    assertReproduces(before, after, parts);
    assert.equal(changed(parts, 'removed'), 'and');
    assert.equal(changed(parts, 'added'), ', | and 78/235 of 22 December 2023');
  });

  test('every paragraph pair of the shared families is reproduced on both sides', { skip }, () => {
    const pairs: [string[], string[]][] = [
      [['corpus', 'A-RES-78-235.txt'], ['A-RES-80-212.txt']],
      [
        ['corpus', 'A-RES-78-209.txt'],
        ['corpus', 'A-RES-80-219.txt'],
      ],
      [['corpus', 'A-RES-79-166.txt'], ['A-RES-80-204.txt']],
      [['corpus', 'A-RES-79-157.txt'], ['A-RES-80-189.txt']],
      [['corpus', 'A-RES-79-260.txt'], ['A-RES-80-245.txt']],
    ];
    let compared = 0;
    for (const [a, b] of pairs) {
      const earlier = parse(...a);
      const later = parse(...b);
      const texts = (r: ParsedResolution) => [...r.preamble.map((p) => p.text), ...r.operative.map((o) => o.text)];
      // Every paragraph against every other, related or not: the comparison must hold for any two texts.
      for (const x of texts(earlier)) {
        for (const y of texts(later)) {
          assertReproduces(x, y, wordDiff(x, y));
          compared++;
        }
      }
    }
    assert.ok(compared > 500, `${compared} pairs compared`);
  });

  test('texts too far apart for the work limit are shown replaced whole, and the result says so', () => {
    const result = compareWords('Welcomes the report of the Centre', 'Decides to include the item in the agenda', 10);
    assert.equal(result.complete, false);
    assert.match(result.note ?? '', /differ too much to compare word by word/);
    assert.deepEqual(result.parts, [
      { kind: 'removed', text: 'Welcomes the report of the Centre' },
      { kind: 'added', text: 'Decides to include the item in the agenda' },
    ]);
    assert.equal(compareWords('Welcomes the report', 'Welcomes the report').complete, true);
  });

  test('a paragraph of a few thousand words against a rewritten one is compared word by word', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `w${(i * 7919) % 613}`);
    const before = words.join(' ');
    const after = words.map((w, i) => (i % 50 === 0 ? 'Encourages' : w)).join(' ');
    const result = compareWords(before, after);
    assert.equal(result.complete, true);
    assertReproduces(before, after, result.parts);
    assert.equal(result.parts.filter((p) => p.kind === 'added').length, 60, 'one addition per replaced word');
  });
});

/** A/RES/78/235 (2023) and A/RES/80/212 (2025), read side by side: what changed in each paragraph. */
const PREAMBLE_78_235_TO_80_212: [string, string, ParagraphPair['change']][] = [
  ['pp1', 'pp1', 'unchanged'], // Recalling 55/105
  ['pp2', 'pp2', 'unchanged'], // Recalling also 55/34 B … 75/254 A to C
  ['pp3', 'pp3', 'changed'], // the list of the Centre's resolutions adds "78/235 of 22 December 2023"
  ['pp4', 'pp4', 'unchanged'], // the World Conference's recommendation (footnote 1, A/CONF.157/24)
  ['pp5', 'pp5', 'unchanged'], // the High Commissioner's report (footnote 2)
  ['pp6', 'pp6', 'unchanged'], // the Secretary-General's report: same words, its footnote A/78/298 → A/80/297
  ['pp7', 'pp7', 'changed'], // the 52nd–55th ministerial meetings (Libreville … Sao Tome) → 56th–59th (Kigali … N’Djamena)
  ['pp8', 'pp8', 'unchanged'], // OHCHR's organizational change (footnote 4)
  ['pp9', 'pp9', 'typography'], // same words; pdftotext gives "countrie s" in 80/212
  ['pp10', 'pp10', 'unchanged'],
  ['pp11', 'pp11', 'unchanged'],
  ['pp12', 'pp12', 'typography'], // "COVID-19" is printed with a non-breaking hyphen (U+2011) in 80/212
  ['pp13', 'pp13', 'unchanged'],
];
/** op1–op10 have the same words (op10's lines break elsewhere); op11 "Requests … to strengthen" →
 *  "Encourages … to continue to strengthen"; op12 the report is due at the "eighty-third" session, not the "eightieth". */
const OPERATIVE_78_235_TO_80_212: [string, string, ParagraphPair['change']][] = [
  ...Array.from({ length: 10 }, (_, i): [string, string, ParagraphPair['change']] => [`op${i + 1}`, `op${i + 1}`, 'unchanged']),
  ['op11', 'op11', 'changed'],
  ['op12', 'op12', 'changed'],
];

const summary = (pairs: ParagraphPair[]) => pairs.map((p): [string, string, ParagraphPair['change']] => [p.earlier?.anchor ?? '-', p.later?.anchor ?? '-', p.change]);
const pairAt = (pairs: ParagraphPair[], part: 'preamble' | 'operative', later: string) => {
  const pair = pairs.find((p) => p.part === part && p.later?.anchor === later);
  assert.ok(pair, `no pair for ${part} ${later}`);
  return pair;
};

describe('alignParagraphs', { skip }, () => {
  const earlier = skip ? undefined : parse('corpus', 'A-RES-78-235.txt');
  const later = skip ? undefined : parse('A-RES-80-212.txt');
  // The parser (parse/, worked on apart) does not yet read 78/235's first footnote block, where the
  // job number sits between the marker and its text: it runs pp4 and pp5 together. The preamble's
  // pairing is checked in full once it reads the 13 paragraphs that the text has.

  test('78/235 → 80/212, operative part: op11 and op12 changed as read, the rest unchanged', () => {
    assert.ok(earlier && later);
    const pairs = alignParagraphs(earlier, later).filter((p) => p.part === 'operative');
    assert.deepEqual(summary(pairs), OPERATIVE_78_235_TO_80_212);
    assert.ok(pairs.every((p) => !p.moved));
    const op11 = pairAt(pairs, 'operative', 'op11');
    assert.equal(changed(op11.diff, 'removed'), 'Requests');
    assert.equal(changed(op11.diff, 'added'), 'Encourages | to continue');
    const op12 = pairAt(pairs, 'operative', 'op12');
    assert.equal(changed(op12.diff, 'removed'), 'eightieth');
    assert.equal(changed(op12.diff, 'added'), 'eighty-third');
    for (const p of pairs) assertReproduces(p.earlier?.text ?? '', p.later?.text ?? '', p.diff);
  });

  test('78/235 → 80/212, preamble: the updated list, the new meetings, the extraction artefacts', () => {
    assert.ok(earlier && later);
    const pairs = alignParagraphs(earlier, later);
    const pp3 = pairAt(pairs, 'preamble', 'pp3');
    assert.equal(pp3.change, 'changed');
    assert.equal(changed(pp3.diff, 'removed'), 'and');
    assert.equal(changed(pp3.diff, 'added'), ', | and 78/235 of 22 December 2023');
    const pp7 = pairAt(pairs, 'preamble', 'pp7');
    assert.equal(pp7.change, 'changed');
    assert.match(changed(pp7.diff, 'removed'), /second.*third.*fourth.*fifth.*Libreville.*Yaoundé.*Sao Tome/);
    assert.match(changed(pp7.diff, 'added'), /sixth.*seventh.*eighth.*ninth.*Kigali.*Luanda.*Bangui.*N’Djamena/);
    assert.ok(pp7.similarity >= 0.5 && pp7.similarity < 0.9, `pp7 similarity ${pp7.similarity}`);
    const pp9 = pairAt(pairs, 'preamble', 'pp9');
    assert.equal(pp9.change, 'typography');
    assert.deepEqual([changed(pp9.diff, 'removed'), changed(pp9.diff, 'added')], ['countries', 'countrie s']);
    assert.equal(pairAt(pairs, 'preamble', 'pp12').change, 'typography');
    assert.equal(pairAt(pairs, 'preamble', 'pp13').change, 'unchanged');
  });

  test('78/235 → 80/212, preamble in full, with the changed report symbol of footnote 3', () => {
    assert.ok(earlier && later);
    assert.equal(earlier.preamble.length, 13, '78/235 has 13 preambular paragraphs');
    const pairs = alignParagraphs(earlier, later).filter((p) => p.part === 'preamble');
    assert.deepEqual(summary(pairs), PREAMBLE_78_235_TO_80_212);
    const pp6 = pairAt(pairs, 'preamble', 'pp6');
    assert.equal(pp6.footnoteChanges.length, 1);
    assert.equal(pp6.footnoteChanges[0]?.before?.text, 'A/78/298.');
    assert.equal(pp6.footnoteChanges[0]?.after?.text, 'A/80/297.');
    const withFootnoteChanges = pairs.filter((p) => p.footnoteChanges.length > 0).map((p) => p.later?.anchor);
    assert.deepEqual(withFootnoteChanges, ['pp6']);
  });

  test('a text against itself: every paragraph unchanged, one same part each', () => {
    assert.ok(later);
    const pairs = alignParagraphs(later, later);
    assert.equal(pairs.length, 13 + 12);
    for (const p of pairs) {
      assert.equal(p.change, 'unchanged');
      assert.equal(p.earlier?.anchor, p.later?.anchor);
      assert.deepEqual(p.diff, [{ kind: 'same', text: p.later?.text }]);
      assert.equal(p.similarity, 1);
    }
  });

  test('the same resolution from two extractors (pdftotext, PyMuPDF) differs in no wording of the preamble', () => {
    assert.ok(later);
    const pymupdf = parse('variants', 'A-RES-80-212.pymupdf.txt');
    const pairs = alignParagraphs(later, pymupdf);
    assert.ok(pairs.every((p) => p.earlier && p.later && !p.moved && p.earlier.anchor === p.later.anchor));
    const preamble = pairs.filter((p) => p.part === 'preamble');
    assert.deepEqual(
      preamble.filter((p) => p.change !== 'unchanged').map((p) => [p.later?.anchor, p.change]),
      [['pp9', 'typography']],
      'only "countrie s", which PyMuPDF reads as "countries"',
    );
  });

  test('78/209 → 80/219: the COVID-19 paragraph was dropped and sits where it was', () => {
    const pairs = alignParagraphs(parse('corpus', 'A-RES-78-209.txt'), parse('corpus', 'A-RES-80-219.txt'));
    const dropped = pairs.filter((p) => p.change === 'dropped');
    assert.equal(dropped.length, 1);
    assert.equal(dropped[0]?.earlier?.anchor, 'pp10');
    assert.match(dropped[0]?.earlier?.text ?? '', /^Recognizing the unprecedented effects of the coronavirus disease/);
    assert.deepEqual(dropped[0]?.diff, [{ kind: 'removed', text: dropped[0]?.earlier?.text }]);
    const preamble = pairs.filter((p) => p.part === 'preamble');
    assert.equal(preamble[preamble.length - 1], dropped[0], 'after pp9, the last paragraph of the later preamble');
    assert.equal(pairs.filter((p) => p.change === 'new').length, 0);
  });

  test('a paragraph moved to the end is the one pair marked moved; a removed one is dropped, an added one new', () => {
    assert.ok(later);
    const [third, ...others] = [later.operative[2], ...later.operative.filter((_, i) => i !== 2)];
    assert.ok(third);
    const reordered: ParsedResolution = { ...later, operative: [...others, third] };
    const moved = alignParagraphs(later, reordered).filter((p) => p.moved);
    assert.deepEqual(
      moved.map((p) => [p.earlier?.anchor, p.later?.anchor, p.change]),
      [['op3', 'op3', 'unchanged']],
    );
    const shorter: ParsedResolution = { ...later, operative: later.operative.filter((o) => o.number !== 5) };
    const pairs = alignParagraphs(later, shorter).filter((p) => p.part === 'operative');
    assert.deepEqual(
      pairs.map((p) => p.change),
      ['unchanged', 'unchanged', 'unchanged', 'unchanged', 'dropped', ...Array(7).fill('unchanged')],
    );
    const grown = alignParagraphs(shorter, later).filter((p) => p.change === 'new');
    assert.deepEqual(
      grown.map((p) => p.later?.anchor),
      ['op5'],
    );
  });

  test('sub-paragraphs are part of their paragraph, with their labels', () => {
    const r = parse('A-RES-80-1.txt');
    const [op1] = alignParagraphs(r, r).filter((p) => p.part === 'operative');
    assert.match(op1?.later?.text ?? '', /\(a\) .+ \(b\) .+ \(c\) /);
  });
});

/** Every shared text as the store would hold it: key = symbol, or local:<file name>. */
function corpus(): FamilyMember[] {
  const files = [...readdirSync(dir()).filter((f) => f.endsWith('.txt')), ...readdirSync(dir('corpus')).map((f) => `corpus/${f}`)];
  return files.map((f) => {
    const r = parse(...f.split('/'));
    return { key: r.symbol ?? `local:${basename(f, '.txt').toLowerCase()}`, symbol: r.symbol, body: r.body, date: r.date, title: r.title, resolutionsCited: r.resolutionsCited };
  });
}

describe('findRelations', { skip }, () => {
  const stored = skip ? [] : corpus();
  const member = (key: string) => {
    const m = stored.find((s) => s.key === key);
    assert.ok(m, `${key} is in the shared texts`);
    return m;
  };

  test('80/212 recalls 78/235, the only one of its 21 citations (20 in its paragraphs, 70/1 in footnote 6) that is stored, dates agreeing', () => {
    const rel = findRelations(member('A/RES/80/212'), stored);
    assert.equal(rel.recalls.length, 21);
    const matched = rel.recalls.filter((r) => r.matches.length > 0);
    assert.deepEqual(
      matched.map((r) => [r.cited.number, r.matches.map((m) => m.key), r.dateAgrees, r.body, r.bodySource]),
      [['78/235', ['A/RES/78/235'], [true], 'General Assembly', 'citing text']],
    );
    const notStored = rel.recalls.filter((r) => r.matches.length === 0).map((r) => r.cited.number);
    assert.ok(notStored.includes('55/105') && notStored.includes('75/254 A to C') && notStored.includes('59/183'));
    assert.deepEqual(rel.laterOnSubject, []);
  });

  test('78/235 has 80/212 after it, which cites it and has its title', () => {
    const rel = findRelations(member('A/RES/78/235'), stored);
    assert.deepEqual(
      rel.laterOnSubject.map((l) => [l.key, l.reasons]),
      [['A/RES/80/212', ['cites', 'same title']]],
    );
    assert.deepEqual(rel.notes, []);
  });

  test('the other families of the corpus: 78/209 → 80/219, 79/157 → 80/189, 79/166 → 80/204', () => {
    for (const [earlier, later] of [
      ['A/RES/78/209', 'A/RES/80/219'],
      ['A/RES/79/157', 'A/RES/80/189'],
      ['A/RES/79/166', 'A/RES/80/204'],
    ]) {
      assert.deepEqual(
        findRelations(member(earlier as string), stored).laterOnSubject.map((l) => [l.key, l.reasons]),
        [[later, ['cites', 'same title']]],
      );
    }
    // Same subject, titles differing by their year, no citation between them: not linked.
    assert.deepEqual(findRelations(member('A/RES/79/260'), stored).laterOnSubject, []);
  });

  test('the 2004 text prints no symbol and no title: nothing is guessed, the notes say why', () => {
    const rel = findRelations(member('local:ga-59-regional-arrangements-2004-12-20'), stored);
    assert.deepEqual(rel.laterOnSubject, []);
    assert.deepEqual(rel.notes, [
      'the text prints no symbol, so no resolution can be found that cites it by number',
      'the text prints no title, so no later resolution with the same title can be looked for',
    ]);
    assert.deepEqual(
      rel.recalls.map((r) => [r.cited.number, r.body, r.bodySource, r.matches.length]),
      [
        ['32/127', 'General Assembly', 'citing text', 0],
        ['1993/51', 'Commission on Human Rights', 'named', 0],
        ['2004/81', null, null, 0],
      ],
    );
    assert.match(rel.recalls[2]?.note ?? '', /does not name the body/);
  });

  test("other bodies' resolutions never match a General Assembly symbol with the same number", () => {
    const extra = (symbol: string, body: string): FamilyMember => ({ key: symbol, symbol, body, date: null, title: null, resolutionsCited: [] });
    const withOthers = [
      ...stored,
      extra('A/RES/33/11', 'General Assembly'),
      extra('A/HRC/RES/33/11', 'Human Rights Council'),
      extra('A/RES/59/3', 'General Assembly'),
      extra('E/CN.4/RES/1993/51', 'Commission on Human Rights'),
    ];
    const matchedFor = (key: string, number: string) =>
      findRelations(member(key), withOthers)
        .recalls.filter((r) => r.cited.number === number)
        .flatMap((r) => r.matches.map((m) => m.key));
    assert.deepEqual(matchedFor('A/RES/73/3', '33/11'), ['A/HRC/RES/33/11'], 'Human Rights Council resolution 33/11');
    assert.deepEqual(matchedFor('A/RES/80/204', '59/3'), [], 'Human Rights Council resolution 59/3 is not A/RES/59/3');
    assert.deepEqual(matchedFor('local:ga-59-regional-arrangements-2004-12-20', '1993/51'), ['E/CN.4/RES/1993/51']);
    assert.deepEqual(matchedFor('A/RES/78/209', '1993/51'), ['E/CN.4/RES/1993/51']);
  });

  test('Security Council numbers match S/RES symbols; a text without a symbol cannot be matched', () => {
    const rel = findRelations(member('S/RES/1445 (2002)'), [
      ...stored,
      { key: 'S/RES/1325 (2000)', symbol: 'S/RES/1325 (2000)', body: 'Security Council', date: '2000-10-31', title: null, resolutionsCited: [] },
    ]);
    assert.deepEqual(
      rel.recalls.map((r) => [r.cited.number, r.matches.map((m) => m.key)]),
      [
        ['1325 (2000)', ['S/RES/1325 (2000)']],
        ['1379 (2001)', []],
      ],
    );
    // 338 (1973) cites 242 (1967), but the shared 242 text prints no symbol: not matched.
    const r338 = findRelations(member('local:s-res-338-1973'), stored);
    assert.deepEqual(
      r338.recalls.map((r) => [r.cited.number, r.body, r.matches.length]),
      [['242 (1967)', 'Security Council', 0]],
    );
  });

  test('lettered parts: "75/254 A to C" names parts A, B and C, not D nor the unlettered number', () => {
    const extra = (symbol: string): FamilyMember => ({ key: symbol, symbol, body: 'General Assembly', date: '2020-12-31', title: null, resolutionsCited: [] });
    const rel = findRelations(member('A/RES/80/212'), [...stored, extra('A/RES/75/254 A'), extra('A/RES/75/254B'), extra('A/RES/75/254 D'), extra('A/RES/75/254'), extra('A/RES/55/34 B')]);
    const of = (n: string) => rel.recalls.find((r) => r.cited.number === n);
    assert.deepEqual(
      of('75/254 A to C')?.matches.map((m) => m.key),
      ['A/RES/75/254 A', 'A/RES/75/254B'],
    );
    assert.deepEqual(of('75/254 A to C')?.dateAgrees, [true, true]);
    assert.deepEqual(
      of('55/34 B')?.matches.map((m) => m.key),
      ['A/RES/55/34 B'],
    );
  });
});
