// What IATI validation reports: one problem per broken rule and element, from one of three
// stages (xml: not well-formed; schema: the IATI 2.03 XSD; rules: version, codelists and the
// IATI Standard's rules), each an error (the file is refused) or a warning (it is not).

export type IatiStage = 'xml' | 'schema' | 'rules';
export type IatiSeverity = 'error' | 'warning';

export interface IatiProblem {
  stage: IatiStage;
  /** Stable id: `xml`, `schema`, or a rule of docs/IATI.md such as `budget.period-length`. */
  rule: string;
  /** XPath-like path with positions, `/iati-activities/iati-activity[2]/budget[1]/value[1]`; null when it cannot be derived. */
  path: string | null;
  /** 1-based line of the element's start tag (libxml2's line for the xml and schema stages). */
  line: number | null;
  message: string;
  severity: IatiSeverity;
}

export interface IatiValidation {
  /** No problem of severity `error`. */
  ok: boolean;
  problems: IatiProblem[];
  /** iati-activity elements read (0 when the document is not well-formed). */
  activities: number;
}

/** One line per problem, as `accord iati validate` prints it: tab-separated stage, rule, path,
 *  line, severity and message ('-' for what is unknown), so that `cut` and spreadsheets read it. */
export function formatIatiProblem(p: IatiProblem): string {
  return [p.stage, p.rule, p.path ?? '-', p.line ?? '-', p.severity, p.message].join('\t');
}
