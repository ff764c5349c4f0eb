// The fixed query mix of the recommendations benchmark (bench/recommendations.ts): text queries
// from rare to very common words of the UPR texts, each alone and with two facets, and the two
// facets alone. The words were chosen by how many of the shared texts hold them, so that the
// mix spans a few hundred to most of a million rows of the synthetic corpus; the benchmark
// prints each query's number of matches beside its times.
export interface BenchQuery {
  /** What the benchmark calls it in its tables. */
  label: string;
  /** The query string of GET /api/v1/recommendations, without limit, facets or paging. */
  query: string;
}

const WORDS = [
  { label: 'rare: albinism', q: 'albinism' },
  { label: 'rare: sorcery', q: 'sorcery' },
  { label: 'uncommon: statelessness', q: 'statelessness' },
  { label: 'uncommon: journalists', q: 'journalists' },
  { label: 'medium: torture', q: 'torture' },
  { label: 'medium: trafficking persons', q: 'trafficking persons' },
  { label: 'common: children', q: 'children' },
  { label: 'common: women', q: 'women' },
  { label: 'very common: rights', q: 'rights' },
  { label: 'very common: ensure', q: 'ensure' },
];

/** Two facets that narrow without emptying: the UPR, and recommendations that were supported. */
const TWO_FACETS = 'mechanism=UPR&response=supported';

export const QUERY_MIX: BenchQuery[] = [
  ...WORDS.map((w) => ({ label: w.label, query: `q=${encodeURIComponent(w.q)}` })),
  ...WORDS.map((w) => ({ label: `${w.label} + 2 facets`, query: `q=${encodeURIComponent(w.q)}&${TWO_FACETS}` })),
  { label: '2 facets, no text', query: TWO_FACETS },
  { label: 'everything', query: '' },
];
