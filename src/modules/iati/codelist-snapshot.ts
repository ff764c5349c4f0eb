// Builds data/snapshot/iati-codelists.json from the IATI codelist files of the shared data folder
// (`accord snapshot iati-codelists ../shared/data`; a test rebuilds it and compares). The
// snapshot is Accord's own format, derived from the files: each codelist names the repository,
// commit and path it was read from, and the SHA-256 of that file.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FilesUnavailableError } from '../../shared/errors.ts';
import { type Codelist, type CodelistSnapshot, IATI_CODELIST_FORMAT, readCodelistXml } from './codelists.ts';

/** The two folders of ../shared/data/iati-reference and where their files come from, as its
 *  PROVENANCE.md records (the build checks that it still names these commits). */
const FOLDERS = [
  { folder: 'codelists', repository: 'IATI/IATI-Codelists-NonEmbedded', commit: '7aeece773c60afa0265eb95e988d5e61e96d8482' },
  { folder: 'codelists-embedded', repository: 'IATI/IATI-Codelists', commit: '75e827bacd29f77356cb43defbc0b655705432f3' },
] as const;

/** The codelists validation (rules-codes.ts) and the IATI export use; GazetteerAgency is left out. */
export const NEEDED_CODELISTS = [
  'ActivityDateType',
  'ActivityStatus',
  'AidType',
  'BudgetStatus',
  'BudgetType',
  'Country',
  'Currency',
  'DocumentCategory',
  'FinanceType',
  'FlowType',
  'HumanitarianScopeType',
  'IATIOrganisationIdentifier',
  'Language',
  'OrganisationIdentifier',
  'OrganisationRole',
  'OrganisationType',
  'PolicyMarker',
  'PolicySignificance',
  'Region',
  'RegionVocabulary',
  'RelatedActivityType',
  'Sector',
  'TransactionType',
] as const;

const ABOUT =
  'IATI codelists as Accord validates and exports IATI activities with them: code, English and French name, status and category of each item, ' +
  'derived from the IATI Secretariat codelist files named in each source. Rebuilt by `accord snapshot iati-codelists ../shared/data`; do not edit.';
const LICENSE = 'IATI Standard (http://iatistandard.org/), CC BY 4.0: content of the IATI Standard, (c) Development Initiatives on behalf of the IATI Secretariat';

/** The snapshot read from <dataFolder>/iati-reference, as the text written to the shipped file. */
export function buildCodelistSnapshot(dataFolder: string): string {
  const reference = join(dataFolder, 'iati-reference');
  const provenance = join(reference, 'PROVENANCE.md');
  if (!existsSync(provenance))
    throw new FilesUnavailableError(`no IATI reference folder at ${reference} (it holds PROVENANCE.md, codelists/ and codelists-embedded/): give the shared data folder, e.g. ../shared/data`);
  const recorded = readFileSync(provenance, 'utf8');
  const codelists: Record<string, Codelist> = {};
  for (const name of NEEDED_CODELISTS) {
    const from = FOLDERS.find((f) => existsSync(join(reference, f.folder, `${name}.xml`)));
    if (!from) throw new FilesUnavailableError(`the IATI codelist ${name} is in neither ${FOLDERS.map((f) => join(reference, f.folder)).join(' nor ')}`);
    if (!recorded.includes(from.commit)) throw new Error(`${provenance} no longer names commit ${from.commit} of ${from.repository}: update the sources in codelist-snapshot.ts`);
    const bytes = readFileSync(join(reference, from.folder, `${name}.xml`));
    const read = readCodelistXml(bytes.toString('utf8'));
    if (read.name !== name) throw new Error(`${from.folder}/${name}.xml holds the codelist "${read.name}"`);
    codelists[name] = {
      source: { repository: from.repository, commit: from.commit, path: `xml/${name}.xml`, sha256: createHash('sha256').update(bytes).digest('hex') },
      complete: read.complete,
      embedded: read.embedded,
      items: read.items,
    };
  }
  return serialise({ format: IATI_CODELIST_FORMAT, about: ABOUT, license: LICENSE, codelists });
}

/** JSON with one codelist item per line: small, and a change to a code is a one-line diff. */
function serialise(snapshot: CodelistSnapshot): string {
  const { codelists, ...top } = snapshot;
  const lists = Object.entries(codelists).map(([name, { items, ...rest }]) => {
    const head = JSON.stringify(rest).slice(0, -1);
    return `    ${JSON.stringify(name)}: ${head},"items":[\n${items.map((i) => `      ${JSON.stringify(i)}`).join(',\n')}\n    ]}`;
  });
  return `${JSON.stringify(top, null, 2).slice(0, -2)},\n  "codelists": {\n${lists.join(',\n')}\n  }\n}\n`;
}

export function writeCodelistSnapshot(text: string, file: string): void {
  writeFileSync(file, text);
}
