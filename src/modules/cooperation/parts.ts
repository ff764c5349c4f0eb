// Links and documents as a create or an update of a programme record writes them: checked with
// the record's other fields (each problem names `links.<i>.ref`), written in the same
// transaction, and shown to readers with the targets they may not see left out.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Problem } from '../../shared/errors.ts';
import type { CooperationLinkTarget, CooperationRecordKind } from '../../shared/vocabularies.ts';
import { documentsOf, linksOf, linksTo, linksToMany, linkTargetExists, replaceDocuments, replaceLinks, visibleRecordIds } from './repository.ts';
import { type DocumentInput, type LinkInput, RESOLUTION_PARAGRAPH, RESOLUTION_PARAGRAPH_RULE } from './schema.ts';

const RECORD_KINDS: readonly string[] = ['request', 'project', 'event', 'exchange'];

/** A record others link to is not deleted: their links (a request "answered" by this project, an
 *  event carrying that request) would name nothing. The editor removes those links first. */
export async function linkedFromProblems(db: Kysely<Database>, kind: CooperationRecordKind, id: string): Promise<Problem[]> {
  const from = await linksTo(db, kind, id);
  if (from.length === 0) return [];
  const names = from.map((l) => `${l.from_kind} ${l.from_id}`).join(', ');
  return [{ field: 'id', reason: `${names} ${from.length === 1 ? 'links' : 'link'} to it: remove ${from.length === 1 ? 'that link' : 'those links'} first` }];
}

/** What is wrong with the links a body gives: a target that does not exist, or a record linked to itself. */
export async function linkProblems(db: Kysely<Database>, self: { kind: CooperationRecordKind; id: string }, links: readonly LinkInput[] | undefined): Promise<Problem[]> {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const [i, link] of (links ?? []).entries()) {
    const field = `links.${i}.ref`;
    const key = `${link.kind} ${link.ref}`;
    if (seen.has(key)) problems.push({ field, reason: `${link.kind} "${link.ref}" is linked twice` });
    seen.add(key);
    if (link.kind === 'resolution-paragraph') {
      if (!RESOLUTION_PARAGRAPH.test(link.ref)) problems.push({ field, reason: RESOLUTION_PARAGRAPH_RULE });
    } else if (link.kind === self.kind && link.ref === self.id) {
      problems.push({ field, reason: 'a record cannot be linked to itself' });
    } else if (!(await linkTargetExists(db, link.kind, link.ref))) {
      problems.push({ field, reason: `no ${link.kind} "${link.ref}"` });
    }
  }
  return problems;
}

export interface PartsInput {
  links?: LinkInput[];
  documents?: DocumentInput[];
}

/** Writes the parts a body gives (each replaces the record's own); says which it wrote, before and after, for the audit record. */
export async function writeParts(db: Kysely<Database>, kind: CooperationRecordKind, id: string, body: PartsInput) {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  if (body.links) {
    before.links = (await linksOf(db, kind, id)).map((l) => ({ kind: l.to_kind, ref: l.to_ref, note: l.note }));
    after.links = body.links.map((l) => ({ kind: l.kind, ref: l.ref, note: l.note ?? null }));
    if (JSON.stringify(before.links) !== JSON.stringify(after.links)) {
      await replaceLinks(
        db,
        kind,
        id,
        body.links.map((l) => ({ to_kind: l.kind, to_ref: l.ref, note: l.note ?? null })),
      );
    } else {
      delete before.links;
      delete after.links;
    }
  }
  if (body.documents) {
    before.documents = await documentsOf(db, kind, id);
    after.documents = body.documents.map((d) => ({ title: d.title, url: d.url, category: d.category ?? null, lang: d.lang ?? null, date: d.date ?? null }));
    if (JSON.stringify(before.documents) !== JSON.stringify(after.documents)) {
      await replaceDocuments(db, kind, id, after.documents as never);
    } else {
      delete before.documents;
      delete after.documents;
    }
  }
  return { changed: Object.keys(after), before, after };
}

/** A record's links, documents and the records linking to it, as `reader` may see them: a
 *  link to a request, project or event the reader may not see is left out, as is a record
 *  linking here that they may not see. */
export async function partsView(reader: Kysely<Database>, kind: CooperationRecordKind, id: string) {
  const [links, documents, incoming] = await Promise.all([linksOf(reader, kind, id), documentsOf(reader, kind, id), linksTo(reader, kind, id)]);
  const visible = await visibleByKind(reader, [
    ...links.filter((l) => RECORD_KINDS.includes(l.to_kind)).map((l) => ({ kind: l.to_kind, id: l.to_ref })),
    ...incoming.map((l) => ({ kind: l.from_kind, id: l.from_id })),
  ]);
  return {
    links: links.filter((l) => !RECORD_KINDS.includes(l.to_kind) || visible.has(`${l.to_kind} ${l.to_ref}`)).map((l) => ({ kind: l.to_kind as CooperationLinkTarget, ref: l.to_ref, note: l.note })),
    linkedFrom: incoming.filter((l) => visible.has(`${l.from_kind} ${l.from_id}`)).map((l) => ({ kind: l.from_kind as CooperationRecordKind, id: l.from_id, note: l.note })),
    documents,
  };
}

/** The records linking to any of these resolution paragraphs (`<key>#op13`) that the reader may see. */
export async function linksToParagraphs(reader: Kysely<Database>, refs: readonly string[]) {
  const incoming = await linksToMany(reader, 'resolution-paragraph', refs);
  const visible = await visibleByKind(
    reader,
    incoming.map((l) => ({ kind: l.from_kind, id: l.from_id })),
  );
  return incoming.filter((l) => visible.has(`${l.from_kind} ${l.from_id}`));
}

async function visibleByKind(reader: Kysely<Database>, records: readonly { kind: string; id: string }[]): Promise<Set<string>> {
  const result = new Set<string>();
  for (const kind of ['request', 'project', 'event', 'exchange'] as const) {
    const ids = [...new Set(records.filter((r) => r.kind === kind).map((r) => r.id))];
    for (const id of await visibleRecordIds(reader, kind, ids)) result.add(`${kind} ${id}`);
  }
  return result;
}
