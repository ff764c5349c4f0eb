// Compares the registry with the reference folders in ../shared/data. Each difference is a
// stable sentence, so that a reviewed list (data/reference/reviewed-differences.json) can
// explain it; names are compared separately and only reported.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { ReferenceData } from '../../src/reference/load.ts';
import { belongs, membershipAt } from '../../src/modules/organizations/membership.ts';
import { sharedDataPath } from '../support/shared-data.ts';

/** The internacia snapshot's commit date: memberships are compared as of that day. */
export const INTERNACIA_DATE = '2025-12-20';

const GROUP_BLOCKS: Record<string, string> = { AFRICANGROUP: 'AG', ASIAPACIFICGROUP: 'APG', EEG: 'EEG', GRULAC: 'GRULAC', WEOG: 'WEOG' };
const ORGANIZATION_BLOCKS: Record<string, string> = {
  COE: 'coe',
  OSCE: 'osce',
  EU: 'eu',
  OAS: 'oas',
  ASEAN: 'asean',
  AFUNION: 'au',
  LAS: 'las',
  OIC: 'oic',
  ECOWAS: 'ecowas',
  SADC: 'sadc',
  EAC: 'eac',
};

function csv(path: string, delimiter = ','): Record<string, string>[] {
  return parse(readFileSync(path, 'utf8'), { columns: true, bom: true, delimiter, skip_empty_lines: true });
}

export function compareWithSharedData(data: ReferenceData): string[] {
  const differences: string[] = [];
  const byIso2 = new Map(data.states.map((s) => [s.iso2, s]));

  // Codes and M49 regions: the official UNSD export and the datahub table.
  const unsd = new Map(csv(sharedDataPath('cehdi-upr-health-refdata', 'UNSD_Methodology.csv'), ';').map((r) => [r['ISO-alpha3 Code'], r]));
  const datahub = new Map(csv(sharedDataPath('country-codes-datahub', 'country-codes.csv')).map((r) => [r['ISO3166-1-Alpha-3'], r]));
  for (const s of data.states) {
    const u = unsd.get(s.iso3);
    if (!u) {
      differences.push(`codes ${s.iso3}: not in the UNSD M49 export`);
      continue;
    }
    if (u['ISO-alpha2 Code'] !== s.iso2) differences.push(`codes ${s.iso3}: alpha-2 ${s.iso2}, UNSD ${u['ISO-alpha2 Code']}`);
    if (u['M49 Code'] !== s.m49) differences.push(`codes ${s.iso3}: M49 ${s.m49}, UNSD ${u['M49 Code']}`);
    if ((u['Region Code'] || null) !== s.regionCode) differences.push(`region ${s.iso3}: ${s.regionCode}, UNSD ${u['Region Code']}`);
    if ((u['Sub-region Code'] || null) !== s.subregionCode) differences.push(`subregion ${s.iso3}: ${s.subregionCode}, UNSD ${u['Sub-region Code']}`);
    if ((u['Intermediate Region Code'] || null) !== s.intermediateRegionCode)
      differences.push(`intermediate region ${s.iso3}: ${s.intermediateRegionCode}, UNSD ${u['Intermediate Region Code'] || 'none'}`);
    const d = datahub.get(s.iso3);
    if (!d || d['ISO3166-1-Alpha-2'] !== s.iso2 || Number(d.M49) !== Number(s.m49)) differences.push(`codes ${s.iso3}: differs from the datahub country-codes table`);
  }

  // UN membership, regional groups and organizations: internacia.
  const blocks = new Map<string, Set<string>>();
  for (const r of csv(sharedDataPath('internacia-memberships', 'memberships_flat.csv'))) {
    const set = blocks.get(r.block_id!) ?? new Set<string>();
    set.add(r.member_iso2!);
    blocks.set(r.block_id!, set);
  }
  const theirsUn = blocks.get('UN') ?? new Set();
  for (const s of data.states) {
    if ((s.unStatus === 'member') !== theirsUn.has(s.iso2)) differences.push(`un ${s.iso3}: Accord ${s.unStatus}, internacia ${theirsUn.has(s.iso2) ? 'member' : 'absent'}`);
  }
  for (const [block, group] of Object.entries(GROUP_BLOCKS)) {
    const theirs = blocks.get(block) ?? new Set();
    for (const s of data.states) {
      const ours = s.regionalGroup === group;
      if (ours !== theirs.has(s.iso2)) differences.push(`group ${group} ${s.iso3}: ${ours ? 'Accord only' : 'internacia only'}`);
    }
    for (const iso2 of theirs) if (!byIso2.has(iso2)) differences.push(`group ${group} ${iso2}: internacia lists a code Accord does not know`);
  }
  for (const [block, orgId] of Object.entries(ORGANIZATION_BLOCKS)) {
    const theirs = blocks.get(block) ?? new Set();
    const org = data.organizations.find((o) => o.id === orgId);
    const ours = new Set<string>();
    for (const s of data.states) {
      const events = (org?.members ?? []).filter((m) => m.iso3 === s.iso3).map((m, i) => ({ seq: i, event: m.event as any, date: m.date, sourceIds: m.sourceIds, note: m.note }));
      if (belongs(membershipAt(events, INTERNACIA_DATE).status)) ours.add(s.iso2);
    }
    for (const s of data.states) {
      if (ours.has(s.iso2) !== theirs.has(s.iso2)) differences.push(`membership ${orgId} ${s.iso3}: ${ours.has(s.iso2) ? 'Accord only' : 'internacia only'} on ${INTERNACIA_DATE}`);
    }
    for (const iso2 of theirs) if (!byIso2.has(iso2)) differences.push(`membership ${orgId} ${iso2}: internacia lists a code Accord does not know`);
  }
  return differences.sort();
}

/** English, French... names of the packages beside UNTERM's: reported, never failing. */
export function compareNames(data: ReferenceData): string[] {
  const datahub = new Map(csv(sharedDataPath('country-codes-datahub', 'country-codes.csv')).map((r) => [r['ISO3166-1-Alpha-3'], r]));
  const columns: Record<string, string> = { en: 'English', fr: 'French', es: 'Spanish', ru: 'Russian', zh: 'Chinese', ar: 'Arabic' };
  const lines = ['iso3,lang,package_name,unterm_short_name'];
  for (const s of data.states) {
    const row = datahub.get(s.iso3);
    for (const [lang, column] of Object.entries(columns)) {
      const unterm = (row?.[`UNTERM ${column} Short`] ?? '').replace(/\s*\*+$/, '');
      const ours = s.names.find((n) => n.lang === lang && n.kind === 'name')?.value ?? '';
      if (unterm && unterm !== ours) lines.push([s.iso3, lang, ours, unterm].map((v) => `"${v.replace(/"/g, '""')}"`).join(','));
    }
  }
  return lines;
}
