// The report's charts and maps (document/charts.ts, maps.ts): SVG that parses as XML, that the
// document writers accept (checkFigureSvg), with hostile labels escaped; a missing value written
// "no data" and never drawn as a bar; Arabic drawn mirrored; a map that shades the States given,
// hatches those without data, zooms to a region, and stays small for the whole world.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, test } from 'node:test';
import { SaxesParser } from 'saxes';
import { barChart, type BarChartInput } from '../../src/modules/report/document/charts.ts';
import { FIGURE_WORDS, wrapText } from '../../src/modules/report/document/figure-text.ts';
import { loadMapGeometry, MapGeometryMissingError } from '../../src/modules/report/document/map-file.ts';
import { type MapGeometry, NO_DATA_KEY, regionMap, unmappedStates } from '../../src/modules/report/document/maps.ts';
import { checkFigureSvg, REPORT_LANGUAGES } from '../../src/modules/report/document/model.ts';
import { ValidationError } from '../../src/shared/errors.ts';
import { buildMapFile } from '../../web/build/map-geometry.ts';
import { HOSTILE, HOSTILE_SHOWN } from '../support/report-document-sample.ts';

interface Element {
  name: string;
  attributes: Record<string, string>;
  text: string;
}

/** Parses the SVG with saxes (throws on anything not well-formed): its elements in order, each with its own text. */
function parseSvg(svg: string): Element[] {
  const parser = new SaxesParser({ xmlns: false });
  const elements: Element[] = [];
  const open: Element[] = [];
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => {
    const element = { name: tag.name, attributes: tag.attributes as Record<string, string>, text: '' };
    elements.push(element);
    open.push(element);
  });
  parser.on('closetag', () => void open.pop());
  parser.on('text', (t) => {
    const top = open[open.length - 1];
    if (top) top.text += t;
  });
  parser.write(svg).close();
  return elements;
}

/** The text a reader sees: the bidi marks the writer adds around Arabic taken out. */
const shown = (e: Element) => e.text.replace(/[\u202b\u202c]/g, '');
const texts = (svg: string) => parseSvg(svg).filter((e) => e.name === 'text');
const bars = (svg: string) => parseSvg(svg).filter((e) => e.name === 'rect' && e.attributes.height === '13' && e.attributes.fill !== '#ffffff');

function chartInput(lang: BarChartInput['lang'] = 'en'): BarChartInput {
  return {
    lang,
    categories: [{ label: 'First instrument' }, { label: 'Second instrument' }, { label: HOSTILE }],
    series: [
      { name: 'At the Vienna Declaration (1993)', values: [10, null, 3] },
      { name: `Now ${HOSTILE}`, values: [20, 15, 0] },
    ],
    max: 25,
    maxLabel: '25 States',
  };
}

describe('barChart', () => {
  test('is an SVG the document writers accept, with a viewBox, a fixed width and no outside reference', () => {
    for (const lang of REPORT_LANGUAGES) {
      const svg = barChart(chartInput(lang));
      checkFigureSvg(svg, 'chart');
      const root = parseSvg(svg)[0] as Element;
      assert.equal(root.name, 'svg');
      assert.equal(root.attributes.width, '640');
      assert.match(root.attributes.viewBox ?? '', /^0 0 640 \d+$/);
      assert.doesNotMatch(svg, /href|url\((?!#)|<image|<script/i);
    }
  });

  test('a null value is written "no data" in the language and gets no bar; zero is a value', () => {
    for (const lang of REPORT_LANGUAGES) {
      const svg = barChart(chartInput(lang));
      const words = texts(svg).map(shown);
      assert.equal(words.filter((t) => t === FIGURE_WORDS[lang].noData).length, 1, lang);
      // Five values, one null: five bars less the null one and the zero one; "0" is printed.
      assert.equal(bars(svg).length, 4, lang);
      assert.ok(
        bars(svg).every((b) => Number(b.attributes.width) > 0),
        lang,
      );
      assert.ok(words.includes('0'));
    }
  });

  test('the height follows the number of bars', () => {
    const small = barChart({ ...chartInput(), categories: [{ label: 'One' }], series: [{ name: 'A', values: [1] }] });
    const large = barChart(chartInput());
    const height = (svg: string) => Number((parseSvg(svg)[0] as Element).attributes.height);
    assert.ok(height(large) > height(small) + 40);
  });

  test('hostile labels and series names are escaped and shown as given', () => {
    const svg = barChart(chartInput());
    assert.doesNotMatch(svg, /<script>|<w:p\/>/);
    const words = texts(svg).map(shown).join(' ');
    assert.ok(words.includes('<script>alert("x")</script>'), words);
    assert.ok(words.includes(`Now ${HOSTILE_SHOWN}`.slice(0, 30)));
  });

  test('Arabic is mirrored: bars grow right to left from an axis on the right, labels beyond it', () => {
    const ltr = bars(barChart(chartInput('en')));
    const rtl = bars(barChart(chartInput('ar')));
    // Left to right the bars start at the axis; right to left they end at it, further right.
    const axisLtr = Number(ltr[0]?.attributes.x);
    assert.ok(ltr.every((b) => Number(b.attributes.x) === axisLtr));
    const ends = rtl.map((b) => Number(b.attributes.x) + Number(b.attributes.width));
    assert.ok(ends.every((e) => Math.abs(e - (640 - axisLtr)) < 0.2));
    // The longer the bar, the further left it starts.
    const byWidth = [...rtl].sort((a, b) => Number(a.attributes.width) - Number(b.attributes.width));
    const xs = byWidth.map((b) => Number(b.attributes.x));
    assert.deepEqual(
      xs,
      [...xs].sort((a, b) => b - a),
    );
    // The category labels stand right of the axis, in a right-to-left embedding; digits stay Latin.
    const svg = barChart({ ...chartInput('ar'), categories: [{ label: 'الصك الأول' }, { label: 'الصك الثاني' }, { label: 'الثالث' }] });
    const label = texts(svg).find((t) => shown(t) === 'الصك الأول') as Element;
    assert.ok(Number(label.attributes.x) > 640 - axisLtr);
    assert.ok(label.text.startsWith('\u202b'));
    assert.ok(texts(svg).some((t) => t.text === '20'));
    assert.equal((parseSvg(svg)[0] as Element).attributes.direction, 'ltr');
  });

  test('long labels wrap, Chinese without spaces too, and what does not fit is cut with an ellipsis', () => {
    const long = 'Protocol to the African Charter on Human and Peoples’ Rights on the Establishment of an African Court on Human and Peoples’ Rights';
    const lines = wrapText(long, 190, 13, 3);
    assert.equal(lines.length, 3);
    assert.ok(lines[2]?.endsWith('…'));
    const chinese = wrapText('关于设立非洲人权和人民权利法院的非洲人权和人民权利宪章议定书', 190, 13, 3);
    assert.ok(chinese.length >= 2 && chinese.length <= 3);
    assert.ok(chinese.every((l) => l.length <= 15));
  });

  test('refuses what it cannot draw truthfully, naming the problem', () => {
    assert.throws(
      () => barChart({ ...chartInput(), series: [{ name: 'A', values: [1, 2] }] }),
      (e: unknown) => e instanceof ValidationError && /2 values for 3 categories/.test(e.message),
    );
    assert.throws(() => barChart({ ...chartInput(), series: [{ name: 'A', values: [1, -2, 3] }] }), ValidationError);
    assert.throws(() => barChart({ ...chartInput(), lang: 'de' as 'en' }), ValidationError);
    assert.throws(() => barChart({ ...chartInput(), series: [1, 2, 3, 4].map((n) => ({ name: `${n}`, values: [1, 2, 3] })) }), ValidationError);
  });
});

/** A made-up map: three square States, one far away, and one too small to see (a marker). */
const square = (x: number, y: number, s = 20) => `M${x},${y}L${x + s},${y}L${x + s},${y + s}L${x},${y + s}Z`;
const TOY: MapGeometry = {
  width: 1920,
  height: 940,
  sphere: 'M0,0L1920,0L1920,940L0,940Z',
  shapes: [
    { iso3: 'AAA', d: square(100, 100), marker: null },
    { iso3: 'BBB', d: square(140, 100), marker: null },
    { iso3: 'CCC', d: square(1500, 700), marker: null },
    { iso3: 'DDD', d: 'M180,100L181,100L181,101Z', marker: [180, 100] },
    { iso3: null, d: square(600, 600), marker: null },
  ],
  source: 'test',
};
const LEGEND = [
  { key: 'party', label: 'Party' },
  { key: 'not', label: `Not party ${HOSTILE}` },
  { key: NO_DATA_KEY, label: 'No data' },
];

describe('regionMap', () => {
  const shade = new Map([
    ['AAA', 'party'],
    ['BBB', NO_DATA_KEY],
    ['CCC', 'not'],
    ['DDD', 'party'],
  ]);

  test('shades each State by its key, hatches those without data, and the document writers accept it', () => {
    const svg = regionMap({ geometry: TOY, shade, legend: LEGEND, lang: 'en' });
    checkFigureSvg(svg, 'map');
    const elements = parseSvg(svg);
    const pattern = elements.find((e) => e.name === 'pattern');
    assert.ok(pattern?.attributes.id);
    const groups = elements.filter((e) => e.name === 'g' && e.attributes.fill);
    const hatched = groups.find((g) => g.attributes.fill === `url(#${pattern.attributes.id})`);
    assert.ok(hatched, 'a group drawn with the hatch');
    // Each State's path sits in the group of its fill: AAA dark, BBB hatched, CCC the second fill.
    const fillOf = (index: number) => {
      const paths = elements.filter((e) => e.name === 'path' && e.attributes.d?.startsWith('M'));
      const path = paths[index] as Element;
      const at = elements.indexOf(path);
      return [...elements.slice(0, at)].reverse().find((e) => e.name === 'g' && e.attributes.fill)?.attributes.fill;
    };
    // Paths: sphere, then the outside shape, then the classes in legend order.
    const fills = [1, 2, 3, 4].map(fillOf);
    assert.deepEqual(fills, ['#f7f7f7', '#1f3d7a', '#6b9bd1', `url(#${pattern.attributes.id})`]);
    // The small State is a circle in its class's fill; the legend's three swatches and labels.
    assert.ok(elements.some((e) => e.name === 'circle' && e.attributes.fill === '#1f3d7a'));
    const words = elements.filter((e) => e.name === 'text').map(shown);
    assert.ok(words.includes('Party') && words.includes('No data'));
    assert.ok(words.some((w) => w.startsWith('Not party <script>alert("x")</script>')));
    assert.doesNotMatch(svg, /<script>/);
  });

  test('a region zooms the drawing: another viewBox, the far State left out', () => {
    const world = regionMap({ geometry: TOY, shade, legend: LEGEND, lang: 'en' });
    const region = regionMap({ geometry: TOY, shade, legend: LEGEND, lang: 'en', regionStates: ['AAA', 'BBB'] });
    const box = (svg: string) => (parseSvg(svg)[0] as Element).attributes.viewBox;
    assert.notEqual(box(world), box(region));
    const paths = (svg: string) => parseSvg(svg).filter((e) => e.name === 'path').length;
    assert.ok(paths(region) < paths(world), 'the State far away and the sphere are not drawn');
    // The two States fill most of the width: AAA's square is wider than a tenth of it.
    const aaa = parseSvg(region).filter((e) => e.name === 'path')[0]?.attributes.d ?? '';
    assert.ok(Number(/l(\d+)/.exec(aaa)?.[1]) > 64, aaa);
    assert.throws(() => regionMap({ geometry: TOY, shade, legend: LEGEND, lang: 'en', regionStates: ['ZZZ'] }), ValidationError);
  });

  test('Arabic: the legend runs from the right, in a right-to-left embedding', () => {
    const svg = regionMap({ geometry: TOY, shade, legend: [{ key: 'party', label: 'طرف' }, ...LEGEND.slice(1)], lang: 'ar' });
    const label = texts(svg).find((t) => shown(t) === 'طرف') as Element;
    assert.ok(Number(label.attributes.x) > 560 && label.attributes['text-anchor'] === 'end');
    assert.ok(label.text.startsWith('\u202b'));
  });

  test('refuses a key the legend does not name and a code that is not alpha-3', () => {
    assert.throws(
      () => regionMap({ geometry: TOY, shade: new Map([['AAA', 'other']]), legend: LEGEND, lang: 'en' }),
      (e: unknown) => e instanceof ValidationError && /AAA is shaded "other"/.test(e.message),
    );
    assert.throws(() => regionMap({ geometry: TOY, shade: new Map([['aa"', 'party']]), legend: LEGEND, lang: 'en' }), ValidationError);
  });

  test('the world from the web app’s map file and a region from it stay under 150 KB; the region zooms', () => {
    const geometry = buildMapFile();
    const iso3s = [...new Set(geometry.shapes.map((s) => s.iso3).filter((c): c is string => c !== null))];
    const all = new Map(iso3s.map((c, i) => [c, ['party', 'not', NO_DATA_KEY][i % 3] as string]));
    const world = regionMap({ geometry, shade: all, legend: LEGEND, lang: 'en' });
    checkFigureSvg(world, 'world');
    parseSvg(world);
    assert.ok(Buffer.byteLength(world) < 150_000, `${Buffer.byteLength(world)} bytes`);
    const africa = ['DZA', 'EGY', 'NGA', 'KEN', 'ZAF', 'MDG', 'CPV', 'SEN'];
    const region = regionMap({ geometry, shade: all, legend: LEGEND, lang: 'fr', regionStates: africa });
    assert.ok(Buffer.byteLength(region) < 150_000, `${Buffer.byteLength(region)} bytes`);
    assert.notEqual((parseSvg(region)[0] as Element).attributes.viewBox, (parseSvg(world)[0] as Element).attributes.viewBox);
    // France's French Guiana does not stretch a map of Western Europe over the Atlantic.
    const europe = regionMap({ geometry, shade: all, legend: LEGEND, lang: 'en', regionStates: ['FRA', 'DEU', 'BEL', 'NLD'] });
    const height = Number((parseSvg(europe)[0] as Element).attributes.height);
    assert.ok(height < 900, `${height}`);
    assert.deepEqual(unmappedStates(geometry, ['FRA', 'TUV', 'XKX']), ['XKX']);
  });
});

describe('figure words', () => {
  test('are the web app’s words for "no data" and the map note, in the six languages', () => {
    for (const lang of REPORT_LANGUAGES) {
      const web = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'web', 'src', 'i18n', `${lang}.json`), 'utf8')) as Record<string, string>;
      assert.equal(FIGURE_WORDS[lang].noData, web['treaties.count.noData'], lang);
      assert.equal(FIGURE_WORDS[lang].mapNote, web['map.disclaimer'], lang);
    }
  });
});

describe('loadMapGeometry', () => {
  test('a missing map file is a clear error that says how to build it', () => {
    const missing = join(tmpdir(), 'accord-no-such-map', 'world.json');
    assert.equal(existsSync(missing), false);
    assert.throws(
      () => loadMapGeometry(missing),
      (e: unknown) => e instanceof MapGeometryMissingError && /npm run build:web/.test(e.message),
    );
  });

  test('reads the map file the web build writes, and refuses one that is not a map', () => {
    const dir = mkdtempSync(join(tmpdir(), 'accord-map-'));
    try {
      const file = join(dir, 'world.json');
      writeFileSync(file, JSON.stringify(buildMapFile()));
      const geometry = loadMapGeometry(file);
      assert.ok(regionMap({ geometry, shade: new Map([['FRA', 'party']]), legend: LEGEND, lang: 'en' }).startsWith('<svg'));
      writeFileSync(file, '{"width": 1}');
      assert.throws(() => loadMapGeometry(file), MapGeometryMissingError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
