// IV. Exchanges of information between United Nations and regional bodies held in the period,
// and V. obstacles to ratification identified by the report's date with the strategies begun.
import type { Block } from '../document/model.ts';
import { uniqueRefs } from '../model/figures.ts';
import { dates } from './cooperation.ts';
import { apiAddress, type ComposeContext, instrumentName, paragraph, stateName } from './context.ts';
import { VOCABULARY_WORDS } from './vocabulary-words.ts';

export function exchanges(c: ComposeContext): Block[] {
  const { p, f, facts } = c;
  const ex = facts.exchanges;
  const [start, end] = [f.date(facts.periodStart), f.date(facts.asOf)];
  if (!ex.total.value) return [paragraph(c, p.noExchange({ start, end }))];
  const kinds = VOCABULARY_WORDS[f.lang].exchangeKind;
  const byKind = f.list(
    Object.entries(ex.byKind)
      .filter(([, v]) => v.value)
      .map(([k, v]) => f.labelled(kinds[k] ?? k, f.figure(v))),
  );
  const cols = p.exchangeColumns;
  const footnote = c.sources.footnote(uniqueRefs(ex.list.flatMap((e) => e.sources)), p, f);
  const api = apiAddress(ex.total.api);
  return [
    paragraph(c, p.exchanges({ total: ex.total.value, start, end, byKind })),
    {
      kind: 'table',
      caption: p.exchangeCaption({ start, end }),
      columns: [cols.title, cols.kind, cols.dates, cols.parties],
      rows: ex.list.map((e) => [
        e.title,
        kinds[e.kind] ?? e.kind,
        dates(c, e.start, e.end),
        e.parties
          .map((x) => x.name ?? x.unBody ?? x.mechanism ?? x.organizationId ?? '')
          .filter(Boolean)
          .join('; '),
      ]),
      note: [{ text: api ? p.apiNote({ api }) : '', ...(footnote ? { footnote } : {}) }],
    },
  ];
}

export function obstacles(c: ComposeContext): Block[] {
  const { p, f, facts } = c;
  const ob = facts.obstacles;
  const date = f.date(facts.asOf);
  if (!ob.total.value) return [paragraph(c, p.noObstacle({ date }))];
  const words = VOCABULARY_WORDS[f.lang];
  const byCategory = f.list(
    Object.entries(ob.byCategory)
      .filter(([, v]) => v.value)
      .map(([k, v]) => f.labelled(words.obstacleCategory[k] ?? k, f.figure(v))),
  );
  return [
    paragraph(c, p.obstacles({ total: ob.total.value, date, byCategory, strategies: ob.strategies.value ?? 0 })),
    ...ob.examples.map((x) =>
      paragraph(
        c,
        p.obstacleExample({
          state: stateName(c, x.state),
          instruments: f.list(x.instruments.map((i) => instrumentName(c, i))),
          category: words.obstacleCategory[x.category] ?? x.category,
          description: x.description,
          identified: f.date(x.identified),
          strategies: x.strategies.length ? f.list(x.strategies.map((s) => f.labelled(words.strategyKind[s.kind] ?? s.kind, s.description))) : null,
        }),
        x.sources,
      ),
    ),
  ];
}
