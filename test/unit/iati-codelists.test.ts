// The IATI codelists: the reader of the IATI codelist format, the shipped snapshot
// (data/snapshot/iati-codelists.json) and its rebuild from ../shared/data.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { buildCodelistSnapshot, NEEDED_CODELISTS } from '../../src/modules/iati/codelist-snapshot.ts';
import { type CodelistSnapshot, IATI_CODELIST_SNAPSHOT, readCodelistXml, shippedCodelists } from '../../src/modules/iati/codelists.ts';
import { SHARED_DATA, skipWithoutSharedData } from '../support/shared-data.ts';

describe('IATI codelists', () => {
  test('the reader takes code, English and French names, status and category, in file order', () => {
    const read = readCodelistXml(`<codelist name="Demo" xml:lang="en" complete="0" embedded="1">
      <metadata><name><narrative>Demo</narrative></name></metadata>
      <codelist-items>
        <codelist-item status="withdrawn"><code> 9 </code><name><narrative>Nine &amp; more</narrative><narrative xml:lang="fr">Neuf</narrative></name>
          <description><narrative>not a name</narrative></description><category>C</category></codelist-item>
        <codelist-item><code>1</code><name><narrative xml:lang="fr">Un</narrative><narrative>One</narrative></name></codelist-item>
      </codelist-items>
    </codelist>`);
    assert.deepEqual(read, {
      name: 'Demo',
      complete: false,
      embedded: true,
      items: [
        { code: '9', name: 'Nine & more', fr: 'Neuf', status: 'withdrawn', category: 'C' },
        { code: '1', name: 'One', fr: 'Un', status: 'active' },
      ],
    });
    assert.throws(() => readCodelistXml('<codelists/>'), /not an IATI codelist file/);
  });

  test('the shipped snapshot holds every codelist validation uses, each with its source', () => {
    const snapshot = JSON.parse(readFileSync(IATI_CODELIST_SNAPSHOT, 'utf8')) as CodelistSnapshot;
    assert.deepEqual(Object.keys(snapshot.codelists), [...NEEDED_CODELISTS]);
    for (const [name, list] of Object.entries(snapshot.codelists)) {
      assert.match(list.source.repository, /^IATI\/IATI-Codelists(-NonEmbedded)?$/, name);
      assert.match(list.source.commit, /^[0-9a-f]{40}$/, name);
      assert.equal(list.source.path, `xml/${name}.xml`);
      assert.ok(list.items.length > 1, name);
    }
    assert.match(snapshot.license, /CC BY 4\.0/);
    const codes = shippedCodelists();
    assert.deepEqual(codes.item('Sector', '15160'), { code: '15160', name: 'Human rights', fr: 'Droits de la personne', status: 'active', category: '151' });
    assert.equal(codes.item('TransactionType', '3')?.name, 'Disbursement');
    assert.equal(codes.item('Currency', 'CHF')?.status, 'active');
    assert.equal(codes.isComplete('Country'), false, 'the IATI marks Country incomplete');
    assert.equal(codes.item('Sector', '99999'), undefined);
    assert.throws(() => codes.item('GazetteerAgency', '1'), /no codelist GazetteerAgency/);
  });

  test('is what `accord snapshot iati-codelists ../shared/data` makes today', { skip: skipWithoutSharedData() }, () => {
    const rebuilt = buildCodelistSnapshot(SHARED_DATA);
    assert.ok(rebuilt === readFileSync(IATI_CODELIST_SNAPSHOT, 'utf8'), 'the shipped IATI codelists differ from ../shared/data: run `npx accord snapshot iati-codelists ../shared/data`');
    const counts = Object.fromEntries(Object.entries((JSON.parse(rebuilt) as CodelistSnapshot).codelists).map(([name, list]) => [name, list.items.length]));
    // Counted in the files (<code> elements): Sector 325 DAC purpose codes, Country 251.
    assert.equal(counts.Sector, 325);
    assert.equal(counts.Country, 251);
  });

  test('the build names the folder it looked in when it is not an IATI reference folder', () => {
    assert.throws(() => buildCodelistSnapshot('/nonexistent'), /no IATI reference folder at \/nonexistent\/iati-reference/);
  });
});
