// Reads and validates data/reference. Any problem is reported with its file, row and field.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { ValidationError, type Problem } from '../shared/errors.ts';
import { projectPath } from '../shared/project-path.ts';

export const REFERENCE_DIR = projectPath('data', 'reference');

function display(path: string): string {
  return relative(process.cwd(), path) || path;
}

function describe(issues: z.core.$ZodIssue[], file: string, row?: number): Problem[] {
  return issues.map((issue) => ({
    file,
    row,
    field: issue.path.join('.') || undefined,
    reason: issue.message,
  }));
}

export function readJson<T extends z.ZodType>(path: string, schema: T): z.infer<T> {
  const file = display(path);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ValidationError(`${file} is not valid JSON`, [{ file, reason: (error as Error).message }]);
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new ValidationError(`${file} does not match its schema`, describe(result.error.issues, file));
  }
  return result.data;
}

/** Reads a CSV with a header row; row numbers in errors count the header as row 1. */
export function readCsv<T extends z.ZodType>(path: string, schema: T): z.infer<T>[] {
  const file = display(path);
  let records: Record<string, string>[];
  try {
    records = parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true, bom: true, trim: true });
  } catch (error) {
    throw new ValidationError(`${file} is not a valid CSV file`, [{ file, reason: (error as Error).message }]);
  }
  const problems: Problem[] = [];
  const rows: z.infer<T>[] = [];
  records.forEach((record, index) => {
    const result = schema.safeParse(record);
    if (result.success) rows.push(result.data);
    else problems.push(...describe(result.error.issues, file, index + 2));
  });
  if (problems.length > 0) throw new ValidationError(`${file} has ${problems.length} invalid value(s)`, problems);
  return rows;
}

export function listFiles(dir: string, suffix: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(suffix))
    .sort()
    .map((name) => join(dir, name));
}
