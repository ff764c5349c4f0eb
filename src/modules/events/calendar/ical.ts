// iCalendar (RFC 5545), written here: lines end in CRLF and are folded at 75 octets (a
// continuation starts with one space, never inside a UTF-8 character), text values escape
// backslash, semicolon, comma and newlines, each event's UID is its id (stable across feeds and
// edits), and dates are all-day (VALUE=DATE) with DTEND the day after the last day (exclusive).
// An event known only to the month or the year has no day to give: it is left out of the feed
// rather than placed on an invented day (it stays in the list and the exports). The same holds
// when only its end is partial. Participants are never part of a calendar.
import { precisionOf } from '../../../shared/dates.ts';

export interface CalendarEvent {
  id: string;
  title: string;
  kind: string;
  start: string;
  end: string | null;
  city: string | null;
  country: string | null;
  description: string | null;
  confidentiality: string;
  updatedAt: string;
}

/** A TEXT value as RFC 5545 3.3.11 writes it. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/** One content line folded into lines of at most 75 octets, each ending in CRLF. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = out.length === 0 ? 75 : 74; // a continuation's leading space counts
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return `${out.join('\r\n ')}\r\n`;
}

const compact = (day: string) => day.replaceAll('-', '');

/** The day after a calendar day (YYYY-MM-DD), as iCalendar's exclusive DTEND wants it. */
export function dayAfter(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Whether the event can be placed on days without inventing one. */
export function inCalendar(e: Pick<CalendarEvent, 'start' | 'end'>): boolean {
  return precisionOf(e.start) === 'day' && (e.end === null || precisionOf(e.end) === 'day');
}

function stamp(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '19700101T000000Z' : `${d.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

export function calendarHead(name: string): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Accord//Cooperation events//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(name)}`].map(foldLine).join('');
}

export const CALENDAR_END = foldLine('END:VCALENDAR');

/** One VEVENT (the caller has checked inCalendar). */
export function vevent(e: CalendarEvent, host: string): string {
  const last = e.end ?? e.start;
  const lines = [
    'BEGIN:VEVENT',
    `UID:${e.id}@${host}`,
    `DTSTAMP:${stamp(e.updatedAt)}`,
    `DTSTART;VALUE=DATE:${compact(e.start)}`,
    `DTEND;VALUE=DATE:${compact(dayAfter(last))}`,
    `SUMMARY:${escapeText(e.title)}`,
    `CATEGORIES:${escapeText(e.kind)}`,
    `CLASS:${e.confidentiality === 'public' ? 'PUBLIC' : 'CONFIDENTIAL'}`,
  ];
  const place = [e.city, e.country].filter(Boolean).join(', ');
  if (place) lines.push(`LOCATION:${escapeText(place)}`);
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  lines.push('END:VEVENT');
  return lines.map(foldLine).join('');
}
