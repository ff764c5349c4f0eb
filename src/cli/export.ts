// `accord export <entity>`: the same data as the API, flattened for CSV, whole for JSON.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { computeCoverage } from '../modules/coverage/service.ts';
import { listInstrumentViews } from '../modules/instruments/service.ts';
import { listMechanismViews } from '../modules/mechanisms/service.ts';
import { listOrganizationViews, organizationMembers } from '../modules/organizations/service.ts';
import { listPresenceViews } from '../modules/presences/service.ts';
import { listStateSummaries } from '../modules/states/service.ts';
import { listTreatyActions } from '../modules/treaty-status/export-actions.ts';
import { listConflicts } from '../modules/treaty-status/data-quality.ts';
import { treatyMatrix } from '../modules/treaty-status/matrix.ts';
import { ValidationError } from '../shared/errors.ts';
import type { Lang } from '../shared/text.ts';
import { toCsv } from '../shared/csv.ts';
import { sourcesText } from '../shared/sources-text.ts';
import { own } from '../shared/own.ts';
import type { ExportEntity } from './usage/export.ts';

interface Table {
  columns: string[];
  rows: Record<string, unknown>[];
}


async function table(db: Kysely<Database>, entity: ExportEntity, lang: Lang, asOf: string, organization?: string): Promise<{ json: unknown; table: Table }> {
  switch (entity) {
    case 'states': {
      const items = await listStateSummaries(db, lang);
      return { json: items, table: { columns: ['iso2', 'iso3', 'm49', 'name', 'unStatus', 'unAdmission', 'regionalGroup', 'region', 'subregion', 'intermediateRegion', 'verified', 'sources'],
        rows: items.map((s) => ({ ...s, region: s.region?.name, subregion: s.subregion?.name, intermediateRegion: s.intermediateRegion?.name, sources: sourcesText(s.sources) })) } };
    }
    case 'organizations': {
      const items = await listOrganizationViews(db, lang, asOf);
      return { json: items, table: { columns: ['id', 'name', 'acronym', 'kind', 'founded', 'memberCount', 'unverifiedMembers', 'asOf', 'website', 'sources'],
        rows: items.map((o) => ({ ...o, sources: sourcesText(o.sources) })) } };
    }
    case 'members': {
      if (!organization) throw new ValidationError('export members needs --organization <id>', [{ parameter: 'organization', reason: 'required' }]);
      const items = await organizationMembers(db, organization, lang, asOf);
      return { json: items, table: { columns: ['iso2', 'iso3', 'name', 'status', 'since', 'sincePrecision', 'uncertain', 'verified', 'sources'],
        rows: items.map((m) => ({ ...m, sources: sourcesText(m.sources) })) } };
    }
    case 'instruments': {
      const items = await listInstrumentViews(db, lang);
      return { json: items, table: { columns: ['code', 'title', 'kind', 'binding', 'system', 'organization', 'core', 'untcRef', 'parent', 'adopted', 'entryIntoForce', 'depositary', 'verified', 'sources'],
        rows: items.map((i) => ({ ...i, sources: sourcesText(i.sources) })) } };
    }
    case 'mechanisms': {
      const items = await listMechanismViews(db, lang);
      return { json: items, table: { columns: ['code', 'name', 'kind', 'system', 'organization', 'seat', 'established', 'individualComplaints', 'coverageBasis', 'coverageOrganization', 'coverageInstrument', 'verified', 'sources'],
        rows: items.map((m) => ({ ...m, seat: m.seat.city, coverageBasis: m.coverage.basis, coverageOrganization: m.coverage.organization, coverageInstrument: m.coverage.instruments.join(' '), sources: sourcesText(m.sources) })) } };
    }
    case 'presences': {
      const items = await listPresenceViews(db, lang);
      return { json: items, table: { columns: ['id', 'name', 'kind', 'seat', 'opened', 'closed', 'covers', 'verified', 'sources'],
        rows: items.map((p) => ({ ...p, seat: p.seat.city, covers: p.covers.join(' '), sources: sourcesText(p.sources) })) } };
    }
    case 'treaty-actions': {
      // Every act as its source gives it, and what precedence did with it (texts only in JSON: they are long).
      const items = await listTreatyActions(db);
      return { json: items, table: { columns: ['instrument', 'untc_ref', 'iso2', 'iso3', 'participant', 'kind', 'date', 'precision', 'effective', 'effective_rule', 'support', 'collection', 'precedence', 'overruled_by', 'note', 'source'], rows: items.map((i) => ({ ...i })) } };
    }
    case 'treaty-matrix': {
      const matrix = await treatyMatrix(db, asOf, {});
      return { json: matrix, table: { columns: ['asOf', 'iso3', 'iso2', ...matrix.instruments],
        rows: matrix.states.map((s) => ({ asOf, iso3: s.iso3, iso2: s.iso2, ...Object.fromEntries(matrix.instruments.map((code, i) => [code, s.statuses[i]])) })) } };
    }
    case 'treaty-conflicts': {
      const { items, sources } = await listConflicts(db);
      const side = (c: (typeof items)[number], i: number) => {
        const s = c.sides[i];
        if (!s) return '';
        const says = s.kind ? `${s.kind} ${s.date ?? 'undated'}` : s.status ? `status ${s.status}${s.asOf ? ` as of ${s.asOf}` : ''}` : '';
        const where = s.file ? ` (${s.file}${s.row ? `, row ${s.row}` : ''})` : '';
        return `${s.collection}: ${[says, s.note].filter(Boolean).join('; ')}${where}`;
      };
      return { json: { items, sources }, table: { columns: ['instrument', 'participant', 'kind', 'followed', 'side1', 'side2', 'sources'],
        rows: items.map((c) => ({ ...c, side1: side(c, 0), side2: c.sides.slice(1).map((_, i) => side(c, i + 1)).join(' | '),
          sources: c.sides.flatMap((s) => s.sourceIds).map((id) => own(sources, id)?.url ?? id).join(' ') })) } };
    }
    case 'coverage': {
      const coverage = await computeCoverage(db, asOf);
      return { json: coverage, table: { columns: ['asOf', 'iso3', 'mechanism', 'basis', 'individualComplaints', 'verified', 'unIndividualProcedures'],
        rows: coverage.states.flatMap((s) => {
          const un = s.unIndividualProcedures.join(' ');
          return s.mechanisms.length === 0 ? [{ asOf, iso3: s.iso3, mechanism: '', basis: 'none', unIndividualProcedures: un }] : s.mechanisms.map((m) => ({ asOf, iso3: s.iso3, mechanism: m.code, ...m, unIndividualProcedures: un }));
        }) } };
    }
  }
}

export async function exportEntity(db: Kysely<Database>, entity: ExportEntity, format: 'csv' | 'json', options: { lang: Lang; asOf: string; organization?: string }): Promise<string> {
  const result = await table(db, entity, options.lang, options.asOf, options.organization);
  return format === 'json' ? `${JSON.stringify(result.json, null, 2)}\n` : toCsv(result.table.columns, result.table.rows);
}
