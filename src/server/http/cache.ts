// Read responses are computed once per data version and served from memory with an ETag.
// The registry changes only through seed and import, which bump the data version. The
// version is read from the database at most once a second, so a write made by another
// process (e.g. `accord db seed` while the server runs) shows within a second.
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { readDataVersion } from '../../modules/meta/repository.ts';
import { safeJson } from './json.ts';

interface Entry {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
}

// Bounded by size, not count: one list can be 400 KB, and every distinct address is a key.
const MAX_BYTES = 64 * 1024 * 1024;
const VERSION_TTL_MS = 1000;
const encoder = new TextEncoder();

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
    const size = entry.body.byteLength + key.length;
    for (const [oldKey, old] of this.entries) {
      if (this.bytes + size <= MAX_BYTES) break;
      this.entries.delete(oldKey);
      this.bytes -= old.body.byteLength + oldKey.length;
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
    const headers = { ETag: entry.etag, 'Cache-Control': 'no-cache', Vary: 'Accept-Language' };
    if (c.req.header('if-none-match') === entry.etag) return new Response(null, { status: 304, headers });
    return new Response(entry.body, { status: 200, headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' } });
  }
}
