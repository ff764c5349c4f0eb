// Writes docs/openapi.json from the app's route schemas; with --check, fails when the
// committed file differs (CI runs the check so the published document never drifts).
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { openDb } from '../src/db/connection.ts';
import { buildApp } from '../src/server/app.ts';

const FILE = new URL('../docs/openapi.json', import.meta.url).pathname;
const db = openDb('sqlite::memory:');
const response = await buildApp({ db: db.db }).request('/api/v1/openapi.json');
if (!response.ok) {
  // A schema the generator cannot read answers 500: never write that over the document.
  console.error(`the server could not build its OpenAPI document (${response.status}): check the zod schemas of the last routes changed`);
  process.exit(1);
}
const text = `${JSON.stringify(await response.json(), null, 2)}\n`;
await db.destroy();

if (process.argv.includes('--check')) {
  if (!existsSync(FILE) || readFileSync(FILE, 'utf8') !== text) {
    console.error('docs/openapi.json is out of date: run `npm run openapi` and commit it');
    process.exit(1);
  }
  console.log('docs/openapi.json is up to date');
} else {
  writeFileSync(FILE, text);
  console.log(`wrote ${FILE}`);
}
