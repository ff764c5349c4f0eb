// What every route that writes a record of the registry shares: the documented answers of a
// versioned update, and the rule that a record the asker may not see is not found (a write must
// not reveal, by a 403 or a 412, that a hidden record exists).
import type { Context } from 'hono';
import { NotFoundError } from '../../shared/errors.ts';
import { versionEtag } from './versions.ts';

export const VERSIONED = {
  412: { description: 'The record changed since the version named in If-Match: `current` is the record now, ETag its version.' },
  428: { description: 'No If-Match: an update or delete must name the version of the record it read ("v<version>").' },
} as const;

/** Throws 404 unless `found` (the record as the asker's view finds it) is there. */
export function requireSeen<T>(found: T | undefined, what: string, id: string): T {
  if (found === undefined) throw new NotFoundError(what, id);
  return found;
}

/** The answer's ETag is the record's new version, ready for the next If-Match. */
export function withVersion<T extends { version: number }>(c: Context, result: T): T {
  c.header('ETag', versionEtag(result.version));
  c.header('Cache-Control', 'no-store');
  return result;
}
