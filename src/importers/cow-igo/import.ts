// `accord import cow-igo <folder>`: the Correlates of War IGO data (../shared/data/cow-igo-v3,
// its derived/state_year_regional_igos.csv: country code, year, and the status in the Council
// of Europe, the OAU, the AU, the OAS and the League of Arab States). Each State's years with
// the same status become one span ("member from 1950 to 2014"), kept as a membership snapshot
// beside the registry's dated events, so that where they disagree it is listed, never merged.
// Country codes map to the registry through data/mappings/cow-igo-v3/country-codes.csv; codes
// 1 member, 2 associate, 3 observer, 0 not a member; -1 (not in existence) and -9 (missing)
// say nothing and are left out.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { MEMBERSHIP_SNAPSHOTS, type MembershipSnapshotInput } from '../../modules/organizations/facts.ts';
import { factsOf } from '../../modules/datasets/facts.ts';
import { listStates } from '../../modules/states/repository.ts';
import { ValidationError, type Problem } from '../../shared/errors.ts';
import { importDatasets, type DatasetImportOptions, type DatasetImportReport, type ReadDataset } from '../dataset-import.ts';
import { readUtf8 } from '../read-utf8.ts';
import { MAPPINGS_DIR, sourceRecord } from '../source-description.ts';
import { own } from '../../shared/own.ts';
import { parseCsvTable } from '../csv-records.ts';

export const COW_TABLE = join('derived', 'state_year_regional_igos.csv');
const CODES_FILE = join(MAPPINGS_DIR, 'cow-igo-v3', 'country-codes.csv');

/** The table's columns → the registry's organization (the OAU and the AU are one organization there). */
const ORGANIZATIONS: Record<string, string> = { coe: 'coe', oau: 'au', au: 'au', oas: 'oas', loas: 'las' };
const STATUS: Record<string, string> = { '1': 'member', '2': 'associate', '3': 'observer', '0': 'none' };
const RANK: Record<string, number> = { member: 3, associate: 2, observer: 1, none: 0 };

export function cowTable(path: string): string {
  const table = path.endsWith('.csv') ? path : join(path, COW_TABLE);
  if (!existsSync(table)) throw new ValidationError(`${path} holds no ${COW_TABLE}`, [{ file: path, reason: 'not found' }]);
  return table;
}

function countryCodes(): Map<string, string | null> {
  const rows = parseCsvTable(readUtf8(CODES_FILE, 'country-codes.csv', 'a code list')).records;
  return new Map(rows.map((r) => [r.ccode!, r.iso3 || null]));
}

interface YearStatus {
  year: number;
  status: string;
  row: number;
  column: string;
  name: string;
}

/** Consecutive years with the same status, one span each. */
function spans(years: YearStatus[]): { from: YearStatus; to: YearStatus }[] {
  const sorted = [...years].sort((a, b) => a.year - b.year);
  const out: { from: YearStatus; to: YearStatus }[] = [];
  for (const y of sorted) {
    const last = out.at(-1);
    if (last && last.to.status === y.status && last.to.year + 1 === y.year) last.to = y;
    else out.push({ from: y, to: y });
  }
  return out;
}

function readOne(path: string, hash: string, options: DatasetImportOptions, states: Set<string>): ReadDataset {
  const file = basename(path);
  const problems: Problem[] = [];
  const codes = countryCodes();
  const records = parseCsvTable(readUtf8(path, file, 'a COW IGO table'), { bom: true }).records;
  const missing = ['ccode', 'year', 'state', ...Object.keys(ORGANIZATIONS)].filter((c) => records.length > 0 && !Object.hasOwn(records[0]!, c));
  problems.push(...missing.map((c) => ({ file, row: 1, field: c, reason: 'column missing' })));
  // State and organization → year → the strongest status any of its columns (or country codes) gives.
  const byKey = new Map<string, Map<number, YearStatus>>();
  if (missing.length === 0) {
    records.forEach((r, index) => {
      const row = index + 2;
      const iso3 = codes.get(r.ccode ?? '');
      if (iso3 === undefined) {
        problems.push({ file, row, field: 'ccode', reason: `"${r.ccode}" is not in data/mappings/cow-igo-v3/country-codes.csv` });
        return;
      }
      if (iso3 === null || !states.has(iso3)) return; // a State the registry does not hold (Hanover, Taiwan…)
      const year = Number(r.year);
      for (const [column, organization] of Object.entries(ORGANIZATIONS)) {
        const status = own(STATUS, (r[column] ?? '').trim());
        if (!status) continue;
        const key = `${organization}|${iso3}`;
        const years = byKey.get(key) ?? new Map<number, YearStatus>();
        const known = years.get(year);
        if (!known || RANK[status]! > RANK[known.status]!) years.set(year, { year, status, row, column, name: r.state ?? '' });
        byKey.set(key, years);
      }
    });
  }
  const memberships: MembershipSnapshotInput[] = [...byKey].flatMap(([key, years]) => {
    const [organizationId, iso3] = key.split('|') as [string, string];
    return spans([...years.values()]).map(({ from, to }) => ({
      organizationId,
      iso3,
      participantName: from.name,
      status: from.status,
      fromYear: String(from.year),
      toYear: String(to.year),
      file,
      row: from.row,
      column: from.column,
    }));
  });
  const dataset = {
    id: 'cow-igo:memberships',
    kind: 'cow-igo',
    label: file,
    contentHash: hash,
    accepted: memberships.length,
    rejected: problems.length,
    asOf: null,
    source: sourceRecord(path, options, 'secondary', {
      id: 'import-cow-igo-v3',
      title: `Correlates of War, Intergovernmental Organizations v3.0 (Pevehouse et al. 2020): membership of the Council of Europe, OAU/AU, OAS and League of Arab States by year, 1816-2014, imported from ${file}`,
      url: 'https://correlatesofwar.org/data-sets/IGOs',
    }),
  };
  return { dataset, facts: [factsOf(MEMBERSHIP_SNAPSHOTS, memberships)], problems, unmatched: [] };
}

export async function importCowIgo(db: Kysely<Database>, path: string, options: DatasetImportOptions = {}): Promise<DatasetImportReport> {
  const table = cowTable(path);
  const states = new Set((await listStates(db)).map((s) => s.iso3));
  if (states.size === 0) throw new ValidationError('The registry has no States yet: run `accord db seed` first');
  // The code list is part of what was imported: a corrected mapping imports the same table again.
  return importDatasets(
    db,
    'cow-igo',
    [
      {
        path: table,
        datasetId: 'cow-igo:memberships',
        alsoHashed: createHash('sha256')
          .update(readUtf8(CODES_FILE, 'country-codes.csv', 'a code list'))
          .digest('hex')
          .slice(0, 16),
      },
    ],
    (p, hash) => readOne(p, hash, options, states),
    options,
  );
}
