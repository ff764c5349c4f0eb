// `accord report …`: the report generated from the data into a file, read through the public view
// unless --all; the drafts and their versions as the system actor (whoever runs the CLI holds the
// database), a version written exactly as it was saved.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { publicView } from '../../db/visibility.ts';
import { SYSTEM_EDITOR } from '../../modules/access/edit-rights.ts';
import { assembleDocument } from '../../modules/report/compose/index.ts';
import type { ReportDocument } from '../../modules/report/document/model.ts';
import { draftList, requireDraft, requireVersion } from '../../modules/report/drafts/service.ts';
import { versionsOf } from '../../modules/report/drafts/repository.ts';
import { checkSettings, generateReport, type ReportSettings } from '../../modules/report/generate.ts';
import { renderReport } from '../../modules/report/render.ts';
import type { DraftListOptions, ReportFileFormat, ReportOptions, VersionOptions } from '../usage/report.ts';
import { withRegistry } from '../with-db.ts';

const CLI_NAMES = { session: '--session', asOf: '--as-of', periodStart: '--period-start', regions: '--regions', lang: '--lang', symbol: '--symbol', agendaItem: '--agenda-item' } as const;

async function write(out: string, format: ReportFileFormat, doc: ReportDocument, json: unknown): Promise<string[]> {
  const warnings: string[] = [];
  let bytes: Uint8Array | string;
  if (format === 'json') bytes = `${JSON.stringify(json, null, 2)}\n`;
  else {
    const rendered = await renderReport(doc, format);
    if (rendered.svgOnly) warnings.push('the figures are SVG only (no Chromium to make their PNG): Word before 2016 shows no picture');
    bytes = rendered.bytes;
  }
  await writeFile(out, bytes);
  return warnings;
}

function said(out: string, format: string, doc: ReportDocument, warnings: string[]): string {
  const figures = doc.blocks.filter((b) => b.kind === 'figure').length;
  const tables = doc.blocks.filter((b) => b.kind === 'table').length;
  return `wrote ${resolve(out)} (${format}; ${tables} tables, ${figures} figures); warnings: ${warnings.length ? `\n  ${warnings.join('\n  ')}` : 'none'}\n`;
}

export function runReport(options: ReportOptions): Promise<void> {
  return withRegistry(async (db) => {
    const settings: ReportSettings = checkSettings(
      { session: options.session, asOf: options.asOf, periodStart: options.periodStart, regions: options.regions, lang: options.lang, symbol: options.symbol, agendaItem: options.agendaItem },
      CLI_NAMES,
    );
    const reader: Kysely<Database> = options.all ? db.db : publicView(db.db);
    const { head, sections } = await generateReport(reader, settings);
    const document = assembleDocument(head, sections);
    const warnings = await write(options.out, options.format, document, { head, sections, document });
    process.stdout.write(said(options.out, options.format, document, warnings));
  });
}

export function runDraftList(options: DraftListOptions): Promise<void> {
  return withRegistry(async (db) => {
    const drafts = await draftList(db.db, SYSTEM_EDITOR);
    if (options.format === 'json') return void process.stdout.write(`${JSON.stringify({ items: drafts }, null, 2)}\n`);
    if (drafts.length === 0) return void process.stdout.write('no draft (the web app and POST /api/v1/report-drafts make them)\n');
    const lines = drafts.map(
      (d) =>
        `${d.id}  ${d.name}  — session ${d.session}, ${d.periodStart} to ${d.asOf}, ${d.regions.length ? d.regions.join(',') : 'every region'}, ${d.lang}; ${d.owner}, ${d.updatedAt.slice(0, 16)}`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  });
}

export function runVersionList(draftId: string): Promise<void> {
  return withRegistry(async (db) => {
    const draft = await requireDraft(db.db, SYSTEM_EDITOR, draftId);
    const versions = await versionsOf(db.db, draft.id);
    if (versions.length === 0) return void process.stdout.write(`draft ${draft.id} has no version saved\n`);
    process.stdout.write(`${versions.map((v) => `${String(v.number).padStart(3)}  ${v.saved_at.slice(0, 16)}  ${v.saved_by}${v.note ? `  ${v.note}` : ''}`).join('\n')}\n`);
  });
}

export function runVersion(draftId: string, number: number, options: VersionOptions): Promise<void> {
  return withRegistry(async (db) => {
    const draft = await requireDraft(db.db, SYSTEM_EDITOR, draftId);
    const version = await requireVersion(db.db, draft, number);
    const warnings = await write(options.out, options.format, version.document, version);
    process.stdout.write(said(options.out, options.format, version.document, warnings));
  });
}
