// `accord import recommendations <file> --source-title … --source-url … --source-kind …`:
// recommendations and decisions of treaty bodies, special procedures, regional commissions and
// courts in Accord's CSV template (docs/RECOMMENDATIONS.md, docs/templates/recommendations.csv),
// read as recommendation-files.ts reads any file of recommendations. A template file has no
// source of its own, so the command line names it; its dataset is named by the file's name.
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { listMechanisms } from '../../modules/mechanisms/repository.ts';
import { participantResolver } from '../../modules/treaty-status/participants.ts';
import { readStateCodes, readStateNames } from '../../modules/treaty-status/repository.ts';
import { ValidationError } from '../../shared/errors.ts';
import { isSourceAddress, SOURCE_ADDRESS_RULE } from '../../shared/source-address.ts';
import { SOURCE_KINDS, type SourceKind } from '../../shared/source-kinds.ts';
import { contentKey } from '../upr-info/rows.ts';
import { importRecommendationFiles, type RecommendationImportOptions, type RecommendationImportReport } from '../recommendation-files.ts';
import { sourceRecord } from '../source-description.ts';
import { readTemplateRow, templateHeaderProblems } from './rows.ts';

export interface TemplateSource {
  title?: string;
  url?: string;
  kind?: string;
}

function checkedSource(source: TemplateSource): { title: string; url: string; kind: SourceKind } {
  const problems = [];
  if (!source.title?.trim()) problems.push({ field: 'source-title', reason: 'is required: what the file was read from' });
  if (!source.url || !isSourceAddress(source.url)) problems.push({ field: 'source-url', reason: SOURCE_ADDRESS_RULE });
  if (!SOURCE_KINDS.includes(source.kind as SourceKind)) problems.push({ field: 'source-kind', reason: `must be one of ${SOURCE_KINDS.join(', ')}` });
  if (problems.length) throw new ValidationError('A file of recommendations needs its source: --source-title, --source-url and --source-kind', problems);
  return { title: source.title!.trim(), url: source.url!, kind: source.kind as SourceKind };
}

export async function importRecommendationTemplate(db: Kysely<Database>, path: string, source: TemplateSource, options: RecommendationImportOptions = {}): Promise<RecommendationImportReport> {
  const given = checkedSource(source);
  const [mechanisms, codes, names] = await Promise.all([listMechanisms(db), readStateCodes(db), readStateNames(db)]);
  const resolver = participantResolver(names, [], codes);
  const context = {
    mechanisms: new Set(mechanisms.map((m) => m.code)),
    state(value: string) {
      const found = resolver.byCode(value) ?? resolver.resolve(value);
      return found?.kind === 'state' ? found.iso3 : null;
    },
  };
  return importRecommendationFiles(
    db,
    path,
    {
      name: 'recommendations-csv',
      what: "a file in Accord's recommendations template",
      idPrefix: 'rec',
      headerProblems: templateHeaderProblems,
      readRow: (file, row, cell) => readTemplateRow(file, row, cell, context),
      datasetId: (_scan, file) =>
        `recommendations:${basename(file, '.csv')
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')}`,
      describe(_scan, file, filePath, datasetId, importOptions) {
        const record = sourceRecord(filePath, importOptions, given.kind, { id: `recommendations-source:${contentKey([datasetId, given.url, given.title])}`, title: given.title, url: given.url });
        return { label: `recommendations from ${file}`, source: { ...record, kind: given.kind } };
      },
    },
    options,
  );
}
