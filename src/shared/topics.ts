// The topics of data. A write replaces the version of each topic it touches; a cached answer
// and the treaty model are kept while the versions of the topics they read are unchanged, so
// an edit to an organization does not throw away the treaty matrix.
export const TOPICS = [
  'states', // States and M49 regions: codes, UN status, regional group, statehood
  'organizations', // regional organizations as such (kind, seat, website, predecessors)
  'memberships', // membership events of States in organizations
  'instruments', // treaties and other instruments: dates, final clauses, parents
  'mechanisms', // courts, commissions, committees and their coverage rules
  'presences', // OHCHR field presences
  'names', // every name in every language (entity_name)
  'sources', // the sources facts cite
  'treaty-data', // datasets: treaty actions, status lists, membership lists
  'recommendations', // recommendations and decisions addressed to States, and their datasets
  'follow-up', // the follow-up of recommendations: apart, so that a status written keeps the facet index of a million rows
  'requests', // States' requests for assistance and their workflow
  'projects', // technical-cooperation projects, funding agreements, budgets, transactions, results
  'events', // training courses, workshops, meetings, their series, participation and follow-up actions
  'exchanges', // exchanges between UN bodies and regional organizations and mechanisms, their series
  'obstacles', // obstacles to ratification, their evidence and the strategies to overcome them
  'resolutions', // resolutions imported from their text, and the mandates their paragraphs give
  'exchange-rates', // the exchange rates administrators enter, with their sources
  'rules', // rules the treaty engine applies: effect, eligibility, aliases, end-note acts
  'accounts', // accounts, roles, sessions and tokens: who a request comes from (not read by any cached answer)
] as const;

export type Topic = (typeof TOPICS)[number];

export function isTopic(value: string): value is Topic {
  return (TOPICS as readonly string[]).includes(value);
}
