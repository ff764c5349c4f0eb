// Paragraph anchors (src/modules/resolutions/anchors.ts): unique within each shared text, each one
// a link a programme record may make (`<key>#<anchor>`), and named as docs/RESOLUTIONS.md says.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { test } from 'node:test';
import { resolutionFiles } from '../../src/importers/resolutions/import.ts';
import { RESOLUTION_PARAGRAPH } from '../../src/modules/cooperation/schema.ts';
import { type AnchoredSub, anchoredParagraphs } from '../../src/modules/resolutions/anchors.ts';
import { keyOf } from '../../src/modules/resolutions/mandates.ts';
import { parseResolution } from '../../src/modules/resolutions/parse/index.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';

const FOLDER = sharedDataPath('resolutions');
const read = (path: string) => parseResolution(readFileSync(sharedDataPath('resolutions', path), 'utf8'), path);
const all = (subs: readonly AnchoredSub[]): string[] => subs.flatMap((s) => [s.anchor, ...all(s.children)]);
const anchorsOf = (path: string) => anchoredParagraphs(read(path)).flatMap((p) => [p.anchor, ...all(p.subParagraphs)]);

test('every anchor of every shared text is unique in it and a link a record may make', { skip: skipWithoutSharedData() }, () => {
  let count = 0;
  for (const file of resolutionFiles(FOLDER)) {
    const path = relative(FOLDER, file);
    const anchors = anchorsOf(path);
    assert.equal(new Set(anchors).size, anchors.length, `${path}: anchors are unique`);
    const key = keyOf(read(path), path);
    for (const a of anchors) assert.ok(RESOLUTION_PARAGRAPH.test(`${key}#${a}`), `${path}: ${key}#${a} is accepted as a link`);
    count += anchors.length;
  }
  assert.ok(count > 800, `anchors checked: ${count}`);
});

test('anchors as the texts number them: sub-paragraphs, deeper levels, em-dash items, an unnumbered paragraph', { skip: skipWithoutSharedData() }, () => {
  const op = (path: string) => anchorsOf(path).filter((a) => !a.startsWith('pp'));
  assert.deepEqual(op('A-RES-80-245.txt'), ['op1', 'op1a', 'op1b', 'op1b-i', 'op1b-ii', 'op1b-iii', 'op1b-iv', 'op1b-v', 'op1c', 'op2', 'op3']);
  assert.deepEqual(
    op('S-RES-1445-2002.txt').filter((a) => a.startsWith('op13')),
    ['op13', 'op13-d1', 'op13-d2', 'op13-d3', 'op13-d4', 'op13-d5', 'op13-d6'],
  );
  assert.deepEqual(op('A-RES-80-189.txt'), ['op1'], 'its one paragraph is unnumbered, and none is numbered');
  const ga2004 = anchorsOf('GA-59-regional-arrangements-2004-12-20.txt');
  assert.equal(ga2004.filter((a) => a.startsWith('pp')).length, 9);
  assert.ok(ga2004.includes('op13') && ga2004.includes('op8c'));
  assert.ok(!RESOLUTION_PARAGRAPH.test('A/RES/80/1#pp1-<b>'), 'markup is no anchor');
  assert.ok(!RESOLUTION_PARAGRAPH.test('A/RES/80/1#op0'));
});
