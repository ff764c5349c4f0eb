// The change feed and webhooks from the command line: `accord changes list` in a table, JSON and
// Atom; `accord webhooks add|list|rotate|remove` through the write path, the secret printed once
// and never listed, private targets refused with a clear message.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ACCORD = new URL('../../bin/accord.js', import.meta.url).pathname;

describe('accord changes and accord webhooks', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const accord = (...args: string[]) => run(process.execPath, [ACCORD, ...args], { env, maxBuffer: 20_000_000 });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'accord-changes-'));
    env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'changes.db')}`, ACCORD_WEBHOOK_ALLOW_LOOPBACK: '1' };
    await accord('db', 'seed');
    await accord('organization', 'update', 'au', '--website', 'https://au.int/en', '--source', 'pkg-i18n-iso-countries');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('changes list: the correction, in a table, as JSON with a cursor, and as Atom', async () => {
    const table = (await accord('changes', 'list', '--kind', 'organization')).stdout;
    assert.match(table, /organization au updated/);
    assert.match(table, /next: --since \d+/);
    const page = JSON.parse((await accord('changes', 'list', '--organization', 'au', '--format', 'json')).stdout);
    assert.equal(page.items[0].recordId, 'au');
    assert.equal(page.items[0].record.website, 'https://au.int/en');
    const after = JSON.parse((await accord('changes', 'list', '--since', page.next, '--format', 'json')).stdout);
    assert.deepEqual(after.items, []);
    assert.match((await accord('changes', 'list', '--format', 'atom')).stdout, /^<\?xml[\s\S]*<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">[\s\S]*<entry>/);
  });

  test('webhooks: added with its secret once, listed without it, rotated, removed; private targets refused', async () => {
    const added = (await accord('webhooks', 'add', 'http://127.0.0.1:9/hook', '--kind', 'event,project', '--state', 'KEN')).stdout;
    const [, id, secret] = /^(wh_\w+) added\nsecret \(shown this once\): (whsec_\S+)/.exec(added) ?? [];
    assert.ok(id && secret, added);
    const list = (await accord('webhooks', 'list')).stdout;
    assert.match(list, new RegExp(`${id} {2}active {2}http://127.0.0.1:9/hook {2}\\{"kind":\\["event","project"\\],"state":"KEN"\\}`));
    assert.ok(!list.includes(secret));
    const rotated = (await accord('webhooks', 'rotate', id)).stdout;
    assert.match(rotated, /new secret \(shown this once\): whsec_/);
    assert.ok(!rotated.includes(secret));
    assert.match((await accord('webhooks', 'remove', id)).stdout, /removed/);
    assert.equal((await accord('webhooks', 'list')).stdout, 'no webhooks\n');
    const refused = await accord('webhooks', 'add', 'http://169.254.169.254/latest').then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    assert.equal(refused?.code, 1);
    assert.match(refused?.stderr ?? '', /url: .*private, link-local or internal address/);
  });
});
