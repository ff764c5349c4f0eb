// Who is writing, and why. Every use case runs with one. Until accounts exist, the CLI, the
// importers, the seed and the snapshot loader act as named system actors, with the
// operating-system user they run as.
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';

export interface WriteContext {
  /** `system:<name>` for the system actors; accounts will add their own kind. */
  actor: string;
  osUser: string | null;
  /** The HTTP request id, or one drawn for a command run: ties the records of one run together. */
  requestId: string;
  reason: string | null;
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
