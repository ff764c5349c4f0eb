// `npm run build [-- --if-stale]`, also run by `npm ci` (the prepare script): compiles src/
// into dist/ with tsc (tsconfig.build.json: the same folders, `.ts` imports rewritten to `.js`,
// no type check, which `npm run typecheck` does), then writes the stamp that tells
// bin/accord.js the build matches the sources (bin/build-stamp.js).
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DIST_DIR, PROJECT_DIR, STAMP_FILE, isBuildFresh, sourceStamp } from '../bin/build-stamp.js';

// --if-stale: nothing to do when dist/ already matches the sources (scripts/test-all.sh).
if (process.argv.includes('--if-stale') && isBuildFresh()) {
  console.log('dist/ is built from the current sources');
  process.exit(0);
}

// The sources as tsc is about to read them: a file edited during the build leaves it stale.
const stamp = sourceStamp();
// Nothing may remain of a source file removed since the last build.
rmSync(DIST_DIR, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: PROJECT_DIR, stdio: 'inherit' });
if (result.status !== 0) {
  console.error(`build: tsc exited with ${result.status ?? result.signal}; dist/ is incomplete and will not be used`);
  process.exit(1);
}
writeFileSync(STAMP_FILE, stamp);
