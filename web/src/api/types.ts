// The shapes the API answers with, taken from the server's own schemas and services, so that
// the app and the API cannot drift apart.
export type { StateSummary, StateProfile } from '../../../src/modules/states/schema.ts';
export type { OrganizationView as Organization, MemberView as Member, MemberHistoryView as MemberHistory, MembershipEventView as MembershipEvent } from '../../../src/modules/organizations/schema.ts';
export type { InstrumentView as Instrument } from '../../../src/modules/instruments/schema.ts';
export type { MechanismView as Mechanism } from '../../../src/modules/mechanisms/schema.ts';
export type { PresenceView as Presence } from '../../../src/modules/presences/schema.ts';
export type { SourceEntry } from '../../../src/modules/sources/schema.ts';
export type { SourceView as Source } from '../../../src/modules/sources/repository.ts';
export type { Coverage } from '../../../src/modules/coverage/service.ts';
export type { SearchHit } from '../../../src/modules/search/service.ts';
export type { Page } from '../../../src/server/http/list.ts';
