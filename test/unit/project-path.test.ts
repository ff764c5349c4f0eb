// Paths to the project's files must not depend on where the code runs from (src/ or dist/).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { projectPath } from '../../src/shared/project-path.ts';

test('projectPath starts at the folder of package.json', () => {
  assert.equal(JSON.parse(readFileSync(projectPath('package.json'), 'utf8')).name, 'accord');
  assert.ok(existsSync(projectPath('data', 'reference', 'eligibility.csv')));
});
