// Writes the sample report documents (English, Arabic, Chinese) as DOCX, HTML and PDF into
// test-artifacts/report/, to look at them: convert the DOCX with LibreOffice
// (`libreoffice --headless --convert-to pdf`) and render pages with `pdftoppm -png`.
// Usage: node --import tsx scripts/report-samples.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toDocx } from '../src/modules/report/document/docx.ts';
import { toHtml } from '../src/modules/report/document/html.ts';
import { figurePngs, toPdf } from '../src/modules/report/document/pdf.ts';
import { arabicSample, englishSample } from '../test/support/report-document-sample.ts';

const out = join(import.meta.dirname, '..', 'test-artifacts', 'report');
mkdirSync(out, { recursive: true });
const chinese = { ...englishSample(), lang: 'zh' as const, title: '促进和保护人权的区域安排', subtitle: '秘书长的报告' };
for (const [name, doc] of [
  ['en', englishSample()],
  ['ar', arabicSample()],
  ['zh', chinese],
] as const) {
  writeFileSync(join(out, `sample-${name}.docx`), toDocx(doc, { pngs: await figurePngs(doc) }));
  const html = toHtml(doc);
  writeFileSync(join(out, `sample-${name}.html`), html);
  writeFileSync(join(out, `sample-${name}-chromium.pdf`), await toPdf(html));
}
console.log(`written to ${out}`);
