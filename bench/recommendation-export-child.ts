// Run by bench/recommendation-export-memory.ts in a child process (with report-max-rss.mjs):
// asks the app, in process, for GET /api/v1/recommendations/export/<format> on the database at
// DATABASE_URL and writes the answer's body to a file as it is read (the file's write stream
// paces the reading, as a slow client would).
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebStream } from 'node:stream/web';
import { openDb } from '../src/db/connection.ts';
import { buildApp } from '../src/server/app.ts';

const [format, out] = process.argv.slice(2) as [string, string];
const db = openDb(process.env.DATABASE_URL);
const app = buildApp({ db: db.db, logError: (m) => process.stderr.write(`${m}\n`) });
const response = await app.request(`/api/v1/recommendations/export/${format}`);
if (response.status !== 200 || !response.body) throw new Error(`${response.status}: ${await response.text()}`);
await pipeline(Readable.fromWeb(response.body as WebStream<Uint8Array>), createWriteStream(out));
await db.destroy();
