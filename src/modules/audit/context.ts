// Who is writing, and why. Every use case runs with one. The CLI, the importers, the seed and
// the snapshot loader act as named system actors, with the operating-system user they run as
// (and with full rights); a signed-in user acts through userContext, and the use case's policy
// decides from that principal, inside the transaction.
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { SYSTEM_EDITOR, type Editor } from '../access/edit-rights.ts';
import { actorOf, ANONYMOUS, type Principal, type SignedInUser } from '../access/principal.ts';

export interface WriteContext {
  /** `system:<name>` for the system actors; accounts will add their own kind. */
  actor: string;
  osUser: string | null;
  /** The HTTP request id, or one drawn for a command run: ties the records of one run together. */
  requestId: string;
  reason: string | null;
  /** Who asked, for a write made on a user's behalf; absent for a system actor. */
  principal?: Principal;
}

export const SYSTEM_ACTORS = ['seed', 'snapshot', 'importer', 'cli', 'test', 'bench'] as const;
export type SystemActor = (typeof SYSTEM_ACTORS)[number];

function osUser(): string | null {
  try {
    return userInfo().username;
  } catch {
    return null; // a uid with no passwd entry (some containers)
  }
}

export function systemContext(actor: SystemActor, reason: string | null = null, requestId: string = randomUUID()): WriteContext {
  return { actor: `system:${actor}`, osUser: osUser(), requestId, reason };
}

/** The context of a write a signed-in user asks for (the HTTP layer builds it). */
export function userContext(principal: SignedInUser, requestId: string, reason: string | null = null): WriteContext {
  return { actor: actorOf(principal), osUser: null, requestId, reason, principal };
}

/** Who the policies judge: the user who asked, else a system actor (full rights); a context
 *  that names neither is the anonymous public, who may edit nothing. */
export function editorOf(context: WriteContext): Editor {
  if (context.principal) return context.principal;
  return context.actor.startsWith('system:') ? SYSTEM_EDITOR : ANONYMOUS;
}
