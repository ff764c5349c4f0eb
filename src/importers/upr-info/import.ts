// `accord import upr-info <file or folder>`: UPR Info's exports of UPR recommendations and
// voluntary pledges (docs/RECOMMENDATIONS.md), read as recommendation-files.ts reads any file of
// recommendations. A file's dataset is named by its rows: UPR Info, recommendations or pledges,
// and the sessions they span (`upr-info:recommendations:sessions-18-20`).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { importRecommendationFiles, type RecommendationFormat, type RecommendationImportOptions, type RecommendationImportReport, type Scan } from '../recommendation-files.ts';
import { sourceRecord } from '../source-description.ts';
import { uprNameResolver } from './names.ts';
import { headerProblems, readUprRow } from './rows.ts';
import { readUprSessions } from './sessions.ts';

function kindOf(scan: Scan): string {
  if (scan.kinds.size !== 1) return 'recommendations-and-pledges';
  return scan.kinds.has('voluntary-pledge') ? 'voluntary-pledges' : 'recommendations';
}

const sessionsOf = (scan: Scan) => (scan.sessions ? `${scan.sessions[0]}-${scan.sessions[1]}` : '');

export async function importUprInfo(db: Kysely<Database>, path: string, options: RecommendationImportOptions = {}): Promise<RecommendationImportReport> {
  const context = { names: await uprNameResolver(db), sessions: readUprSessions() };
  const format: RecommendationFormat = {
    name: 'upr-info',
    what: 'a UPR Info export',
    idPrefix: 'upr',
    headerProblems,
    readRow: (file, row, cell) => readUprRow(file, row, cell, context),
    datasetId(scan) {
      const [from, to] = (scan.sessions ?? [0, 0]).map((s) => String(s).padStart(2, '0'));
      return `upr-info:${kindOf(scan)}:sessions-${from}-${to}`;
    },
    describe(scan, file, filePath, datasetId, importOptions) {
      const sessions = sessionsOf(scan);
      const source = sourceRecord(filePath, importOptions, 'secondary', {
        id: `upr-info-export:${datasetId.slice('upr-info:'.length)}`,
        title: `UPR Info, Database of UPR recommendations: export of sessions ${sessions} (${file})`,
        url: 'https://www.upr-info.org/en/database',
      });
      return { label: `UPR Info export, sessions ${sessions} (${file})`, source };
    },
  };
  return importRecommendationFiles(db, path, format, options);
}
