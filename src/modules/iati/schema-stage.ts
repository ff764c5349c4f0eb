// Stage 1 of IATI validation, well-formed XML and the IATI 2.03 XSD, by libxml2 compiled to WebAssembly
// (xmllint-wasm). Each call starts a worker, compiles the schema once and checks every document
// given, so many documents are checked in one call (the 538 schema test cases take about 0.4 s;
// one call per case would compile the schema 538 times). The answer is xmllint's own output,
// read here line by line: `docN.xml:LINE: <kind> error : <reason>` for each problem, then
// `docN.xml validates` or `docN.xml fails to validate`; a document that is not well-formed gets
// its parser errors and neither of the two.
import { runXmllint } from '../../shared/xmllint.ts';
import { loadIatiSchema } from './schema-files.ts';

export interface SchemaFinding {
  stage: 'xml' | 'schema';
  line: number | null;
  /** The element libxml2 names (`Element 'budget'`), without namespace: the key to its path. */
  element: string | null;
  message: string;
  severity: 'error' | 'warning';
}

const PROBLEM_LINE = /^doc(\d+)\.xml:(\d+): (.*?)\b(error|warning) : (.*)$/;
const OUTCOME_LINE = /^doc(\d+)\.xml (validates|fails to validate)$/;
const ELEMENT = /^Element '(?:\{[^}]*\})?([^']+)'/;

/** The xml and schema findings of each document, in the order given. Throws only when the schema itself
 *  cannot be read or compiled, or xmllint stops (out of memory). */
export async function checkAgainstSchema(documents: readonly (string | Uint8Array)[], schemaDir?: string): Promise<SchemaFinding[][]> {
  return readOutput(await runXmllint(documents, loadIatiSchema(schemaDir), 'the IATI schema'), documents.length);
}

function readOutput(output: string, count: number): SchemaFinding[][] {
  const findings: SchemaFinding[][] = Array.from({ length: count }, () => []);
  const answered = new Set<number>();
  for (const line of output.split('\n')) {
    const outcome = OUTCOME_LINE.exec(line);
    if (outcome) {
      answered.add(Number(outcome[1]));
      continue;
    }
    const problem = PROBLEM_LINE.exec(line);
    // Lines that match neither are the parser's quote of the faulty source line and its caret.
    if (!problem) continue;
    const [, doc, lineNumber, kind, level, reason] = problem;
    const stage = /Schemas/.test(kind!) ? 'schema' : 'xml';
    findings[Number(doc)]?.push({
      stage,
      line: Number(lineNumber),
      element: stage === 'schema' ? (ELEMENT.exec(reason!)?.[1] ?? null) : null,
      message: stage === 'schema' ? reason!.trim() : `not well-formed XML: ${reason!.trim()}`,
      severity: level === 'warning' ? 'warning' : 'error',
    });
  }
  findings.forEach((list, i) => {
    // Not well-formed: xmllint says neither "validates" nor "fails"; make sure an error says so.
    if (!answered.has(i) && !list.some((f) => f.severity === 'error')) {
      list.push({ stage: 'xml', line: null, element: null, message: 'not well-formed XML: xmllint could not read the document', severity: 'error' });
    }
  });
  return findings;
}
