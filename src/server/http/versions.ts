// Record versions on the wire: a record's ETag is its version ("v3"); an update sends it back
// in If-Match. No If-Match (or `*`, which would match any version) is a 428; a version that is
// no longer current is a 412 with the current record (errors.ts, app.ts).
import type { Context } from 'hono';

export function versionEtag(version: number): string {
  return `"v${version}"`;
}

/** The version an update names: undefined when it names none; NaN for a value that is not one
 *  of our ETags (never current, so a 412 with the current record). */
export function ifMatchVersion(c: Context): number | undefined {
  const header = c.req.header('if-match')?.trim();
  if (header === undefined || header === '' || header === '*') return undefined;
  const match = /^(?:W\/)?"v(\d{1,15})"$/.exec(header);
  return match?.[1] ? Number(match[1]) : Number.NaN;
}
