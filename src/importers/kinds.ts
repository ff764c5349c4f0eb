// Every kind of import, in one list: its name, what its path is, its help, and how it runs.
// `accord import` takes its choices and help from here and runs the kind it is given; `import
// all` asks each kind whether it recognises a folder. A new importer is one entry here (and its
// own folder). This file is cheap to load: each kind loads its importer only when it runs.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { ValidationError } from '../shared/errors.ts';
import type { ImportAllReport } from './all.ts';
import type { CsvEncoding } from '../shared/vocabularies.ts';
import type { DatasetImportOptions, DatasetImportReport } from './dataset-import.ts';
import type { RecommendationImportReport } from './recommendation-files.ts';

export interface ImportOptions extends DatasetImportOptions {
  /** csv: the column mapping of the table. */
  mapping?: string;
  /** upr-info: the encoding of one file saved in another than UTF-8. */
  encoding?: CsvEncoding;
  /** recommendations: the source of the file (a template file names none). */
  sourceTitle?: string;
  sourceUrl?: string;
  sourceKind?: string;
  /** iati: where the money of the file's budgets and transactions comes from. */
  fundingSource?: string;
}

/** What an import did, in one of three shapes the command line knows how to print. */
export type ImportOutcome =
  | { shape: 'datasets'; report: DatasetImportReport & { skipped?: { file: string; reason: string }[]; notes?: { file: string; note: string }[] } }
  | { shape: 'names'; summary: string }
  | { shape: 'folder'; report: ImportAllReport };

export interface ImportKind {
  name: string;
  /** The path it takes, for the command's help: "a folder or one file". */
  takes: string;
  /** What it reads, for the command's help (lines under 100 characters). */
  help: string[];
  run(db: Kysely<Database>, path: string, options: ImportOptions): Promise<ImportOutcome>;
}

const datasets = (report: DatasetImportReport & { skipped?: { file: string; reason: string }[]; notes?: { file: string; note: string }[] }): ImportOutcome => ({
  shape: 'datasets',
  report,
});

/** A report of files of recommendations in the shape the command line prints. */
function recommendationOutcome(report: RecommendationImportReport): ImportOutcome {
  const files = report.files.filter((f) => f.status !== 'skipped');
  return datasets({
    files: files.map((f) => ({ file: f.file, dataset: f.dataset ?? '', status: f.status as 'imported' | 'unchanged' | 'rejected', accepted: f.stored, rejected: f.rejected })),
    problems: report.problems,
    unmatchedNames: [],
    skipped: report.files.filter((f) => f.status === 'skipped').map((f) => ({ file: f.file, reason: f.note ?? '' })),
    notes: files.flatMap((f) => (f.note ? [{ file: f.file, note: `${f.status}: ${f.note}` }] : [])),
  });
}

export const IMPORT_KINDS: readonly ImportKind[] = [
  {
    name: 'unterm-names',
    takes: 'a CSV file',
    help: ['a CSV with ISO3166-1-Alpha-3 and "UNTERM <Language> Short|Formal" columns,', 'such as country-codes.csv of the datahub country-codes dataset.'],
    async run(db, path, options) {
      const { importUntermNames } = await import('./unterm-names/import.ts');
      const report = await importUntermNames(db, path, options);
      return { shape: 'names', summary: `imported ${report.names} names for ${report.imported} States; ${report.skipped.length} rows without UNTERM names skipped` };
    },
  },
  {
    name: 'm49-names',
    takes: 'a folder',
    help: ['a folder with the UNSD M49 tables UNSD-{ar,cn,en,es,fr,ru}.csv (region, sub-region', 'and intermediate region names), such as unsd-m49-6lang of the same dataset.'],
    async run(db, path, options) {
      const { importM49Names } = await import('./m49-names/import.ts');
      const report = await importM49Names(db, path, options);
      const perLang = Object.entries(report.names)
        .map(([lang, n]) => `${lang} ${n}`)
        .join(', ');
      const skipped = report.skipped.map((s) => `${s.code} ${s.name}`).join(', ');
      return { shape: 'names', summary: `imported names of ${report.regions} regions (${perLang}); ${report.skipped.length} codes not in the registry skipped${skipped ? `: ${skipped}` : ''}` };
    },
  },
  {
    name: 'untc',
    takes: 'a folder or one file',
    help: ['UN Treaty Collection chapter IV status tables (4-N.csv) and declaration texts (4-N.txt),', 'a folder such as ../shared/data/untc-chapter4-zmjones-2015, or one file.'],
    async run(db, path, options) {
      const { importUntc } = await import('./untc/import.ts');
      return datasets(await importUntc(db, path, options));
    },
  },
  {
    name: 'untc-html',
    takes: 'a folder or one page',
    help: [
      "the UN Treaty Collection's own status pages saved as HTML (a folder such as",
      '../shared/data/untc-chapter4-html-2026, its html/ folder, or one page): dated acts, denunciations',
      'from the end notes, and declarations with their dates; each page states the date it speaks for.',
    ],
    async run(db, path, options) {
      const { importUntcHtml } = await import('./untc-html/import.ts');
      return datasets(await importUntcHtml(db, path, options));
    },
  },
  {
    name: 'untc-years',
    takes: 'a folder or one file',
    help: ['year-level status tables hr_status_<treaty>.csv of the 18 core treaties,', 'a folder such as ../shared/data/untc-core-ratification-wpdl, or one file.'],
    async run(db, path, options) {
      const { importUntcYears } = await import('./untc-years/import.ts');
      return datasets(await importUntcYears(db, path, options));
    },
  },
  {
    name: 'resolution',
    takes: 'a .txt file or a folder',
    help: [
      'the plain text of UN resolutions as extracted from their official PDFs (pdftotext, PyMuPDF or',
      'hand-corrected OCR), one file or every .txt under a folder such as ../shared/data/resolutions:',
      'paragraphs, footnotes, citations and mandates; the same symbol again replaces its reading.',
    ],
    async run(db, path, options) {
      const { importResolutions } = await import('./resolutions/import.ts');
      return datasets(await importResolutions(db, path, options));
    },
  },
  {
    name: 'cow-igo',
    takes: 'a folder',
    help: [
      'the Correlates of War IGO memberships by year (a folder such as ../shared/data/cow-igo-v3),',
      "a cross-check of the registry's memberships: each disagreement is listed, nothing is merged.",
    ],
    async run(db, path, options) {
      const { importCowIgo } = await import('./cow-igo/import.ts');
      return datasets(await importCowIgo(db, path, options));
    },
  },
  {
    name: 'csv',
    takes: 'a CSV file and --mapping',
    help: [
      'any table of treaty facts through a column mapping, e.g.',
      '  accord import csv ../shared/data/regional-hr-transcribed/achr_ratifications_cidh_2003.csv \\',
      '    --mapping data/mappings/regional-hr-transcribed/achr_ratifications_cidh_2003.mapping.json',
    ],
    async run(db, path, options) {
      const { importCsvWithMapping } = await import('./csv-mapping/import.ts');
      if (!options.mapping) throw new ValidationError('import csv needs --mapping <file>: the column mapping of the table (see data/mappings/)');
      return datasets(await importCsvWithMapping(db, path, options.mapping, options));
    },
  },
  {
    name: 'upr-info',
    takes: 'a folder or one file',
    help: [
      "UPR Info's exports of UPR recommendations and voluntary pledges (To, Text, From, Response,",
      'Session… columns), a folder such as ../shared/data/upr-info-terman, or one file; a file saved',
      'in Mac OS Roman (CR line ends) is refused unless imported on its own with --encoding macintosh.',
    ],
    async run(db, path, options) {
      const { importUprInfo } = await import('./upr-info/import.ts');
      return recommendationOutcome(await importUprInfo(db, path, options));
    },
  },
  {
    name: 'recommendations',
    takes: 'a CSV file and --source-title, --source-url, --source-kind',
    help: [
      "recommendations and decisions of treaty bodies, special procedures and regional commissions and courts in Accord's",
      'template (docs/templates/recommendations.csv, described in docs/RECOMMENDATIONS.md), with the source they were read from.',
    ],
    async run(db, path, options) {
      const { importRecommendationTemplate } = await import('./recommendations-csv/import.ts');
      const report = await importRecommendationTemplate(db, path, { title: options.sourceTitle, url: options.sourceUrl, kind: options.sourceKind }, options);
      return recommendationOutcome(report);
    },
  },
  {
    name: 'iati',
    takes: 'an IATI activity file and --source-url',
    help: [
      'an IATI 2.0x activity file (docs/IATI.md, "Import"): validated whole first (schema, codelists, rules), then',
      'each activity creates a project, or updates the one with its iati-identifier; all or nothing.',
      '--source-url says where the file was published; --funding-source where its money comes from.',
    ],
    async run(db, path, options) {
      const { importIatiPath } = await import('./iati/import.ts');
      return { shape: 'names', summary: await importIatiPath(db, path, options) };
    },
  },
  {
    name: 'all',
    takes: 'a folder of datasets',
    help: ['every dataset recognised in a folder such as ../shared/data (treaty tables, official', 'names); says what it skipped and why. One transaction: a failure stores nothing.'],
    async run(db, path, options) {
      const { importAll } = await import('./all.ts');
      return { shape: 'folder', report: await importAll(db, path, options) };
    },
  },
];

export const IMPORT_KIND_NAMES = IMPORT_KINDS.map((k) => k.name);

/** The kind of that name (an outside string: compared, never used as a key). */
export function importKind(name: string): ImportKind | undefined {
  return IMPORT_KINDS.find((k) => k.name === name);
}
