// The linker the import and `accord recommendations relink` use: the recogniser with the names
// shipped in data/reference (instruments.json and instrument-mentions.csv), read once per process.
import { readInstrumentPatternSources } from '../../reference/instrument-mentions.ts';
import { type Linker, linkerFor } from './links.ts';

let shipped: Linker | null = null;

export function referenceLinker(): Linker {
  shipped ??= linkerFor(readInstrumentPatternSources());
  return shipped;
}
