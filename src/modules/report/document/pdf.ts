// The report as PDF: the HTML of html.ts printed by headless Chromium, run as a separate program
// (Debian's chromium package; CHROMIUM_PATH names another). No browser library at runtime: the
// Playwright package is a development dependency only.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { figureWidthCm, svgAspect } from './docx-body.ts';
import { checkFigureSvg, type ReportDocument } from './model.ts';

const run = promisify(execFile);

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Where Chromium is: CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export class ChromiumMissingError extends Error {
  constructor(path: string) {
    super(`PDF needs Chromium, and there is none at ${path}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`);
    this.name = 'ChromiumMissingError';
  }
}

/** Prints a standalone HTML document (no outside resources) to PDF, A4 as its CSS says, without
 *  Chromium's own header and footer. A fresh profile in a temporary folder, removed afterwards. */
export async function toPdf(html: string, options: { timeoutMs?: number } = {}): Promise<Uint8Array> {
  const chromium = chromiumPath();
  if (!existsSync(chromium)) throw new ChromiumMissingError(chromium);
  const dir = await mkdtemp(join(tmpdir(), 'accord-report-pdf-'));
  try {
    const input = join(dir, 'report.html');
    const output = join(dir, 'report.pdf');
    await writeFile(input, html, 'utf8');
    await run(chromium, [...FLAGS, '--no-pdf-header-footer', `--user-data-dir=${join(dir, 'profile')}`, `--print-to-pdf=${output}`, `file://${input}`], {
      timeout: options.timeoutMs ?? 60_000,
      maxBuffer: 1 << 20,
    });
    const pdf = await readFile(output).catch(() => null);
    if (pdf?.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error(`Chromium (${chromium}) printed no PDF`);
    return new Uint8Array(pdf);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A PNG of an SVG, `widthPx` wide at the SVG's proportions, on white: the picture a DOCX shows in
 *  readers that do not read SVG (toDocx's `pngs`). Rendered by the same Chromium as the PDF. */
export async function svgToPng(svg: string, widthPx: number, heightPx: number, options: { timeoutMs?: number } = {}): Promise<Uint8Array> {
  checkFigureSvg(svg, 'figure');
  const chromium = chromiumPath();
  if (!existsSync(chromium)) throw new ChromiumMissingError(chromium);
  const dir = await mkdtemp(join(tmpdir(), 'accord-report-png-'));
  try {
    const input = join(dir, 'figure.html');
    const output = join(dir, 'figure.png');
    const page = `<!DOCTYPE html><html><head><meta charset="utf-8"/><style>html,body{margin:0;background:#fff}svg{display:block;width:${widthPx}px;height:${heightPx}px}</style></head><body>${svg}</body></html>`;
    await writeFile(input, page, 'utf8');
    await run(chromium, [...FLAGS, '--hide-scrollbars', `--window-size=${widthPx},${heightPx}`, `--user-data-dir=${join(dir, 'profile')}`, `--screenshot=${output}`, `file://${input}`], {
      timeout: options.timeoutMs ?? 60_000,
      maxBuffer: 1 << 20,
    });
    const png = await readFile(output).catch(() => null);
    if (png?.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error(`Chromium (${chromium}) rendered no PNG`);
    return new Uint8Array(png);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** PNGs of every figure of a document, 150 dots per inch at the width the DOCX gives it, for toDocx's `pngs`. */
export async function figurePngs(doc: ReportDocument): Promise<Map<string, Uint8Array>> {
  const figures = new Map<string, number | undefined>();
  for (const block of doc.blocks) if (block.kind === 'figure' && !figures.has(block.svg)) figures.set(block.svg, block.widthCm);
  const pending = [...figures];
  const pngs = new Map<string, Uint8Array>();
  // Two Chromiums at a time: most of a render is the browser starting, which a second core overlaps.
  const worker = async () => {
    for (let next = pending.shift(); next; next = pending.shift()) {
      const [svg, widthCm] = next;
      const width = Math.round((figureWidthCm(widthCm) / 2.54) * 150);
      pngs.set(svg, await svgToPng(svg, width, Math.round(width * svgAspect(svg))));
    }
  };
  await Promise.all([worker(), worker()]);
  return pngs;
}
