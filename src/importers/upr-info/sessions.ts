// The UPR Working Group's sessions as data/reference/upr-sessions.csv gives them (each with its
// official source): the cycle a session belongs to and its first and last day. A recommendation
// made in a session is dated as precisely as the session allows: its month when the session
// lies within one month, else its year. A session the list lacks leaves cycle and date unknown.
import { existsSync } from 'node:fs';
import { isValidDay } from '../../shared/dates.ts';
import { projectPath } from '../../shared/project-path.ts';
import { parseCsvTable } from '../csv-records.ts';
import { readUtf8 } from '../read-utf8.ts';

export const UPR_SESSIONS_FILE = projectPath('data', 'reference', 'upr-sessions.csv');

export interface UprSession {
  session: number;
  cycle: number | null;
  /** The date a recommendation of this session carries: YYYY-MM or YYYY, null when the dates are not known. */
  date: string | null;
}

export function dateOfSession(start: string, end: string): string | null {
  if (!isValidDay(start) || !isValidDay(end)) return null;
  if (start.slice(0, 7) === end.slice(0, 7)) return start.slice(0, 7);
  if (start.slice(0, 4) === end.slice(0, 4)) return start.slice(0, 4);
  return null;
}

export function readUprSessions(path = UPR_SESSIONS_FILE): Map<number, UprSession> {
  if (!existsSync(path)) return new Map();
  const records = parseCsvTable(readUtf8(path, 'upr-sessions.csv', 'the list of UPR sessions'), { bom: true }).records;
  return new Map(
    records.map((r) => {
      const session = Number(r.session);
      const cycle = r.cycle ? Number(r.cycle) : null;
      return [session, { session, cycle, date: dateOfSession(r.start ?? '', r.end ?? '') }];
    }),
  );
}
