// Read responses are computed once per data version and served from memory with an ETag.
// The registry changes only through seed and import, which bump the data version. The
// version is read from the database at most once a second, so a write made by another
// process (e.g. `accord db seed` while the server runs) shows within a second.
// Each answer is also kept compressed (br or gzip, made on first demand), so a client that
// accepts it gets a few kilobytes for the cost of one compression per data version. Every
// coding has its own strong ETag (a compressed body is another representation, RFC 9110
// 8.8.3), and a validator of any coding of the same answer gets a 304.
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { readDataVersion } from '../../modules/meta/repository.ts';
import { chooseCoding, compress, MIN_COMPRESSED_BYTES, type Coding } from './encoding.ts';
import { safeJson } from './json.ts';

interface Entry {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  /** The same body compressed, made when a client first asks for that coding. */
  br?: Uint8Array<ArrayBuffer>;
  gzip?: Uint8Array<ArrayBuffer>;
}

/** The ETag of one coding: "<version>-<hash>" for the plain body, "<version>-<hash>-br"… */
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
const VERSION_TTL_MS = 1000;
const encoder = new TextEncoder();

function entrySize(entry: Entry): number {
  return entry.body.byteLength + (entry.br?.byteLength ?? 0) + (entry.gzip?.byteLength ?? 0);
}

export class ResponseCache {
  private version = '';
  private versionCheckedAt = 0;
  private entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(private readonly db: Kysely<Database>) {}

  private async currentVersion(): Promise<string> {
    const now = Date.now();
    if (now - this.versionCheckedAt >= VERSION_TTL_MS) {
      this.versionCheckedAt = now;
      const version = await readDataVersion(this.db);
      if (version !== this.version) {
        this.entries.clear();
        this.bytes = 0;
        this.version = version;
      }
    }
    return this.version;
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

  /** Answers from the cache when the data have not changed, else builds and stores. */
  async json(c: Context, key: string, build: () => Promise<unknown>): Promise<Response> {
    const version = await this.currentVersion();
    let entry = this.entries.get(key);
    if (!entry) {
      const text = safeJson(await build());
      entry = { body: encoder.encode(text), etag: `"${version}-${createHash('sha1').update(text).digest('base64url').slice(0, 16)}"` };
      this.store(key, entry);
    }
    const coding = entry.body.byteLength < MIN_COMPRESSED_BYTES ? 'identity' : chooseCoding(c.req.header('accept-encoding'));
    const headers: Record<string, string> = { ETag: etagOf(entry, coding), 'Cache-Control': 'no-cache', Vary: 'Accept-Language, Accept-Encoding' };
    if (notModified(c.req.header('if-none-match'), entry)) return new Response(null, { status: 304, headers });
    headers['Content-Type'] = 'application/json; charset=utf-8';
    if (coding === 'identity') return new Response(entry.body, { status: 200, headers });
    let body = entry[coding];
    if (!body) {
      body = compress(entry.body, coding);
      entry[coding] = body;
      // Counted only while the entry is still held (a new data version may have dropped it).
      if (this.entries.get(key) === entry) this.bytes += body.byteLength;
    }
    headers['Content-Encoding'] = coding;
    return new Response(body, { status: 200, headers });
  }
}
