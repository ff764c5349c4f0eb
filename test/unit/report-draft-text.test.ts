// A section as the drafter's plain text and back (src/modules/report/drafts/text.ts): the generated
// blocks survive the round trip; tables and figures come back from the generated section, never
// from the text; a footnote is written inline and read back; hostile text is read as text or
// refused naming what is wrong, never thrown away silently.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Block } from '../../src/modules/report/document/model.ts';
import { parseSectionText, sectionToText, textToBlocks } from '../../src/modules/report/drafts/text.ts';
import { ValidationError } from '../../src/shared/errors.ts';

const TABLE: Block = { kind: 'table', caption: 'Parties by region', columns: ['Region', 'Parties'], rows: [['Africa', '53']], numericColumns: [1] };
const FIGURE: Block = { kind: 'figure', caption: 'Parties', svg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"></svg>', alt: 'A bar chart' };

const GENERATED: Block[] = [
  { kind: 'quote', runs: [{ text: 'Requests the Secretary-General to submit a report.' }], lang: 'fr' },
  {
    kind: 'paragraph',
    numbered: true,
    runs: [{ text: 'In its resolution 59/183, the General Assembly asked for a report.', footnote: [{ text: 'A/RES/59/183.' }] }, { text: ' It is submitted here.' }],
  },
  { kind: 'heading', level: 2, label: 'A.', text: 'Africa' },
  { kind: 'paragraph', numbered: true, runs: [{ text: '53 States are party to the African Charter.' }] },
  TABLE,
  { kind: 'heading', level: 3, text: 'Mechanisms without a label' },
  { kind: 'paragraph', numbered: false, runs: [{ text: 'Source: Accord.' }] },
  FIGURE,
];

describe("the drafts' text form", () => {
  test('the generated section goes to text and back unchanged', () => {
    const text = sectionToText(GENERATED);
    assert.match(text, /\[\[note: A\/RES\/59\/183\.\]\]/);
    assert.match(text, /^## A\. Africa$/m);
    assert.match(text, /^\[\[table 1\]\]$/m);
    assert.match(text, /^\[\[figure 1\]\]$/m);
    const back = textToBlocks(text, GENERATED);
    assert.deepEqual(back, { blocks: GENERATED, missing: [] });
  });

  test("a drafter's text: lines joined, tables moved and repeated, a footnote anywhere", () => {
    const text = 'First line\nsecond line.\r\n\r\n[[figure 1]]\n## B. Europe\nWords[[note: a note]] and more.\n\n\n[[table 1]]\n\n[[ TABLE 1 ]]';
    const { blocks, missing } = textToBlocks(text, GENERATED);
    assert.deepEqual(missing, []);
    assert.deepEqual(blocks, [
      { kind: 'paragraph', numbered: true, runs: [{ text: 'First line second line.' }] },
      FIGURE,
      { kind: 'heading', level: 2, label: 'B.', text: 'Europe' },
      { kind: 'paragraph', numbered: true, runs: [{ text: 'Words', footnote: [{ text: 'a note' }] }, { text: ' and more.' }] },
      TABLE,
      TABLE,
    ]);
  });

  test('a table or figure the generated section lacks is named; storing it is refused naming it', () => {
    assert.deepEqual(textToBlocks('[[table 9]]\n\n[[figure 2]]', GENERATED).missing, ['table 9', 'figure 2']);
    assert.throws(
      () => parseSectionText('Words.\n\n[[table 9]]', GENERATED, 'developments'),
      (e: unknown) => e instanceof ValidationError && /table 9/.test(e.message) && e.details.some((d) => /\[\[table 9\]\]/.test(d.reason)),
    );
  });

  test('hostile text: unknown markers refused by name, markup kept as text, control characters dropped', () => {
    assert.throws(
      () => textToBlocks('Words [[script]] here.', GENERATED),
      (e: unknown) => e instanceof ValidationError && e.details.some((d) => d.field === 'text' && /\[\[script\]\]/.test(d.reason)),
    );
    assert.throws(() => textToBlocks('Text [[table 1]] inside a paragraph.', GENERATED), ValidationError);
    assert.throws(() => textToBlocks('## Heading [[note: x]]', GENERATED), ValidationError);
    const { blocks } = textToBlocks('<script>alert(1)</script> & "quotes"\u0007\u200b\n\n\u0000', GENERATED);
    assert.deepEqual(blocks, [{ kind: 'paragraph', numbered: true, runs: [{ text: '<script>alert(1)</script> & "quotes"\u200b' }] }]);
    assert.deepEqual(textToBlocks('', GENERATED).blocks, []);
    assert.deepEqual(textToBlocks('[[note: unclosed', GENERATED).blocks, [{ kind: 'paragraph', numbered: true, runs: [{ text: '[[note: unclosed' }] }]);
    // Brackets in the data are spaced when written, so they do not read back as a marker.
    const data: Block[] = [{ kind: 'paragraph', numbered: true, runs: [{ text: 'Name [[odd]] of an organization' }] }];
    assert.deepEqual(textToBlocks(sectionToText(data), []).blocks, [{ kind: 'paragraph', numbered: true, runs: [{ text: 'Name [ [odd] ] of an organization' }] }]);
  });

  test('a long text is read in linear time', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `Paragraph ${i} with a note[[note: ${i}]] and words.`).join('\n\n');
    const started = performance.now();
    assert.equal(textToBlocks(text, GENERATED).blocks.length, 5000);
    assert.ok(performance.now() - started < 2000);
  });
});
