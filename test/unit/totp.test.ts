// Two-factor codes against the test vectors of RFC 6238 (appendix B, SHA-1 key
// "12345678901234567890"): the six low digits of the eight given there.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { base32Decode, base32Encode, matchingStep, newTotpSecret, otpauthUri, stepAt, totpCode } from '../../src/modules/accounts/totp.ts';

const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));

test('the RFC 6238 SHA-1 vectors', () => {
  assert.equal(RFC_SECRET, 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  const vectors: [number, string][] = [
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
    [20000000000, '353130'],
  ];
  for (const [seconds, code] of vectors) assert.equal(totpCode(RFC_SECRET, stepAt(seconds * 1000)), code, `T=${seconds}`);
});

test('a code is accepted one step either side, and never for a step already used', () => {
  const secret = newTotpSecret();
  const now = Date.UTC(2026, 11, 6, 12, 0, 15);
  const step = stepAt(now);
  assert.equal(matchingStep(secret, totpCode(secret, step), now, null), step);
  assert.equal(matchingStep(secret, totpCode(secret, step - 1), now, null), step - 1);
  assert.equal(matchingStep(secret, totpCode(secret, step + 1), now, null), step + 1);
  assert.equal(matchingStep(secret, totpCode(secret, step - 2), now, null), null);
  assert.equal(matchingStep(secret, totpCode(secret, step), now, step), null, 'replayed');
  assert.equal(matchingStep(secret, 'abcdef', now, null), null);
  assert.equal(matchingStep(secret, '', now, null), null);
});

test('secrets are 160 bits of base32 and round-trip', () => {
  const secret = newTotpSecret();
  assert.match(secret, /^[A-Z2-7]{32}$/);
  assert.equal(base32Decode(secret).length, 20);
  assert.equal(base32Encode(base32Decode(secret)), secret);
  assert.notEqual(newTotpSecret(), secret);
  assert.throws(() => base32Decode('not base32!'));
});

test('the otpauth link names the issuer and the account, escaped', () => {
  const uri = otpauthUri('GEZDGNBV', 'a+b@example.org');
  assert.match(uri, /^otpauth:\/\/totp\/Accord%3Aa%2Bb%40example\.org\?secret=GEZDGNBV&issuer=Accord/);
});
