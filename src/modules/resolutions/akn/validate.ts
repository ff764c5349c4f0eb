// Checks Akoma Ntoso documents against the OASIS Akoma Ntoso 3.0 schema with xmllint-wasm (libxml2
// in WebAssembly). The schema is read from ../shared/data/resolutions/akn/schema, or the folder
// AKN_SCHEMA_DIR names; akomantoso30.xsd imports ./xml.xsd from the same folder. One call compiles
// the schema once and checks every document given (the schema is large: one call per document
// would compile it each time).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FilesUnavailableError } from '../../../shared/errors.ts';
import { projectPath } from '../../../shared/project-path.ts';
import { runXmllint } from '../../../shared/xmllint.ts';

export const AKN_SCHEMA_DIR_VARIABLE = 'AKN_SCHEMA_DIR';
/** The main schema first (xmllint compiles it), then what it imports by file name. */
const SCHEMA_FILES = ['akomantoso30.xsd', 'xml.xsd'] as const;

export interface AknFinding {
  line: number | null;
  message: string;
}

export function aknSchemaDir(): string {
  return process.env[AKN_SCHEMA_DIR_VARIABLE] || projectPath('..', 'shared', 'data', 'resolutions', 'akn', 'schema');
}

function loadSchema(dir: string): { fileName: string; contents: string }[] {
  const missing = SCHEMA_FILES.filter((f) => !existsSync(join(dir, f)));
  if (missing.length) {
    throw new FilesUnavailableError(
      `The Akoma Ntoso 3.0 schema is not where Accord looked: ${dir} lacks ${missing.join(', ')}. ` +
        `Set ${AKN_SCHEMA_DIR_VARIABLE} to a folder holding ${SCHEMA_FILES.join(', ')}, ` +
        'or place the shared data folder beside the project (../shared/data/resolutions/akn/schema).',
    );
  }
  return SCHEMA_FILES.map((fileName) => ({ fileName, contents: readFileSync(join(dir, fileName), 'utf8') }));
}

const PROBLEM_LINE = /^doc(\d+)\.xml:(\d+): .*?\b(?:error|warning) : (.*)$/;
const OUTCOME_LINE = /^doc(\d+)\.xml (validates|fails to validate)$/;

/** The schema errors of each document, in the order given; an empty list means it validates.
 *  Throws when the schema folder lacks a file, or xmllint stops (the schema did not compile, out of memory). */
export async function validateAkomaNtoso(documents: readonly string[], schemaDir = aknSchemaDir()): Promise<AknFinding[][]> {
  const rawOutput = await runXmllint(documents, loadSchema(schemaDir), `the Akoma Ntoso schema in ${schemaDir}`);
  const findings: AknFinding[][] = documents.map(() => []);
  const valid = new Set<number>();
  for (const line of rawOutput.split('\n')) {
    const outcome = OUTCOME_LINE.exec(line);
    if (outcome) {
      if (outcome[2] === 'validates') valid.add(Number(outcome[1]));
      continue;
    }
    // Other lines are libxml2's quote of the faulty source line and its caret.
    const problem = PROBLEM_LINE.exec(line);
    if (problem) findings[Number(problem[1])]?.push({ line: Number(problem[2]), message: problem[3]!.trim() });
  }
  findings.forEach((list, i) => {
    if (!valid.has(i) && list.length === 0) list.push({ line: null, message: 'xmllint did not say the document validates (not well-formed XML?)' });
  });
  return findings;
}
