// The shapes the API answers with, taken from the server's own schemas so they cannot drift.
export type { StateSummary, StateProfile } from '../../../src/modules/states/schema.ts';
export type { OrganizationView as Organization, MemberView as Member, MemberHistoryView as MemberHistory, MembershipEventView as MembershipEvent } from '../../../src/modules/organizations/schema.ts';
export type { InstrumentView as Instrument } from '../../../src/modules/instruments/schema.ts';
export type { MechanismView as Mechanism } from '../../../src/modules/mechanisms/schema.ts';
export type { PresenceView as Presence } from '../../../src/modules/presences/schema.ts';
export type { SourceEntry } from '../../../src/modules/sources/schema.ts';

export interface Source {
  title: string;
  url: string;
  retrieved: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  next: string | null;
}

export interface CoveringMechanism {
  code: string;
  basis: 'membership' | 'party' | 'party-and-acceptance';
  individualComplaints: boolean;
  verified: boolean;
  sourceIds: string[];
}

export interface Coverage {
  asOf: string;
  states: { iso3: string; mechanisms: CoveringMechanism[] }[];
  uncovered: string[];
  incomplete: string[];
  sources: Record<string, Source>;
}

export interface SearchHit {
  kind: 'state' | 'organization' | 'instrument' | 'mechanism';
  id: string;
  name: string;
  matched: string;
  matchedLang: string;
  rank: number;
}
