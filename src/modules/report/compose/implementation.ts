// VI. Implementation of the resolution, paragraph by paragraph, from its mandates at the report's
// date: who was asked what, the status then, when it was due, and the records answering it.
import { LABELS } from '../document/labels.ts';
import type { Block } from '../document/model.ts';
import { apiAddress, type ComposeContext, paragraph, paragraphCited } from './context.ts';
import { VOCABULARY_WORDS } from './vocabulary-words.ts';

export function implementation(c: ComposeContext): Block[] {
  const { p, f, facts } = c;
  const impl = facts.implementation;
  if (!impl.facts) return [paragraph(c, p.implementationMissing(impl.why))];
  const m = impl.facts;
  const words = VOCABULARY_WORDS[f.lang].mandateStatus;
  const date = f.date(facts.asOf);
  const byStatus = f.list(
    Object.entries(m.byStatus)
      .filter(([, v]) => v.value)
      .map(([s, v]) => f.labelled(words[s] ?? s, f.figure(v))),
  );
  const cols = p.implementationColumns;
  const api = apiAddress(m.total.api);
  return [
    paragraph(c, p.implementation({ total: m.total.value ?? 0, byStatus, overdue: m.overdue.value ?? 0, date }), m.total.sources),
    {
      kind: 'table',
      caption: p.implementationCaption({ date }),
      columns: [cols.paragraph, cols.request, cols.status, cols.due, cols.answeredBy],
      rows: m.mandates.map((x) => [
        paragraphCited(x.anchor),
        x.text ?? `${x.verb} ${x.addressee}`,
        words[x.status] ?? x.status,
        x.due.date ? f.date(x.due.date) : x.due.endsBy && x.due.session ? f.bracketed(LABELS[f.lang].session(x.due.session), f.date(x.due.endsBy)) : p.noDue,
        x.answeredBy.length || x.answers.length ? [...x.answers.map((a) => a.ref), ...x.answeredBy.map((r) => r.id)].join('; ') : p.noAnswer,
      ]),
      note: api ? [{ text: p.apiNote({ api }) }] : undefined,
    },
  ];
}
