// Who may read the personal data of an event's participants: OHCHR and administrators (every
// row is also restricted on its own, so the database's view holds it back from anyone else
// unless the row's audience names them). Who may write events is the programme's rule
// (modules/cooperation/policy.ts).
import { isOhchr, type Principal } from '../access/principal.ts';

export function mayReadParticipants(principal: Principal): boolean {
  return isOhchr(principal);
}
