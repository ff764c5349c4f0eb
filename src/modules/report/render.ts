// The report's document in a file format: HTML and DOCX are written here; PDF, and the PNGs a
// DOCX carries beside its SVG figures, are rendered by Chromium, a separate program that takes
// seconds and a few hundred megabytes each time. At most MAX_RENDERS run at once in this process
// (REPORT_RENDERS sets another number): one more PDF is refused with a 503 and Retry-After, so
// that no caller, the anonymous public included, can exhaust the machine by asking many at once;
// a DOCX asked while every slot is taken is written with its SVG figures alone.
import { existsSync } from 'node:fs';
import { BusyError, ProgramMissingError } from '../../shared/errors.ts';
import { toDocx } from './document/docx.ts';
import { toHtml } from './document/html.ts';
import type { ReportDocument } from './document/model.ts';
import { ChromiumMissingError, chromiumPath, figurePngs, toPdf } from './document/pdf.ts';

export const REPORT_FORMATS = ['json', 'html', 'docx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export type FileFormat = Exclude<ReportFormat, 'json'>;

export const CONTENT_TYPES: Record<FileFormat, string> = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

const RETRY_AFTER_SECONDS = 10;

function maxRenders(): number {
  const n = Number(process.env.REPORT_RENDERS);
  return Number.isInteger(n) && n >= 1 ? n : 2;
}

let running = 0;

/** Runs `job` in a render slot, or returns `busy()` when every slot is taken. */
async function inSlot<T>(job: () => Promise<T>, busy: () => T | Promise<T>): Promise<T> {
  if (running >= maxRenders()) return busy();
  running++;
  try {
    return await job();
  } finally {
    running--;
  }
}

/** How many Chromium renders run now (for tests). */
export function rendersRunning(): number {
  return running;
}

export interface RenderedReport {
  bytes: Uint8Array;
  contentType: string;
  /** Figures whose PNG could not be made (no Chromium, or every slot taken): the DOCX shows their SVG only. */
  svgOnly: boolean;
}

export async function renderReport(doc: ReportDocument, format: FileFormat): Promise<RenderedReport> {
  const contentType = CONTENT_TYPES[format];
  if (format === 'html') return { bytes: new TextEncoder().encode(toHtml(doc)), contentType, svgOnly: false };
  if (format === 'docx') {
    const hasFigures = doc.blocks.some((b) => b.kind === 'figure');
    if (!hasFigures) return { bytes: toDocx(doc), contentType, svgOnly: false };
    const pngs = existsSync(chromiumPath())
      ? await inSlot(
          () => figurePngs(doc).catch(() => null),
          () => null,
        )
      : null; // a failed render leaves the SVG alone too
    return { bytes: toDocx(doc, pngs ? { pngs } : {}), contentType, svgOnly: pngs === null };
  }
  const html = toHtml(doc);
  try {
    const pdf = await inSlot(
      () => toPdf(html),
      () => {
        throw new BusyError(`Every PDF slot is taken (${maxRenders()} at once): try again in a few seconds`, RETRY_AFTER_SECONDS);
      },
    );
    return { bytes: pdf, contentType, svgOnly: false };
  } catch (error) {
    if (error instanceof ChromiumMissingError) throw new ProgramMissingError(error.message);
    throw error;
  }
}
