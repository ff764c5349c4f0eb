// The IATI Standard's rules on where sectors and recipient countries or regions are reported
// (for the whole activity, or for each transaction, never both) and on how their percentages
// split the activity: per sector vocabulary, and for countries with the regions of each region
// vocabulary, the percentages given add up to 100, and when there are several, each has one.
import type { IatiProblem } from './problems.ts';
import { problem } from './rule-kit.ts';
import { childNamed, childrenNamed, type XmlNode } from './xml-stream.ts';

export function checkPlacement(activity: XmlNode): IatiProblem[] {
  const problems: IatiProblem[] = [];
  const transactions = childrenNamed(activity, 'transaction');
  const hasSector = childrenNamed(activity, 'sector').length > 0;
  const transactionSectors = transactions.map((t) => childNamed(t, 'sector'));
  const both = transactionSectors.find((s) => s);
  if (hasSector && both) {
    problems.push(problem('sector.placement', both, 'sectors are given for the activity and for a transaction: give them for one or the other'));
  } else if (!hasSector && (transactions.length === 0 || transactionSectors.some((s) => !s))) {
    problems.push(problem('sector.placement', activity, 'no sector: give sectors for the activity, or one for every transaction'));
  }
  const hasPlace = ['recipient-country', 'recipient-region'].some((n) => childNamed(activity, n));
  const transactionPlace = transactions.map((t) => childNamed(t, 'recipient-country') ?? childNamed(t, 'recipient-region'));
  const placeInBoth = transactionPlace.find((p) => p);
  if (hasPlace && placeInBoth) {
    problems.push(problem('geography.placement', placeInBoth, 'recipient countries or regions are given for the activity and for a transaction: give them for one or the other'));
  } else if (placeInBoth && transactionPlace.some((p) => !p)) {
    const without = transactions[transactionPlace.findIndex((p) => !p)]!;
    problems.push(problem('geography.placement', without, 'other transactions name a recipient country or region: every transaction must then name one'));
  }
  return problems;
}

export function checkPercentages(activity: XmlNode): IatiProblem[] {
  const problems: IatiProblem[] = [];
  const vocabulary = (n: XmlNode) => (n.attrs.vocabulary ?? '1').trim();

  const sectors = childrenNamed(activity, 'sector');
  for (const v of new Set(sectors.map(vocabulary))) {
    problems.push(
      ...checkSplit(
        activity,
        sectors.filter((s) => vocabulary(s) === v),
        'sector.percentage-sum',
        `sectors of vocabulary ${v}`,
      ),
    );
  }
  const countries = childrenNamed(activity, 'recipient-country');
  const regions = childrenNamed(activity, 'recipient-region');
  const regionVocabularies = [...new Set(regions.map(vocabulary))];
  if (regionVocabularies.length === 0) problems.push(...checkSplit(activity, countries, 'geography.percentage-sum', 'recipient countries'));
  for (const v of regionVocabularies) {
    const group = [...countries, ...regions.filter((r) => vocabulary(r) === v)];
    problems.push(...checkSplit(activity, group, 'geography.percentage-sum', `recipient countries and regions of vocabulary ${v}`));
  }
  return problems;
}

function checkSplit(activity: XmlNode, group: XmlNode[], rule: 'sector.percentage-sum' | 'geography.percentage-sum', what: string): IatiProblem[] {
  const given = group.filter((n) => n.attrs.percentage?.trim());
  if (group.length > 1) {
    const lacking = group.find((n) => !n.attrs.percentage?.trim());
    if (lacking) return [problem(rule, lacking, `several ${what}: each needs a percentage`)];
  }
  if (given.length === 0) return [];
  const sum = given.reduce((total, n) => total + Number(n.attrs.percentage), 0);
  // Percentages are decimals (33.33 + 33.33 + 33.34): compare with a tolerance for binary floats.
  if (Math.abs(sum - 100) > 1e-6) {
    return [problem(rule, group.length === 1 ? group[0]! : activity, `the percentages of the ${what} add up to ${Number(sum.toFixed(6))}, not 100`)];
  }
  return [];
}
