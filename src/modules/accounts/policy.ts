// Who may do what with accounts. Administrators manage every account; everyone signed in
// manages their own password, two-factor sign-in and API tokens. The CLI (a system actor, run by
// whoever holds the database) may do everything: that is how the first administrator is made.
import { isAdmin, type Principal } from '../access/principal.ts';
import { ForbiddenError } from '../../shared/errors.ts';

/** `system` is the CLI; a Principal comes from an HTTP request. */
export type AccountsActor = Principal | 'system';

export const accountsPolicy = {
  manageUsers(actor: AccountsActor): boolean {
    return actor === 'system' || isAdmin(actor);
  },
  readAudit(actor: AccountsActor): boolean {
    return actor === 'system' || isAdmin(actor);
  },
  /** One's own password, second factor and tokens; an administrator's for anyone. */
  manageOwn(actor: AccountsActor, userId: string): boolean {
    return actor === 'system' || isAdmin(actor) || (actor.kind === 'user' && actor.userId === userId);
  },
};

export function requireManageUsers(actor: AccountsActor): void {
  if (!accountsPolicy.manageUsers(actor)) throw new ForbiddenError('Only administrators manage accounts');
}

export function requireManageOwn(actor: AccountsActor, userId: string): void {
  if (!accountsPolicy.manageOwn(actor, userId)) throw new ForbiddenError('Only the account holder or an administrator may do this');
}
