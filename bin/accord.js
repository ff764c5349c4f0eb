#!/usr/bin/env node
// Entry point of `npx accord`. Runs the compiled CLI (dist/main.js, made by `npm run build`,
// which `npm ci` runs) when it was built from the sources as they are now; otherwise runs the
// TypeScript sources (src/main.ts) through tsx, which starts several times slower, and says so.
import { isBuildFresh } from './build-stamp.js';

if (isBuildFresh()) {
  await import('../dist/main.js');
} else {
  process.stderr.write('accord: dist/ is missing or older than src/, so the sources run through tsx (slow to start); `npm run build` compiles them\n');
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/main.ts');
}
