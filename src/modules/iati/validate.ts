// Validation of an IATI activity file, the one entry point of the import and the export:
// 1. xml and schema: xmllint (libxml2) against the IATI 2.03 XSD (schema-stage.ts);
// 2. rules, only on a file that passed 1: version 2.0x, codes against the IATI codelists, and
//    the IATI Standard's rules on identifiers, dates, amounts, sectors and places (docs/IATI.md).
// Stage 1 needs the file whole (libxml2 builds its tree); stage 2 reads it as a stream, one
// activity in memory at a time, so it adds little to what stage 1 holds.
import { type Codelists, shippedCodelists } from './codelists.ts';
import type { IatiProblem, IatiValidation } from './problems.ts';
import type { RuleContext } from './rule-kit.ts';
import { checkCurrencies, checkIdentifiers, checkLanguages, checkPolicyMarkers, checkVersion } from './rules-activity.ts';
import { checkCodes } from './rules-codes.ts';
import { checkDates } from './rules-dates.ts';
import { checkPercentages, checkPlacement } from './rules-percentages.ts';
import { checkAgainstSchema, type SchemaFinding } from './schema-stage.ts';
import { streamXml, type XmlNode } from './xml-stream.ts';

export interface IatiValidateOptions {
  /** YYYY-MM-DD; default today (UTC). Rules on future dates compare with it. */
  today?: string;
  /** The folder of the XSD files; default IATI_SCHEMA_DIR, else ../shared/data/iati-reference/schema. */
  schemaDir?: string;
  /** Default: the shipped snapshot (data/snapshot/iati-codelists.json). */
  codelists?: Codelists;
}

export async function validateIatiActivities(xml: string | Uint8Array, options: IatiValidateOptions = {}): Promise<IatiValidation> {
  const [findings = []] = await checkAgainstSchema([xml], options.schemaDir);
  if (findings.some((f) => f.severity === 'error')) return schemaFailure(xml, findings);

  const rules = checkRules(xml, options);
  const problems = [...findings.map(toProblem), ...rules.problems];
  return { ok: !problems.some((p) => p.severity === 'error'), problems, activities: rules.activities };
}

/** The rules stage alone, for a document that passed the schema (validateIatiActivities runs both;
 *  tests call this after checking many documents against the schema at once). */
export function checkRules(xml: string | Uint8Array, options: Omit<IatiValidateOptions, 'schemaDir'> = {}): IatiValidation {
  const context: RuleContext = { codes: options.codelists ?? shippedCodelists(), today: options.today ?? new Date().toISOString().slice(0, 10), seen: new Set() };
  const problems: IatiProblem[] = [];
  let activities = 0;
  const failure = streamXml(xml, {
    onRoot: (root) => problems.push(...checkVersion(root)),
    keep: (name, depth) => depth === 1 && name === 'iati-activity',
    onKept: (activity) => {
      activities++;
      problems.push(...checkActivity(activity, context));
    },
  });
  // libxml2 read the file; saxes is stricter in a few corners (entities a DTD declares).
  if (failure) problems.push({ stage: 'xml', rule: 'xml', path: null, line: failure.line, message: `not well-formed XML: ${failure.message}`, severity: 'error' });
  return { ok: !problems.some((p) => p.severity === 'error'), problems, activities };
}

export function checkActivity(activity: XmlNode, context: RuleContext): IatiProblem[] {
  return [
    ...checkIdentifiers(activity, context),
    ...checkDates(activity, context),
    ...checkCurrencies(activity),
    ...checkLanguages(activity),
    ...checkPlacement(activity),
    ...checkPercentages(activity),
    ...checkPolicyMarkers(activity),
    ...checkCodes(activity, context),
  ].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

function toProblem(f: SchemaFinding): IatiProblem {
  return { stage: f.stage, rule: f.stage, path: null, line: f.line, message: f.message, severity: f.severity };
}

const BIG_LINES = 65_535;

/** Stage 1 refused the file: its problems, each schema one with the path of the element libxml2
 *  names, found by reading the file for start tags of that name on that line (and given the line
 *  where the start tag begins). */
function schemaFailure(xml: string | Uint8Array, findings: SchemaFinding[]): IatiValidation {
  const problems = findings.map(toProblem);
  if (findings.some((f) => f.stage === 'xml')) return { ok: false, problems, activities: 0 };
  const byLine = new Map<number, number[]>();
  findings.forEach((f, i) => {
    if (f.line !== null && f.element) byLine.set(f.line, [...(byLine.get(f.line) ?? []), i]);
  });
  let activities = 0;
  streamXml(xml, {
    onStart: (name, path, firstLine, lastLine) => {
      if (name === 'iati-activity' && path.split('/').length === 3) activities++;
      const local = name.slice(name.indexOf(':') + 1);
      // Past line 65,535 libxml2 (2.13, big-lines mode) names the line after the start tag.
      const last = lastLine >= BIG_LINES ? lastLine + 1 : lastLine;
      for (let line = firstLine; line <= last; line++) {
        for (const i of byLine.get(line) ?? []) {
          if (findings[i]!.element !== local || problems[i]!.path !== null) continue;
          problems[i]!.path = path;
          problems[i]!.line = firstLine;
        }
      }
    },
  });
  return { ok: false, problems, activities };
}
