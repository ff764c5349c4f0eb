// Parsers of the command line's arguments and options: a clear message for a wrong value.
import { InvalidArgumentError } from 'commander';
import { isValidDay, isValidPartialDate } from '../shared/dates.ts';
import { isLang, type Lang } from '../shared/text.ts';

export function choice<T extends string>(allowed: readonly T[], what: string) {
  return (value: string): T => {
    if (!(allowed as readonly string[]).includes(value)) throw new InvalidArgumentError(`${what} must be one of: ${allowed.join(', ')}`);
    return value as T;
  };
}

export function parseDate(value: string): string {
  if (!isValidDay(value)) throw new InvalidArgumentError('must be a calendar date YYYY-MM-DD');
  return value;
}

export function parsePartialDate(value: string): string {
  if (!isValidPartialDate(value)) throw new InvalidArgumentError('must be a date YYYY, YYYY-MM or YYYY-MM-DD');
  return value;
}

export function parseLang(value: string): Lang {
  if (!isLang(value)) throw new InvalidArgumentError('must be one of ar en es fr ru zh');
  return value;
}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('must be a port number 0-65535 (0: any free port)');
  return port;
}

/** A day (kept as written: it compares with stored times as their first 10 characters do) or a
 *  UTC time, written as stored times are (2024-05-01T10:00:00.000Z) so that text order is time order. */
export function parseTime(value: string): string {
  if (isValidDay(value)) return value;
  const time = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z?$/.test(value) ? new Date(value.endsWith('Z') ? value : `${value}Z`) : null;
  if (!time || Number.isNaN(time.getTime())) throw new InvalidArgumentError('must be a date YYYY-MM-DD or a UTC time YYYY-MM-DDTHH:MM[:SS]Z');
  return time.toISOString();
}

export function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number from 1');
  return n;
}

export function parseLimit(value: string): number {
  const n = parsePositive(value);
  if (n > 10000) throw new InvalidArgumentError('must be at most 10000');
  return n;
}
