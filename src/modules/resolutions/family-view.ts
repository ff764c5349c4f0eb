// A resolution's family as the store knows it (family/relations.ts decides): the resolutions it
// recalls, each matched to the stored ones it names, and the later stored resolutions on its
// subject (those citing it, those of the same title). Read from every stored resolution's
// header and citations: a few thousand rows at most.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type FamilyMember, findRelations, type MemberRef } from './family/index.ts';
import { idOfKey } from './mandates.ts';
import { allResolutionCitations, listResolutions, type ResolutionRow } from './repository.ts';

const brief = (m: MemberRef) => ({ id: idOfKey(m.key), key: m.key, title: m.title, adoptedOn: m.date });

export async function familyOf(db: Kysely<Database>, row: ResolutionRow) {
  const [stored, citations] = await Promise.all([listResolutions(db, {}), allResolutionCitations(db)]);
  const cited = new Map<string, FamilyMember['resolutionsCited']>();
  for (const c of citations) cited.set(c.resolution_id, [...(cited.get(c.resolution_id) ?? []), { number: c.ref, body: c.cited_body, date: c.cited_date }]);
  const members: FamilyMember[] = stored.map((r) => ({ key: r.key, symbol: r.symbol, body: r.body, date: r.adopted_on, title: r.title, resolutionsCited: cited.get(r.id) ?? [] }));
  const self = members.find((m) => m.key === row.key) as FamilyMember;
  const relations = findRelations(
    self,
    members.filter((m) => m.key !== row.key),
  );
  return {
    recalls: relations.recalls.map((r) => ({
      ref: r.cited.number,
      body: r.body,
      date: r.cited.date,
      stored: r.matches[0] ? brief(r.matches[0]) : null,
      matches: r.matches.map(brief),
    })),
    later: relations.laterOnSubject.map((l) => ({ ...brief(l), reasons: l.reasons })),
    notes: relations.notes,
  };
}
