// Which sources match what someone types to find one (the edit forms' source picker): every
// word of the query, folded as names are for search (case, accents, compatibility forms), is
// found in the source's id, title or address. In memory, like the lists' sorting
// (server/http/list.ts): answers that cite sources already load every source (loadSources),
// and no column holds their folded text for the database to match on both dialects alike.
import { foldForSearch } from '../../shared/text.ts';

export function sourcesMatching<S extends { id: string; title: string; url: string }>(sources: S[], query: string | undefined): S[] {
  const words = foldForSearch(query ?? '')
    .split(' ')
    .filter(Boolean);
  if (words.length === 0) return sources;
  return sources.filter((source) => {
    // Words hold no space, so none can match across two fields.
    const text = foldForSearch(`${source.id} ${source.title} ${source.url}`);
    return words.every((word) => text.includes(word));
  });
}
