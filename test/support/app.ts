// An app on a fresh, seeded database of the given dialect, for in-process requests.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Dialect } from '../../src/db/connection.ts';
import { loadReferenceData } from '../../src/reference/load.ts';
import { seedReferenceData } from '../../src/reference/seed.ts';
import { buildApp } from '../../src/server/app.ts';
import { createTestDb, type TestDb } from './databases.ts';

export interface TestApp {
  app: OpenAPIHono;
  db: TestDb;
  /** GET a path; returns status, headers and the parsed JSON body (null when none). */
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: any }>;
}

export async function seededApp(dialect: Dialect, errors: string[] = []): Promise<TestApp> {
  const db = await createTestDb(dialect);
  await seedReferenceData(db.db, loadReferenceData());
  const app = buildApp({ db: db.db, logError: (m) => errors.push(m) });
  return {
    app,
    db,
    async get(path, headers = {}) {
      const response = await app.request(path, { headers });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
    },
  };
}
