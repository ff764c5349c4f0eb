// UPR Info's names of States ("Laos", "Macedonia FYR", "St Lucia") mapped to the registry: by
// any registry name of the State in any language, else by the reviewed alias list
// data/reference/upr-aliases.csv (each alias with its evidence). A name the list says is no State
// ("(Unknown)") is kept as written, with no State. Anything else is not guessed: its row is rejected.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { participantResolver, type ParticipantAlias } from '../../modules/treaty-status/participants.ts';
import { readStateCodes, readStateNames } from '../../modules/treaty-status/repository.ts';
import { ValidationError } from '../../shared/errors.ts';
import { projectPath } from '../../shared/project-path.ts';
import { parseCsvTable } from '../csv-records.ts';
import { readUtf8 } from '../read-utf8.ts';
import { decodeCharacterReferences } from './text.ts';

export const UPR_ALIASES_FILE = projectPath('data', 'reference', 'upr-aliases.csv');

/** What a name of the source stands for. */
export type UprName = { kind: 'state'; iso3: string } | { kind: 'not-a-state' } | { kind: 'unknown'; reason: string };

export interface UprNameResolver {
  resolve(name: string): UprName;
}

interface UprAlias {
  name: string;
  iso3: string;
  kind: string;
}

function readAliases(): UprAlias[] {
  return parseCsvTable(readUtf8(UPR_ALIASES_FILE, 'upr-aliases.csv', 'the UPR alias list'), { bom: true }).records.map((r) => ({
    name: decodeCharacterReferences(r.name ?? ''),
    iso3: r.iso3 ?? '',
    kind: r.kind ?? '',
  }));
}

export async function uprNameResolver(db: Kysely<Database>): Promise<UprNameResolver> {
  const [codes, names] = await Promise.all([readStateCodes(db), readStateNames(db)]);
  if (codes.length === 0) throw new ValidationError('The registry has no States yet: run `accord db seed` first');
  const aliases = readAliases();
  const stateAliases: ParticipantAlias[] = aliases.filter((a) => a.kind === 'state').map((a) => ({ name: a.name, kind: 'state', participant: a.iso3, sourceIds: [], note: null }));
  const notStates = new Set(aliases.filter((a) => a.kind !== 'state').map((a) => a.name));
  const resolver = participantResolver(names, stateAliases, codes);
  // An export names a few hundred States in a million rows: each name is looked up once.
  const known = new Map<string, UprName>();
  return {
    resolve(name) {
      const found = known.get(name) ?? lookUp(name);
      known.set(name, found);
      return found;
    },
  };

  function lookUp(name: string): UprName {
    if (notStates.has(name)) return { kind: 'not-a-state' };
    const found = resolver.resolve(name);
    if (found?.kind === 'state') return found;
    return { kind: 'unknown', reason: `"${name}" names no State of the registry (and is not in data/reference/upr-aliases.csv): add it there once reviewed` };
  }
}
