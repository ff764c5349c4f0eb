// The report as PDF: the HTML of html.ts printed by headless Chromium, run as a separate program
// (Debian's chromium package; CHROMIUM_PATH names another). No browser library at runtime: the
// Playwright package is a development dependency only.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

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
    await run(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-pdf-header-footer',
        `--user-data-dir=${join(dir, 'profile')}`,
        `--print-to-pdf=${output}`,
        `file://${input}`,
      ],
      { timeout: options.timeoutMs ?? 60_000, maxBuffer: 1 << 20 },
    );
    const pdf = await readFile(output).catch(() => null);
    if (pdf?.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error(`Chromium (${chromium}) printed no PDF`);
    return new Uint8Array(pdf);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
