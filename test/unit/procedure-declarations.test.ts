// Reading which procedures a declaration accepts or opts out of, on texts as the UN Treaty
// Collection prints them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PROCEDURES } from '../../src/modules/procedures/catalogue.ts';
import { articlesNamed, readDeclaration } from '../../src/modules/procedures/read-declaration.ts';

const of = (instrument: string) => PROCEDURES.filter((p) => p.instrument === instrument && p.system === 'un');
const read = (text: string, instrument: string, section: string[] = []) =>
  readDeclaration(
    text,
    of(instrument),
    of(instrument).filter((p) => section.includes(p.id)),
  )
    .map((e) => `${e.procedure}:${e.effect}`)
    .sort();

test('article numbers in lists, with paragraphs and brackets', () => {
  assert.deepEqual([...articlesNamed('under articles 21 and 22 of the Convention')], ['21', '22']);
  assert.deepEqual([...articlesNamed('in accordance with article 28 (1)')], ['28']);
  assert.deepEqual([...articlesNamed('referring to the said articles [21 and 22]')], ['21', '22']);
});

test('a declaration accepts only the articles it names', () => {
  assert.deepEqual(
    read('"The Government of the United Kingdom declares under article 21 of the said Convention that it recognizes the competence of the Committee Against Torture"', 'CAT', ['cat-21', 'cat-22']),
    ['cat-21:accept'],
  );
  assert.deepEqual(read('Article 22:\n“The Republic of Seychelles accepts without reservations the competence of the Committee Against Torture.”', 'CAT', ['cat-21', 'cat-22']), ['cat-22:accept']);
});

test('enumerated parts are read by what they describe', () => {
  const chile =
    'the Government of Chile recognizes the competence of the Committee against Torture established pursuant to article 17 of the Convention (a) To receive and consider communications to the effect that a State party claims that the State of Chile is not fulfilling its obligations under the Convention, in accordance with article 21 thereof; and (b) To receive and consider communications from or on behalf of individuals subject to its jurisdiction';
  assert.deepEqual(read(chile, 'CAT', ['cat-21', 'cat-22']), ['cat-21:accept', 'cat-22:accept']);
});

test('a refusal or a promise for later accepts nothing; an opt-out is read as one', () => {
  assert.deepEqual(read('Turkey will recognize the competence of the Committee on the Protection of the Rights of All Migrant Workers under articles 76 and 77 at a later time.', 'ICMW'), []);
  assert.deepEqual(
    read(
      'The Government of the People’s Republic of Bangladesh declares in accordance with Article 10 (1) thereof, that it would not undertake the obligations arising out of Articles 8 and 9 of the said Optional Protocol.',
      'OP-CEDAW',
    ),
    ['op-cedaw-8:opt-out'],
  );
  assert.deepEqual(read('"(1) The Chinese Government does not recognize the competence of the Committee against Torture as provided for in article 20 of the Convention."', 'CAT'), ['cat-20:opt-out']);
});

test('a text about other articles says nothing of the procedures', () => {
  assert.deepEqual(read('The Government of Algeria interprets article 8, paragraph 1, of the Covenant as recognizing the right of trade unions.', 'ICCPR'), []);
});

test('an acceptance for a period says how long and from when', async () => {
  const { termOf } = await import('../../src/modules/procedures/read-declaration.ts');
  assert.deepEqual(termOf('it shall recognize for a further period of five years, as from 18 September 1997, the competence'), { years: 5, from: '1997-09-18' });
  assert.deepEqual(termOf('recognizes for a further period of five years, beginning on 16 April 2010, the competence'), { years: 5, from: '2010-04-16' });
  assert.deepEqual(termOf('for a period of five years from the present notification'), { years: 5, from: null });
  assert.equal(termOf('recognizes, unconditionally and during the period of validity of the Convention'), null);
});
