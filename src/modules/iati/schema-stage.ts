// Stage 1 of IATI validation, well-formed XML and the IATI 2.03 XSD, by libxml2 compiled to WebAssembly
// (xmllint-wasm). Each call starts a worker, compiles the schema once and checks every document
// given, so many documents are checked in one call (the 538 schema test cases take about 0.4 s;
// one call per case would compile the schema 538 times). The answer is xmllint's own output,
// read here line by line: `docN.xml:LINE: <kind> error : <reason>` for each problem, then
// `docN.xml validates` or `docN.xml fails to validate`; a document that is not well-formed gets
// its parser errors and neither of the two.
import { memoryPages, validateXML } from 'xmllint-wasm';
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

/** libxml2's tree of a document takes five to six times its size (a 98 MB file of 20,000
 *  activities ran out of memory with four times, passed with six); the default cap (32 MiB) would
 *  refuse files of a few MB. So 16 MiB plus ten times the input, within WebAssembly's 4 GiB. */
function memoryFor(bytes: number): number {
  const pages = memoryPages.defaultInitialMemoryPages + Math.ceil((bytes * 10) / 65536);
  return Math.min(memoryPages.max, Math.max(memoryPages.defaultMaxMemoryPages, pages));
}

/** The xml and schema findings of each document, in the order given. Throws only when the schema itself
 *  cannot be read or compiled, or xmllint stops (out of memory). */
export async function checkAgainstSchema(documents: readonly (string | Uint8Array)[], schemaDir?: string): Promise<SchemaFinding[][]> {
  const [schema, ...preload] = loadIatiSchema(schemaDir);
  const bytes = documents.reduce((sum, d) => sum + (typeof d === 'string' ? Buffer.byteLength(d) : d.byteLength), 0);
  let output: string;
  try {
    const result = await validateXML({
      xml: documents.map((contents, i) => ({ fileName: `doc${i}.xml`, contents })),
      schema: [schema!],
      preload,
      maxMemoryPages: memoryFor(bytes),
    });
    output = result.rawOutput;
  } catch (error) {
    // An exit code xmllint-wasm does not know: the schema did not compile, or memory ran out.
    const { code, message } = error as { code?: number; message?: string };
    const said = String(message ?? error)
      .split('\n')
      .slice(0, 3)
      .join(' | ');
    throw new Error(`xmllint stopped (exit code ${code ?? '?'}) before it could check the documents against the IATI schema; a file too large for its memory cap stops it so: ${said}`);
  }
  return readOutput(output, documents.length);
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
