// The 2004 resolution on regional arrangements imported over HTTP, for the tests that need a
// resolution and its mandates (its text is in ../shared/data/resolutions).
import { readFileSync } from 'node:fs';
import type { TestApp } from './app.ts';
import { ask } from './askers.ts';
import { sharedDataPath } from './shared-data.ts';

export const FILE_2004 = 'GA-59-regional-arrangements-2004-12-20.txt';
export const ID_2004 = 'local-ga-59-regional-arrangements-2004-12-20';
export const KEY_2004 = 'local:ga-59-regional-arrangements-2004-12-20';

export function body2004() {
  return { fileName: FILE_2004, text: readFileSync(sharedDataPath('resolutions', FILE_2004), 'utf8'), lang: 'en' };
}

/** Imports a shared text (its path under ../shared/data/resolutions) as `headers` (an editor or administrator); fails loudly if it is refused. */
export async function importShared(t: TestApp, headers: Record<string, string>, ...path: string[]): Promise<string> {
  const body = { fileName: path.at(-1), text: readFileSync(sharedDataPath('resolutions', ...path), 'utf8'), lang: 'en' };
  const answer = await ask(t, 'POST', '/api/v1/resolutions', { ...headers, 'Content-Type': 'application/json' }, body);
  if (answer.status !== 200) throw new Error(`importing ${path.join('/')} failed: ${answer.status} ${answer.text}`);
  return (answer.body as { id: string }).id;
}

export function import2004(t: TestApp, headers: Record<string, string>): Promise<string> {
  return importShared(t, headers, FILE_2004);
}
