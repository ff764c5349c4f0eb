// Installing Accord runs only the install scripts the project approved (package.json
// `allowScripts`) and contacts no one: @scarf/scarf, swagger-ui-dist's dependency whose
// postinstall reports each install to scarf.sh, is replaced by the empty package in
// vendor/no-telemetry (package.json `overrides`). Read from package-lock.json, so that a
// dependency update that brings a new install script or the registry's @scarf/scarf fails here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const ROOT = new URL('../../', import.meta.url);
const readJson = (path: string) => JSON.parse(readFileSync(new URL(path, ROOT), 'utf8'));
const pkg = readJson('package.json');
const lock = readJson('package-lock.json');
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'];

interface LockEntry {
  name?: string;
  version?: string;
  resolved?: string;
  integrity?: string;
  link?: boolean;
  hasInstallScript?: boolean;
}
const entries = Object.entries(lock.packages as Record<string, LockEntry>).filter(([path]) => path !== '');

/** The package an entry installs: node_modules/a/node_modules/@s/b → @s/b; a local folder by its own name. */
function nameOf(path: string, entry: LockEntry): string {
  const at = path.lastIndexOf('node_modules/');
  return at === -1 ? (entry.name ?? path) : path.slice(at + 'node_modules/'.length);
}

test('every package with an install script is approved in package.json allowScripts', () => {
  const approved = new Set(
    Object.entries(pkg.allowScripts ?? {})
      .filter(([, allowed]) => allowed === true)
      .map(([name]) => name),
  );
  const unapproved = entries
    .filter(([, e]) => e.hasInstallScript)
    .map(([path, e]) => nameOf(path, e))
    .filter((name) => !approved.has(name));
  assert.deepEqual(unapproved, [], `install scripts not approved in package.json allowScripts: ${unapproved.join(', ')}`);
  assert.ok(
    entries.some(([, e]) => e.hasInstallScript),
    'the lockfile records install scripts (hasInstallScript)',
  );
});

test('packages in the repository itself have no install scripts', () => {
  for (const [path] of entries.filter(([path]) => !path.includes('node_modules/'))) {
    const local = readJson(`${path}/package.json`);
    assert.deepEqual(
      INSTALL_SCRIPTS.filter((s) => local.scripts?.[s]),
      [],
      `${path} has an install script`,
    );
  }
});

test('@scarf/scarf resolves to the empty local package, never to the registry', () => {
  assert.equal(pkg.overrides?.['@scarf/scarf'], '$@scarf/scarf');
  assert.equal(pkg.dependencies['@scarf/scarf'], 'file:vendor/no-telemetry');
  const scarf = entries.filter(([path, e]) => nameOf(path, e) === '@scarf/scarf');
  assert.ok(scarf.length > 0, 'swagger-ui-dist still needs some @scarf/scarf');
  for (const [path, e] of scarf) {
    if (!path.includes('node_modules/')) continue; // the local folder itself
    assert.ok(e.link === true && e.resolved === 'vendor/no-telemetry' && !e.integrity, `${path} comes from the registry: ${JSON.stringify(e)}`);
  }
  assert.ok(!JSON.stringify(lock).includes('scarf/-/scarf'), 'no registry tarball of @scarf/scarf');
  const stub = readJson('vendor/no-telemetry/package.json');
  assert.equal(stub.name, '@scarf/scarf');
  assert.equal(stub.scripts, undefined);
  assert.equal(stub.dependencies, undefined);
  assert.equal(stub.main, undefined);
});
