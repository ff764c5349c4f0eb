// What the CLI may import: nothing from src/server (the composition root, src/main.ts, joins
// them), and, for `accord --help` to start fast, only cheap modules before a command runs.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const ROOT = resolve(new URL('../../', import.meta.url).pathname);
const SRC = join(ROOT, 'src');

interface Specifier {
  from: string;
  typeOnly: boolean;
  dynamic: boolean;
}

/** Every module a file names: static imports and re-exports (type-only or not) and import(). */
function specifiers(file: string): Specifier[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: Specifier[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ from: node.moduleSpecifier.text, typeOnly: node.importClause?.isTypeOnly ?? false, dynamic: false });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ from: node.moduleSpecifier.text, typeOnly: node.isTypeOnly, dynamic: false });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      assert.ok(argument && ts.isStringLiteral(argument), `${relative(ROOT, file)}: import() of a computed name`);
      found.push({ from: argument.text, typeOnly: false, dynamic: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

const isRelative = (from: string) => from.startsWith('.');

test('src/cli imports nothing from src/server, statically or dynamically', () => {
  const server = join(SRC, 'server');
  for (const file of filesUnder(join(SRC, 'cli'))) {
    for (const s of specifiers(file).filter((s) => isRelative(s.from))) {
      const target = resolve(dirname(file), s.from);
      assert.ok(!target.startsWith(`${server}/`), `${relative(ROOT, file)} imports ${s.from}`);
    }
  }
});

test('before a command runs, the CLI loads only commander, Node built-ins and cheap modules', () => {
  // What src/cli/main.ts loads when it starts: its static imports, followed (type-only ones are erased).
  const cheap = (file: string) =>
    /^src\/(cli\/(main|context|parse)\.ts|cli\/usage\/[^/]+\.ts|shared\/[^/]+\.ts|snapshot\/format\.ts|snapshot\/(recommendations|resolutions)\/format\.ts|importers\/kinds\.ts)$/.test(
      relative(ROOT, file),
    );
  const seen = new Set<string>();
  const queue = [join(SRC, 'cli', 'main.ts')];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    assert.ok(cheap(file), `${relative(ROOT, file)} is loaded before any command runs: import it in the command's action`);
    for (const s of specifiers(file).filter((s) => !s.typeOnly && !s.dynamic)) {
      if (isRelative(s.from)) queue.push(resolve(dirname(file), s.from));
      else assert.ok(s.from === 'commander' || s.from.startsWith('node:'), `${relative(ROOT, file)} imports the package ${s.from} before any command runs`);
    }
  }
  assert.ok(seen.size > 5, 'the commands were followed');
});
