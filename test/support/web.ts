// Shared by the web app's end-to-end tests: a server on a registry set up as a user would
// (reference data, then the official UN names imported from ../shared/data when present),
// Chromium, and small helpers to open pages and watch for errors.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { importAll } from '../../src/importers/all.ts';
import { loadReferenceData } from '../../src/reference/load.ts';
import { seedReferenceData } from '../../src/reference/seed.ts';
import { after, before } from 'node:test';
import type { Dialect } from '../../src/db/connection.ts';
import { makeAccount, PASSWORD } from './accounts.ts';
import { launchChromium } from './browser.ts';
import { createTestDb, type TestDb } from './databases.ts';
import { startAccord, type RunningServer } from './server.ts';
import { sharedDataPath, skipWithoutSharedData } from './shared-data.ts';

export function dictionary(lang: string): Record<string, string> {
  return JSON.parse(readFileSync(new URL(`../../web/src/i18n/${lang}.json`, import.meta.url), 'utf8'));
}

/** Opens a page of the app and waits until its data are shown. */
export async function open(page: Page, url: string, ready: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector(ready, { timeout: 30_000 });
  await page.waitForFunction(() => !document.querySelector('.page-state[role="status"]'), undefined, { timeout: 30_000 });
}

export async function api<T>(server: RunningServer, path: string): Promise<T> {
  const response = await fetch(`${server.url}/api/v1${path}`);
  assert.equal(response.status, 200, path);
  return (await response.json()) as T;
}

/** Fails the test on any script error or request that leaves our server. */
export function watch(page: Page, server: RunningServer): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(server.url) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.push(`foreign request: ${url}`);
  });
  return problems;
}

/** A browser context signed in as a new account with these roles (`ohchr-editor`, `state-editor:KEN`…): its session cookie, from the API's sign-in. */
export async function signedInContext(web: WebFixture, email: string, roles: string[]): Promise<BrowserContext> {
  await makeAccount(web.database.db, email, roles);
  const response = await fetch(`${web.server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  assert.equal(response.status, 200);
  const [pair = ''] = (response.headers.get('set-cookie') ?? '').split(';');
  const at = pair.indexOf('=');
  const context = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies([{ name: pair.slice(0, at), value: pair.slice(at + 1), url: web.server.url }]);
  return context;
}

export interface WebFixture {
  database: TestDb;
  server: RunningServer;
  browser: Browser;
  context: BrowserContext;
  stop(): Promise<void>;
}

export interface FixtureOptions {
  /** Import ../shared/data (the default); false leaves the registry with its reference data alone: no UN treaty data at all. */
  sharedData?: boolean;
}

/** A registry (SQLite unless asked) with every dataset of ../shared/data imported (when it is there), its server, and Chromium. */
export async function startWebFixture(dialect: Dialect = 'sqlite', { sharedData = true }: FixtureOptions = {}): Promise<WebFixture> {
  const database = await createTestDb(dialect);
  await seedReferenceData(database.db, loadReferenceData());
  if (sharedData && !skipWithoutSharedData()) {
    // Everything `accord import all ../shared/data --skip-invalid` stores: names and treaty status.
    await importAll(database.db, sharedDataPath(), { skipInvalid: true });
  }
  // Without shared data the server must add nothing either, not even the shipped snapshot.
  const server = await startAccord(database.url, sharedData ? [] : ['--no-seed']);
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  return {
    database,
    server,
    browser,
    context,
    async stop() {
      await context.close();
      await browser.close();
      await server.stop();
      await database.drop();
    },
  };
}

/** Starts the fixture before the tests of the current suite and stops it after them; `ready` receives it. */
export function useWebFixture(ready: (web: WebFixture) => void, dialect: Dialect = 'sqlite', options: FixtureOptions = {}): void {
  let web: WebFixture | undefined;
  before(async () => {
    web = await startWebFixture(dialect, options);
    ready(web);
  });
  after(async () => {
    await web?.stop();
  });
}
