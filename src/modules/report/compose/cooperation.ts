// III. Cooperation with the Office of the High Commissioner: requests, projects, events and field
// presences, each counted as of the report's date, with a plain sentence where the records hold none.
import type { Block } from '../document/model.ts';
import type { CooperationFacts } from '../model/index.ts';
import { uniqueRefs } from '../model/figures.ts';
import { VOCABULARY_WORDS } from './vocabulary-words.ts';
import { apiAddress, type ComposeContext, paragraph, stateName } from './context.ts';

export function cooperation(c: ComposeContext): Block[] {
  const co = c.facts.cooperation;
  return [requests(c, co.requests), projects(c, co.projects), ...events(c, co.events), presences(c, co.presences)];
}

function requests(c: ComposeContext, r: CooperationFacts['requests']): Block {
  const { p, f, facts } = c;
  const date = f.date(facts.asOf);
  if (!r.total.value) return paragraph(c, p.noRequest({ date }));
  const words = VOCABULARY_WORDS[f.lang].requestStatus;
  const byStatus = f.list(
    Object.entries(r.byStatus)
      .filter(([, v]) => v.value)
      .map(([status, v]) => f.labelled(words[status] ?? status, f.figure(v))),
  );
  return paragraph(c, p.requests({ total: r.total.value, date, byStatus, unanswered: r.unanswered.value ?? 0, overdue: r.overdue.value ?? 0 }));
}

function money(c: ComposeContext, m: CooperationFacts['projects']['totals']['budget'], base: string): string | null {
  const parts = [...(Number(m.total) ? [c.f.money(m.total, base)] : []), ...m.unconverted.map((u) => c.f.money(u.amount, u.currency))];
  return parts.length ? parts.join(' + ') : null;
}

function projects(c: ComposeContext, pr: CooperationFacts['projects']): Block {
  const { p, f, facts } = c;
  if (!pr.total.value) return paragraph(c, p.noProject({ date: f.date(facts.asOf) }));
  const base = pr.totals.base;
  return paragraph(
    c,
    p.projects({
      total: pr.total.value,
      running: pr.runningInPeriod.value ?? 0,
      start: f.date(facts.periodStart),
      end: f.date(facts.asOf),
      budget: money(c, pr.totals.budget, base),
      disbursed: money(c, pr.totals.disbursed, base),
    }),
    pr.total.sources,
  );
}

function events(c: ComposeContext, ev: CooperationFacts['events']): Block[] {
  const { p, f, facts } = c;
  const [start, end] = [f.date(facts.periodStart), f.date(facts.asOf)];
  if (!ev.total.value) return [paragraph(c, p.noEvent({ start, end }))];
  const kinds = VOCABULARY_WORDS[f.lang].eventKind;
  const cols = p.eventColumns;
  const footnote = c.sources.footnote(uniqueRefs(ev.list.flatMap((e) => e.sources)), p, f);
  const api = apiAddress(ev.total.api);
  return [
    paragraph(c, p.events({ total: ev.total.value, participants: ev.participants.value ?? 0, counted: ev.list.filter((e) => e.participants > 0).length, start, end })),
    {
      kind: 'table',
      caption: p.eventCaption({ start, end }),
      columns: [cols.title, cols.kind, cols.dates, cols.country, cols.participants],
      numericColumns: [4],
      rows: ev.list.map((e) => [e.title, kinds[e.kind] ?? e.kind, dates(c, e.start, e.end), e.country ? stateName(c, e.country) : '', e.participants > 0 ? f.number(e.participants) : p.noData]),
      note: [{ text: api ? p.apiNote({ api }) : '', ...(footnote ? { footnote } : {}) }],
    },
  ];
}

/** "1 May 2006" or "1 May 2006 – 3 May 2006". */
export function dates(c: ComposeContext, start: string, end: string | null): string {
  return end && end !== start ? `${c.f.date(start)} – ${c.f.date(end)}` : c.f.date(start);
}

function presences(c: ComposeContext, pr: CooperationFacts['presences']): Block {
  const { p, f, facts } = c;
  const date = f.date(facts.asOf);
  if (!pr.open.value) return paragraph(c, p.noPresence({ date }));
  const uncertain = new Set(pr.list.flatMap((x) => x.uncertainStates)).size;
  return paragraph(
    c,
    p.presences({ open: pr.open.value, covered: pr.statesCovered.value ?? 0, date, list: f.list(pr.list.map((x) => x.name)), uncertain }),
    uniqueRefs(pr.list.flatMap((x) => x.sources)),
  );
}
