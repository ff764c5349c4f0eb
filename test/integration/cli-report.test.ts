// The report from the command line, on both databases: `accord report regional-arrangements`
// writes each format and says where and what; bad options are refused naming them; the drafts
// and a version saved through the API's use cases are listed and written exactly as saved.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { systemContext } from '../../src/modules/audit/context.ts';
import { chromiumPath } from '../../src/modules/report/document/pdf.ts';
import { findDraft } from '../../src/modules/report/drafts/repository.ts';
import { draftDocument } from '../../src/modules/report/drafts/service.ts';
import { createDraft, saveVersion } from '../../src/modules/report/drafts/write.ts';
import { loadReferenceData } from '../../src/reference/load.ts';
import { seedReferenceData } from '../../src/reference/seed.ts';
import { REPORT_SECTIONS } from '../../src/modules/report/compose/index.ts';
import { createTestDb, type TestDb, testDialects } from '../support/databases.ts';
import { readZip } from '../support/zip-read.ts';

const run = promisify(execFile);
const ACCORD = new URL('../../bin/accord.js', import.meta.url).pathname;

for (const dialect of testDialects()) {
  describe(`accord report on ${dialect}`, () => {
    let db: TestDb;
    let dir: string;
    let env: NodeJS.ProcessEnv;
    let draftId = '';
    const accord = (...args: string[]) => run(process.execPath, [ACCORD, ...args], { env, maxBuffer: 50_000_000 });
    const fails = async (...args: string[]) => {
      try {
        await accord(...args);
      } catch (error) {
        return error as { code: number; stdout: string; stderr: string };
      }
      throw new Error(`accord ${args.join(' ')} did not fail`);
    };

    before(async () => {
      db = await createTestDb(dialect);
      await seedReferenceData(db.db, loadReferenceData());
      dir = mkdtempSync(join(tmpdir(), 'accord-report-'));
      env = { ...process.env, DATABASE_URL: db.url };
      const draft = await createDraft(db.db, { name: 'CLI draft', session: 61, asOf: '2006-06-30', regions: ['002'] }, systemContext('test'));
      draftId = draft.id;
      const row = (await findDraft(db.db, draftId))!;
      const current = await draftDocument(db.db, row);
      await saveVersion(
        db.db,
        { id: draftId, expectedVersion: row.row_version, readVersion: row.row_version, note: 'for the CLI', document: current.document, sections: current.sections, warnings: current.warnings },
        systemContext('test'),
      );
    });
    after(async () => {
      rmSync(dir, { recursive: true, force: true });
      await db?.drop();
    });

    test('regional-arrangements writes docx, html, json and pdf and says where', async () => {
      const docx = join(dir, 'report.docx');
      const made = await accord('report', 'regional-arrangements', '--session', '61', '--as-of', '2006-06-30', '--regions', '002,150', '--out', docx);
      assert.match(made.stdout, new RegExp(`wrote ${docx.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(docx; \\d+ tables, \\d+ figures\\); warnings: none`));
      assert.ok(readZip(new Uint8Array(readFileSync(docx))).has('word/document.xml'));
      const html = join(dir, 'report.html');
      await accord('report', 'regional-arrangements', '--session', '61', '--as-of', '2006-06-30', '--format', 'html', '--lang', 'ar', '--symbol', 'A/61/999', '--out', html);
      assert.match(readFileSync(html, 'utf8'), /<html[^>]* dir="rtl"/);
      assert.match(readFileSync(html, 'utf8'), /A\/61\/999/);
      const json = join(dir, 'report.json');
      await accord('report', 'regional-arrangements', '--session', '61', '--as-of', '2006-06-30', '--period-start', '2006-01-01', '--format', 'json', '--out', json);
      const parsed = JSON.parse(readFileSync(json, 'utf8'));
      assert.equal(parsed.document.session, 61);
      assert.equal(parsed.sections.length, REPORT_SECTIONS.length);
      if (existsSync(chromiumPath())) {
        const pdf = join(dir, 'report.pdf');
        await accord('report', 'regional-arrangements', '--session', '61', '--as-of', '2006-06-30', '--format', 'pdf', '--out', pdf);
        assert.equal(readFileSync(pdf).subarray(0, 5).toString('latin1'), '%PDF-');
      }
    });

    test('bad options are refused, naming them', async () => {
      const out = join(dir, 'bad.docx');
      const session = await fails('report', 'regional-arrangements', '--session', 'sixty', '--as-of', '2006-06-30', '--out', out);
      assert.equal(session.code, 1);
      assert.match(session.stderr, /--session: "sixty" is not a session number/);
      const regions = await fails('report', 'regional-arrangements', '--session', '61', '--as-of', '2006-06-30', '--regions', '999', '--out', out);
      assert.match(regions.stderr, /999 is not a first-level M49 region/);
      const date = await fails('report', 'regional-arrangements', '--session', '61', '--as-of', '2006-02-30', '--out', out);
      assert.match(date.stderr, /as-of.*calendar date/);
      const format = await fails('report', 'regional-arrangements', '--session', '61', '--as-of', '2006-06-30', '--format', 'odt', '--out', out);
      assert.match(format.stderr, /format must be one of: docx, pdf, html, json/);
      assert.ok(!existsSync(out), 'nothing is written for a refused command');
    });

    test('drafts, versions, and a version written as saved', async () => {
      const drafts = await accord('report', 'drafts');
      assert.match(drafts.stdout, new RegExp(`${draftId}  CLI draft  — session 61, 2005-07-01 to 2006-06-30, 002, en; system:test`));
      const listed = JSON.parse((await accord('report', 'drafts', '--format', 'json')).stdout);
      assert.equal(listed.items[0].id, draftId);
      assert.match((await accord('report', 'versions', draftId)).stdout, /^ {2}1 {2}\S+ {2}system:test {2}for the CLI\n$/);
      const out = join(dir, 'v1.json');
      await accord('report', 'version', draftId, '1', '--format', 'json', '--out', out);
      const saved = JSON.parse(readFileSync(out, 'utf8'));
      assert.equal(saved.number, 1);
      assert.equal(saved.note, 'for the CLI');
      assert.equal(saved.document.date, '2006-06-30');
      const docx = join(dir, 'v1.docx');
      assert.match((await accord('report', 'version', draftId, '1', '--out', docx)).stdout, /wrote .*v1\.docx \(docx;/);
      const unknown = await fails('report', 'version', draftId, '7', '--out', join(dir, 'v7.docx'));
      assert.match(unknown.stderr, /No report draft version with code or id "rd-[a-z0-9]+\/7"/);
      assert.match((await fails('report', 'versions', 'rd-nosuchdraft')).stderr, /No report draft with code or id "rd-nosuchdraft"/);
    });
  });
}
