// Exports (`accord export`, GET /api/v1/exports/…): the same data as the API, flattened for
// CSV, whole for JSON, written a page at a time. The exports that grow with the data (treaty
// actions, conflicts) are read and resolved page by page; the registry's lists (at most a few
// hundred rows: States, organizations, instruments…, the matrix, coverage) are one page.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { DataChangedError, ValidationError } from '../../shared/errors.ts';
import type { Lang } from '../../shared/text.ts';
import { sourcesText } from '../../shared/sources-text.ts';
import { computeCoverage } from '../coverage/service.ts';
import { listInstrumentViews } from '../instruments/service.ts';
import { listMechanismViews } from '../mechanisms/service.ts';
import { readDataFingerprint } from '../meta/repository.ts';
import { listOrganizationViews, organizationMembers } from '../organizations/service.ts';
import { listPresenceViews } from '../presences/service.ts';
import { loadSources } from '../sources/repository.ts';
import { listStateSummaries } from '../states/service.ts';
import { treatyActionPages } from '../treaty-status/export-actions.ts';
import { conflictPages, type ConflictView } from '../treaty-status/data-quality.ts';
import { treatyMatrix } from '../treaty-status/matrix.ts';
import { citedSources } from '../treaty-status/views.ts';
import { csvChunks, indentedJson, jsonArrayChunks } from './serialise.ts';

import type { ExportEntity, ExportFormat } from '../../shared/vocabularies.ts';

export { EXPORT_ENTITIES, EXPORT_FORMATS, type ExportEntity, type ExportFormat } from '../../shared/vocabularies.ts';

/** Acts (or conflicts' facts) per page: a few hundred kilobytes of output. */
export const EXPORT_PAGE_ROWS = 1000;

export interface ExportRequest {
  entity: ExportEntity;
  format: ExportFormat;
  lang: Lang;
  asOf: string;
  organization?: string;
  /** Rows per page (tests use small pages to cross page boundaries). */
  pageRows?: number;
}

type Chunks = AsyncGenerator<string>;

/** An export, ready to be written in either format. */
interface EntityExport {
  csv(): Chunks;
  json(): Chunks;
}

async function* onePage<T>(items: T[]): AsyncGenerator<T[]> {
  yield items;
}

async function* text(value: string): Chunks {
  yield value;
}

async function* closed(chunks: Chunks, end: string): Chunks {
  yield* chunks;
  yield end;
}

/** A list: CSV rows, or a JSON array of the items. `pages` is called once, for one format. */
function listExport<T>(columns: string[], pages: () => AsyncIterable<T[]>, flatten: (item: T) => Record<string, unknown>): EntityExport {
  return { csv: () => csvChunks(columns, pages(), flatten), json: () => closed(jsonArrayChunks(pages()), '\n') };
}

/** A document (the matrix, coverage): its JSON is the whole object, its CSV a table made of it. */
function documentExport(json: unknown, columns: string[], rows: Record<string, unknown>[]): EntityExport {
  return { csv: () => csvChunks(columns, onePage(rows), (r) => r), json: () => text(`${JSON.stringify(json, null, 2)}\n`) };
}

function conflictSide(c: ConflictView, i: number): string {
  const s = c.sides[i];
  if (!s) return '';
  const says = s.kind ? `${s.kind} ${s.date ?? 'undated'}` : s.status ? `status ${s.status}${s.asOf ? ` as of ${s.asOf}` : ''}` : '';
  const where = s.file ? ` (${s.file}${s.row ? `, row ${s.row}` : ''})` : '';
  return `${s.collection}: ${[says, s.note].filter(Boolean).join('; ')}${where}`;
}

/** Conflicts as `{ items, sources }`: the sources they cite follow the last page. */
async function conflictsExport(db: Kysely<Database>, pageRows: number): Promise<EntityExport> {
  const sources = await loadSources(db);
  const columns = ['instrument', 'participant', 'kind', 'followed', 'side1', 'side2', 'sources'];
  const flatten = (c: ConflictView) => ({
    ...c,
    side1: conflictSide(c, 0),
    side2: c.sides
      .slice(1)
      .map((_, i) => conflictSide(c, i + 1))
      .join(' | '),
    sources: c.sides
      .flatMap((s) => s.sourceIds)
      .map((id) => sources.get(id)?.url ?? id)
      .join(' '),
  });
  async function* json(): Chunks {
    const cited = new Set<string>();
    async function* citing(): AsyncGenerator<ConflictView[]> {
      for await (const page of conflictPages(db, pageRows)) {
        for (const c of page) for (const s of c.sides) for (const id of s.sourceIds) cited.add(id);
        yield page;
      }
    }
    yield '{\n  "items": ';
    yield* jsonArrayChunks(citing(), 1);
    yield `,\n  "sources": ${indentedJson(citedSources(sources, cited), 1)}\n}\n`;
  }
  return { csv: () => csvChunks(columns, conflictPages(db, pageRows), flatten), json };
}

async function entityExport(db: Kysely<Database>, request: ExportRequest): Promise<EntityExport> {
  const { lang, asOf, organization } = request;
  const pageRows = request.pageRows ?? EXPORT_PAGE_ROWS;
  switch (request.entity) {
    case 'states': {
      const items = await listStateSummaries(db, lang);
      return listExport(
        ['iso2', 'iso3', 'm49', 'name', 'unStatus', 'unAdmission', 'regionalGroup', 'region', 'subregion', 'intermediateRegion', 'verified', 'sources'],
        () => onePage(items),
        (s) => ({ ...s, region: s.region?.name, subregion: s.subregion?.name, intermediateRegion: s.intermediateRegion?.name, sources: sourcesText(s.sources) }),
      );
    }
    case 'organizations': {
      const items = await listOrganizationViews(db, lang, asOf);
      return listExport(
        ['id', 'name', 'acronym', 'kind', 'founded', 'memberCount', 'unverifiedMembers', 'asOf', 'website', 'sources'],
        () => onePage(items),
        (o) => ({ ...o, sources: sourcesText(o.sources) }),
      );
    }
    case 'members': {
      if (!organization)
        throw new ValidationError('the members export needs an organization: --organization <id>, or organization=<id> in the API', [{ parameter: 'organization', reason: 'required' }]);
      const items = await organizationMembers(db, organization, lang, asOf);
      return listExport(
        ['iso2', 'iso3', 'name', 'status', 'since', 'sincePrecision', 'uncertain', 'verified', 'sources'],
        () => onePage(items),
        (m) => ({ ...m, sources: sourcesText(m.sources) }),
      );
    }
    case 'instruments': {
      const items = await listInstrumentViews(db, lang);
      return listExport(
        ['code', 'title', 'kind', 'binding', 'system', 'organization', 'core', 'untcRef', 'parent', 'adopted', 'entryIntoForce', 'depositary', 'verified', 'sources'],
        () => onePage(items),
        (i) => ({ ...i, sources: sourcesText(i.sources) }),
      );
    }
    case 'mechanisms': {
      const items = await listMechanismViews(db, lang);
      return listExport(
        ['code', 'name', 'kind', 'system', 'organization', 'seat', 'established', 'individualComplaints', 'coverageBasis', 'coverageOrganization', 'coverageInstrument', 'verified', 'sources'],
        () => onePage(items),
        (m) => ({
          ...m,
          seat: m.seat.city,
          coverageBasis: m.coverage.basis,
          coverageOrganization: m.coverage.organization,
          coverageInstrument: m.coverage.instruments.join(' '),
          sources: sourcesText(m.sources),
        }),
      );
    }
    case 'presences': {
      // The States each presence covers at the export's date (asOf), as the list answers it.
      const items = await listPresenceViews(db, lang, asOf);
      return listExport(
        ['asOf', 'id', 'name', 'kind', 'seat', 'opened', 'closed', 'covers', 'verified', 'sources'],
        () => onePage(items),
        (p) => ({ ...p, seat: p.seat.city, covers: p.covers.join(' '), sources: sourcesText(p.sources) }),
      );
    }
    case 'treaty-actions':
      // Every act as its source gives it, and what precedence did with it (texts only in JSON: they are long).
      return listExport(
        ['instrument', 'untc_ref', 'iso2', 'iso3', 'participant', 'kind', 'date', 'precision', 'effective', 'effective_rule', 'support', 'collection', 'precedence', 'overruled_by', 'note', 'source'],
        () => treatyActionPages(db, pageRows),
        (a) => ({ ...a }),
      );
    case 'treaty-matrix': {
      const matrix = await treatyMatrix(db, asOf, {});
      return documentExport(
        matrix,
        ['asOf', 'iso3', 'iso2', ...matrix.instruments],
        matrix.states.map((s) => ({ asOf, iso3: s.iso3, iso2: s.iso2, ...Object.fromEntries(matrix.instruments.map((code, i) => [code, s.statuses[i]])) })),
      );
    }
    case 'treaty-conflicts':
      return conflictsExport(db, pageRows);
    case 'coverage': {
      const coverage = await computeCoverage(db, asOf);
      return documentExport(
        coverage,
        ['asOf', 'iso3', 'mechanism', 'basis', 'individualComplaints', 'verified', 'unIndividualProcedures'],
        coverage.states.flatMap((s) => {
          const un = s.unIndividualProcedures.join(' ');
          return s.mechanisms.length === 0
            ? [{ asOf, iso3: s.iso3, mechanism: '', basis: 'none', unIndividualProcedures: un }]
            : s.mechanisms.map((m) => ({ asOf, iso3: s.iso3, mechanism: m.code, ...m, unIndividualProcedures: un }));
        }),
      );
    }
  }
}

/**
 * The export as text, chunk by chunk (a header, then a page of rows per chunk). A request
 * that cannot be answered (an unknown organization) fails before the first chunk; a change of
 * the data while the export is read (an import, a seed) stops it, rather than writing a file
 * made of two versions: each page is checked against the version the export began with.
 */
export async function* exportChunks(db: Kysely<Database>, request: ExportRequest): AsyncGenerator<string> {
  const version = await readDataFingerprint(db);
  const entity = await entityExport(db, request);
  for await (const chunk of entity[request.format]()) {
    if ((await readDataFingerprint(db)) !== version) throw new DataChangedError();
    yield chunk;
  }
}
