// Which paragraphs of a resolution are mandates, and what each asks of whom by when. A mandate
// is an operative paragraph that asks something of someone: one the parser gave an addressee
// (Requests the Secretary-General to…, Invites States to…), or a decision of the body about its
// own work at a named session (Decides to consider the question further at its sixty-first
// session), whose addressee is the body itself. A permission (Authorizes…) is not a mandate.
import { type AnchoredParagraph, anchoredParagraphs, wholeText } from './anchors.ts';
import { dueOf } from './deadlines.ts';
import type { MandateTable } from '../../db/schema.ts';
import type { OperativeParagraph, ParsedResolution } from './parse/types.ts';
import { readDeadline } from './parse/verbs.ts';

/** What the text says of a mandate (the columns of `mandate` it fills), and `key`: what the
 *  mandate's id ends with, the paragraph's anchor or `<anchor>.<n>` for a later ask in it. */
export type MandateReading = { key: string } & Pick<MandateTable, 'anchor' | 'position' | 'verb' | 'addressee' | 'deadline' | 'due_body' | 'due_session' | 'due_date'>;

/** The parser reads a deadline for asking paragraphs; a decision about the body's own work is read here. */
function deadlineOf(p: AnchoredParagraph): string | null {
  return p.deadline ?? (p.verb === 'Decides' ? readDeadline(wholeText(p)) : null);
}

/** Verbs that permit rather than ask ("Authorizes the Secretary-General to enter into
 *  commitments"): nothing is owed, so nothing can be overdue. */
const PERMITTING = new Set(['Authorizes']);

function addresseeOf(p: AnchoredParagraph, deadline: string | null, body: string | null): string | null {
  if (p.verb && PERMITTING.has(p.verb)) return null;
  if (p.addressee) return p.addressee;
  if (p.verb === 'Decides' && deadline && body) return `the ${body}`;
  return null;
}

interface Ask {
  verb: string;
  addressee: string;
  deadline: string | null;
}

/** What a paragraph asks: its opening verb's ask, then those made later in it ("…, and requests
 *  the Secretary-General to…"), each with its own addressee and deadline. */
function asksOf(p: AnchoredParagraph, further: OperativeParagraph['furtherAsks'], body: string | null): Ask[] {
  const asks: Ask[] = [];
  const deadline = deadlineOf(p);
  const addressee = addresseeOf(p, deadline, body);
  if (p.verb && addressee) asks.push({ verb: p.verb, addressee, deadline });
  for (const f of further ?? []) if (f.addressee && !PERMITTING.has(f.verb)) asks.push({ verb: f.verb, addressee: f.addressee, deadline: f.deadline });
  return asks;
}

/** The mandates a parsed resolution gives, in the order of its paragraphs. The first ask of a
 *  paragraph is keyed by the paragraph's anchor (op13), a later one in it by `op13.2`. */
export function mandatesOf(doc: ParsedResolution): MandateReading[] {
  const result: MandateReading[] = [];
  const operative = anchoredParagraphs(doc).filter((p) => p.kind === 'operative');
  operative.forEach((p, i) => {
    asksOf(p, doc.operative[i]?.furtherAsks, doc.body).forEach((ask, k) => {
      const due = dueOf(ask.deadline, wholeText(p), doc.body);
      result.push({
        key: k === 0 ? p.anchor : `${p.anchor}.${k + 1}`,
        anchor: p.anchor,
        position: i * 10 + k,
        ...ask,
        due_body: due.body,
        due_session: due.session,
        due_date: due.date,
      });
    });
  });
  return result;
}

/** The key of a resolution: its symbol as printed, else `local:<the file's name>`; never an invented symbol. */
export function keyOf(doc: ParsedResolution, fileName: string): string {
  if (doc.symbol) return doc.symbol;
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[A-Za-z0-9]+$/, '');
  const name = base
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
  return `local:${name || 'resolution'}`;
}

/** The key as one path segment: A/RES/80/212 → A-RES-80-212, S/RES/1445 (2002) → S-RES-1445-2002, local:x → local-x. */
export function idOfKey(key: string): string {
  return key.replace(/[^A-Za-z0-9.]+/g, '-').replace(/^-+|-+$/g, '');
}
