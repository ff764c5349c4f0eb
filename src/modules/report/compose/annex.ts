// The annex: every source the report's footnotes point to, numbered, with its kind (official,
// secondary, tertiary) and address, so that each figure can be traced.
import type { Block } from '../document/model.ts';
import type { ComposeContext } from './context.ts';
import type { SourceKindWord } from './phrases/types.ts';

const KINDS: readonly SourceKindWord[] = ['official', 'secondary', 'tertiary'];

export function annex(c: ComposeContext): Block[] {
  const { p, f } = c;
  const cols = p.sourcesColumns;
  return [
    {
      kind: 'table',
      caption: p.sourcesCaption,
      columns: [cols.number, cols.source, cols.kind, cols.address],
      numericColumns: [0],
      rows: c.sources.entries.map((s, i) => [f.number(i + 1), s.title, p.sourceKinds[(KINDS as readonly string[]).includes(s.kind) ? (s.kind as SourceKindWord) : 'unknown'], s.url]),
    },
  ];
}
