// IATI codelists: read from the IATI Secretariat's codelist XML files (when the snapshot is
// built) and, at run time, from Accord's own compact snapshot of them
// (data/snapshot/iati-codelists.json), so that validation works on a fresh install without
// ../shared. Only what validation and the export use is kept: code, English and French name,
// status and category.
import { readFileSync } from 'node:fs';
import { projectPath } from '../../shared/project-path.ts';
import { childNamed, childrenNamed, streamXml, type XmlNode } from './xml-stream.ts';

export const IATI_CODELIST_SNAPSHOT = projectPath('data', 'snapshot', 'iati-codelists.json');
export const IATI_CODELIST_FORMAT = 1;

export interface CodelistItem {
  code: string;
  name: string;
  /** The French name, where the codelist gives one. */
  fr?: string;
  /** A withdrawn code may still be read in old files but should not be used any more. */
  status: 'active' | 'withdrawn';
  /** The code's group in the codelist's category codelist (a Sector's 3-digit DAC category). */
  category?: string;
}

export interface Codelist {
  /** Where the items were read: repository, commit and path of the XML file, and its SHA-256. */
  source: { repository: string; commit: string; path: string; sha256: string };
  /** A complete codelist lists every valid code; another (Country, Language...) may lack some. */
  complete: boolean;
  /** Embedded codelists change only with a new version of the Standard. */
  embedded: boolean;
  items: CodelistItem[];
}

export interface CodelistSnapshot {
  format: number;
  about: string;
  license: string;
  codelists: Record<string, Codelist>;
}

/** One codelist XML file (the IATI codelist format): its name, flags and items in file order. */
export function readCodelistXml(xml: string): { name: string; complete: boolean; embedded: boolean; items: CodelistItem[] } {
  let root: XmlNode | undefined;
  const error = streamXml(xml, { keep: (_name, depth) => depth === 0, onKept: (node) => (root = node) });
  if (error || !root || root.name !== 'codelist') throw new Error(`not an IATI codelist file${error ? ` (line ${error.line}: ${error.message})` : ''}`);
  const items = childrenNamed(childNamed(root, 'codelist-items') ?? root, 'codelist-item').map((item) => {
    const narratives = childrenNamed(childNamed(item, 'name') ?? item, 'narrative');
    const lang = (n: XmlNode) => n.attrs['xml:lang'] ?? root!.attrs['xml:lang'] ?? 'en';
    const read: CodelistItem = {
      code: (childNamed(item, 'code')?.text ?? '').trim(),
      name: (narratives.find((n) => lang(n) === 'en')?.text ?? '').trim(),
      status: item.attrs.status === 'withdrawn' ? 'withdrawn' : 'active',
    };
    const fr = narratives.find((n) => lang(n) === 'fr')?.text.trim();
    if (fr) read.fr = fr;
    const category = childNamed(item, 'category')?.text.trim();
    if (category) read.category = category;
    return read;
  });
  return { name: root.attrs.name ?? '', complete: root.attrs.complete === '1', embedded: root.attrs.embedded === '1', items };
}

/** The codes of each codelist, for lookups during validation. */
export class Codelists {
  private readonly byName = new Map<string, { complete: boolean; codes: Map<string, CodelistItem> }>();

  constructor(snapshot: CodelistSnapshot) {
    for (const [name, list] of Object.entries(snapshot.codelists)) {
      this.byName.set(name, { complete: list.complete, codes: new Map(list.items.map((i) => [i.code, i])) });
    }
  }

  has(codelist: string): boolean {
    return this.byName.has(codelist);
  }

  /** The item of a code, or undefined; throws for a codelist the snapshot does not hold (a bug). */
  item(codelist: string, code: string): CodelistItem | undefined {
    return this.list(codelist).codes.get(code);
  }

  isComplete(codelist: string): boolean {
    return this.list(codelist).complete;
  }

  private list(codelist: string) {
    const list = this.byName.get(codelist);
    if (!list) throw new Error(`the IATI codelist snapshot has no codelist ${codelist}: rebuild it (accord snapshot iati-codelists)`);
    return list;
  }
}

let shipped: Codelists | undefined;

/** The shipped snapshot, read once per process. */
export function shippedCodelists(): Codelists {
  shipped ??= new Codelists(JSON.parse(readFileSync(IATI_CODELIST_SNAPSHOT, 'utf8')) as CodelistSnapshot);
  return shipped;
}
