// The pieces of a backup that need no database: which tables it holds, the values it carries
// (checked alike when written and when read back) and the checksum of its lines.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { TABLES } from '../../src/db/schema.ts';
import { LineEncoder } from '../../src/modules/backup/format.ts';
import { BACKUP_TABLES, isBackupTable } from '../../src/modules/backup/tables.ts';
import { columnType, shown, valueProblem, type Column } from '../../src/modules/backup/values.ts';

test('a backup holds every table but sessions, failed sign-ins and webhooks (their secrets), in the order of TABLES', () => {
  assert.deepEqual(
    TABLES.filter((t) => !BACKUP_TABLES.includes(t)),
    ['user_session', 'throttle', 'webhook', 'webhook_delivery', 'sync_peer', 'sync_run', 'synced_record', 'sync_disagreement'],
  );
  assert.deepEqual(
    BACKUP_TABLES,
    TABLES.filter((t) => BACKUP_TABLES.includes(t)),
  );
  assert.ok(isBackupTable('audit_record') && isBackupTable('user_account') && isBackupTable('api_token'));
  for (const name of ['user_session', 'kysely_migration', 'state; drop table state', '__proto__', 'constructor', '']) assert.equal(isBackupTable(name), false, name);
});

test('column types: text and whole numbers as both databases name them; nothing else', () => {
  assert.deepEqual(['text', 'TEXT', 'integer', 'INTEGER', 'bigint', 'int8', 'smallint'].map(columnType), ['text', 'text', 'integer', 'integer', 'integer', 'integer', 'integer']);
  for (const type of ['real', 'double precision', 'boolean', 'blob', 'bytea', 'jsonb', 'numeric', '']) assert.equal(columnType(type), undefined, type);
});

test('values: text, safe whole numbers, null only where allowed; a message names what came', () => {
  const text: Column = { name: 'note', type: 'text', nullable: true };
  const count: Column = { name: 'seq', type: 'integer', nullable: false };
  assert.equal(valueProblem(text, 'é 客 🙂\n"'), null);
  assert.equal(valueProblem(text, ''), null);
  assert.equal(valueProblem(text, null), null);
  assert.equal(valueProblem(count, 0), null);
  assert.equal(valueProblem(count, -7), null);
  assert.equal(valueProblem(count, Number.MAX_SAFE_INTEGER), null);
  assert.equal(valueProblem(count, null), 'is null, but the column needs a value');
  assert.equal(valueProblem(count, '1'), 'expected a whole number, got "1"');
  assert.equal(valueProblem(count, 1.5), 'expected a whole number, got 1.5');
  assert.equal(valueProblem(count, 2 ** 60), `expected a whole number, got ${2 ** 60}`);
  assert.equal(valueProblem(count, true), 'expected a whole number, got true');
  assert.equal(valueProblem(text, 12), 'expected text, got 12');
  assert.equal(valueProblem(text, ['a']), 'expected text, got ["a"]');
  assert.equal(valueProblem(text, { a: 1 }), 'expected text, got {"a":1}');
  assert.equal(valueProblem(text, undefined), 'expected text, got nothing');
  assert.equal(shown('x'.repeat(1000)).length, 61, 'a huge value is cut short in messages');
});

test('the end line carries the SHA-256 of every line before it', () => {
  const encoder = new LineEncoder();
  const lines = [encoder.line({ format: 'accord-backup' }, () => 'header'), encoder.line(['a', 1, null], () => 'row')];
  const { bytes, sha256 } = encoder.end(1, 1);
  assert.equal(sha256, createHash('sha256').update(Buffer.concat(lines)).digest('hex'));
  assert.equal(bytes.toString(), `{"end":{"tables":1,"rows":1,"sha256":"${sha256}"}}\n`);
  assert.equal(lines[1]!.toString(), '["a",1,null]\n');
});
