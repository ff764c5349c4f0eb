// The report as one standalone HTML file: inline CSS, no script, no outside resource. Written as
// well-formed XHTML-compatible markup (every element closed) so that it can be checked as XML, and
// styled for print (A4, the UN text column) so that Chromium prints it into a decent PDF (pdf.ts).
// Footnotes become numbered notes at the end with links both ways.
import { xmlText } from '../../../shared/xml.ts';
import { roman } from './docx-body.ts';
import { symbolText } from './docx.ts';
import { type Labels, LABELS, longDate } from './labels.ts';
import { type Block, checkFigureSvg, checkReportDocument, isRtl, paragraphNumbers, type ReportDocument, type Run } from './model.ts';

const esc = xmlText;

/** What the body gathers as it goes: the notes' HTML, numbered 1… in order; the tables and figures counted. */
class HtmlContext {
  readonly notes: string[] = [];
  tables = 0;
  figures = 0;
  constructor(readonly labels: Labels) {}
}

function langAttrs(lang: string | undefined, dir: 'ltr' | 'rtl' | undefined): string {
  const d = dir ?? (lang ? (isRtl(lang) ? 'rtl' : 'ltr') : undefined);
  return `${lang ? ` lang="${esc(lang)}"` : ''}${d ? ` dir="${d}"` : ''}`;
}

/** Text with line feeds as breaks. */
function text(t: string): string {
  return t.split('\n').map(esc).join('<br/>');
}

function runsHtml(ctx: HtmlContext, runs: readonly Run[], inNote = false): string {
  return runs
    .map((run) => {
      let html = text(run.text);
      if (run.bold) html = `<b>${html}</b>`;
      if (run.italic) html = `<i>${html}</i>`;
      if (run.lang || run.dir) html = `<span${langAttrs(run.lang, run.dir)}>${html}</span>`;
      if (run.footnote && inNote) html += ` [${runsHtml(ctx, run.footnote, true)}]`;
      else if (run.footnote) html += noteMark(ctx, run.footnote);
      return html;
    })
    .join('');
}

function noteMark(ctx: HtmlContext, note: readonly Run[]): string {
  const n = ctx.notes.length + 1;
  ctx.notes.push('');
  ctx.notes[n - 1] = `<li id="note-${n}">${runsHtml(ctx, note, true)} <a class="back" href="#note-ref-${n}" aria-label="${n}">↩</a></li>`;
  return `<sup class="note-ref"><a id="note-ref-${n}" href="#note-${n}">${n}</a></sup>`;
}

/** An SVG put inline: refused if it could run code; given a <title> (the caption) and a <desc> (the alt text). */
function inlineSvg(svg: string, title: string, alt: string, id: string): string {
  checkFigureSvg(svg, title);
  const trimmed = svg.trim();
  const open = /^<svg\b[^>]*>/i.exec(trimmed)?.[0] ?? '<svg>';
  const labelled = open.replace(/^<svg/i, `<svg role="img" aria-labelledby="${id}-title ${id}-desc"`);
  return `${labelled}<title id="${id}-title">${esc(title)}</title><desc id="${id}-desc">${esc(alt)}</desc>${trimmed.slice(open.length)}`;
}

function blockHtml(ctx: HtmlContext, b: Block, number: number | undefined): string {
  switch (b.kind) {
    case 'heading': {
      const label = b.label ? `<span class="label">${esc(b.label)}</span>` : '';
      return `<h${b.level + 1}>${label}${esc(b.text)}</h${b.level + 1}>`;
    }
    case 'paragraph': {
      const mark = number === undefined ? '' : `<span class="num">${esc(ctx.labels.paragraphNumber(number))}</span>`;
      return `<p class="${number === undefined ? 'text' : 'text numbered'}">${mark}${runsHtml(ctx, b.runs)}</p>`;
    }
    case 'quote':
      return `<blockquote${b.lang ? langAttrs(b.lang, undefined) : ''}><p>${runsHtml(ctx, b.runs)}</p></blockquote>`;
    case 'table': {
      ctx.tables += 1;
      const numeric = new Set(b.numericColumns ?? []);
      const cls = (i: number) => (numeric.has(i) ? ' class="number"' : '');
      // An address (a URL, a path) has no spaces to wrap at: it may break anywhere rather than run off the page.
      const cellCls = (i: number, value: string) => (numeric.has(i) ? cls(i) : /^\S*[/.]\S{20,}$/.test(value) ? ' class="address"' : '');
      const head = b.columns.map((c, i) => `<th scope="col"${cls(i)}>${text(c)}</th>`).join('');
      const rows = b.rows
        .map((r) => `<tr>${b.columns.map((_, i) => (i === 0 ? `<th scope="row">${text(r[0] ?? '')}</th>` : `<td${cellCls(i, r[i] ?? '')}>${text(r[i] ?? '')}</td>`)).join('')}</tr>`)
        .join('');
      const note = b.note ? `<p class="table-note">${runsHtml(ctx, b.note)}</p>` : '';
      return `<table><caption><span class="label">${esc(`${ctx.labels.table} ${ctx.tables}`)}</span><br/>${esc(b.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>${note}`;
    }
    case 'figure': {
      ctx.figures += 1;
      const width = Math.min(b.widthCm ?? 12.5, 16);
      const svg = inlineSvg(b.svg, b.caption, b.alt, `figure-${ctx.figures}`);
      return `<figure><figcaption><span class="label">${esc(`${ctx.labels.figure} ${roman(ctx.figures)}`)}</span><br/>${esc(b.caption)}</figcaption><div class="picture" style="width:${width}cm">${svg}</div></figure>`;
    }
  }
}

function masthead(doc: ReportDocument, l: Labels): string {
  return (
    '<header class="masthead">' +
    `<div class="un">${esc(l.unitedNations)}</div><div class="symbol" dir="ltr">${esc(symbolText(doc))}</div>` +
    `<div class="organ">${esc(l.generalAssembly)}</div>` +
    `<div class="distribution"><div dir="ltr">${esc(`${l.distr} ${doc.distribution}`)}</div><div>${esc(longDate(doc.date, doc.lang))}</div><div dir="ltr" class="original">${esc(`${l.original} ${l.languageName}`)}</div></div>` +
    '</header>' +
    `<p class="session">${esc(l.session(doc.session))}<br/>${esc(doc.agendaItem ?? l.agendaPlaceholder)}</p>` +
    `<h1>${esc(doc.title)}<span class="subtitle">${esc(doc.subtitle)}</span></h1>`
  );
}

const CSS = `
@page { size: A4; margin: 2cm; @bottom-center { content: counter(page); font: 9pt "Times New Roman", "Liberation Serif", serif; } }
html { font: 10pt/1.25 "Times New Roman", "Liberation Serif", serif; color: #000; background: #fff; }
html[lang="ar"], :lang(ar) { font-family: "Noto Naskh Arabic", Arial, serif; }
html[lang="zh"], :lang(zh) { font-family: "Noto Sans CJK SC", "Noto Serif CJK SC", sans-serif; }
body { max-width: 17cm; margin: 0 auto; padding: 1cm 0; }
@media print { body { padding: 0; } }
.masthead { display: grid; grid-template-columns: 10cm 1fr; align-items: end; }
.masthead .un { font-size: 14pt; border-bottom: 2.25pt solid #000; padding-bottom: 2pt; }
.masthead .symbol { font-size: 20pt; font-weight: bold; text-align: end; border-bottom: 2.25pt solid #000; padding-bottom: 2pt; }
.masthead .organ { font-size: 28pt; font-weight: bold; border-bottom: 2.25pt solid #000; padding: 6pt 0; }
.masthead .distribution { text-align: left; border-bottom: 2.25pt solid #000; padding: 4pt 0 8pt; }
.masthead .original { margin-top: 10pt; }
.session { margin: 8pt 0 0; }
h1 { font-size: 17pt; margin: 24pt 2.23cm 18pt; }
h1 .subtitle { display: block; font-size: 12pt; margin-top: 12pt; }
h2, h3, h4 { margin: 18pt 2.23cm 10pt 0; padding-inline-start: 2.23cm; text-indent: -1.23cm; break-after: avoid; }
h2 { font-size: 12pt; } h3 { font-size: 10pt; } h4 { font-size: 10pt; font-style: italic; font-weight: normal; }
h2 .label, h3 .label, h4 .label { display: inline-block; min-width: 1.23cm; text-indent: 0; }
.summary { border: 0.75pt solid #000; margin: 12pt 2.23cm; padding: 6pt 0.5cm; }
.summary h2 { text-align: center; margin: 0 0 6pt; padding: 0; text-indent: 0; }
p.text, .summary p, .table-note { margin: 0 2.23cm 6pt; text-align: justify; }
.summary p { margin: 0; }
p.numbered .num { display: inline-block; min-width: 0.84cm; }
blockquote { margin: 0 3.23cm 6pt; text-align: justify; }
table { border-collapse: collapse; margin: 0 2.23cm 3pt; width: calc(100% - 4.46cm); font-size: 8.5pt; border-top: 0.75pt solid #000; border-bottom: 0.75pt solid #000; }
caption { text-align: start; font-size: 10pt; font-weight: bold; padding-bottom: 6pt; }
caption .label, figcaption .label { font-weight: normal; }
thead { display: table-header-group; }
th, td { padding: 2pt 3pt; text-align: start; vertical-align: top; font-weight: normal; }
td.address { overflow-wrap: anywhere; }
thead th { font-style: italic; border-bottom: 0.75pt solid #000; }
.number { text-align: end; }
tr { break-inside: avoid; }
.table-note { font-size: 8.5pt; margin-bottom: 12pt; }
figure { margin: 12pt 2.23cm; break-inside: avoid; }
figcaption { font-weight: bold; margin-bottom: 6pt; }
figure .picture { margin: 0 auto; max-width: 100%; }
figure svg { width: 100%; height: auto; display: block; }
sup.note-ref { font-size: 70%; line-height: 0; }
sup.note-ref a, .notes a.back { color: inherit; text-decoration: none; }
.notes { margin: 24pt 2.23cm 0; border-top: 0.75pt solid #000; font-size: 8.5pt; }
.notes h2 { padding: 0; text-indent: 0; margin: 6pt 0; font-size: 10pt; }
.notes ol { padding-inline-start: 0.6cm; margin: 0; }
`;

/** The report as a standalone, printable HTML document. */
export function toHtml(doc: ReportDocument): string {
  checkReportDocument(doc);
  const l = LABELS[doc.lang];
  const ctx = new HtmlContext(l);
  const summary = doc.summary ? `<section class="summary"><h2>${esc(l.summary)}</h2><p>${runsHtml(ctx, doc.summary)}</p></section>` : '';
  const numbers = paragraphNumbers(doc.blocks);
  const body = doc.blocks.map((b, i) => blockHtml(ctx, b, numbers.get(i))).join('\n');
  const notes = ctx.notes.length ? `<section class="notes"><h2>${esc(l.notes)}</h2><ol>${ctx.notes.join('')}</ol></section>` : '';
  return (
    `<!DOCTYPE html>\n<html lang="${doc.lang}" dir="${isRtl(doc.lang) ? 'rtl' : 'ltr'}" xmlns="http://www.w3.org/1999/xhtml"><head><meta charset="utf-8"/>` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"/><title>${esc(`${symbolText(doc)} — ${doc.title}`)}</title><style>${CSS}</style></head>` +
    `<body>${masthead(doc, l)}${summary}<main>\n${body}\n</main>${notes}</body></html>\n`
  );
}
