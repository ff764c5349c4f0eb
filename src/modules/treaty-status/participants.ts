// Maps the names under which treaty sources list participants to the registry: a State (by
// any of its names in any language, package, reference or official UN names) or, through the
// reviewed alias list (data/reference/participant-aliases.csv), an organization such as the
// European Union. A name that maps to nothing, or to two States, is reported, never guessed.
import { foldForSearch } from '../../shared/text.ts';

/** A name under which a source lists a participant (data/reference/participant-aliases.csv). */
export interface ParticipantAlias {
  name: string;
  kind: 'state' | 'organization';
  /** ISO alpha-3 code of a State, or the id of an organization. */
  participant: string;
  sourceIds: string[];
  note: string | null;
}

export type Participant = { kind: 'state'; iso3: string } | { kind: 'organization'; id: string };

/** The search folding (case, accents); punctuation does not tell names apart either, nor the
 *  sorting article UN lists put after a name ("Bahamas (The)", "Niger (the)"). */
export function foldParticipantName(name: string): string {
  return foldForSearch(name)
    .replace(/\s*\(the\)\s*$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface ParticipantResolver {
  resolve(name: string): Participant | null;
  /** A State by its ISO alpha-2 or alpha-3 code. */
  byCode(code: string): Participant | null;
  /** Folded names that two States share: never used to resolve. */
  ambiguous: string[];
}

export function participantResolver(stateNames: { iso3: string; value: string }[], aliases: ParticipantAlias[], stateCodes: { iso2: string; iso3: string }[] = []): ParticipantResolver {
  const byCode = new Map<string, Participant>(
    stateCodes.flatMap(
      (s) =>
        [
          [s.iso2, { kind: 'state', iso3: s.iso3 }],
          [s.iso3, { kind: 'state', iso3: s.iso3 }],
        ] as const,
    ),
  );
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
    byCode: (code) => byCode.get(code.trim()) ?? null,
    ambiguous: [...ambiguous],
  };
}
