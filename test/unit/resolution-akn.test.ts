// Akoma Ntoso export of the shared UN resolution texts: every text exports to a document valid
// against the shared Akoma Ntoso 3.0 schema (one xmllint call for all), the FRBR names follow
// AKN4UN, a text without a symbol is named locally and visibly so, no date is made up, the
// paragraphs and footnotes land where the parser put them, and hostile text is escaped.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { streamXml, type XmlNode } from '../../src/modules/iati/xml-stream.ts';
import { toAkomaNtoso, validateAkomaNtoso } from '../../src/modules/resolutions/akn/index.ts';
import { parseResolution } from '../../src/modules/resolutions/parse/index.ts';
import type { ParsedResolution, SubParagraph } from '../../src/modules/resolutions/parse/types.ts';
import { ValidationError } from '../../src/shared/errors.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';

const skip = skipWithoutSharedData();
const dir = (...parts: string[]) => sharedDataPath('resolutions', ...parts);
const MARKUP_DATE = '2026-12-07';
const LOCAL_2004 = 'local:ga-59-regional-arrangements-2004-12-20';

interface Exported {
  file: string;
  doc: ParsedResolution;
  key: string;
  xml: string;
}

/** The key the lead's store uses: the symbol the text states, else local:<file name, lower case>. */
function keyOf(doc: ParsedResolution, file: string): string {
  return doc.symbol ?? `local:${file.replace(/\.txt$/, '').toLowerCase()}`;
}

function exportFile(...parts: string[]): Exported {
  const file = parts.join('/');
  const doc = parseResolution(readFileSync(dir(...parts), 'utf8'), parts.at(-1));
  const key = keyOf(doc, parts.at(-1)!);
  return { file, doc, key, xml: toAkomaNtoso(doc, { key, lang: 'en' }, { markupDate: MARKUP_DATE }) };
}

function allShared(): Exported[] {
  const out: Exported[] = [];
  for (const sub of ['', 'corpus', 'variants']) {
    for (const f of readdirSync(dir(sub)).filter((name) => name.endsWith('.txt'))) out.push(sub ? exportFile(sub, f) : exportFile(f));
  }
  return out;
}

function tree(xml: string): XmlNode {
  let root: XmlNode | undefined;
  const error = streamXml(xml, { keep: (_name, depth) => depth === 0, onKept: (node) => (root = node) });
  assert.equal(error, null, 'well-formed XML');
  assert.ok(root);
  return root;
}

function all(node: XmlNode, name: string): XmlNode[] {
  const found = node.name === name ? [node] : [];
  return found.concat(node.children.flatMap((c) => all(c, name)));
}

function one(node: XmlNode, name: string, where: (n: XmlNode) => boolean = () => true): XmlNode {
  const matches = all(node, name).filter(where);
  assert.equal(matches.length, 1, `one <${name}> expected, found ${matches.length}`);
  return matches[0]!;
}

/** All the words inside an element (order inside mixed content aside). */
function words(node: XmlNode): string {
  return node.text + node.children.map(words).join('');
}

const countSubs = (subs: SubParagraph[]): number => subs.reduce((n, s) => n + 1 + countSubs(s.children), 0);

describe('Akoma Ntoso export of every shared text', { skip }, () => {
  let exported: Exported[] = [];
  before(() => {
    exported = allShared();
  });

  test('all 45 texts export and all validate against akomantoso30.xsd', async () => {
    assert.equal(exported.length, 45, 'the shared texts: 9 + 35 corpus + 1 variant');
    const findings = await validateAkomaNtoso(exported.map((e) => e.xml));
    const failures = findings.flatMap((list, i) => list.map((f) => `${exported[i]!.file}:${f.line}: ${f.message}`));
    assert.deepEqual(failures, []);
  });

  test('paragraph, sub-paragraph and footnote counts in the XML equal the parsed counts', () => {
    for (const { file, doc, xml } of exported) {
      const root = tree(xml);
      const preambular = all(root, 'container').filter((c) => c.attrs.name === 'preambular');
      assert.equal(preambular.length, doc.preamble.length, `${file}: preambular paragraphs`);
      assert.equal(all(root, 'paragraph').length, doc.operative.length, `${file}: operative paragraphs`);
      const subs = doc.operative.reduce((n, op) => n + countSubs(op.subParagraphs), 0);
      assert.equal(all(root, 'point').length, subs, `${file}: sub-paragraphs`);
      const refs = [...doc.preamble, ...doc.operative].reduce((n, p) => n + p.footnotes.length, 0) + doc.operative.reduce((n, op) => n + countRefs(op.subParagraphs), 0);
      assert.equal(all(root, 'authorialNote').length, refs, `${file}: footnote markers`);
    }
  });

  test('no footnote is lost: one whose marker is in no paragraph is kept as a note in <meta>', () => {
    for (const { file, doc, xml } of exported) {
      const root = tree(xml);
      const kept = [...all(root, 'authorialNote'), ...all(root, 'note')].map(words).join('\n');
      for (const f of doc.footnotes) assert.ok(kept.includes(f.text), `${file}: footnote ${f.marker}`);
    }
  });

  test('eIds are unique in every document, also where numbering restarts per section', () => {
    for (const { file, xml } of exported) {
      const eIds = [...xml.matchAll(/ eId="([^"]+)"/g)].map((m) => m[1]);
      assert.equal(new Set(eIds).size, eIds.length, `${file}: duplicate eId`);
    }
    const sections = exported.find((e) => e.file === 'corpus/A-RES-80-161.txt');
    assert.ok(sections);
    const paragraphIds = all(tree(sections.xml), 'paragraph').map((p) => p.attrs.eId);
    assert.equal(paragraphIds[0], 'para_1', 'a paragraph before the first section');
    assert.ok(paragraphIds.includes('sec_I__para_2') && paragraphIds.includes('sec_X__para_28'), paragraphIds.join(' '));
  });
});

function countRefs(subs: SubParagraph[]): number {
  return subs.reduce((n, s) => n + s.footnotes.length + countRefs(s.children), 0);
}

describe('FRBR naming after AKN4UN', { skip }, () => {
  test('A/RES/80/212: work, expression and manifestation IRIs, author, number, date', () => {
    const root = tree(exportFile('A-RES-80-212.txt').xml);
    const statement = one(root, 'statement');
    assert.equal(statement.attrs.name, 'resolution');
    const work = one(root, 'FRBRWork');
    const value = (parent: XmlNode, name: string, attr = 'value') => one(parent, name).attrs[attr];
    const base = '/akn/un/statement/deliberation/un-ga/2025-12-18/80-212';
    // The main identification only: annex identifications would repeat it.
    assert.equal(value(work, 'FRBRuri'), base);
    assert.equal(value(work, 'FRBRthis'), `${base}/!main`);
    assert.equal(value(work, 'FRBRnumber'), '80-212');
    assert.equal(value(work, 'FRBRnumber', 'showAs'), '80/212');
    assert.equal(value(work, 'FRBRcountry'), 'un');
    assert.equal(value(work, 'FRBRsubtype'), 'deliberation');
    assert.equal(value(work, 'FRBRdate', 'date'), '2025-12-18');
    assert.equal(value(work, 'FRBRalias'), 'A/RES/80/212');
    assert.equal(value(work, 'FRBRauthor', 'href'), '#un-ga');
    const org = one(root, 'TLCOrganization', (n) => n.attrs.eId === 'un-ga');
    assert.match(org.attrs.href ?? '', /\/un-ga$/, 'the IRI actor is the end of the author organisation IRI');
    const expression = one(root, 'FRBRExpression');
    assert.equal(value(expression, 'FRBRuri'), `${base}/eng@`);
    assert.equal(value(expression, 'FRBRthis'), `${base}/eng@/!main`);
    assert.equal(value(expression, 'FRBRlanguage', 'language'), 'eng');
    const manifestation = one(root, 'FRBRManifestation');
    assert.equal(value(manifestation, 'FRBRuri'), `${base}/eng@.xml`);
    assert.equal(value(manifestation, 'FRBRdate', 'date'), MARKUP_DATE);
    assert.equal(words(one(root, 'docNumber')), 'A/RES/80/212');
    assert.equal(words(one(root, 'docTitle')), 'Subregional Centre for Human Rights and Democracy in Central Africa');
    assert.deepEqual(
      all(root, 'docDate').map((d) => d.attrs.date),
      ['2025-12-18', '2025-12-18'],
      'in the preface and the closing line',
    );
  });

  test('the language code becomes the ISO 639-2 code in the expression', () => {
    const { doc } = exportFile('A-RES-80-212.txt');
    const xml = toAkomaNtoso(doc, { key: 'A/RES/80/212', lang: 'fr' }, { markupDate: MARKUP_DATE });
    assert.match(xml, /<FRBRuri value="\/akn\/un\/statement\/deliberation\/un-ga\/2025-12-18\/80-212\/fra@"\/>/);
    assert.match(xml, /<FRBRlanguage language="fra"\/>/);
    assert.throws(
      () => toAkomaNtoso(doc, { key: 'A/RES/80/212', lang: 'de' }),
      (e) => e instanceof ValidationError && /unknown language "de"/.test(e.message),
    );
  });

  test('S/RES/1445 (2002): the Security Council as un-sc, number 1445 shown with its year', () => {
    const root = tree(exportFile('S-RES-1445-2002.txt').xml);
    const work = one(root, 'FRBRWork');
    assert.equal(one(work, 'FRBRuri').attrs.value, '/akn/un/statement/deliberation/un-sc/2002-12-04/1445');
    assert.equal(one(work, 'FRBRnumber').attrs.showAs, '1445 (2002)');
    assert.equal(one(work, 'FRBRalias').attrs.value, 'S/RES/1445 (2002)');
    assert.equal(one(work, 'FRBRauthor').attrs.href, '#un-sc');
  });
});

describe('the 2004 text, which states no symbol', { skip }, () => {
  const exported = () => {
    const doc = parseResolution(readFileSync(dir('GA-59-regional-arrangements-2004-12-20.txt'), 'utf8'));
    return { doc, xml: toAkomaNtoso(doc, { key: LOCAL_2004, lang: 'en' }, { markupDate: MARKUP_DATE }) };
  };

  test('gets a visibly local identifier, and no official symbol anywhere', () => {
    const { xml } = exported();
    const root = tree(xml);
    const work = one(root, 'FRBRWork');
    assert.equal(one(work, 'FRBRuri').attrs.value, '/akn/un/statement/deliberation/un-ga/2004-12-20/local-ga-59-regional-arrangements-2004-12-20');
    assert.deepEqual(one(work, 'FRBRnumber').attrs, { value: 'local-ga-59-regional-arrangements-2004-12-20', showAs: LOCAL_2004 });
    assert.deepEqual(one(work, 'FRBRalias').attrs, { name: 'unofficial-local-identifier', value: LOCAL_2004 });
    assert.match(words(one(root, 'note', (n) => n.attrs.eId === 'note_noSymbol')), /states no document symbol.*not official United Nations symbols/);
    assert.equal(one(root, 'accord:identifier').attrs.status, 'unofficial-local');
    for (const uri of all(root, 'FRBRthis').concat(all(root, 'FRBRuri'))) assert.match(uri.attrs.value ?? '', /\/local-ga-59-/);
    assert.equal(all(root, 'docNumber').length, 0);
    assert.doesNotMatch(xml, /name="symbol"|\/RES\/|59\/1\d\d|59-1\d\d/);
  });

  test('footnote 1 is an authorialNote at the end of the preambular paragraph that carries it', () => {
    const root = tree(exported().xml);
    const notes = all(root, 'authorialNote').filter((n) => n.attrs.marker === '1');
    assert.equal(notes.length, 1);
    const container = one(root, 'container', (c) => c.children.some((p) => p.children.includes(notes[0]!)));
    assert.equal(container.attrs.eId, 'preamble__container_2');
    assert.match(container.children[0]!.text, /^Recalling also Commission on Human Rights resolution 1993\/51 of 9 March 1993 and its subsequent resolutions in this regard,$/);
    assert.match(words(notes[0]!), /Official Records of the Economic and Social Council, 1993.*E\/1993\/23/);
    assert.equal(notes[0]!.attrs.placement, 'bottom');
    // Footnote 4 (the Secretary-General's report) belongs to operative paragraph 1.
    const four = one(root, 'authorialNote', (n) => n.attrs.marker === '4');
    assert.equal(four.attrs.eId, 'para_1__authorialNote_1');
    assert.equal(words(four), 'A/59/323.');
  });

  test('the key must agree with the text: no invented symbol, no local key for a text with one', () => {
    const { doc } = exported();
    assert.throws(
      () => toAkomaNtoso(doc, { key: 'A/RES/59/183', lang: 'en' }),
      (e) => e instanceof ValidationError && /not stated in the text/.test(e.message),
    );
    const r212 = exportFile('A-RES-80-212.txt').doc;
    assert.throws(
      () => toAkomaNtoso(r212, { key: 'local:subregional-centre', lang: 'en' }),
      (e) => e instanceof ValidationError && /states the symbol A\/RES\/80\/212/.test(e.message),
    );
    assert.throws(() => toAkomaNtoso(r212, { key: 'A/RES/80/213', lang: 'en' }), ValidationError);
  });

  test('without an adoption date no date is stated: the IRI says "undated", FRBRdate is a named placeholder', async () => {
    const { doc } = exported();
    const undated = { ...doc, date: null };
    const xml = toAkomaNtoso(undated, { key: LOCAL_2004, lang: 'en' }, { markupDate: MARKUP_DATE });
    const root = tree(xml);
    assert.equal(one(one(root, 'FRBRWork'), 'FRBRuri').attrs.value, '/akn/un/statement/deliberation/un-ga/undated/local-ga-59-regional-arrangements-2004-12-20');
    for (const level of ['FRBRWork', 'FRBRExpression']) assert.deepEqual(one(one(root, level), 'FRBRdate').attrs, { date: '0001-01-01', name: 'unknown-adoption-date' });
    assert.equal(all(root, 'docDate').length, 0);
    assert.doesNotMatch(xml, /date="2004-12-20"/);
    assert.match(words(one(root, 'note', (n) => n.attrs.eId === 'note_noDate')), /placeholder the schema requires, not a date/);
    assert.equal(words(one(root, 'conclusions')), '74th plenary meeting');
    const [findings] = await validateAkomaNtoso([xml]);
    assert.deepEqual(findings, []);
  });
});

describe('text that would break the XML', { skip }, () => {
  test('markup characters are escaped, forbidden characters dropped, and the document validates', async () => {
    const { doc } = exportFile('A-RES-80-212.txt');
    const hostile = 'Decides <b>not</b> & "never" \'quoted\' ]]> <!-- x --> \u0000\u0007\u001b\uFFFE\uFFFF\uD800 end;';
    const tampered: ParsedResolution = {
      ...doc,
      title: `Title </docTitle><evil/> &amp;`,
      preamble: [{ text: hostile, footnotes: [{ marker: '1" evil="', text: '<footnote> & more' }] }, ...doc.preamble.slice(1)],
      operative: [{ ...doc.operative[0]!, verbPhrase: 'Decides', text: hostile }, ...doc.operative.slice(1)],
      doubts: [{ where: 'x<y', why: 'a & b' }],
    };
    const xml = toAkomaNtoso(tampered, { key: 'A/RES/80/212', lang: 'en' }, { markupDate: MARKUP_DATE });
    const [findings] = await validateAkomaNtoso([xml]);
    assert.deepEqual(findings, []);
    assert.doesNotMatch(xml, /<b>|<evil|<!--/);
    const forbidden = [...xml].filter((ch) => {
      const c = ch.codePointAt(0)!;
      return (c < 0x20 && c !== 0x9 && c !== 0xa && c !== 0xd) || c === 0xfffe || c === 0xffff || (c >= 0xd800 && c <= 0xdfff);
    });
    assert.deepEqual(forbidden, [], 'characters XML 1.0 cannot hold');
    const root = tree(xml);
    const paragraph = one(root, 'paragraph', (p) => p.attrs.eId === 'para_1');
    // The verb phrase is marked up apart; the rest of the words come back as given, less what XML cannot hold.
    assert.equal(one(paragraph, 'p').text, ' <b>not</b> & "never" \'quoted\' ]]> <!-- x -->  end;');
    assert.equal(words(one(paragraph, 'span', (n) => n.attrs.class === 'operativeVerb')), 'Decides');
    assert.equal(words(one(root, 'docTitle')), 'Title </docTitle><evil/> &amp;');
    assert.equal(one(root, 'authorialNote', (n) => n.attrs.eId === 'preamble__container_1__authorialNote_1').attrs.marker, '1" evil="');
  });
});

describe('the validator', { skip }, () => {
  test('reports what the schema refuses, per document, and a document that is not XML', async () => {
    const good = exportFile('A-RES-80-1.txt').xml;
    const [ok, unknown, broken] = await validateAkomaNtoso([good, good.replace('<mainBody>', '<mainBody><bogus/>'), good.slice(0, 200)]);
    assert.deepEqual(ok, []);
    assert.match(unknown?.[0]?.message ?? '', /bogus.*not expected/);
    assert.ok((broken?.length ?? 0) > 0);
  });

  test('a folder without the schema: a message naming the folder and AKN_SCHEMA_DIR', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'akn-schema-'));
    await assert.rejects(validateAkomaNtoso(['<x/>'], empty), /lacks akomantoso30\.xsd, xml\.xsd\. Set AKN_SCHEMA_DIR/);
  });

  test('a schema that does not compile: an error naming the folder and what xmllint said', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'akn-schema-'));
    writeFileSync(join(folder, 'akomantoso30.xsd'), '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"><xsd:element name="x" type="nope"/></xsd:schema>');
    writeFileSync(join(folder, 'xml.xsd'), '<x/>');
    await assert.rejects(validateAkomaNtoso(['<x/>'], folder), (e: Error) => e.message.includes(folder) && /failed to compile/.test(e.message));
  });
});
