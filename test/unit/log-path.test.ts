// A calendar address's secret never reaches the server's log: the path logged keeps the prefix only.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loggablePath } from '../../src/server/http/log-path.ts';

test('the secret of a calendar address is left out of the logged path; other paths are kept', () => {
  const secret = `acf_${'Ab3_-'.repeat(8)}xyz`;
  const logged = loggablePath(`http://127.0.0.1:3000/api/v1/calendar/${secret}.ics?x=1`);
  assert.equal(logged, '/api/v1/calendar/acf_….ics');
  assert.ok(!logged.includes(secret.slice(4)));
  assert.equal(loggablePath('http://127.0.0.1:3000/api/v1/events/asia-pacific-workshop-11'), '/api/v1/events/asia-pacific-workshop-11');
});
