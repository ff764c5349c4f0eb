// Maps the names under which treaty sources list participants to the registry: a State (by
// any of its names in any language, package, reference or official UN names) or, through the
// reviewed alias list (data/reference/participant-aliases.csv), an organization such as the
// European Union. A name that maps to nothing, or to two States, is reported, never guessed.
import type { ParticipantAlias } from '../../reference/load.ts';

export type Participant = { kind: 'state'; iso3: string } | { kind: 'organization'; id: string };

/** Case, accents, punctuation and "St." vs "Saint" do not tell names apart. */
export function foldParticipantName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface ParticipantResolver {
  resolve(name: string): Participant | null;
  /** Folded names that two States share: never used to resolve. */
  ambiguous: string[];
}

export function participantResolver(stateNames: { iso3: string; value: string }[], aliases: ParticipantAlias[]): ParticipantResolver {
  const byName = new Map<string, Participant>();
  const ambiguous = new Set<string>();
  for (const { iso3, value } of stateNames) {
    const key = foldParticipantName(value);
    const known = byName.get(key);
    if (known && known.kind === 'state' && known.iso3 !== iso3) ambiguous.add(key);
    else byName.set(key, { kind: 'state', iso3 });
  }
  for (const key of ambiguous) byName.delete(key);
  // Reviewed aliases come last and win: they are the answer a person checked.
  for (const alias of aliases) {
    byName.set(foldParticipantName(alias.name), alias.kind === 'state' ? { kind: 'state', iso3: alias.participant } : { kind: 'organization', id: alias.participant });
  }
  return {
    resolve: (name) => byName.get(foldParticipantName(name)) ?? null,
    ambiguous: [...ambiguous],
  };
}
