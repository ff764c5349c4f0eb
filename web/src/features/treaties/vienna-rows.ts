// The rows of "Since Vienna": for each instrument, its parties in each region or group on the
// day of the Vienna Declaration and at the chosen date, and a total of the groups. Year-only
// parties are shown apart, and the change counts parties of both kinds on each date: a
// year-only party of 1993 (its date uncertain, or not given) that is certain today is no gain.
import type { StatusCounts, TreatyCounts } from '../../api/types.ts';

export interface ViennaRow {
  key: string;
  code: string;
  /** Region code or UN regional group; '' for the total of the groups. */
  group: string;
  states: number;
  before: StatusCounts;
  after: StatusCounts;
  change: number;
}

const ZERO: StatusCounts = { party: 0, yearOnly: 0, signatory: 0, withdrawn: 0, none: 0 };

function add(a: StatusCounts, b: StatusCounts): StatusCounts {
  return { party: a.party + b.party, yearOnly: a.yearOnly + b.yearOnly, signatory: a.signatory + b.signatory, withdrawn: a.withdrawn + b.withdrawn, none: a.none + b.none };
}

/** `order`: the groups in the order shown (every group of the answers that is not in it comes last). */
export function viennaRows(codes: string[], before: TreatyCounts, after: TreatyCounts, order: string[]): ViennaRow[] {
  const groups = [...new Set([...order, ...after.groups.map((g) => g.group), ...before.groups.map((g) => g.group)])];
  const find = (counts: TreatyCounts, group: string) => counts.groups.find((g) => g.group === group);
  return codes.flatMap((code) => {
    const perGroup = groups.map((group) => {
      const then = find(before, group);
      const now = find(after, group);
      const b = then?.counts[code] ?? ZERO;
      const a = now?.counts[code] ?? ZERO;
      return { key: `${code}|${group}`, code, group, states: now?.states ?? then?.states ?? 0, before: b, after: a, change: a.party + a.yearOnly - (b.party + b.yearOnly) };
    });
    const total = perGroup.reduce(
      (sum, r) => ({ ...sum, states: sum.states + r.states, before: add(sum.before, r.before), after: add(sum.after, r.after), change: sum.change + r.change }),
      { key: `${code}|`, code, group: '', states: 0, before: ZERO, after: ZERO, change: 0 },
    );
    return [total, ...perGroup];
  });
}
