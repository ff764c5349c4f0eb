// A SYNTHETIC corpus of recommendations for benchmarks, never shipped as data: the real texts of
// the shared UPR Info exports recombined, deterministically, across States, mechanisms and
// years. Two CSV files are written, one per importer, so that the corpus is stored by the same
// code as real data:
// - a UPR Info-shaped file: the State reviewed, the recommending State and the session each
//   drawn from another real row than the text (with its response, action and issues);
// - a file in Accord's template for the other mechanisms of the registry (treaty bodies,
//   special procedures, regional commissions and courts), dated 1995-2026, with document
//   symbols that say SYNTHETIC.
// One text in three is two real texts joined, so the corpus holds more distinct texts than the
// source. The same arguments always give the same bytes.
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { parse } from 'csv-parse/sync';

export const UPR_SHARED = new URL('../../shared/data/upr-info-terman/', import.meta.url).pathname;

interface SourceRow {
  To: string;
  'To-Rgrp': string;
  'To-Org': string;
  Text: string;
  From: string;
  'From-Rgrp': string;
  'From-Org': string;
  Response: string;
  Action: string;
  Issue: string;
  Session: string;
}

/** The recommendations (not the pledges) of the UTF-8 exports in the shared folder. */
export function sharedUprRows(): SourceRow[] {
  const files = [
    ...readdirSync(UPR_SHARED)
      .filter((f) => /^upr_recs_sessions_.*\.csv$/.test(f))
      .map((f) => join(UPR_SHARED, f)),
    join(UPR_SHARED, 'sessions-18-20', 'upr_recs_sessions_18-20.csv'),
  ];
  return files.flatMap((file) => (parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as SourceRow[]).filter((r) => r.Response !== 'Voluntary Pledge'));
}

/** mulberry32: a small deterministic generator, enough to spread rows evenly. */
export function randomOf(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const line = (values: string[]) => `${values.map(cell).join(',')}\n`;

async function writeLines(path: string, header: string[], count: number, row: (i: number) => string[]): Promise<void> {
  const out = createWriteStream(path);
  out.write(line(header));
  for (let i = 0; i < count; i++) if (!out.write(line(row(i)))) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

function textOf(pick: () => SourceRow, random: () => number, base: SourceRow): string {
  return random() < 1 / 3 ? `${base.Text} ${pick().Text}` : base.Text;
}

/** `count` rows in UPR Info's columns, recombined from the shared rows. */
export async function writeSyntheticUpr(path: string, count: number, rows: SourceRow[], seed = 1): Promise<void> {
  const random = randomOf(seed);
  const pick = () => rows[Math.floor(random() * rows.length)]!;
  const header = ['To', 'To-Rgrp', 'To-Org', 'Text', 'From', 'From-Rgrp', 'From-Org', 'Response', 'Action', 'Issue', 'Session'];
  await writeLines(path, header, count, () => {
    const to = pick();
    const text = pick();
    let from = pick();
    while (from.From === to.To) from = pick();
    const session = pick().Session;
    return [to.To, to['To-Rgrp'], to['To-Org'], textOf(pick, random, text), from.From, from['From-Rgrp'], from['From-Org'], text.Response, text.Action, text.Issue, session];
  });
}

const TEMPLATE_RESPONSES = ['supported', 'supported', 'noted', 'partially-supported', 'pending', ''];

/** `count` rows in Accord's template, addressed to `states` by `mechanisms`, dated up to `lastDay`. */
export async function writeSyntheticTemplate(path: string, count: number, rows: SourceRow[], states: string[], mechanisms: string[], lastDay: string, seed = 2): Promise<void> {
  const random = randomOf(seed);
  const pick = () => rows[Math.floor(random() * rows.length)]!;
  const first = Date.UTC(1995, 0, 1);
  const span = Date.parse(`${lastDay}T00:00:00Z`) - first;
  const header = ['mechanism', 'kind', 'state', 'date', 'document_symbol', 'paragraph', 'text', 'language', 'response', 'themes', 'cycle', 'session'];
  await writeLines(path, header, count, (i) => {
    const mechanism = mechanisms[Math.floor(random() * mechanisms.length)]!;
    const state = states[Math.floor(random() * states.length)]!;
    const date = new Date(first + Math.floor(random() * span)).toISOString().slice(0, 10);
    const text = pick();
    const themes = text.Issue.split(',')
      .map((t) => t.trim())
      .filter(Boolean)
      .join(';');
    const response = TEMPLATE_RESPONSES[Math.floor(random() * TEMPLATE_RESPONSES.length)]!;
    return [mechanism, 'recommendation', state, date, `SYNTHETIC/${mechanism}/${date.slice(0, 4)}/${state}`, String(i + 1), textOf(pick, random, text), 'en', response, themes, '', ''];
  });
}
