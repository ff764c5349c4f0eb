import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldParticipantName, participantResolver } from '../../src/modules/treaty-status/participants.ts';

const alias = (name: string, participant: string, kind: 'state' | 'organization' = 'state') => ({ name, participant, kind, sourceIds: ['s'], note: null });

test('names fold case, accents and punctuation', () => {
  assert.equal(foldParticipantName("Côte d'Ivoire"), 'cote d ivoire');
  assert.equal(foldParticipantName('  St. Lucia '), 'st lucia');
});

test('a State is found by any of its names; a name two States share is reported and never used', () => {
  const resolver = participantResolver(
    [
      { iso3: 'FRA', value: 'France' },
      { iso3: 'FRA', value: 'République française' },
      { iso3: 'COG', value: 'Congo' },
      { iso3: 'COD', value: 'Congo' },
    ],
    [alias('Swaziland', 'SWZ'), alias('European Union', 'eu', 'organization')],
  );
  assert.deepEqual(resolver.resolve('FRANCE'), { kind: 'state', iso3: 'FRA' });
  assert.deepEqual(resolver.resolve('Republique francaise'), { kind: 'state', iso3: 'FRA' });
  assert.equal(resolver.resolve('Congo'), null);
  assert.deepEqual(resolver.ambiguous, ['congo']);
  assert.deepEqual(resolver.resolve('Swaziland'), { kind: 'state', iso3: 'SWZ' });
  assert.deepEqual(resolver.resolve('European Union'), { kind: 'organization', id: 'eu' });
  assert.equal(resolver.resolve('Atlantis'), null);
});

test('a reviewed alias settles a name two States share', () => {
  const resolver = participantResolver(
    [
      { iso3: 'COG', value: 'Congo' },
      { iso3: 'COD', value: 'Congo' },
    ],
    [alias('Congo', 'COG')],
  );
  assert.deepEqual(resolver.resolve('Congo'), { kind: 'state', iso3: 'COG' });
});
