// Locates ../shared/data (beside the project's folder). Tests that need it skip, saying why,
// when it is absent.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SHARED_DATA = resolve(new URL('../../', import.meta.url).pathname, '..', 'shared', 'data');

export function sharedDataPath(...parts: string[]): string {
  return join(SHARED_DATA, ...parts);
}

/** Value for node:test's `skip` option: false when present, else the reason. */
export function skipWithoutSharedData(): string | false {
  return existsSync(SHARED_DATA) ? false : `../shared/data not found at ${SHARED_DATA}: the cross-check against shared reference data cannot run`;
}
