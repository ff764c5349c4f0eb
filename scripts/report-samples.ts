// Writes the sample report documents (English, Arabic, Chinese) as DOCX, HTML and PDF into
// test-artifacts/report/, to look at them: convert the DOCX with LibreOffice
// (`libreoffice --headless --convert-to pdf`) and render pages with `pdftoppm -png`.
// Each sample holds a bar chart and two maps (the world, one region) drawn from made-up values,
// labelled as samples: none of them is a fact.
// Usage: node --import tsx scripts/report-samples.ts
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { barChart } from '../src/modules/report/document/charts.ts';
import { toDocx } from '../src/modules/report/document/docx.ts';
import { toHtml } from '../src/modules/report/document/html.ts';
import { DEFAULT_MAP_FILE, loadMapGeometry } from '../src/modules/report/document/map-file.ts';
import { type MapGeometry, NO_DATA_KEY, regionMap } from '../src/modules/report/document/maps.ts';
import type { Block, ReportDocument, ReportLanguage } from '../src/modules/report/document/model.ts';
import { figurePngs, toPdf } from '../src/modules/report/document/pdf.ts';
import { arabicSample, englishSample, HOSTILE } from '../test/support/report-document-sample.ts';
import { buildMapFile } from '../web/build/map-geometry.ts';

// The built web app's map file when there is one, else the same geometry built here.
const geometry: MapGeometry = existsSync(DEFAULT_MAP_FILE) ? loadMapGeometry() : buildMapFile();

const WORDS: Record<'en' | 'ar' | 'zh', { chart: string; categories: string[]; series: string[]; states: string; world: string; region: string; legend: string[] }> = {
  en: {
    chart: 'States party per instrument in a region (sample figures)',
    categories: ['African Charter on Human and Peoples’ Rights', 'Protocol on the Establishment of an African Court on Human and Peoples’ Rights', 'Instrument without data', HOSTILE],
    series: ['At the Vienna Declaration (1993)', 'At the date of the report'],
    states: '54 States',
    world: 'States covered by a regional mechanism (sample figures)',
    region: 'States party to an instrument in Africa (sample figures)',
    legend: ['Covered', 'Not covered', 'No data'],
  },
  ar: {
    chart: 'الدول الأطراف في كل صك في منطقة (أرقام تجريبية)',
    categories: ['الميثاق الأفريقي لحقوق الإنسان والشعوب', 'بروتوكول إنشاء محكمة أفريقية لحقوق الإنسان والشعوب (ACHPR)', 'صك لا بيانات عنه', HOSTILE],
    series: ['عند إعلان فيينا (1993)', 'في تاريخ التقرير'],
    states: '54 دولة',
    world: 'الدول المشمولة بآلية إقليمية (أرقام تجريبية)',
    region: 'الدول الأطراف في صك في أفريقيا (أرقام تجريبية)',
    legend: ['مشمولة', 'غير مشمولة', 'لا بيانات'],
  },
  zh: {
    chart: '一个区域内各文书的缔约国数目（示例数字）',
    categories: ['非洲人权和人民权利宪章', '关于设立非洲人权和人民权利法院的议定书', '无数据的文书', HOSTILE],
    series: ['《维也纳宣言》时（1993年）', '报告之日'],
    states: '54个国家',
    world: '区域机制所涵盖的国家（示例数字）',
    region: '非洲一项文书的缔约国（示例数字）',
    legend: ['已涵盖', '未涵盖', '无数据'],
  },
};

/** Made-up shading: every third State of the map file in each class. */
function sampleShade(iso3s: readonly string[]): Map<string, string> {
  return new Map(iso3s.map((iso3, i) => [iso3, ['yes', 'no', NO_DATA_KEY][i % 3] as string]));
}

function sampleFigures(lang: 'en' | 'ar' | 'zh'): Block[] {
  const w = WORDS[lang];
  const mapStates = [...new Set(geometry.shapes.map((s) => s.iso3).filter((c): c is string => c !== null))].sort();
  const africa = [
    'DZA',
    'EGY',
    'LBY',
    'MAR',
    'TUN',
    'NGA',
    'GHA',
    'SEN',
    'MLI',
    'NER',
    'TCD',
    'SDN',
    'ETH',
    'KEN',
    'TZA',
    'UGA',
    'COD',
    'COG',
    'CMR',
    'AGO',
    'ZMB',
    'ZWE',
    'MOZ',
    'ZAF',
    'NAM',
    'BWA',
    'MDG',
    'MUS',
    'CPV',
    'SYC',
  ];
  const legend = [
    { key: 'yes', label: w.legend[0] as string },
    { key: 'no', label: w.legend[1] as string },
    { key: NO_DATA_KEY, label: w.legend[2] as string },
  ];
  const chart = barChart({
    lang: lang as ReportLanguage,
    categories: w.categories.map((label) => ({ label })),
    series: [
      { name: w.series[0] as string, values: [49, null, null, 7] },
      { name: w.series[1] as string, values: [54, 34, null, 0] },
    ],
    max: 54,
    maxLabel: w.states,
  });
  return [
    { kind: 'figure', caption: w.chart, svg: chart, alt: w.chart },
    { kind: 'figure', caption: w.world, svg: regionMap({ geometry, lang, shade: sampleShade(mapStates), legend }), alt: w.world, widthCm: 15 },
    { kind: 'figure', caption: w.region, svg: regionMap({ geometry, lang, shade: sampleShade(africa), legend, regionStates: africa }), alt: w.region },
  ];
}

function withFigures(doc: ReportDocument, lang: 'en' | 'ar' | 'zh'): ReportDocument {
  return { ...doc, blocks: [...doc.blocks, ...sampleFigures(lang)] };
}

const out = join(import.meta.dirname, '..', 'test-artifacts', 'report');
mkdirSync(out, { recursive: true });
const chinese = { ...englishSample(), lang: 'zh' as const, title: '促进和保护人权的区域安排', subtitle: '秘书长的报告' };
for (const [name, doc] of [
  ['en', withFigures(englishSample(), 'en')],
  ['ar', withFigures(arabicSample(), 'ar')],
  ['zh', withFigures(chinese, 'zh')],
] as const) {
  const pngs = await figurePngs(doc);
  writeFileSync(join(out, `sample-${name}.docx`), toDocx(doc, { pngs }));
  // Without the PNGs: what a reader that draws the SVG itself (LibreOffice) makes of it.
  writeFileSync(join(out, `sample-${name}-svg-only.docx`), toDocx(doc));
  const html = toHtml(doc);
  writeFileSync(join(out, `sample-${name}.html`), html);
  writeFileSync(join(out, `sample-${name}-chromium.pdf`), await toPdf(html));
}
console.log(`written to ${out}`);
