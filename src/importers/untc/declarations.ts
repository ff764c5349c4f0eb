// Reads the declaration and reservation texts of one UNTC treaty: blocks that start with a
// line "#<Participant>" and hold the text the depositary published for that participant
// (declarations, reservations and objections, as one text: the source does not tell them
// apart). Text is kept as written; only the surrounding blank lines are dropped. A block with
// no text (the source lists the participant but its text did not survive) is counted as empty,
// not stored, and is not an error: there is nothing wrong to correct in the row.
import type { Problem } from '../../shared/errors.ts';

export interface DeclarationText {
  participant: string;
  /** 1-based line of the "#Participant" line. */
  row: number;
  text: string;
}

export function parseDeclarations(text: string, file: string): { texts: DeclarationText[]; empty: { participant: string; row: number }[]; problems: Problem[] } {
  const texts: DeclarationText[] = [];
  const empty: { participant: string; row: number }[] = [];
  const problems: Problem[] = [];
  let current: { participant: string; row: number; lines: string[] } | null = null;
  const finish = () => {
    if (!current) return;
    const body = current.lines.join('\n').trim();
    if (body) texts.push({ participant: current.participant, row: current.row, text: body });
    else empty.push({ participant: current.participant, row: current.row });
  };
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, index) => {
      const row = index + 1;
      if (line.startsWith('#')) {
        finish();
        const participant = line.slice(1).trim();
        if (!participant) problems.push({ file, row, field: 'participant', reason: 'a "#" line without a participant name' });
        current = participant ? { participant, row, lines: [] } : null;
        return;
      }
      if (current) current.lines.push(line);
      else if (line.trim()) problems.push({ file, row, field: 'text', reason: 'text before the first "#Participant" line' });
    });
  finish();
  return { texts, empty, problems };
}
