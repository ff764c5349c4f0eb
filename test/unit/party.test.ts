import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasDeclarationAt, isPartyAt, type TreatyAction } from '../../src/modules/treaty-status/party.ts';

const a = (kind: string, date: string, effective: string | null = null): TreatyAction => ({ kind, date, effective, sourceIds: ['s'] });

test('party from the date a consent takes effect until a denunciation takes effect', () => {
  const trinidad = [a('accession', '1991-05-28'), a('denunciation', '1998-05-26', '1999-05-26')];
  assert.equal(isPartyAt(trinidad, '1991-05-27').party, false);
  assert.equal(isPartyAt(trinidad, '1991-05-28').party, true);
  assert.equal(isPartyAt(trinidad, '1999-05-25').party, true);
  assert.equal(isPartyAt(trinidad, '1999-05-26').party, false);
});

test('a signature alone does not make a party', () => {
  assert.equal(isPartyAt([a('signature', '1977-06-01')], '2020-01-01').party, false);
});

test('a declaration is in force until its withdrawal takes effect (12 months after deposit)', () => {
  const rwanda = [a('ratification', '2003-05-05'), a('declaration-accept', '2013-01-22'), a('declaration-withdraw', '2016-02-29', '2017-03-01')];
  assert.equal(hasDeclarationAt(rwanda, '2013-01-21'), false);
  assert.equal(hasDeclarationAt(rwanda, '2016-12-31'), true);
  assert.equal(hasDeclarationAt(rwanda, '2017-03-01'), false);
});

test('a party listed without a date counts as party, unverified for the date asked', () => {
  const listed: TreatyAction[] = [{ kind: 'ratification', date: null, effective: null, sourceIds: ['list'] }];
  assert.deepEqual(isPartyAt(listed, '2020-01-01'), { party: true, verified: false });
});
