// Read responses are computed once per version of the topics they read and served from memory
// with an ETag. Every write goes through the write pipeline, which gives the topics it touched
// new versions in its transaction. Before answering, a request waits for a reading of the
// versions that started after it arrived, so it sees every write committed before it arrived,
// whichever process made it (another server on the same PostgreSQL, `accord import` while the
// server runs). Readings are shared: the requests that arrive before a reading starts all wait
// for it, so a busy server makes about one reading per turn of the event loop or round trip to
// the database, not one per request (bench/RESULTS.md measures the cost). Versions include
// the database's identity, drawn when it was created: a database dropped and rebuilt never
// matches an answer kept from the old one.
// Answers that rest on the treaty model follow the model actually served (the previous one
// while a new one is built in the background), so no answer is kept under a version it lacks.
// Each answer is also kept compressed (br or gzip, made on first demand), so a client that
// accepts it gets a few kilobytes for the cost of one compression per version of the answer. Every
// coding has its own strong ETag (a compressed body is another representation, RFC 9110
// 8.8.3), and a validator of any coding of the same answer gets a 304.
import { createHash } from 'node:crypto';
import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { treatyModelFor } from '../../modules/treaty-status/model.ts';
import type { Topic } from '../../shared/topics.ts';
import { chooseCoding, compress, MIN_COMPRESSED_BYTES, type Coding } from './encoding.ts';
import { safeJson } from './json.ts';
import { versionsOf } from './versions-reading.ts';

/** What an answer reads: topics of data, and the treaty model (itself built from topics). */
export type ReadTopic = Topic | 'treaty-model';

interface Entry {
  /** The versions of the topics it was built from. */
  stamp: string;
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  /** The same body compressed, made when a client first asks for that coding. */
  br?: Uint8Array<ArrayBuffer>;
  gzip?: Uint8Array<ArrayBuffer>;
}

/** The ETag of one coding: "<stamp>-<hash>" for the plain body, "<stamp>-<hash>-br"… */
function etagOf(entry: Entry, coding: Coding): string {
  return coding === 'identity' ? entry.etag : `${entry.etag.slice(0, -1)}-${coding}"`;
}

/** If-None-Match against every coding of the entry; `W/` is ignored, as proxies that
 *  compress weaken ETags (the weak comparison that RFC 9110 13.1.2 asks for here). */
function notModified(header: string | undefined, entry: Entry): boolean {
  if (!header) return false;
  const ours = new Set((['identity', 'gzip', 'br'] as const).map((coding) => etagOf(entry, coding)));
  return header.split(',').some((tag) => {
    const t = tag.trim().replace(/^W\//, '');
    return t === '*' || ours.has(t);
  });
}

// Bounded by size, not count: one list can be 400 KB, and every distinct address is a key.
const MAX_BYTES = 64 * 1024 * 1024;
const encoder = new TextEncoder();

function entrySize(entry: Entry): number {
  return entry.body.byteLength + (entry.br?.byteLength ?? 0) + (entry.gzip?.byteLength ?? 0);
}

export class ResponseCache {
  private entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(private readonly db: Kysely<Database>) {}

  /** A short fingerprint of the versions of the given topics. */
  private async stampOf(c: Context, topics: readonly ReadTopic[]): Promise<string> {
    const versions = await versionsOf(c);
    const parts = [versions.databaseId];
    for (const topic of [...topics].sort()) {
      parts.push(topic === 'treaty-model' ? `model=${(await treatyModelFor(this.db, versions)).version}` : `${topic}=${versions.topics.get(topic) ?? ''}`);
    }
    return createHash('sha1').update(parts.join('|')).digest('base64url').slice(0, 12);
  }

  private forget(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entrySize(entry) + key.length;
  }

  /** Keeps an entry, dropping the oldest ones while the cache would exceed MAX_BYTES. */
  private store(key: string, entry: Entry): void {
    const size = entrySize(entry) + key.length;
    for (const [oldKey, old] of this.entries) {
      if (this.bytes + size <= MAX_BYTES) break;
      this.entries.delete(oldKey);
      this.bytes -= entrySize(old) + oldKey.length;
    }
    this.entries.set(key, entry);
    this.bytes += size;
  }

  /**
   * Answers from the cache while the topics the answer reads are unchanged, else builds and
   * stores. The answer's type is the route's schema output (checked where the route calls it).
   */
  async json<T>(c: Context, key: string, topics: readonly ReadTopic[], build: () => Promise<T>): Promise<TypedResponse<JSONParsed<T>, 200, 'json'>> {
    return (await this.answer(c, key, topics, build)) as unknown as TypedResponse<JSONParsed<T>, 200, 'json'>;
  }

  private async answer(c: Context, key: string, topics: readonly ReadTopic[], build: () => Promise<unknown>): Promise<Response> {
    const stamp = await this.stampOf(c, topics);
    let entry = this.entries.get(key);
    if (!entry || entry.stamp !== stamp) {
      if (entry) this.forget(key, entry);
      const text = safeJson(await build());
      entry = { stamp, body: encoder.encode(text), etag: `"${stamp}-${createHash('sha1').update(text).digest('base64url').slice(0, 16)}"` };
      this.store(key, entry);
    }
    const coding = entry.body.byteLength < MIN_COMPRESSED_BYTES ? 'identity' : chooseCoding(c.req.header('accept-encoding'));
    // An answer for a signed-in user may hold what others may not see: no shared cache keeps it.
    const signedIn = c.req.header('cookie') !== undefined || c.req.header('authorization') !== undefined;
    const headers: Record<string, string> = {
      ETag: etagOf(entry, coding),
      'Cache-Control': signedIn ? 'private, no-cache' : 'no-cache',
      Vary: 'Accept-Language, Accept-Encoding, Cookie, Authorization',
    };
    if (notModified(c.req.header('if-none-match'), entry)) return new Response(null, { status: 304, headers });
    headers['Content-Type'] = 'application/json; charset=utf-8';
    if (coding === 'identity') return new Response(entry.body, { status: 200, headers });
    let body = entry[coding];
    if (!body) {
      body = compress(entry.body, coding);
      entry[coding] = body;
      // Counted only while the entry is still held (a newer version may have replaced it).
      if (this.entries.get(key) === entry) this.bytes += body.byteLength;
    }
    headers['Content-Encoding'] = coding;
    return new Response(body, { status: 200, headers });
  }
}
