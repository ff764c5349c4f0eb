// The links the import stores: the recogniser's requests, unchanged by the cheap test that skips
// texts that cannot ask anything (links.ts, mayAsk): every trigger word passes it, and on every
// text of UPR Info's exports in ../shared/data the linker gives exactly what the recogniser does.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { linkerFor, mayAsk } from '../../src/modules/recommendation-instruments/links.ts';
import { recogniseRatification } from '../../src/modules/recommendations/ratification.ts';
import { readInstrumentPatternSources } from '../../src/reference/instrument-mentions.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';

const names = readInstrumentPatternSources();

describe('the linker', () => {
  test('every word that can ask passes the cheap test, in any case or with accents', () => {
    for (const text of [
      'Ratifiy CAT',
      'ACCEDE to CAT',
      'accessions',
      'Adhere to OP-CAT',
      'adhesion',
      'Join the ICC',
      'sign CED',
      'Signature of',
      'become a State party to',
      'become part of',
      'parties2',
      'withdraw its reservations',
      'lift réservations',
      'ratiﬁcation',
    ]) {
      assert.ok(mayAsk(text), text);
    }
    for (const text of ['Strengthen the national human rights institution', 'particularly women', 'participation of civil society']) assert.equal(mayAsk(text), false, text);
  });

  test('its version names the recogniser and the names it read', () => {
    assert.match(linkerFor(names).version, /^ratification-\d+:[0-9a-f]{12}$/);
    assert.notEqual(linkerFor(names).version, linkerFor(names.slice(1)).version);
  });

  test('on every UPR Info text, the same links as the recogniser', { skip: skipWithoutSharedData() }, () => {
    const linker = linkerFor(names);
    const folder = sharedDataPath('upr-info-terman');
    const files = [...readdirSync(folder).filter((f) => f.startsWith('upr_recs')), 'sessions-18-20/upr_recs_sessions_18-20.csv'];
    let texts = 0;
    for (const file of files) {
      const [header = [], ...records] = parse(readFileSync(`${folder}/${file}`, 'utf8'), { bom: true }) as string[][];
      const column = header.indexOf('Text');
      for (const record of records) {
        const text = record[column] ?? '';
        texts += 1;
        const expected = recogniseRatification(text, names).map((m) => ({ instrument: m.instrument, action: m.action, matched: m.matched }));
        assert.deepEqual(linker.linksOf(text), expected, text);
      }
    }
    assert.ok(texts > 40_000, `${texts} texts`);
  });
});
