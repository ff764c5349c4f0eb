// The followUp facet's counts from the number of matches per latest status and the number of
// matches in all: those with no status recorded are `none`, never "not started".
import { NO_FOLLOW_UP } from '../../shared/vocabularies.ts';

export function countsWithNone(byStatus: { value: string; count: number }[], total: number): { value: string; count: number }[] {
  const withStatus = byStatus.reduce((sum, c) => sum + c.count, 0);
  return [...byStatus, { value: NO_FOLLOW_UP, count: total - withStatus }].filter((c) => c.count > 0).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}
