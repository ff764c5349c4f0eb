// Source addresses: only http(s) web addresses and UN document symbols are accepted where an
// address enters, and only web addresses become links in the web app.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { columnMapping } from '../../src/importers/csv-mapping/mapping.ts';
import { organizationFile, sourceFile } from '../../src/reference/schemas.ts';
import { isSourceAddress, isUnDocumentSymbol, isWebAddress } from '../../src/shared/source-address.ts';

const HOSTILE = [
  'javascript:alert(1)',
  'JavaScript:alert(document.cookie)',
  ' javascript:alert(1)',
  '\u0001javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'ftp://example.org/x',
  'mailto:a@example.org',
  'https:example.org',
  'https:/example.org',
  'https://',
  'http:// example.org',
  ' https://example.org',
  'https://example.org\n',
  '//example.org/x',
  'example.org',
  '',
  'data/reference/instrument-parties/ECHR.csv',
  'A',
  'a/res/48/141',
  'A/RES/<script>',
  'A/../..',
  'javascript:A/RES/1',
];
const WEB = ['https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=IV-4&chapter=4&clang=_en', 'http://www.coe.int/en/web/conventions', 'HTTPS://EXAMPLE.ORG'];
const SYMBOLS = ['A/RES/48/141', 'E/CN.4/1998/53/Add.2', 'CCPR/C/GC/31', 'A/CONF.157/23', 'S/RES/1325 (2000)', 'A/RES/ES-10/19', 'E/C.12/GC/14', 'A/HRC/RES/5/1', 'ST/HR/1/Rev.6'];

test('web addresses are http(s) and written out in full; nothing else is', () => {
  for (const value of WEB) assert.ok(isWebAddress(value), value);
  for (const value of [...HOSTILE, ...SYMBOLS]) assert.ok(!isWebAddress(value), JSON.stringify(value));
});

test('UN document symbols are accepted as addresses, never as web addresses', () => {
  for (const value of SYMBOLS) assert.ok(isUnDocumentSymbol(value) && isSourceAddress(value), value);
  for (const value of HOSTILE) assert.ok(!isSourceAddress(value), JSON.stringify(value));
});

test('reference source files and organization websites refuse other addresses, naming the field', () => {
  const source = { id: 's', title: 'T', retrieved: '2020-01-01', kind: 'official' };
  assert.ok(sourceFile.safeParse([{ ...source, url: 'https://example.org' }]).success);
  assert.ok(sourceFile.safeParse([{ ...source, url: 'A/RES/48/141' }]).success);
  const refused = sourceFile.safeParse([{ ...source, url: 'javascript:alert(1)' }]);
  assert.ok(!refused.success);
  assert.deepEqual(
    refused.error.issues.map((i) => i.path.join('.')),
    ['0.url'],
  );
  assert.match(refused.error.issues[0]!.message, /http\(s\) web address or a UN document symbol/);
  const org = { id: 'x', name: { en: 'X' }, kind: 'regional', founded: null, sources: ['s'] };
  assert.ok(organizationFile.safeParse({ ...org, website: 'https://www.coe.int' }).success);
  for (const website of ['javascript:alert(1)', 'A/RES/48/141', 'data:text/html,x']) assert.ok(!organizationFile.safeParse({ ...org, website }).success, website);
});

test('a column mapping refuses a javascript: source address', () => {
  const mapping = {
    name: 'm',
    instrument: 'ACHR',
    source: { title: 'T', url: 'javascript:alert(1)', retrieved: '2020', kind: 'official' },
    participant: { iso3: 'iso3' },
    snapshot: { status: 'party' },
  };
  const refused = columnMapping.safeParse(mapping);
  assert.ok(!refused.success);
  assert.deepEqual(
    refused.error.issues.map((i) => i.path.join('.')),
    ['source.url'],
  );
  assert.ok(columnMapping.safeParse({ ...mapping, source: { ...mapping.source, url: 'E/CN.4/1998/53/Add.2' } }).success);
});

/** Every .tsx file of the web app. */
function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsxFiles(path) : path.endsWith('.tsx') ? [path] : [];
  });
}

test('the web app links an address from the data only after isWebAddress allows it', () => {
  const web = new URL('../../web/src/', import.meta.url).pathname;
  let links = 0;
  for (const file of tsxFiles(web)) {
    const text = readFileSync(file, 'utf8');
    // href={…} of a value from the API (not a literal, not the app's own href() for its pages
    // nor apiUrl() for its own API's downloads).
    for (const match of text.matchAll(/\bhref=\{([^}]+)\}/g)) {
      const value = match[1]!.trim();
      if (/^(href|apiUrl)\(|^['"`]/.test(value)) continue;
      links += 1;
      assert.ok(text.includes(`isWebAddress(${value})`), `${file.slice(web.length)}: href={${value}} is not checked with isWebAddress(${value})`);
    }
  }
  assert.ok(links >= 2, `${links} links from data found`);
  assert.match(readFileSync(join(web, 'components/Sources.tsx'), 'utf8'), /from '..\/..\/..\/src\/shared\/source-address\.ts'/, "the web app uses the server's rule");
});
