// Paths inside the project's folder (data/, web/dist, node_modules), the same whether the code
// runs from src/ through tsx or compiled into dist/: the folder is the nearest one above this
// file that holds package.json. Node only: the web app does not import this file.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(): string {
  const here = fileURLToPath(import.meta.url);
  let dir = dirname(here);
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json in any folder above ${here}`);
    dir = parent;
  }
  return dir;
}

const PROJECT_ROOT = findProjectRoot();

/** projectPath('data', 'reference') is <project>/data/reference. */
export function projectPath(...parts: string[]): string {
  return join(PROJECT_ROOT, ...parts);
}
