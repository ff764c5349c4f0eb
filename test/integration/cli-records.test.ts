// Editing the registry from the command line: `accord record create|update|delete` run the same
// use cases as the API, with the same JSON bodies, recorded in the audit trail as system:cli,
// and refuse a bad body naming the field, a stale version, and a deletion of a shipped record.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { FICTIONAL_SOURCE } from '../support/projects.ts';
import { COE_TREATY_210, FRANCE_RATIFIES_ISTANBUL } from '../support/records.ts';
import { EUROPE_COVERS_BELGIUM } from '../support/registry-requests.ts';

const run = promisify(execFile);
const ACCORD = new URL('../../bin/accord.js', import.meta.url).pathname;

describe('accord record', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const accord = (...args: string[]) => run(process.execPath, [ACCORD, ...args], { env, maxBuffer: 20_000_000 });
  const fails = async (...args: string[]) => {
    const error = await accord(...args).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    assert.ok(error, `accord ${args.join(' ')} should fail`);
    assert.equal(error.code, 1);
    assert.doesNotMatch(error.stderr, /\n\s+at /, 'no stack trace');
    return error.stderr;
  };
  const file = (name: string, body: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof body === 'string' ? body : JSON.stringify(body));
    return path;
  };
  const lastRecord = async () => (JSON.parse((await accord('audit', '--limit', '1', '--format', 'json')).stdout) as { useCase: string; actor: string; entityId: string; reason: string }[])[0];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'accord-records-'));
    env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'records.db')}` };
    await accord('db', 'seed');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a treaty act is entered, corrected and deleted, each change audited as system:cli', async () => {
    const made = await accord('record', 'create', 'treaty-action', '--body', file('act.json', FRANCE_RATIFIES_ISTANBUL), '--reason', 'from the CoE chart');
    assert.match(made.stdout, /treaty-action edit:ISTANBUL\/1 entered, version 1/);
    let record = await lastRecord();
    assert.deepEqual([record?.useCase, record?.actor, record?.entityId, record?.reason], ['treaty-actions.create', 'system:cli', 'edit:ISTANBUL/1', 'from the CoE chart']);

    const note = { note: 'Ratification deposited with the Secretary General of the Council of Europe', source: COE_TREATY_210 };
    const corrected = await accord('record', 'update', 'treaty-action', 'edit:ISTANBUL/1', '--body', file('note.json', note));
    assert.match(corrected.stdout, /note corrected, now version 2/);
    record = await lastRecord();
    assert.equal(record?.useCase, 'treaty-actions.update');

    const stale = await fails('record', 'update', 'treaty-action', 'edit:ISTANBUL/1', '--if-version', '1', '--body', file('note2.json', { ...note, note: 'other' }));
    assert.match(stale, /changed by someone else/);

    await accord('record', 'delete', 'treaty-action', 'edit:ISTANBUL/1');
    record = await lastRecord();
    assert.equal(record?.useCase, 'treaty-actions.delete');
  });

  test('a coverage period of a presence is entered, corrected and deleted; a shipped one is not deleted', async () => {
    const made = await accord('record', 'create', 'coverage-period', '--body', file('period.json', { ...EUROPE_COVERS_BELGIUM, presenceId: 'ro-europe' }));
    assert.match(made.stdout, /coverage-period ro-europe\/1001 entered, version 1/);
    assert.equal((await lastRecord())?.useCase, 'coverage-periods.create');
    const corrected = await accord('record', 'update', 'coverage-period', 'ro-europe/1001', '--body', file('period-note.json', { note: 'EU member State', source: EUROPE_COVERS_BELGIUM.source }));
    assert.match(corrected.stdout, /note corrected, now version 2/);
    assert.match(await fails('record', 'create', 'coverage-period', '--body', file('period-bad.json', { ...EUROPE_COVERS_BELGIUM, until: '2008', presenceId: 'ro-europe' })), /until/);
    await accord('record', 'delete', 'coverage-period', 'ro-europe/1001');
    assert.equal((await lastRecord())?.useCase, 'coverage-periods.delete');
    assert.match(await fails('record', 'delete', 'coverage-period', 'ro-central-asia/1'), /shipped period is corrected/);
    const mandate = { mandate: 'Set up in Tunis in 2012 to support democratic institutions and governance in North Africa.', source: 'pres-ohchr-ro-north-africa' };
    assert.match((await accord('record', 'update', 'presence', 'ro-north-africa', '--body', file('presence.json', mandate))).stdout, /mandate corrected/);
  });

  test('a request is entered and moved along its workflow, answered by a project; linked records are not deleted', async () => {
    const request = { state: 'KEN', authority: 'Fictional Ministry of Justice', received: '2026-03-02', subject: 'Fictional training request', source: FICTIONAL_SOURCE };
    const entered = (await accord('record', 'create', 'request', '--body', file('request.json', request))).stdout;
    const id = /request (\S+) entered, version 1/.exec(entered)?.[1] ?? assert.fail(entered);
    assert.equal((await lastRecord())?.useCase, 'requests.create');
    const step = (status: string, date: string) => file(`step-${status}.json`, { requestId: id, status, date });
    assert.match((await accord('record', 'create', 'request-step', '--body', step('under-assessment', '2026-03-10'))).stdout, new RegExp(`${id} \\(under-assessment\\) entered, version 2`));
    assert.equal((await lastRecord())?.useCase, 'requests.move');
    assert.match(await fails('record', 'create', 'request-step', '--body', step('answered', '2026-03-20')), /status/);
    const project = { id: 'project-cli', title: 'Fictional project answering a request', status: 'pipeline', links: [{ kind: 'request', ref: id }], source: FICTIONAL_SOURCE };
    assert.match((await accord('record', 'create', 'project', '--body', file('project.json', project))).stdout, /project project-cli entered/);
    assert.match(
      (await accord('record', 'update', 'project', 'project-cli', '--body', file('project-note.json', { objectives: 'To answer the request', source: FICTIONAL_SOURCE }))).stdout,
      /objectives corrected, now version 2/,
    );
    assert.match(await fails('record', 'delete', 'request', id), /project project-cli links to it/);
    await accord('record', 'delete', 'project', 'project-cli');
    assert.equal((await lastRecord())?.useCase, 'projects.delete');
    await accord('record', 'delete', 'request', id);
    assert.match(await fails('record', 'update', 'request', id, '--body', file('r.json', { subject: 'x', source: FICTIONAL_SOURCE })), /No request with code or id/);
  });

  test('a bad body is refused naming its field, and nothing is written', async () => {
    const before = (await accord('audit', '--format', 'json')).stdout;
    const wrongDate = await fails('record', 'create', 'treaty-action', '--body', file('bad.json', { ...FRANCE_RATIFIES_ISTANBUL, date: '2014-02-30' }));
    assert.match(wrongDate, /date/);
    const notJson = await fails('record', 'create', 'organization', '--body', file('broken.json', '{"id":'));
    assert.match(notJson, /is not JSON/);
    const missing = await fails('record', 'create', 'organization', '--body', join(dir, 'nowhere.json'));
    assert.match(missing, /Cannot read .*ENOENT/);
    assert.equal((await accord('audit', '--format', 'json')).stdout, before);
  });

  test('shipped records are corrected, never deleted; unknown ids are not found', async () => {
    assert.match(await fails('record', 'delete', 'organization', 'au'), /corrected, never deleted/);
    assert.match(await fails('record', 'update', 'membership-event', 'au/XXX/1', '--body', file('e.json', { note: 'x', source: COE_TREATY_210 })), /No membership-event with code or id "au\/XXX\/1"/);
    assert.match(await fails('record', 'create', 'planet', '--body', file('p.json', {})), /kind must be one of/);
  });
});
