// The rows of "Since Vienna": for each instrument, its parties in each region or group on the
// day of the Vienna Declaration and at the chosen date, and a total of the groups. Parties count
// only certain facts; uncertain ones are shown apart, and the change counts both on each date: an
// uncertain party of 1993 (its date not known to the day, or resting on weak sources) that is
// certain today is no gain.
import type { StatusCounts, TreatyCounts } from '../../api/types.ts';
import { TREATY_STATUSES } from '../../../../src/shared/vocabularies.ts';

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

const KEYS = [...TREATY_STATUSES, 'partyOnSecondary'] as const;
const ZERO = Object.fromEntries(KEYS.map((k) => [k, 0])) as StatusCounts;

function add(a: StatusCounts, b: StatusCounts): StatusCounts {
  return Object.fromEntries(KEYS.map((k) => [k, a[k] + b[k]])) as StatusCounts;
}

/** Parties certain or not: what the change compares. */
const bound = (c: StatusCounts) => c.party + c.uncertain;

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
      return { key: `${code}|${group}`, code, group, states: now?.states ?? then?.states ?? 0, before: b, after: a, change: bound(a) - bound(b) };
    });
    const total = perGroup.reduce(
      (sum, r) => ({ key: sum.key, code: sum.code, group: sum.group, states: sum.states + r.states, before: add(sum.before, r.before), after: add(sum.after, r.after), change: sum.change + r.change }),
      { key: `${code}|`, code, group: '', states: 0, before: ZERO, after: ZERO, change: 0 },
    );
    return [total, ...perGroup];
  });
}
