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

/** Imports the 2004 text as `headers` (an editor or administrator); fails loudly if it is refused. */
export async function import2004(t: TestApp, headers: Record<string, string>): Promise<string> {
  const answer = await ask(t, 'POST', '/api/v1/resolutions', { ...headers, 'Content-Type': 'application/json' }, body2004());
  if (answer.status !== 200) throw new Error(`importing the 2004 resolution failed: ${answer.status} ${answer.text}`);
  return ID_2004;
}
