// The reviewed alias list from UPR Info's State names to the registry (data/reference/upr-aliases.csv)
// against every file of ../shared/data/upr-info-terman: each name in `To` and `From` (sessions.csv:
// `To`; upr-years.csv: `country`) is either, once folded, a name of exactly one registry State, or
// listed in the alias file (a State, or an entry that is not a State of the registry). Nothing is
// guessed. The regional groups and Correlates of War codes of the files cross-check the result.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { z } from 'zod';
import { parseCsvTable } from '../../src/importers/csv-records.ts';
import { loadReferenceData } from '../../src/reference/load.ts';
import { readCsv, REFERENCE_DIR } from '../../src/reference/read-files.ts';
import { foldForSearch } from '../../src/shared/text.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';

const FOLDER = 'upr-info-terman';
/** Every UPR Info file and the columns that name States. */
const FILES: { file: string; columns: string[] }[] = [
  { file: 'upr_recs_sessions_01-05.csv', columns: ['To', 'From'] },
  { file: 'upr_recs_sessions_06-09.csv', columns: ['To', 'From'] },
  { file: 'upr_recs_sessions_10-13.csv', columns: ['To', 'From'] },
  { file: 'upr_recs_sessions_14-17.csv', columns: ['To', 'From'] },
  { file: 'sessions-18-20/upr_recs_sessions_18-20.csv', columns: ['To', 'From'] },
  { file: 'sessions-18-20/upr_voluntary_pledges_sessions_01-19.csv', columns: ['To', 'From'] },
  { file: 'sessions.csv', columns: ['To'] },
  { file: 'upr-years.csv', columns: ['country'] },
];

const aliasRow = z.object({
  name: z.string().min(1),
  iso3: z.string(),
  kind: z.enum(['state', 'observer', 'other']),
  source: z.string().min(1),
  note: z.string().min(1),
});

const reference = loadReferenceData();
const stateCodes = new Set(reference.states.map((s) => s.iso3));
const sourceIds = new Set(reference.sources.map((s) => s.id));
const aliases = readCsv(join(REFERENCE_DIR, 'upr-aliases.csv'), aliasRow);
const aliasByName = new Map(aliases.map((a) => [foldForSearch(a.name), a]));

/** Folded name → the States of the registry that bear it (in any language, as seeded). */
const registryNames = new Map<string, Set<string>>();
for (const state of reference.states) {
  for (const n of state.names) {
    const key = foldForSearch(n.value);
    registryNames.set(key, (registryNames.get(key) ?? new Set()).add(state.iso3));
  }
}

type Resolved = { by: 'name' | 'alias'; kind: 'state' | 'observer' | 'other'; iso3: string | null };

/** A reviewed alias first (it is the answer a person checked), else the one State that bears the name. */
function resolve(name: string): Resolved | null {
  const key = foldForSearch(name);
  const alias = aliasByName.get(key);
  if (alias) return { by: 'alias', kind: alias.kind, iso3: alias.iso3 || null };
  const states = registryNames.get(key);
  return states?.size === 1 ? { by: 'name', kind: 'state', iso3: [...states][0]! } : null;
}

interface Row {
  file: string;
  record: Record<string, string>;
}

let cached: Row[] | undefined;
function rows(): Row[] {
  cached ??= FILES.flatMap(({ file }) => parseCsvTable(readFileSync(sharedDataPath(FOLDER, file), 'utf8'), { bom: true, skip_empty_lines: true }).records.map((record) => ({ file, record })));
  return cached;
}

/** Every distinct name of the files, with where it occurs. */
function namesInFiles(): Map<string, string[]> {
  const names = new Map<string, string[]>();
  for (const { file, columns } of FILES) {
    for (const { record } of rows().filter((r) => r.file === file)) {
      for (const column of columns) {
        const name = record[column] ?? '';
        const where = `${file}:${column}`;
        const seen = names.get(name) ?? [];
        if (!seen.includes(where)) names.set(name, [...seen, where]);
      }
    }
  }
  return names;
}

test('every alias is well formed: a State of the registry with its code, or a non-State without one, from known sources', () => {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const a of aliases) {
    const key = foldForSearch(a.name);
    if (seen.has(key)) problems.push(`${a.name}: listed twice`);
    seen.add(key);
    if (a.kind === 'state' && !stateCodes.has(a.iso3)) problems.push(`${a.name}: ${a.iso3 || '(no code)'} is not a State of the registry (states.csv)`);
    if (a.kind !== 'state' && a.iso3 !== '') problems.push(`${a.name}: a ${a.kind} has no State code, yet ${a.iso3} is given`);
    for (const id of a.source.split(';').map((s) => s.trim())) {
      if (!sourceIds.has(id)) problems.push(`${a.name}: unknown source id "${id}"`);
    }
  }
  assert.deepEqual(problems, []);
  assert.ok(sourceIds.has('upr-info-database'), 'the list as a whole cites the UPR Info database');
});

test('no alias is dead: none is already the name of exactly one registry State', () => {
  const dead = aliases.filter((a) => registryNames.get(foldForSearch(a.name))?.size === 1).map((a) => `${a.name} (${[...registryNames.get(foldForSearch(a.name))!][0]})`);
  assert.deepEqual(dead, []);
  // A name two States share is no answer: "Congo" needs its alias.
  assert.deepEqual([...(registryNames.get('congo') ?? [])].sort(), ['COD', 'COG']);
});

test('every State name of every UPR Info file resolves, and every alias is used', { skip: skipWithoutSharedData() }, () => {
  const names = namesInFiles();
  const unresolved = [...names].filter(([name]) => resolve(name) === null).map(([name, where]) => `${JSON.stringify(name)} in ${where.join(', ')}`);
  assert.deepEqual(unresolved, [], 'add these names to data/reference/upr-aliases.csv, with their evidence');
  const folded = new Set([...names.keys()].map(foldForSearch));
  assert.deepEqual(
    aliases.filter((a) => !folded.has(foldForSearch(a.name))).map((a) => a.name),
    [],
    'aliases for names no UPR Info file uses',
  );
});

test('the known hard cases map right', () => {
  const cases: [string, string | null][] = [
    ['Laos', 'LAO'],
    ["Lao People's Democratic Republic", 'LAO'],
    ['Republic of Congo', 'COG'],
    ['Congo', 'COG'],
    ['Democratic Republic of Congo', 'COD'],
    ['Democratic Republic of the Congo', 'COD'],
    ['Macedonia FYR', 'MKD'],
    ['The Former Yugoslav Republic of Macedonia', 'MKD'],
    ['DPR Korea', 'PRK'],
    ['Republic of Korea', 'KOR'],
    ["Cote d'Ivoire", 'CIV'],
    ['Guinea', 'GIN'],
    ['Guinea Bissau', 'GNB'],
    ['Equatorial Guinea', 'GNQ'],
    ['Niger', 'NER'],
    ['Nigeria', 'NGA'],
    ['Dominica', 'DMA'],
    ['Dominican Republic', 'DOM'],
    ['Sudan', 'SDN'],
    ['South Sudan', 'SSD'],
    ['Micronesia', 'FSM'],
    ['St Vincent & the Grenadines', 'VCT'],
    ['Swaziland', 'SWZ'],
    ['Viet Nam', 'VNM'],
    ['Holy See', 'VAT'],
    ['Palestine', 'PSE'],
    ['&#40;Unknown&#41;', null],
  ];
  assert.deepEqual(
    cases.map(([name]) => [name, resolve(name)?.iso3 ?? null]),
    cases,
  );
  assert.equal(resolve('&#40;Unknown&#41;')?.kind, 'other');
});

test("the files' Correlates of War codes and regional groups agree with what the names resolve to", { skip: skipWithoutSharedData() }, () => {
  // sessions.csv: one COW code per State, one State per code.
  const byCode = new Map<string, Set<string>>();
  const byState = new Map<string, Set<string>>();
  for (const { record } of rows().filter((r) => r.file === 'sessions.csv')) {
    const iso3 = resolve(record.To!)?.iso3 ?? '?';
    byCode.set(record.To_COW!, (byCode.get(record.To_COW!) ?? new Set()).add(iso3));
    byState.set(iso3, (byState.get(iso3) ?? new Set()).add(record.To_COW!));
  }
  const split = [...byCode, ...byState].filter(([, v]) => v.size !== 1).map(([k, v]) => `${k}: ${[...v].join(', ')}`);
  assert.deepEqual(split, []);
  assert.deepEqual([...byCode.get('CON')!], ['COG']);
  assert.deepEqual([...byCode.get('DRC')!], ['COD']);

  // UPR Info's regional group of each State under review against the registry's UN regional group.
  const GROUPS: Record<string, string> = { Africa: 'AG', Asia: 'APG', EEG: 'EEG', GRULAC: 'GRULAC', WEOG: 'WEOG' };
  const groupOf = new Map(reference.states.map((s) => [s.iso3, s.regionalGroup]));
  const differ = new Set<string>();
  for (const { record } of rows()) {
    if (!record['To-Rgrp']) continue;
    const iso3 = resolve(record.To!)?.iso3;
    if (iso3 && groupOf.get(iso3) !== GROUPS[record['To-Rgrp']]) differ.add(`${record.To} (${iso3}): ${record['To-Rgrp']} / ${groupOf.get(iso3)}`);
  }
  assert.deepEqual([...differ].sort(), []);
});
