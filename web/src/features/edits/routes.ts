// The edit pages, loaded together when an editor opens one of them.
export { MembershipEventPage, NewMembershipEventPage } from './MembershipEventPage.tsx';
export { InstrumentEditPage, MechanismEditPage, OrganizationEditPage } from './RecordEditPages.tsx';
export { NewTreatyActPage, TreatyActPage } from './TreatyActPages.tsx';
