// Parsing the shared resolution texts (issue 16, "Performance"): `npm run bench:resolutions`
// (node --import tsx bench/resolutions.ts [--rounds 20]).
//
// 1. Every text of ../shared/data/resolutions (*.txt, corpus/*.txt, variants/*.txt) is read from
//    disk, then parsed, in each round; the read and the parse are timed apart. The first round's
//    read is the first in this process (the operating system's file cache is not dropped: the
//    machine is shared), and is reported on its own; medians are over the other rounds.
//    Reported: texts per second and MB per second of parsing, the read time, and parse / read.
// 2. The word-level comparison: wordDiff on the whole texts of A/RES/78/235 and A/RES/80/212 (a
//    family pair: few changes) and of A/RES/78/235 and S/RES/1445 (2002) (unrelated: the most
//    work), beside cutting both texts into tokens (the baseline), in pairs per second; and the
//    paragraph alignment of the parsed pair (alignParagraphs, its diffs included).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { alignParagraphs } from '../src/modules/resolutions/family/align.ts';
import { compareWords, tokenise } from '../src/modules/resolutions/family/diff.ts';
import { parseResolution } from '../src/modules/resolutions/parse/index.ts';

const argument = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const ROUNDS = Number(argument('--rounds') ?? 20);
const DIR = join(new URL('..', import.meta.url).pathname, '..', 'shared', 'data', 'resolutions');
const FILES = ['', 'corpus', 'variants'].flatMap((sub) =>
  readdirSync(join(DIR, sub))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => join(DIR, sub, f)),
);

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

// ---- 1. read and parse ----
const readMs: number[] = [];
const parseMs: number[] = [];
let bytes = 0;
let characters = 0;
let doubts = 0;
const perText: number[][] = FILES.map(() => []);
for (let round = 0; round <= ROUNDS; round++) {
  let start = performance.now();
  const texts = FILES.map((f) => readFileSync(f, 'utf8'));
  readMs.push(performance.now() - start);
  start = performance.now();
  let found = 0;
  texts.forEach((text, i) => {
    const one = performance.now();
    found += parseResolution(text).doubts.length;
    perText[i]?.push(performance.now() - one);
  });
  parseMs.push(performance.now() - start);
  if (round === 0) {
    bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
    characters = texts.reduce((n, t) => n + t.length, 0);
    doubts = found;
  }
}
const firstRead = readMs[0]!;
const read = median(readMs.slice(1));
const parse = median(parseMs.slice(1));
console.log(`Node ${process.version}; ${FILES.length} texts, ${fmt(bytes / 1e6, 2)} MB (${fmt(characters)} characters), ${doubts} doubts; ${ROUNDS} rounds after a first`);
console.log('| measure | value |');
console.log('|---|---|');
console.log(`| read all texts, first round (ms) | ${fmt(firstRead, 2)} |`);
console.log(`| read all texts, median (ms) | ${fmt(read, 2)} |`);
console.log(`| parse all texts, first round (ms) | ${fmt(parseMs[0]!, 1)} |`);
console.log(`| parse all texts, median (ms) | ${fmt(parse, 1)} |`);
console.log(`| texts parsed per second | ${fmt(FILES.length / (parse / 1000))} |`);
console.log(`| MB parsed per second | ${fmt(bytes / 1e6 / (parse / 1000), 2)} |`);
console.log(`| parse time / read time (medians) | ${fmt(parse / read, 1)} |`);
const slowest = FILES.map((f, i) => ({ name: f.slice(DIR.length + 1), ms: median(perText[i]!.slice(1)), kB: Buffer.byteLength(readFileSync(f, 'utf8')) / 1000 }))
  .sort((x, y) => y.ms - x.ms)
  .slice(0, 3);
console.log(`| slowest texts, median ms (kB) | ${slowest.map((t) => `${t.name} ${fmt(t.ms, 1)} (${fmt(t.kB)})`).join('; ')} |`);

// ---- 2. word-level comparison ----
const text = (name: string) => readFileSync(join(DIR, name), 'utf8');
const pairs: [string, string, string][] = [
  ['78/235 → 80/212 (family)', text('corpus/A-RES-78-235.txt'), text('A-RES-80-212.txt')],
  ['78/235 → S/RES/1445 (unrelated)', text('corpus/A-RES-78-235.txt'), text('S-RES-1445-2002.txt')],
];

/** Runs `work` for about `ms` milliseconds, `rounds` times; the median rate per second. */
function rate(work: () => void, rounds = 7, ms = 300): number {
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let n = 0;
    const start = performance.now();
    while (performance.now() - start < ms) {
      work();
      n++;
    }
    rates.push(n / ((performance.now() - start) / 1000));
  }
  return median(rates);
}

console.log('');
console.log('| whole texts compared | tokens before / after | parts | tokenise both, pairs/s | wordDiff, pairs/s | wordDiff time / tokenise time |');
console.log('|---|---|---|---|---|---|');
for (const [label, before, after] of pairs) {
  const result = compareWords(before, after);
  if (!result.complete) throw new Error(`${label}: ${result.note}`);
  const baseline = rate(() => {
    tokenise(before);
    tokenise(after);
  });
  const diff = rate(() => compareWords(before, after));
  console.log(`| ${label} | ${fmt(tokenise(before).length)} / ${fmt(tokenise(after).length)} | ${result.parts.length} | ${fmt(baseline)} | ${fmt(diff)} | ${fmt(baseline / diff, 1)} |`);
}
const earlier = parseResolution(text('corpus/A-RES-78-235.txt'));
const later = parseResolution(text('A-RES-80-212.txt'));
const aligned = alignParagraphs(earlier, later);
console.log(`| alignParagraphs 78/235 → 80/212 (${aligned.length} pairs, diffs included), alignments/s | ${fmt(rate(() => alignParagraphs(earlier, later)))} |`);
