// The report's document layer: the DOCX opens as a well-formed package whose footnotes, numbered
// paragraphs, right-to-left markup, placeholders and figures are what a reader of a UN report
// expects; the HTML is well-formed with its language, direction and escaping; the PDF prints.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SaxesParser } from 'saxes';
import { existsSync } from 'node:fs';
import { toDocx } from '../../src/modules/report/document/docx.ts';
import { toHtml } from '../../src/modules/report/document/html.ts';
import { chromiumPath, figurePngs, toPdf } from '../../src/modules/report/document/pdf.ts';
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
  const textElement = (name: string) => name === 'w:t' || !name.includes(':');
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => {
    parsed.names.push(tag.name);
    parsed.attributes.push(tag.attributes as Record<string, string>);
    if (textElement(tag.name)) inText += 1;
  });
  parser.on('closetag', (tag) => {
    if (textElement(tag.name)) inText -= 1;
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

/** The HTML parsed as XML (it is written well-formed): names, attributes and all its text. */
function parseHtml(html: string): Parsed {
  return parseXml(html.replace(/^<!DOCTYPE html>\n/, ''));
}

function attributesOf(parsed: Parsed, name: string): Record<string, string>[] {
  return parsed.attributes.filter((_, i) => parsed.names[i] === name);
}

describe('report HTML', () => {
  const enHtml = toHtml(englishSample());
  const arHtml = toHtml(arabicSample());
  const en = parseHtml(enHtml);
  const ar = parseHtml(arHtml);

  test('the page states its language and direction; a quote in another language states its own', () => {
    assert.deepEqual([attributesOf(en, 'html')[0]?.lang, attributesOf(en, 'html')[0]?.dir], ['en', 'ltr']);
    assert.deepEqual([attributesOf(ar, 'html')[0]?.lang, attributesOf(ar, 'html')[0]?.dir], ['ar', 'rtl']);
    assert.deepEqual({ ...attributesOf(ar, 'blockquote')[0] }, { lang: 'en', dir: 'ltr' });
    assert.ok(
      attributesOf(ar, 'span').some((a) => a.dir === 'ltr'),
      'the symbol inside Arabic text is marked left to right',
    );
  });

  test('hostile text stays text and nothing can run: no script element, no event handler', () => {
    assert.ok(!en.names.includes('script'));
    assert.ok(en.text.includes(HOSTILE_SHOWN));
    assert.ok(!enHtml.includes('\u0000') && !enHtml.includes('\u0007'), 'control characters are dropped');
    assert.throws(() => toHtml({ ...englishSample(), blocks: [{ kind: 'figure', caption: 'c', alt: 'a', svg: '<svg onload="alert(1)"></svg>' }] }), ValidationError);
    assert.throws(() => toHtml({ ...englishSample(), blocks: [{ kind: 'figure', caption: 'c', alt: 'a', svg: '<p>not svg</p>' }] }), ValidationError);
  });

  test('footnotes become numbered notes at the end, each linked to its mark and back', () => {
    const refs = attributesOf(en, 'a').filter((a) => a.id?.startsWith('note-ref-'));
    const notes = attributesOf(en, 'li').map((a) => a.id);
    assert.deepEqual(
      refs.map((a) => a.href),
      ['#note-1', '#note-2', '#note-3', '#note-4'],
    );
    assert.deepEqual(notes, ['note-1', 'note-2', 'note-3', 'note-4']);
    const backs = attributesOf(en, 'a')
      .filter((a) => a.class === 'back')
      .map((a) => a.href);
    assert.deepEqual(
      backs,
      refs.map((a) => `#${a.id}`),
    );
  });

  test('paragraph numbers run through the report; tables have a caption and scoped headers; figures a title and description', () => {
    assert.deepEqual(
      [...enHtml.matchAll(/<span class="num">([^<]*)<\/span>/g)].map((m) => m[1]),
      ['1.', '2.', '3.', '4.'],
    );
    assert.ok(en.names.includes('caption'));
    assert.deepEqual(
      attributesOf(en, 'th').map((a) => a.scope),
      ['col', 'col', 'col', 'row', 'row', 'row'],
    );
    assert.match(
      enHtml,
      /<svg role="img" aria-labelledby="figure-1-title figure-1-desc"[^>]*><title id="figure-1-title">Parties by region \(sample figures\)<\/title><desc id="figure-1-desc">Bar chart: four regions, A to D, with sample counts<\/desc>/,
    );
    assert.match(enHtml, /@page \{ size: A4;/);
    assert.ok(en.text.includes('[symbol to be assigned]'));
  });
});

describe('report PDF', () => {
  const skip = existsSync(chromiumPath()) ? false : `no Chromium at ${chromiumPath()} (install Debian's chromium)`;

  test('the HTML prints to a PDF of at least one page', { skip }, async () => {
    const pdf = Buffer.from(await toPdf(toHtml(arabicSample())));
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? [];
    assert.ok(pages.length >= 1, `pages: ${pages.length}`);
  });

  test('figures rendered to PNG become the picture older Word shows, the SVG staying as its extension', { skip }, async () => {
    const doc = englishSample();
    const parts = readZip(toDocx(doc, { pngs: await figurePngs(doc) }));
    const png = parts.get('word/media/figure1.png');
    assert.equal(png?.subarray(0, 8).toString('hex'), '89504e470d0a1a0a');
    assert.equal(parts.get('word/media/figure1.svg')?.toString('utf8'), SAMPLE_SVG);
    assert.match(
      parts.get('word/document.xml')?.toString('utf8') ?? '',
      /<a:blip r:embed="rIdFigurePng1"><a:extLst><a:ext uri="\{96DAC541-7B7A-43D3-8B79-37D633B846F1\}"><asvg:svgBlip r:embed="rIdFigureSvg1"\/>/,
    );
  });

  test('without Chromium, the error says what to install', async () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      await assert.rejects(toPdf('<html></html>'), /install Debian's chromium/);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });
});

test('a DOCX table gives its columns room after their text: figures narrow, sentences wide, the whole within the column', async () => {
  const { columnWidths } = await import('../../src/modules/report/document/docx-body.ts');
  const widths = columnWidths(
    { kind: 'table', caption: 'c', columns: ['No.', 'Source', 'Kind'], rows: [['1', 'A source whose title runs over a whole line of the table and more', 'official']] },
    7000,
  );
  assert.ok(widths[1]! > widths[2]! && widths[2]! > widths[0]!, widths.join(' '));
  assert.ok(widths.reduce((a, w) => a + w, 0) <= 7000);
});
