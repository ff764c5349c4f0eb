// Calendar dates without time zone. Reference facts may be known only to the month or
// the year; the precision is read from the length and never invented.

import type { Precision } from './vocabularies.ts';

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isValidPartialDate(value: string): boolean {
  const m = PARTIAL_DATE.exec(value);
  if (!m) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12) return false;
  const last = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  return day >= 1 && day <= last;
}

export function isValidDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && isValidPartialDate(value);
}

export function precisionOf(value: string): Precision {
  if (value.length === 10) return 'day';
  if (value.length === 7) return 'month';
  return 'year';
}

/** First day a partial date can stand for: '1984' → '1984-01-01'. */
export function firstDay(value: string): string {
  if (value.length === 4) return `${value}-01-01`;
  if (value.length === 7) return `${value}-01`;
  return value;
}

/** Last day a partial date can stand for: '1984' → '1984-12-31'. */
export function lastDay(value: string): string {
  if (value.length === 10) return value;
  const year = Number(value.slice(0, 4));
  const month = value.length === 7 ? Number(value.slice(5, 7)) : 12;
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${value.slice(0, 4)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Today's calendar date in UTC, YYYY-MM-DD. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
