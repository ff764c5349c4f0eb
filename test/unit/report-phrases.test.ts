// The report's words in the six languages: every sentence of the Phrases interface, called with
// counts that take different grammatical forms (0, 1, 2, 5, 11, 21), with missing optional parts
// and with a hostile string, comes out whole (no "undefined", "NaN", "[object", "${"), keeps
// every value the English sentence shows, and is not English left untranslated.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REPORT_SECTIONS } from '../../src/modules/report/compose/index.ts';
import { PHRASES } from '../../src/modules/report/compose/phrases/index.ts';
import type { Phrases } from '../../src/modules/report/compose/phrases/types.ts';

type Kind = 'number' | 'string' | 'string?' | 'boolean';
type Sentence = { [K in keyof Phrases]: Phrases[K] extends (...args: never[]) => string ? K : never }[keyof Phrases];

/** Each sentence's arguments: a figure (number), formatted text (string), text that may be missing (string?), or a flag. */
const ARGS: Record<Sentence, Record<string, Kind> | 'why'> = {
  summary: { start: 'string', end: 'string', regions: 'number', organizations: 'number', instruments: 'number', mechanisms: 'number', newParties: 'number' },
  mandateLead: { paragraph: 'string', adopted: 'string?', symbol: 'string?', session: 'string' },
  mandateMissing: 'why',
  period: { start: 'string', end: 'string' },
  regionsCovered: { regions: 'string' },
  regionStates: { states: 'string', region: 'string' },
  organizations: { count: 'number', region: 'string', list: 'string' },
  noOrganization: { region: 'string', date: 'string' },
  organization: { name: 'string', members: 'string', unverified: 'number', inRegion: 'string' },
  instruments: { count: 'number', list: 'string' },
  noInstrument: { date: 'string' },
  instrument: { title: 'string', adopted: 'string?', inForce: 'string?', notYetInForce: 'boolean' },
  mechanisms: { count: 'number', list: 'string' },
  noMechanism: { date: 'string' },
  mechanism: { name: 'string', established: 'string?', complaints: 'boolean' },
  ratificationCaption: { region: 'string', date: 'string' },
  ratificationNote: { start: 'string', api: 'string' },
  newParties: { count: 'number', start: 'string', end: 'string', list: 'string' },
  noNewParty: { start: 'string', end: 'string' },
  newParty: { state: 'string', instruments: 'string' },
  chartCaption: { region: 'string' },
  chartAlt: { region: 'string', date: 'string' },
  chartMax: { states: 'string' },
  requests: { total: 'number', date: 'string', byStatus: 'string', unanswered: 'number', overdue: 'number' },
  noRequest: { date: 'string' },
  projects: { total: 'number', running: 'number', start: 'string', end: 'string', budget: 'string?', disbursed: 'string?' },
  noProject: { date: 'string' },
  events: { total: 'number', participants: 'number', counted: 'number', start: 'string', end: 'string' },
  noEvent: { start: 'string', end: 'string' },
  eventCaption: { start: 'string', end: 'string' },
  presences: { open: 'number', covered: 'number', date: 'string', list: 'string', uncertain: 'number' },
  noPresence: { date: 'string' },
  exchanges: { total: 'number', start: 'string', end: 'string', byKind: 'string' },
  noExchange: { start: 'string', end: 'string' },
  exchangeCaption: { start: 'string', end: 'string' },
  obstacles: { total: 'number', date: 'string', byCategory: 'string', strategies: 'number' },
  noObstacle: { date: 'string' },
  obstacleExample: { state: 'string', instruments: 'string', category: 'string', description: 'string', identified: 'string', strategies: 'string?' },
  implementation: { total: 'number', byStatus: 'string', overdue: 'number', date: 'string' },
  implementationMissing: 'why',
  implementationCaption: { date: 'string' },
  conclusionsLead: { date: 'string' },
  uncovered: { count: 'number', date: 'string', list: 'string' },
  noneUncovered: { date: 'string' },
  uncoveredRecommendation: { paragraph: 'string?' },
  coverageIncomplete: { list: 'string' },
  leastRatified: { region: 'string', list: 'string' },
  leastRatifiedItem: { instrument: 'string', parties: 'string', states: 'string' },
  unanswered: { count: 'number', overdue: 'number', date: 'string' },
  mapCaption: { date: 'string' },
  mapAlt: { date: 'string', covered: 'number', uncovered: 'number' },
  seeSources: { numbers: 'string' },
  apiNote: { api: 'string' },
};

const COUNTS = [0, 1, 2, 5, 11, 21];
const HOSTILE = `<b onclick="x()">O'Brien & "Ko"</b> {0} %s \u202e`;
/** Formatted text as the composer passes it: dates, counts already formatted, lists, a hostile name. */
const TEXTS = ['7 Zq 2026', '21', '1', '3, 5 · 7', 'Qx-Region', '12 345'];

/** One round of arguments: counts rotate so that no two counts of a sentence are equal in a round. */
function argsFor(spec: Record<string, Kind>, round: number): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  Object.entries(spec).forEach(([name, kind], i) => {
    const at = (round + i) % COUNTS.length;
    if (kind === 'number') args[name] = COUNTS[at];
    else if (kind === 'boolean') args[name] = round % 2 === 0;
    else if (kind === 'string?' && round % 3 === 2) args[name] = null;
    else args[name] = round === 4 && i === 0 ? HOSTILE : TEXTS[at];
  });
  return args;
}

function call(p: Phrases, name: Sentence, args: Record<string, unknown> | string): string {
  return (p[name] as (x: unknown) => string)(args);
}

/** Every string a Phrases object holds, functions left out. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

function shape(value: unknown): unknown {
  if (typeof value === 'function') return 'function';
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .map(([k, v]) => [k, shape(v)])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
  return typeof value;
}

const ENGLISH_TELLS = [' the ', ' of ', 'States party', ' and ', 'records', ' none'];
const BROKEN = ['undefined', 'NaN', '[object', '${', 'null'];
const shown = (text: string, value: string | number) => (typeof value === 'number' ? new RegExp(`(?<![0-9])${value}(?![0-9])`).test(text) : text.includes(value));

describe('report phrases', () => {
  test('every sentence of the interface is exercised here', () => {
    const functions = Object.entries(PHRASES.en)
      .filter(([, v]) => typeof v === 'function')
      .map(([k]) => k)
      .sort();
    assert.deepEqual(functions, Object.keys(ARGS).sort());
  });

  test('the six languages have the same shape, and headings for every section', () => {
    for (const [lang, p] of Object.entries(PHRASES)) {
      assert.deepEqual(shape(p), shape(PHRASES.en), lang);
      assert.deepEqual(Object.keys(p.headings).sort(), [...REPORT_SECTIONS].sort(), lang);
    }
  });

  for (const [lang, p] of Object.entries(PHRASES)) {
    test(`${lang}: every sentence comes out whole and keeps the values English shows`, () => {
      for (const name of Object.keys(ARGS) as Sentence[]) {
        const spec = ARGS[name];
        for (let round = 0; round < COUNTS.length; round++) {
          const args = spec === 'why' ? (round === 4 ? HOSTILE : `reason ${round}`) : argsFor(spec, round);
          const text = call(p, name, args);
          const english = call(PHRASES.en, name, args);
          const where = `${lang}.${name}(${JSON.stringify(args)}) = ${text}`;
          assert.ok(text.trim().length > 0, where);
          for (const bad of BROKEN) assert.ok(!text.includes(bad), `${where}: contains ${bad}`);
          const values = typeof args === 'string' ? [args] : Object.values(args).filter((v): v is string | number => typeof v === 'string' || typeof v === 'number');
          for (const v of values) if (shown(english, v)) assert.ok(shown(text, v), `${where}: does not show ${v}`);
          const own = values.reduce<string>((t, v) => (typeof v === 'string' ? t.split(v).join(' · ') : t), text);
          if (lang !== 'en') for (const word of ENGLISH_TELLS) assert.ok(!own.includes(word), `${where}: English "${word}"`);
        }
      }
      assert.ok(p.chartSeries.atDate('7 Zq 2026').includes('7 Zq 2026'), `${lang}.chartSeries.atDate`);
    });

    test(`${lang}: the fixed words are written in the language`, () => {
      for (const [path, text] of strings(p)) {
        assert.ok(text.trim().length > 0, `${lang}.${path}`);
        if (lang !== 'en') for (const word of ENGLISH_TELLS) assert.ok(!` ${text} `.includes(word), `${lang}.${path}: English "${word}" in ${text}`);
      }
      if (lang !== 'en') {
        // A word for word copy of English is the placeholder this test exists to catch.
        const same = strings(p).filter(([path, text]) => /[a-z]{4}/.test(text) && strings(PHRASES.en).some(([k, v]) => k === path && v === text));
        assert.deepEqual(
          same
            .map(([k]) => k)
            .filter(
              (k) =>
                ![
                  'ratificationColumns.instrument',
                  'exchangeColumns.parties',
                  'eventColumns.participants',
                  'eventColumns.dates',
                  'exchangeColumns.dates',
                  'headings.introduction',
                  'sourcesColumns.source',
                ].includes(k),
            ),
          [],
          lang,
        );
      }
    });
  }

  test('the writing conventions of each language', () => {
    const zh = PHRASES.zh.requests({ total: 5, date: '2026年12月7日', byStatus: '已收到：5', unanswered: 2, overdue: 1 });
    assert.ok(!/[\u4e00-\u9fff] [\u4e00-\u9fff]/.test(zh), `no spaces between Chinese words: ${zh}`);
    assert.ok(!/[,;:()](?![0-9])/.test(zh.replace('已收到：5', '')), `full-width punctuation: ${zh}`);
    const ar = PHRASES.ar.summary({ start: '1 يناير 2024', end: '7 ديسمبر 2026', regions: 5, organizations: 11, instruments: 21, mechanisms: 2, newParties: 1 });
    assert.ok(!/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(ar), 'no bidi controls in Arabic: the document layer sets direction');
    const ru = (n: number) => PHRASES.ru.requests({ total: n, date: '7 декабря 2026 г.', byStatus: 'x', unanswered: 0, overdue: 0 });
    assert.match(ru(1), /1 просьбу /);
    assert.match(ru(2), /2 просьбы /);
    assert.match(ru(5), /5 просьб /);
    assert.match(ru(11), /11 просьб /);
    assert.match(ru(21), /21 просьбу /);
    assert.match(ru(22), /22 просьбы /);
    assert.ok(!PHRASES.ru.noRequest({ date: '7 декабря 2026 г.' }).includes('г..'), 'a Russian date ending "г." takes no second full stop');
    assert.ok(PHRASES.ru.conclusionsLead({ date: '7 декабря 2026 г.' }).endsWith('выводы.'));
    assert.match(PHRASES.fr.requests({ total: 1, date: 'd', byStatus: 'x', unanswered: 1, overdue: 0 }), /1 demande de .* 1 demande était/);
    assert.match(PHRASES.fr.requests({ total: 2, date: 'd', byStatus: 'x', unanswered: 2, overdue: 0 }), /2 demandes de .* 2 demandes étaient/);
    assert.match(PHRASES.es.requests({ total: 1, date: 'd', byStatus: 'x', unanswered: 0, overdue: 0 }), /1 solicitud de .* 0 solicitudes estaban/);
    for (const [lang, one, many] of [
      ['en', 'no. 3.', 'nos. 3, 5 and 7.'],
      ['fr', 'n° 3.', 'n°s 3, 5 et 7.'],
      ['es', 'núm. 3.', 'núms. 3, 5 y 7.'],
      ['ar', 'الرقم 3.', 'الأرقام 3 و5 و7.'],
    ] as const) {
      assert.ok(PHRASES[lang].seeSources({ numbers: '3' }).endsWith(one), lang);
      const list = new Intl.ListFormat(lang === 'en' ? 'en-GB' : lang, { type: 'conjunction' }).format(['3', '5', '7']);
      assert.ok(PHRASES[lang].seeSources({ numbers: list }).endsWith(many), `${lang}: ${PHRASES[lang].seeSources({ numbers: list })}`);
    }
  });
});
