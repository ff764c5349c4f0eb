// What the checks of the rules stage share: the catalogue of rules (docs/IATI.md describes each), the
// context they read, and small helpers for problems and dates.
import type { Codelists } from './codelists.ts';
import type { IatiProblem, IatiSeverity } from './problems.ts';
import type { XmlNode } from './xml-stream.ts';

/** Every rule of the rules stage with its severity; `codelist.unknown` is a warning for codes of an
 *  incomplete codelist (one the IATI marks as not listing every valid code, like Country). */
export const IATI_RULES = {
  'version.supported': 'error',
  'identifier.reporting-org-prefix': 'error',
  'identifier.characters': 'error',
  'identifier.unique': 'error',
  'dates.start-present': 'error',
  'dates.start-before-end': 'error',
  'dates.actual-not-future': 'error',
  'dates.last-updated-not-future': 'error',
  'period.start-before-end': 'error',
  'budget.period-length': 'error',
  'transaction.date-not-future': 'error',
  'currency.missing': 'error',
  'language.narrative': 'error',
  'sector.placement': 'error',
  'sector.percentage-sum': 'error',
  'geography.placement': 'error',
  'geography.percentage-sum': 'error',
  'policy-marker.significance': 'error',
  'codelist.unknown': 'error',
  'codelist.withdrawn': 'warning',
} as const satisfies Record<string, IatiSeverity>;

export type IatiRule = keyof typeof IATI_RULES;

export interface RuleContext {
  codes: Codelists;
  /** Today as YYYY-MM-DD (a parameter, so that tests fix it). */
  today: string;
  /** The iati-identifiers of the file's activities read so far (identifier.unique). */
  seen: Set<string>;
}

/** A problem of the rules stage at an element, or at one of its attributes. */
export function problem(rule: IatiRule, node: XmlNode, message: string, attribute?: string, severity: IatiSeverity = IATI_RULES[rule]): IatiProblem {
  return { stage: 'rules', rule, path: attribute ? `${node.path}/@${attribute}` : node.path, line: node.line, message, severity };
}

/** Every element below a node (depth first, document order) with this name. */
export function descendants(node: XmlNode, name: string): XmlNode[] {
  const found: XmlNode[] = [];
  const walk = (n: XmlNode) => {
    for (const c of n.children) {
      if (c.name === name) found.push(c);
      walk(c);
    }
  };
  walk(node);
  return found;
}

/** The calendar day of an xsd:date or xsd:dateTime (`2024-05-01`, `2024-05-01Z`, `2024-05-01T10:00:00+02:00`). */
export function dayOf(value: string | undefined): string | undefined {
  const day = value?.trim().slice(0, 10);
  return day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : undefined;
}

/** Whole days from one YYYY-MM-DD to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
