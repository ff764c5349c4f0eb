// What the resolution and mandate routes answer, read from the store and the parse kept with
// each resolution: one resolution with its anchored paragraphs, footnotes, citations, mandates
// and family; the list; mandates with their due session, whether they are overdue at a date,
// and what answers them (as the reader may see it); the calendar of what is due when.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import type { MandateStatus } from '../../shared/vocabularies.ts';
import { foldForSearch as foldText } from '../../shared/text.ts';
import { linksToParagraphs } from '../cooperation/parts.ts';
import { type AnchoredParagraph, anchoredParagraphs, type AnchoredSub, wholeText } from './anchors.ts';
import { dueEnds, isOverdue } from './deadlines.ts';
import { familyOf } from './family-view.ts';
import { alignParagraphs } from './family/index.ts';
import type { ParsedResolution } from './parse/types.ts';
import {
  answersOf,
  citationsOf,
  findMandate,
  findResolution,
  findResolutions,
  listMandates,
  listResolutions,
  type MandateFilter,
  type MandateRow,
  mandatesOfResolution,
  type ResolutionFilter,
  type ResolutionRow,
  type ResolutionSummaryRow,
} from './repository.ts';

export function resolutionSummary(r: ResolutionSummaryRow) {
  return {
    id: r.id,
    key: r.key,
    symbol: r.symbol,
    official: r.symbol !== null,
    body: r.body,
    session: r.session,
    title: r.title,
    adoptedOn: r.adopted_on,
    meeting: r.meeting,
    lang: r.lang,
    fileName: r.file_name,
    origin: r.origin as 'import' | 'reference',
    doubts: r.doubts,
    version: r.row_version,
  };
}
export type ResolutionSummary = ReturnType<typeof resolutionSummary>;

export const RESOLUTION_SORTS = {
  adoptedOn: (r: ResolutionSummary) => r.adoptedOn,
  key: (r: ResolutionSummary) => r.key,
  title: (r: ResolutionSummary) => r.title,
  session: (r: ResolutionSummary) => r.session,
  doubts: (r: ResolutionSummary) => r.doubts,
};

/** The resolutions the filter keeps; `q` matches words of the title or the key, accents and case aside. */
export async function resolutionItems(db: Kysely<Database>, filter: ResolutionFilter & { q?: string }): Promise<ResolutionSummary[]> {
  const rows = await listResolutions(db, filter);
  const words = filter.q ? foldText(filter.q).split(/\s+/).filter(Boolean) : [];
  const kept = words.length ? rows.filter((r) => words.every((w) => foldText(`${r.key} ${r.title ?? ''}`).includes(w))) : rows;
  return kept.map(resolutionSummary);
}

export function parsedOf(row: ResolutionRow): ParsedResolution {
  return JSON.parse(row.parsed) as ParsedResolution;
}

export async function requireResolution(db: Kysely<Database>, id: string): Promise<ResolutionRow> {
  const row = await findResolution(db, id);
  if (!row) throw new NotFoundError('resolution', id);
  return row;
}

/** Every anchor of a resolution's paragraphs and sub-paragraphs, as links name them (`<key>#op13a`). */
function paragraphRefs(key: string, paragraphs: readonly AnchoredParagraph[]): string[] {
  const subs = (list: readonly AnchoredSub[]): string[] => list.flatMap((s) => [s.anchor, ...subs(s.children)]);
  return paragraphs.flatMap((p) => [p.anchor, ...subs(p.subParagraphs)]).map((a) => `${key}#${a}`);
}

/** The mandates of some resolutions as a reader sees them at `asOf`. */
async function mandateViews(
  reader: Kysely<Database>,
  rows: readonly (MandateRow & { resolution_key: string; resolution_title: string | null })[],
  paragraphsByResolution: Map<string, AnchoredParagraph[]>,
  asOf: string,
) {
  const answers = await answersOf(
    reader,
    rows.map((m) => m.id),
  );
  const refs = rows.flatMap((m) => {
    const p = paragraphsByResolution.get(m.resolution_id)?.find((x) => x.anchor === m.anchor);
    return p ? paragraphRefs(m.resolution_key, [p]) : [`${m.resolution_key}#${m.anchor}`];
  });
  const links = await linksToParagraphs(reader, refs);
  return rows.map((m) => {
    const paragraph = paragraphsByResolution.get(m.resolution_id)?.find((x) => x.anchor === m.anchor) ?? null;
    const own = paragraph ? new Set(paragraphRefs(m.resolution_key, [paragraph])) : new Set([`${m.resolution_key}#${m.anchor}`]);
    const due = { body: m.due_body, session: m.due_session, date: m.due_date };
    return {
      id: m.id,
      resolution: { id: m.resolution_id, key: m.resolution_key, title: m.resolution_title },
      anchor: m.anchor,
      ref: `${m.resolution_key}#${m.anchor}`,
      text: paragraph ? wholeText(paragraph) : null,
      verb: m.verb,
      addressee: m.addressee,
      deadline: m.deadline,
      due: { ...due, endsBy: dueEnds(due) },
      overdue: isOverdue(m.status, due, asOf),
      status: m.status as MandateStatus,
      statusNote: m.status_note,
      statusDate: m.status_date,
      answers: answers.get(m.id) ?? [],
      answeredBy: links.filter((l) => own.has(l.to_ref)).map((l) => ({ kind: l.from_kind, id: l.from_id, paragraph: l.to_ref.slice(l.to_ref.indexOf('#') + 1), note: l.note })),
      version: m.row_version,
    };
  });
}
export type MandateView = Awaited<ReturnType<typeof mandateViews>>[number];

async function paragraphsOf(db: Kysely<Database>, resolutionIds: readonly string[]): Promise<Map<string, AnchoredParagraph[]>> {
  const rows = await findResolutions(db, [...new Set(resolutionIds)]);
  return new Map(rows.map((row) => [row.id, anchoredParagraphs(parsedOf(row))]));
}

/** One resolution whole: header, paragraphs with anchors, footnotes, annexes, citations, doubts, mandates, family. */
export async function resolutionDetail(reader: Kysely<Database>, id: string, asOf: string) {
  const row = await requireResolution(reader, id);
  const doc = parsedOf(row);
  const paragraphs = anchoredParagraphs(doc);
  const mandates = (await mandatesOfResolution(reader, id)).map((m) => ({ ...m, resolution_key: row.key, resolution_title: row.title }));
  return {
    ...resolutionSummary(row),
    fileSha256: row.file_sha256,
    paragraphs,
    footnotes: doc.footnotes,
    annexes: doc.annexes,
    citations: (await citationsOf(reader, id)).map((c) => ({ kind: c.kind, ref: c.ref, body: c.cited_body, date: c.cited_date })),
    doubtList: doc.doubts,
    mandates: await mandateViews(reader, mandates, new Map([[id, paragraphs]]), asOf),
    family: await familyOf(reader, row),
  };
}

export async function mandateDetail(reader: Kysely<Database>, id: string, asOf = new Date().toISOString().slice(0, 10)): Promise<MandateView> {
  const m = await findMandate(reader, id);
  if (!m) throw new NotFoundError('mandate', id);
  const resolution = await requireResolution(reader, m.resolution_id);
  const [view] = await mandateViews(reader, [{ ...m, resolution_key: resolution.key, resolution_title: resolution.title }], new Map([[resolution.id, anchoredParagraphs(parsedOf(resolution))]]), asOf);
  return view as MandateView;
}

/** Mandates the filter keeps, at `asOf`; `overdue` keeps only those overdue then. */
export async function mandateItems(reader: Kysely<Database>, filter: MandateFilter & { overdue?: boolean; addressee?: string }, asOf: string): Promise<MandateView[]> {
  const rows = await listMandates(reader, filter);
  const words = filter.addressee ? foldText(filter.addressee).split(/\s+/).filter(Boolean) : [];
  const kept = words.length ? rows.filter((r) => words.every((w) => foldText(r.addressee).includes(w))) : rows;
  const views = await mandateViews(
    reader,
    kept,
    await paragraphsOf(
      reader,
      kept.map((r) => r.resolution_id),
    ),
    asOf,
  );
  return filter.overdue === undefined ? views : views.filter((v) => (v.overdue === true) === filter.overdue);
}

export const MANDATE_SORTS = {
  due: (m: MandateView) => m.due.endsBy,
  dueSession: (m: MandateView) => m.due.session,
  status: (m: MandateView) => m.status,
  addressee: (m: MandateView) => m.addressee,
  resolution: (m: MandateView) => m.resolution.key,
  id: (m: MandateView) => m.id,
};

/** What is due at which session of which body (and by which date), in time order; mandates with no deadline last. */
export async function mandateCalendar(reader: Kysely<Database>, filter: MandateFilter & { addressee?: string }, asOf: string) {
  const views = await mandateItems(reader, filter, asOf);
  const groups = new Map<string, { body: string | null; session: number | null; date: string | null; endsBy: string | null; mandates: MandateView[] }>();
  for (const v of views) {
    const key = v.due.session !== null ? `${v.due.body} ${v.due.session}` : v.due.date ? `date ${v.due.date}` : 'none';
    const group = groups.get(key) ?? { body: v.due.session !== null ? v.due.body : null, session: v.due.session, date: v.due.session === null ? v.due.date : null, endsBy: v.due.endsBy, mandates: [] };
    group.mandates.push(v);
    groups.set(key, group);
  }
  const order = (g: { endsBy: string | null; session: number | null; body: string | null; date: string | null }) =>
    `${g.endsBy ?? '9999'} ${g.body ?? '~'} ${String(g.session ?? 0).padStart(4, '0')} ${g.date ?? ''}`;
  const entries = [...groups.values()].sort((a, b) => {
    const none = (g: typeof a) => (g.session === null && g.date === null ? 1 : 0);
    return none(a) - none(b) || order(a).localeCompare(order(b));
  });
  return {
    asOf,
    groups: entries.map((g) => ({ ...g, overdue: g.mandates.filter((m) => m.overdue === true).length })),
  };
}

/** The latest stored text this one recalls that was adopted before it: what it is compared with by default. */
async function previousInFamily(reader: Kysely<Database>, row: ResolutionRow): Promise<string> {
  const family = await familyOf(reader, row);
  const earlier = family.recalls
    .flatMap((r) => r.matches)
    .filter((m) => m.adoptedOn && row.adopted_on && m.adoptedOn < row.adopted_on)
    .sort((x, y) => (x.adoptedOn ?? '').localeCompare(y.adoptedOn ?? ''));
  const last = earlier.at(-1);
  if (!last) throw new ValidationError(`No earlier text of the family of ${row.key} is stored`, [{ parameter: 'with', reason: 'name the resolution to compare with (its id)' }]);
  return last.id;
}

/** Two texts of a family paragraph by paragraph, the earlier adopted first, each pair with its
 *  word-level comparison; without `otherId`, the text with the latest earlier one it recalls. */
export async function resolutionComparison(reader: Kysely<Database>, id: string, otherId?: string) {
  const a = await requireResolution(reader, id);
  const b = await requireResolution(reader, otherId ?? (await previousInFamily(reader, a)));
  const [earlier, later] = (a.adopted_on ?? '') <= (b.adopted_on ?? '') ? [a, b] : [b, a];
  const brief = (r: ResolutionRow) => ({ id: r.id, key: r.key, title: r.title, adoptedOn: r.adopted_on });
  const [first, second] = [parsedOf(earlier), parsedOf(later)];
  // The pairs name a paragraph by its part and place; the anchors are the page's (anchors.ts).
  const anchorsOf = (doc: ParsedResolution) => {
    const all = anchoredParagraphs(doc);
    return { preamble: all.filter((p) => p.kind === 'preamble').map((p) => p.anchor), operative: all.filter((p) => p.kind === 'operative').map((p) => p.anchor) };
  };
  const [a1, a2] = [anchorsOf(first), anchorsOf(second)];
  return {
    earlier: brief(earlier),
    later: brief(later),
    pairs: alignParagraphs(first, second).map((p) => ({
      part: p.part,
      earlier: p.earlier ? (a1[p.part][p.earlier.index] ?? null) : null,
      later: p.later ? (a2[p.part][p.later.index] ?? null) : null,
      change: p.change,
      moved: p.moved,
      similarity: p.similarity,
      parts: p.diff,
      note: p.diffNote,
    })),
  };
}
