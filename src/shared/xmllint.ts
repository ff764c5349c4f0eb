// Runs libxml2's xmllint (compiled to WebAssembly: xmllint-wasm) over many documents against one
// schema in a single call, so that the schema is compiled once. What the IATI stage and the
// Akoma Ntoso check share; each reads xmllint's output its own way.
import { memoryPages, validateXML } from 'xmllint-wasm';

/** libxml2 holds each document's tree, several times its size, besides the compiled schema (a
 *  file of 60,000 IATI activities ran out of memory with four times, passed with six); the default
 *  cap (32 MiB) would refuse files of a few MB. So 16 MiB plus ten times the input, within
 *  WebAssembly's 4 GiB. */
function memoryFor(bytes: number): number {
  const pages = memoryPages.defaultInitialMemoryPages + Math.ceil((bytes * 10) / 65536);
  return Math.min(memoryPages.max, Math.max(memoryPages.defaultMaxMemoryPages, pages));
}

export interface SchemaFile {
  fileName: string;
  contents: string;
}

/** xmllint's raw output for `documents` (named doc0.xml, doc1.xml… in order) against the schema,
 *  the first of `schemaFiles` (the others are what it includes and imports). Throws, naming
 *  `what`, when xmllint stops: the schema did not compile, or memory ran out. */
export async function runXmllint(documents: readonly (string | Uint8Array)[], schemaFiles: readonly SchemaFile[], what: string): Promise<string> {
  const [schema, ...preload] = schemaFiles;
  const bytes = documents.reduce((sum, d) => sum + (typeof d === 'string' ? Buffer.byteLength(d) : d.byteLength), 0);
  try {
    const result = await validateXML({
      xml: documents.map((contents, i) => ({ fileName: `doc${i}.xml`, contents })),
      schema: [schema as SchemaFile],
      preload,
      maxMemoryPages: memoryFor(bytes),
    });
    return result.rawOutput;
  } catch (error) {
    // An exit code xmllint-wasm does not know: the schema did not compile, or memory ran out.
    const { code, message } = error as { code?: number; message?: string };
    const said = String(message ?? error)
      .split('\n')
      .slice(0, 3)
      .join(' | ');
    throw new Error(`xmllint stopped (exit code ${code ?? '?'}) before it could check the documents against ${what}; a file too large for its memory cap stops it so: ${said}`);
  }
}
