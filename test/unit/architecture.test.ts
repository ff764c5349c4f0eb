// The architecture of docs/ARCHITECTURE.md, checked on every file: which part of the code may
// import which, where SQL is written, and what the web app may load from the server's code.
// Every .ts and .tsx file under src/ and web/src is read with TypeScript's own parser, so an
// import or a query named in a comment or a string never counts. Each rule names every file and
// import that breaks it. The rules are also run on small sources held in memory, to show they
// can fail.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface SourceText {
  /** From the repository's root, with forward slashes: `src/modules/states/service.ts`. */
  path: string;
  text: string;
}

interface Import {
  /** As written: `../../server/app.ts`, `kysely`. */
  specifier: string;
  /** A relative specifier resolved from the repository's root (`src/server/app.ts`); a package's name as is. */
  target: string;
  /** Erased when compiled: `import type`, `export type`, or a type written `import('…').Name`. */
  typeOnly: boolean;
  line: number;
}

interface Use {
  what: string;
  line: number;
}

function parse(file: SourceText): ts.SourceFile {
  const kind = file.path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, kind);
}

function lineOf(source: ts.SourceFile, node: ts.Node): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

function resolve(from: string, specifier: string): string {
  return specifier.startsWith('.') ? posix.normalize(posix.join(posix.dirname(from), specifier)) : specifier;
}

/** Static imports, re-exports, dynamic `import('…')` and `import('…')` types of one file.
 *  `import { type A } from` is not type-only: under verbatimModuleSyntax it still loads the module. */
function scanImports(file: SourceText): Import[] {
  const source = parse(file);
  const found: Import[] = [];
  const add = (literal: ts.Node | undefined, typeOnly: boolean) => {
    if (!literal || !ts.isStringLiteralLike(literal)) return; // import(variable) cannot be followed
    found.push({ specifier: literal.text, target: resolve(file.path, literal.text), typeOnly, line: lineOf(source, literal) });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) add(node.moduleSpecifier, node.importClause?.isTypeOnly ?? false);
    else if (ts.isExportDeclaration(node)) add(node.moduleSpecifier, node.isTypeOnly);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0], false);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal, true);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const QUERY_METHODS = new Set(['selectFrom', 'insertInto', 'updateTable', 'deleteFrom', 'transaction']);

/** Kysely query builder calls: `.selectFrom(` `.insertInto(` `.updateTable(` `.deleteFrom(` `.transaction(` and sql`…`. */
function scanQueries(file: SourceText): Use[] {
  const source = parse(file);
  const found: Use[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && QUERY_METHODS.has(node.expression.name.text)) {
      found.push({ what: `.${node.expression.name.text}()`, line: lineOf(source, node.expression.name) });
    }
    if (ts.isTaggedTemplateExpression(node)) {
      const tag = ts.isPropertyAccessExpression(node.tag) ? node.tag.expression : node.tag;
      if (ts.isIdentifier(tag) && tag.text === 'sql') found.push({ what: 'sql`…`', line: lineOf(source, node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every `as any` of a file. */
function scanAsAny(file: SourceText): Use[] {
  const source = parse(file);
  const found: Use[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isAsExpression(node) && node.type.kind === ts.SyntaxKind.AnyKeyword) found.push({ what: 'as any', line: lineOf(source, node.type) });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** A path is listed when it is one of the files, or under one of the folders (ending in '/'). */
const listed = (path: string, list: readonly string[]) => list.some((entry) => (entry.endsWith('/') ? path.startsWith(entry) : path === entry));

const importText = (file: SourceText, i: Import) => `${file.path}:${i.line} imports '${i.specifier}'${i.target !== i.specifier ? ` (${i.target})` : ''}`;

// (a) The server is the top of the house: nothing below it imports it.
const BELOW_THE_SERVER = ['src/modules/', 'src/importers/', 'src/reference/', 'src/snapshot/', 'src/shared/', 'src/db/', 'src/cli/'];
const ROUTE_FILE = /^src\/modules\/[^/]+\/(write-)?routes\.ts$/;
/** What route files may use of the server: the HTTP kit. */
const HTTP_KIT = ['src/server/http/', 'src/server/deps.ts'];
/** Allowed to import the server for now, each to be removed when its reason is gone. */
const SERVER_IMPORTS_ALLOWED: readonly string[] = [];

function serverImports(files: SourceText[], allowed: readonly string[] = SERVER_IMPORTS_ALLOWED): string[] {
  return files
    .filter((f) => listed(f.path, BELOW_THE_SERVER) && !listed(f.path, allowed))
    .flatMap((f) =>
      scanImports(f)
        .filter((i) => i.target.startsWith('src/server/') && !(ROUTE_FILE.test(f.path) && listed(i.target, HTTP_KIT)))
        .map((i) => importText(f, i)),
    );
}

// (b) src/shared is the bottom of the house: it imports nothing else of src/.
function sharedImports(files: SourceText[]): string[] {
  return files
    .filter((f) => f.path.startsWith('src/shared/'))
    .flatMap((f) =>
      scanImports(f)
        .filter((i) => i.target.startsWith('src/') && !i.target.startsWith('src/shared/'))
        .map((i) => importText(f, i)),
    );
}

// (c) The web app loads server code only from src/shared; types may come from anywhere (they are erased).
function webRuntimeImports(files: SourceText[]): string[] {
  return files
    .filter((f) => f.path.startsWith('web/src/'))
    .flatMap((f) =>
      scanImports(f)
        .filter((i) => i.target.startsWith('src/') && !i.typeOnly && !i.target.startsWith('src/shared/'))
        .map((i) => importText(f, i)),
    );
}

// (d) SQL is written in repositories (and in src/db: connection and frozen migrations).
/** Allowed to build queries for now, each to be removed when its reason is gone. */
const QUERIES_ALLOWED: readonly string[] = [];

/** The write pipeline opens every write's transaction: that is its job, not a query. */
const WRITE_PIPELINE = 'src/modules/audit/pipeline.ts';
const mayQuery = (path: string) => posix.basename(path) === 'repository.ts' || path.startsWith('src/db/') || path === WRITE_PIPELINE;

function queriesOutsideRepositories(files: SourceText[], allowed: readonly string[] = QUERIES_ALLOWED): string[] {
  return files.filter((f) => f.path.startsWith('src/') && !mayQuery(f.path) && !listed(f.path, allowed)).flatMap((f) => scanQueries(f).map((q) => `${f.path}:${q.line} calls ${q.what}`));
}

// (e) Route files validate with zod and need no casts to any.
function anyInRoutes(files: SourceText[]): string[] {
  return files.filter((f) => ROUTE_FILE.test(f.path)).flatMap((f) => scanAsAny(f).map((u) => `${f.path}:${u.line} uses ${u.what}`));
}

function readTree(dir: string): SourceText[] {
  return readdirSync(posix.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => posix.relative(ROOT, posix.join(e.parentPath, e.name)))
    .sort()
    .map((path) => ({ path, text: readFileSync(posix.join(ROOT, path), 'utf8') }));
}

const report = (rule: string, violations: string[]) => `${rule}:\n  ${violations.join('\n  ')}`;

describe('architecture', () => {
  const files = [...readTree('src'), ...readTree('web/src')];

  test('reads the code', () => {
    assert.ok(files.length > 100, `read ${files.length} files`);
    assert.ok(files.some((f) => f.path === 'src/server/app.ts') && files.some((f) => f.path === 'web/src/main.tsx'));
  });

  test('(a) nothing below the server imports it (routes use only the HTTP kit)', () => {
    const found = serverImports(files);
    assert.equal(found.length, 0, report('imports of src/server/', found));
  });

  test('(b) src/shared imports nothing else of src/', () => {
    const found = sharedImports(files);
    assert.equal(found.length, 0, report('imports from src/shared of the rest of src/', found));
  });

  test('(c) the web app loads only src/shared at runtime', () => {
    const found = webRuntimeImports(files);
    assert.equal(found.length, 0, report('runtime imports of server code from web/src (use src/shared, or `import type`)', found));
  });

  test('(d) Kysely queries only in repository.ts files and src/db', () => {
    const found = queriesOutsideRepositories(files);
    assert.equal(found.length, 0, report("queries outside a repository (move them into the module's repository.ts)", found));
  });

  test('every allow-list entry is still needed (remove the ones that are not)', () => {
    const needless = (list: readonly string[], rule: (files: SourceText[], allowed: readonly string[]) => string[]) =>
      list.filter(
        (entry) =>
          rule(
            files,
            list.filter((e) => e !== entry),
          ).length === rule(files, list).length,
      );
    assert.deepEqual(needless(SERVER_IMPORTS_ALLOWED, serverImports), [], 'SERVER_IMPORTS_ALLOWED');
    assert.deepEqual(needless(QUERIES_ALLOWED, queriesOutsideRepositories), [], 'QUERIES_ALLOWED');
  });

  test('(e) no `as any` in route files', () => {
    const found = anyInRoutes(files);
    assert.equal(found.length, 0, report('casts to any in route files', found));
  });
});

describe('the architecture checks themselves', () => {
  const file = (path: string, text: string): SourceText => ({ path, text });

  test('the scanner finds every kind of import, resolved, and tells type-only ones apart', () => {
    const found = scanImports(
      file(
        'web/src/features/x/page.tsx',
        [
          "import { a } from '../../../../src/modules/m/status.ts';",
          "import type { B } from '../../../../src/modules/m/schema.ts';",
          "import { type C } from './c.ts';",
          "import './side-effect.css';",
          "export { d } from '../d.ts';",
          "export type { E } from '../e.ts';",
          "export * from 'some-package';",
          "const f = await import('./lazy.tsx');",
          "type G = import('../../api/types.ts').Page;",
          "// import { h } from '../../../../src/server/app.ts';",
          'const text = "import { i } from \'../../../../src/server/app.ts\'";',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: source text with a template literal, read by the import scanner
          'export const J = <div>{`import(${k})`}</div>;',
        ].join('\n'),
      ),
    );
    assert.deepEqual(
      found.map((i) => [i.target, i.typeOnly, i.line]),
      [
        ['src/modules/m/status.ts', false, 1],
        ['src/modules/m/schema.ts', true, 2],
        ['web/src/features/x/c.ts', false, 3],
        ['web/src/features/x/side-effect.css', false, 4],
        ['web/src/features/d.ts', false, 5],
        ['web/src/features/e.ts', true, 6],
        ['some-package', false, 7],
        ['web/src/features/x/lazy.tsx', false, 8],
        ['web/src/api/types.ts', true, 9],
      ],
    );
  });

  test('(a) a module importing the server is reported; a route using the HTTP kit is not', () => {
    const files = [
      file('src/modules/m/service.ts', "import { buildApp } from '../../server/app.ts';"),
      file(
        'src/modules/m/routes.ts',
        "import { listQuery } from '../../server/http/query.ts';\nimport type { Deps } from '../../server/deps.ts';\nimport { startServer } from '../../server/main.ts';",
      ),
      file('src/importers/x/import.ts', "const app = await import('../../server/app.ts');"),
      file('src/cli/main.ts', "import { startServer } from '../server/main.ts';"),
      file('src/server/main.ts', "import { buildApp } from './app.ts';"),
    ];
    assert.deepEqual(serverImports(files), [
      "src/modules/m/service.ts:1 imports '../../server/app.ts' (src/server/app.ts)",
      "src/modules/m/routes.ts:3 imports '../../server/main.ts' (src/server/main.ts)",
      "src/importers/x/import.ts:1 imports '../../server/app.ts' (src/server/app.ts)",
      "src/cli/main.ts:1 imports '../server/main.ts' (src/server/main.ts)",
    ]);
    assert.equal(serverImports(files, ['src/cli/']).length, 3, 'an allow-list entry hides what it names');
  });

  test('(b) src/shared importing a module is reported', () => {
    const files = [
      file('src/shared/dates.ts', "import type { Precision } from './vocabularies.ts';\nimport { z } from 'zod';"),
      file('src/shared/x.ts', "import type { TreatyStatus } from '../modules/treaty-status/status.ts';"),
    ];
    assert.deepEqual(sharedImports(files), ["src/shared/x.ts:1 imports '../modules/treaty-status/status.ts' (src/modules/treaty-status/status.ts)"]);
  });

  test('(c) a runtime import of a module from the web app is reported, a type-only one is not', () => {
    const files = [
      file('web/src/components/a.ts', "import { TREATY_STATUSES } from '../../../src/modules/treaty-status/status.ts';"),
      file('web/src/components/b.ts', "export { TREATY_STATUSES } from '../../../src/shared/vocabularies.ts';\nimport type { Page } from '../../../src/server/http/list.ts';"),
      file('web/src/components/c.ts', "export type { StateSummary } from '../../../src/modules/states/schema.ts';\nexport { stateSummarySchema } from '../../../src/modules/states/schema.ts';"),
    ];
    assert.deepEqual(webRuntimeImports(files), [
      "web/src/components/a.ts:1 imports '../../../src/modules/treaty-status/status.ts' (src/modules/treaty-status/status.ts)",
      "web/src/components/c.ts:2 imports '../../../src/modules/states/schema.ts' (src/modules/states/schema.ts)",
    ]);
  });

  test('(d) a query in a service is reported; one in a repository or src/db, or named in a comment, is not', () => {
    const files = [
      file(
        'src/modules/m/service.ts',
        [
          '// one transaction: selectFrom(…) in a comment',
          "const rows = await db.selectFrom('state').selectAll().execute();",
          "await db.transaction().execute(async (trx) => trx.deleteFrom('x').execute());",
          'await sql`select 1`.execute(db);',
          "const label = 'db.insertInto(x)';",
        ].join('\n'),
      ),
      file('src/modules/m/repository.ts', "export const all = (db) => db.selectFrom('state').selectAll().execute();"),
      file('src/db/migrations/009_x.ts', "await db.schema.createTable('x').execute();\nawait sql`update x set y = 1`.execute(db);"),
      file('src/cli/main.ts', "await db.selectFrom('state').execute();"),
    ];
    assert.deepEqual(queriesOutsideRepositories(files), [
      'src/modules/m/service.ts:2 calls .selectFrom()',
      'src/modules/m/service.ts:3 calls .transaction()',
      'src/modules/m/service.ts:3 calls .deleteFrom()',
      'src/modules/m/service.ts:4 calls sql`…`',
      'src/cli/main.ts:1 calls .selectFrom()',
    ]);
  });

  test('(e) `as any` in a route file is reported', () => {
    const files = [
      file('src/modules/m/routes.ts', 'app.openapi(route, (async (c) => c.json(body)) as any);\nconst n = value as unknown as number;'),
      file('src/modules/m/service.ts', 'const x = y as any;'),
    ];
    assert.deepEqual(anyInRoutes(files), ['src/modules/m/routes.ts:1 uses as any']);
  });
});
