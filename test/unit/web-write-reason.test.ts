// The reason for a change travels in X-Reason, percent-encoded: a header carries Latin-1 only,
// and the reason may be in Arabic or Chinese (the server decodes it, src/server/http/write-context.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { writeHeaders } from '../../web/src/api/write.ts';

test('the reason goes in X-Reason, percent-encoded; a blank one is not sent', () => {
  assert.equal(writeHeaders({ body: {}, reason: ' تصحيح العنوان ' }, 't')['X-Reason'], encodeURIComponent('تصحيح العنوان'));
  assert.equal(writeHeaders({ body: {}, reason: '  ' }, 't')['X-Reason'], undefined);
  assert.equal(writeHeaders({ body: {} }, 't')['X-Reason'], undefined);
});
