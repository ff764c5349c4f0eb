// The report's document layer: the DOCX opens as a well-formed package whose footnotes, numbered
// paragraphs, right-to-left markup, placeholders and figures are what a reader of a UN report
// expects; the HTML is well-formed with its language, direction and escaping; the PDF prints.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SaxesParser } from 'saxes';
import { toDocx } from '../../src/modules/report/document/docx.ts';
import type { ReportDocument } from '../../src/modules/report/document/model.ts';
import { ValidationError } from '../../src/shared/errors.ts';
import { arabicSample, englishSample, HOSTILE_SHOWN, SAMPLE_SVG } from '../support/report-document-sample.ts';
import { readZip } from '../support/zip-read.ts';

interface Parsed {
  /** Element names in document order. */
  names: string[];
  /** Each element's attributes, in document order (parallel to names). */
  attributes: Record<string, string>[];
  /** The text of every w:t, joined. */
  text: string;
}

/** Parses XML with saxes (throws on anything not well-formed), keeping names, attributes and w:t text. */
function parseXml(xml: string): Parsed {
  const parser = new SaxesParser({ xmlns: false });
  const parsed: Parsed = { names: [], attributes: [], text: '' };
  let inText = 0;
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => {
    parsed.names.push(tag.name);
    parsed.attributes.push(tag.attributes as Record<string, string>);
    if (tag.name === 'w:t') inText += 1;
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'w:t') inText -= 1;
  });
  parser.on('text', (t) => {
    if (inText > 0) parsed.text += t;
  });
  parser.write(xml).close();
  return parsed;
}

function docx(doc: ReportDocument): Map<string, string> {
  const parts = readZip(toDocx(doc));
  return new Map([...parts].map(([name, data]) => [name, data.toString('utf8')]));
}

function part(parts: Map<string, string>, name: string): string {
  const xml = parts.get(name);
  assert.ok(xml !== undefined, `the package has ${name}`);
  return xml;
}

/** The number marks of the numbered paragraphs, in order. */
function paragraphMarks(documentXml: string): string[] {
  return documentXml
    .split('<w:p>')
    .filter((p) => p.startsWith('<w:pPr><w:pStyle w:val="SingleTxt"/>'))
    .flatMap((p) => {
      const mark = /^<w:pPr>.*?<\/w:pPr><w:r>(?:<w:rPr><w:rtl\/><\/w:rPr>)?<w:t xml:space="preserve">([^<]*)<\/w:t><w:tab\/>/.exec(p);
      return mark ? [mark[1] as string] : [];
    });
}

describe('report DOCX', () => {
  const en = docx(englishSample());
  const ar = docx(arabicSample());

  test('the package has every part a word processor needs, each well-formed', () => {
    for (const name of [
      '[Content_Types].xml',
      '_rels/.rels',
      'word/document.xml',
      'word/_rels/document.xml.rels',
      'word/styles.xml',
      'word/settings.xml',
      'word/footnotes.xml',
      'word/header1.xml',
      'word/footer1.xml',
      'docProps/core.xml',
    ]) {
      for (const parts of [en, ar]) parseXml(part(parts, name));
    }
  });

  test('every footnote reference has its footnote, numbered 1, 2, 3… in the order they appear', () => {
    const refs = parseXml(part(en, 'word/document.xml'));
    const refIds = refs.names.flatMap((n, i) => (n === 'w:footnoteReference' ? [refs.attributes[i]?.['w:id']] : []));
    const notes = parseXml(part(en, 'word/footnotes.xml'));
    const noteIds = notes.names.flatMap((n, i) => (n === 'w:footnote' && !notes.attributes[i]?.['w:type'] ? [notes.attributes[i]?.['w:id']] : []));
    assert.deepEqual(refIds, ['1', '2', '3', '4'], 'summary, paragraph 1, paragraph 2 and the table note each have one note');
    assert.deepEqual(noteIds, refIds);
    assert.match(notes.text, /A note in the summary\..*See sample symbol\..*Hostile note:.*A note on the table\./s);
    assert.match(part(en, 'word/settings.xml'), /<w:footnotePr><w:footnote w:id="-1"\/><w:footnote w:id="0"\/><\/w:footnotePr>/);
  });

  test('numbered paragraphs run 1, 2, 3… through the report, across headings, tables and figures', () => {
    assert.deepEqual(paragraphMarks(part(en, 'word/document.xml')), ['1.', '2.', '3.', '4.']);
    assert.deepEqual(paragraphMarks(part(ar, 'word/document.xml')), ['1 -', '2 -', '3 -']);
  });

  test('Arabic is right to left: paragraphs, runs, tables and the section; English is not', () => {
    const doc = part(ar, 'word/document.xml');
    assert.match(doc, /<w:pPr><w:pStyle w:val="SingleTxt"\/><w:tabs>.*?<\/w:tabs><w:bidi\/>/);
    assert.match(doc, /<w:bidiVisual\/>/);
    assert.match(doc, /<w:rtl\/>/);
    assert.match(doc, /<w:bidi\/><w:rtlGutter\/><\/w:sectPr>/);
    // The symbol inside Arabic text stays left to right; the quoted mandate keeps its own language.
    assert.match(doc, /<w:r><w:rPr><w:rtl\/><\/w:rPr><w:t xml:space="preserve">طلبت/);
    assert.match(doc, /<w:r><w:t xml:space="preserve">A\/RES\/00\/000<\/w:t><\/w:r>/);
    assert.match(doc, /<w:pStyle w:val="Quote"\/><\/w:pPr><w:r><w:rPr><w:lang w:val="en"\/><\/w:rPr>/);
    const english = part(en, 'word/document.xml');
    assert.doesNotMatch(english, /<w:bidi\/>|<w:rtl\/>|<w:bidiVisual\/>/);
  });

  test('without a symbol the document shows a placeholder, on the first page and in the header; a given symbol is shown as given', () => {
    assert.match(parseXml(part(en, 'word/document.xml')).text, /\[symbol to be assigned\]/);
    assert.match(part(en, 'word/header1.xml'), /\[symbol to be assigned\]/);
    assert.doesNotMatch(part(en, 'word/document.xml'), /A\/61\//, 'no symbol is invented');
    assert.match(part(ar, 'word/header1.xml'), />A\/61\/000</);
    assert.match(parseXml(part(ar, 'word/document.xml')).text, /\[بند جدول الأعمال لم يحدد بعد\]/, 'agenda item placeholder');
  });

  test('the first page carries the masthead, session, agenda item, title and summary', () => {
    const text = parseXml(part(en, 'word/document.xml')).text;
    for (const expected of [
      'United Nations',
      'General Assembly',
      'Distr.: General',
      '30 June 2006',
      'Original: English',
      'Sixty-first session',
      'Item 71 (b) of the preliminary list',
      'Regional arrangements for the promotion and protection of human rights',
      'Report of the Secretary-General',
      'Summary',
    ]) {
      assert.ok(text.includes(expected), `the first page says ${expected}`);
    }
  });

  test('hostile text is kept as text: no markup gets through, characters XML forbids are dropped', () => {
    const allowed = HOSTILE_SHOWN;
    for (const name of ['word/document.xml', 'word/footnotes.xml']) {
      const parsed = parseXml(part(en, name));
      assert.ok(parsed.text.includes(allowed), `${name} keeps the hostile text as text`);
      assert.ok(!parsed.names.includes('script'));
    }
    assert.equal(parseXml(part(en, 'word/document.xml')).names.filter((n) => n === 'w:p').length, (part(en, 'word/document.xml').match(/<w:p>/g) ?? []).length);
  });

  test('a table repeats its header row; a figure embeds its SVG with its description', () => {
    const doc = part(en, 'word/document.xml');
    assert.match(doc, /<w:trPr><w:tblHeader\/><\/w:trPr>/);
    assert.equal(part(en, 'word/media/figure1.svg'), SAMPLE_SVG);
    assert.match(part(en, 'word/_rels/document.xml.rels'), /Target="media\/figure1.svg"/);
    assert.match(doc, /<asvg:svgBlip r:embed="rIdFigureSvg1"\/>/);
    assert.match(doc, /descr="Bar chart: four regions, A to D, with sample counts"/);
    // 12.5 cm wide, 2:1 as the SVG's width and height say.
    assert.match(doc, /<wp:extent cx="4500000" cy="2250000"\/>/);
  });

  test('the same document gives the same bytes', () => {
    assert.deepEqual(toDocx(englishSample()), toDocx(englishSample()));
  });

  test('a language other than the six, or a date not YYYY-MM-DD, is refused with the field named', () => {
    assert.throws(
      () => toDocx({ ...englishSample(), lang: 'de' as 'en' }),
      (e: unknown) => e instanceof ValidationError && /report language "de"/.test(e.message),
    );
    assert.throws(
      () => toDocx({ ...englishSample(), date: '30 June 2006' }),
      (e: unknown) => e instanceof ValidationError && /report date/.test(e.message),
    );
  });
});
