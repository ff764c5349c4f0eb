// The participant resolver of the registry as it is in the database: every State name in
// every language, the ISO codes, and the reviewed alias list (as seeded). Importers build it once each.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { readRules } from '../rules/repository.ts';
import { ValidationError } from '../../shared/errors.ts';
import { participantResolver, type ParticipantAlias, type ParticipantResolver } from './participants.ts';
import { readStateCodes, readStateNames } from './repository.ts';

export async function registryResolver(db: Kysely<Database>): Promise<ParticipantResolver> {
  const [states, names, aliases] = await Promise.all([readStateCodes(db), readStateNames(db), readRules<ParticipantAlias>(db, 'participant-alias')]);
  if (states.length === 0) throw new ValidationError('The registry has no States yet: run `accord db seed` first');
  return participantResolver(names, aliases, states);
}
