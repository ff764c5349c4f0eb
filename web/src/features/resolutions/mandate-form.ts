// A mandate's form as values (text, as the inputs hold them) and the PATCH body made from them:
// only what differs from the mandate as read, emptied fields as null, the session as a number, the
// answers given whole when any changed (src/modules/resolutions/schema.ts: mandateUpdateSchema).
import type { Mandate } from '../../api/types.ts';

export interface Draft {
  status: string;
  statusNote: string;
  statusDate: string;
  dueBody: string;
  dueSession: string;
  dueDate: string;
  /** The answers as the rows editor holds them (kind, ref, note). */
  answers: Record<string, string>[];
}

export const draftOf = (m: Mandate): Draft => ({
  status: m.status,
  statusNote: m.statusNote ?? '',
  statusDate: m.statusDate ?? '',
  dueBody: m.due.body ?? '',
  dueSession: m.due.session === null ? '' : String(m.due.session),
  dueDate: m.due.date ?? '',
  answers: m.answers.map((a) => ({ kind: a.kind, ref: a.ref, note: a.note ?? '' })),
});

const orNull = (text: string) => (text.trim() ? text.trim() : null);

/** The PATCH body: only the fields that differ from the mandate as read. */
export function changes(draft: Draft, read: Draft): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (draft.status !== read.status) body.status = draft.status;
  for (const name of ['statusNote', 'statusDate', 'dueBody', 'dueDate'] as const) if (draft[name].trim() !== read[name]) body[name] = orNull(draft[name]);
  if (draft.dueSession.trim() !== read.dueSession) body.dueSession = draft.dueSession.trim() ? Number(draft.dueSession.trim()) : null;
  if (JSON.stringify(draft.answers) !== JSON.stringify(read.answers)) {
    body.answers = draft.answers.map((a) => ({ kind: a.kind, ref: (a.ref ?? '').trim(), ...(a.note?.trim() ? { note: a.note.trim() } : {}) }));
  }
  return body;
}
