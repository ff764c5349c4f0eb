// The versions of the data a request is answered from: a reading of the topic versions that
// started after the request arrived, so it sees every write committed before the request
// arrived, whichever process made it (another server on the same PostgreSQL, `accord import`
// while the server runs). Readings are shared: the requests that arrive before a reading starts
// all wait for it, so a busy server makes about one reading per turn of the event loop or round
// trip to the database, not one per request (bench/RESULTS.md measures the cost). One reading
// serves the whole request: who is signing in (the accounts topic) and the response cache.
import type { Context, MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { readDataVersions, type DataVersions } from '../../modules/meta/repository.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** The reading of the data's versions this request is answered from (made on first call). */
    versions: () => Promise<DataVersions>;
  }
}

/** The end of this turn of the event loop: requests whose data arrived in it have all asked by then. */
const endOfTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const ignore = () => {};

export class VersionReader {
  /** The next reading, not started yet: whoever asks before it starts shares it. */
  private next: Promise<DataVersions> | null = null;
  /** The reading in flight: it started before whoever asks now, who must wait for the next one. */
  private inFlight: Promise<DataVersions> | null = null;

  constructor(private readonly db: Kysely<Database>) {}

  /**
   * The database's versions, from a reading that starts after this call: a reading in flight
   * may have started before a write that committed before this request arrived, so it is not
   * used. The next reading starts when the one in flight ends, or at the end of this turn of
   * the event loop, and is shared by everyone who asks until then.
   */
  current(): Promise<DataVersions> {
    if (this.next) return this.next;
    const after = this.inFlight ? this.inFlight.then(ignore, ignore) : endOfTurn();
    const next = after.then(() => {
      this.next = null;
      const reading = readDataVersions(this.db);
      this.inFlight = reading;
      const settled = () => {
        if (this.inFlight === reading) this.inFlight = null;
      };
      reading.then(settled, settled);
      return reading;
    });
    this.next = next;
    return next;
  }
}

/** Gives every API request its reading (asked lazily: a route that needs none waits for none). */
export function readVersions(reader: VersionReader): MiddlewareHandler {
  return async (c, next) => {
    let reading: Promise<DataVersions> | null = null;
    c.set('versions', () => {
      reading ??= reader.current();
      return reading;
    });
    await next();
  };
}

/** The reading of this request (made now if nothing asked for it yet). */
export function versionsOf(c: Context): Promise<DataVersions> {
  return c.get('versions')();
}
