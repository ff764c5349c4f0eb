// Links as the API shows them: on a recommendation, and in the list for review (keyset pages).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { ValidationError } from '../../shared/errors.ts';
import type { Lang } from '../../shared/text.ts';
import { namesOf } from '../names/repository.ts';
import type { LinkMethod } from './links.ts';
import { type LinkListFilter, linksOfRows, pageOfLinks } from './repository.ts';
import type { InstrumentLinkView, ReviewVerdict } from './schema.ts';

type LinkRow = {
  instrument_code: string;
  action: string;
  matched: string;
  method: string;
  method_version: string;
  verdict: string | null;
  note: string | null;
  reviewed_at: string | null;
  row_version: number | null;
};

export function linkView(r: LinkRow): InstrumentLinkView {
  return {
    instrument: r.instrument_code,
    action: r.action as InstrumentLinkView['action'],
    matched: r.matched,
    method: r.method as LinkMethod,
    methodVersion: r.method_version,
    review: r.verdict ? { verdict: r.verdict as ReviewVerdict, note: r.note, at: r.reviewed_at ?? '' } : null,
    version: r.row_version === null ? 0 : Number(r.row_version),
  };
}

/** The links of one stored row (for a recommendation's page). */
export async function linksOfRecommendation(db: Kysely<Database>, seq: number): Promise<InstrumentLinkView[]> {
  return (await linksOfRows(db, [seq])).map(linkView);
}

const listOf = (value: string | undefined) => (value ? value.split(',').map((v) => v.trim()) : []);

function cursorOf(value: string): [number, string, string] {
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown[];
    if (parsed.length === 3 && Number.isSafeInteger(parsed[0]) && typeof parsed[1] === 'string' && typeof parsed[2] === 'string') return parsed as [number, string, string];
  } catch {
    // refused below
  }
  throw new ValidationError('The cursor is not one this API gave: pass the `next` of the previous page as `after`', [{ parameter: 'after', reason: 'not a cursor of this API' }]);
}

export interface LinkListQuery {
  instrument?: string;
  action?: string;
  state?: string;
  review?: LinkListFilter['review'];
  limit?: number;
  after?: string;
  lang: Lang;
}

export async function listLinks(db: Kysely<Database>, q: LinkListQuery) {
  const filter = { instruments: listOf(q.instrument), actions: listOf(q.action), states: listOf(q.state), review: q.review ?? 'any' };
  const limit = q.limit ?? 50;
  const [{ total, rows }, names] = await Promise.all([pageOfLinks(db, filter, limit + 1, q.after ? cursorOf(q.after) : null), namesOf(db, 'state', q.lang)]);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    total,
    items: page.map((r) => ({
      recommendation: { id: r.id, state: { iso3: r.state_iso3, name: names.get(r.state_iso3)?.name ?? r.state_iso3 }, session: r.session, date: r.date, response: r.response, text: r.text },
      link: linkView(r),
    })),
    next: rows.length > limit && last ? Buffer.from(JSON.stringify([Number(last.seq), last.instrument_code, last.action])).toString('base64url') : null,
  };
}
