// Where a source address enters (a column mapping, data/reference, a snapshot file), only http(s)
// web addresses and UN document symbols are accepted: a javascript: address is refused, naming
// the file and field, and nothing is stored; a document symbol is stored and served as it is.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { importCsvWithMapping } from '../../src/importers/csv-mapping/import.ts';
import { loadReferenceData } from '../../src/reference/load.ts';
import { REFERENCE_DIR } from '../../src/reference/read-files.ts';
import { encodeSnapshot, type SnapshotRecord } from '../../src/snapshot/format.ts';
import { loadSnapshot } from '../../src/snapshot/load.ts';
import { ValidationError } from '../../src/shared/errors.ts';
import { seededApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

const HOSTILE = ['javascript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'JAVASCRIPT:alert(1)', 'file:///etc/passwd'];

const mappingWith = (name: string, url: string) =>
  JSON.stringify({
    name,
    instrument: 'ACHR',
    source: { title: `Table ${name}`, url, retrieved: '2026-01-01', kind: 'official' },
    participant: { iso3: 'iso3' },
    snapshot: { status: 'party' },
  });

test('data/reference refuses a javascript: address, naming file and field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'accord-ref-'));
  try {
    cpSync(REFERENCE_DIR, dir, { recursive: true });
    const file = join(dir, 'sources', 'org-eur.json');
    const sources = JSON.parse(readFileSync(file, 'utf8'));
    sources[1].url = 'javascript:alert(1)';
    writeFileSync(file, JSON.stringify(sources));
    assert.throws(
      () => loadReferenceData(dir),
      (e: ValidationError) =>
        e instanceof ValidationError &&
        e.details.length === 1 &&
        e.details[0]!.file!.endsWith('sources/org-eur.json') &&
        e.details[0]!.field === '1.url' &&
        /http\(s\) web address or a UN document symbol/.test(e.details[0]!.reason),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

for (const dialect of testDialects()) {
  describe(`source addresses on ${dialect}`, () => {
    let t: TestApp;
    let work: string;
    before(async () => {
      t = await seededApp(dialect);
      work = mkdtempSync(join(tmpdir(), 'accord-address-'));
      writeFileSync(join(work, 'table.csv'), 'iso3\nMEX\n');
    });
    after(async () => {
      await t.db.drop();
      rmSync(work, { recursive: true, force: true });
    });

    test('a column mapping with a javascript: or data: address is refused and stores nothing', async () => {
      for (const [i, url] of HOSTILE.entries()) {
        const mapping = join(work, `bad-${i}.mapping.json`);
        writeFileSync(mapping, mappingWith(`bad-${i}`, url));
        await assert.rejects(
          importCsvWithMapping(t.db.db, join(work, 'table.csv'), mapping),
          (e: ValidationError) => e instanceof ValidationError && e.details.some((d) => d.file === `bad-${i}.mapping.json` && d.field === 'source.url'),
        );
      }
      const stored = await t.db.db.selectFrom('source').select('url').execute();
      assert.ok(stored.every((s) => !/^(javascript|data|file):/i.test(s.url)));
      assert.equal((await t.db.db.selectFrom('import_dataset').select('id').where('id', 'like', 'csv:bad-%').execute()).length, 0);
    });

    test('a UN document symbol is stored and served as the address, as text', async () => {
      const mapping = join(work, 'symbol.mapping.json');
      writeFileSync(mapping, mappingWith('symbol', 'A/RES/48/141'));
      const report = await importCsvWithMapping(t.db.db, join(work, 'table.csv'), mapping);
      assert.equal(report.files[0]?.status, 'imported');
      const sources = (await t.get('/api/v1/sources?limit=1000')).body.items;
      assert.equal(sources.find((s: any) => s.id === 'import-csv-symbol')?.url, 'A/RES/48/141');
    });

    test('a snapshot whose source has a javascript: address is refused and loads nothing', async () => {
      const records: SnapshotRecord[] = [
        { type: 'manifest', format: 1, datasets: 1, actions: 1, snapshots: 0, memberships: 0, names: 0 },
        { type: 'source', id: 'evil', title: 'Evil', url: 'javascript:alert(1)', retrieved: '2026-01-01', kind: 'official', asOf: null, copyOf: null },
        { type: 'dataset', id: 'csv:evil', kind: 'csv', label: 'evil.csv', contentHash: 'x', sourceId: 'evil', accepted: 1, rejected: 0, asOf: null },
        {
          type: 'action',
          dataset: 'csv:evil',
          seq: 1,
          instrument: 'ACHR',
          participantKind: 'state',
          participant: 'MEX',
          participantName: 'Mexico',
          kind: 'ratification',
          date: '1981-03-24',
          effective: null,
          text: null,
          note: null,
          sources: ['evil'],
          file: 'evil.csv',
          row: 2,
          column: 'date',
        },
      ];
      const file = join(work, 'evil.jsonl.gz');
      writeFileSync(file, encodeSnapshot(records));
      await assert.rejects(loadSnapshot(t.db.db, file), (e: ValidationError) => e instanceof ValidationError && /source evil/.test(e.message) && e.details[0]?.field === 'url');
      assert.equal((await t.db.db.selectFrom('source').select('id').where('id', '=', 'evil').execute()).length, 0);
      assert.equal((await t.db.db.selectFrom('import_dataset').select('id').where('id', '=', 'csv:evil').execute()).length, 0);
    });
  });
}
