// Sample report documents for the document writers' tests and for looking at the output: the
// words are made up for the layout (not data, no figure in them is a fact), in English and Arabic,
// with footnotes, a table, a figure and text meant to break the markup.
import type { ReportDocument } from '../../src/modules/report/document/model.ts';

/** Every kind of text a careless writer would let through: markup, entities, control characters, a lone surrogate. */
export const HOSTILE = `<script>alert("x")</script> & &amp; ]]> 'q' \u0000\u0007\u000b\ud800 <w:p/> </w:t>`;
/** HOSTILE as a reader sees it: the characters XML cannot hold (the controls, the lone surrogate) left out. */
export const HOSTILE_SHOWN = `<script>alert("x")</script> & &amp; ]]> 'q'  <w:p/> </w:t>`;

export const SAMPLE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 400 200">' +
  '<rect x="0" y="0" width="400" height="200" fill="#ffffff"/>' +
  '<rect x="40" y="60" width="60" height="120" fill="#1f77b4"/><rect x="130" y="100" width="60" height="80" fill="#1f77b4"/>' +
  '<rect x="220" y="30" width="60" height="150" fill="#1f77b4"/><rect x="310" y="140" width="60" height="40" fill="#1f77b4"/>' +
  '<line x1="30" y1="180" x2="390" y2="180" stroke="#000"/>' +
  '<text x="70" y="195" font-size="12" text-anchor="middle">A</text><text x="160" y="195" font-size="12" text-anchor="middle">B</text>' +
  '<text x="250" y="195" font-size="12" text-anchor="middle">C</text><text x="340" y="195" font-size="12" text-anchor="middle">D</text></svg>';

const LOREM =
  'This paragraph stands in for the text the report model writes: it is long enough to wrap over several lines, so that the indentation of the lines after the first and the justification of the column can be seen.';

export function englishSample(): ReportDocument {
  return {
    lang: 'en',
    symbol: null,
    distribution: 'General',
    date: '2006-06-30',
    session: 61,
    agendaItem: 'Item 71 (b) of the preliminary list',
    title: 'Regional arrangements for the promotion and protection of human rights',
    subtitle: 'Report of the Secretary-General',
    summary: [{ text: 'The present report is a sample of the layout. ' }, { text: LOREM, footnote: [{ text: 'A note in the summary.' }] }],
    blocks: [
      { kind: 'heading', level: 1, label: 'I.', text: 'Introduction' },
      {
        kind: 'paragraph',
        numbered: true,
        runs: [
          { text: 'The General Assembly, in its resolution ' },
          { text: 'A/RES/00/000', footnote: [{ text: 'See ' }, { text: 'sample symbol', italic: true }, { text: '.' }] },
          { text: `, requested a report. ${LOREM}` },
        ],
      },
      { kind: 'quote', lang: 'en', runs: [{ text: '“Requests the Secretary-General to submit a report on the state of regional arrangements …”' }] },
      { kind: 'paragraph', numbered: true, runs: [{ text: `Hostile text: ${HOSTILE}`, footnote: [{ text: `Hostile note: ${HOSTILE}` }] }] },
      { kind: 'heading', level: 1, label: 'II.', text: 'Developments by region' },
      { kind: 'heading', level: 2, label: 'A.', text: 'Africa' },
      { kind: 'paragraph', numbered: true, runs: [{ text: LOREM }, { text: ' Bold', bold: true }, { text: ' and italic', italic: true }, { text: '.' }] },
      {
        kind: 'table',
        caption: 'Ratifications during the period (sample figures)',
        columns: ['Instrument', 'Parties', `Column ${HOSTILE}`],
        rows: [
          ['Instrument one', '53', '2'],
          ['Instrument two', '24', '0'],
          [HOSTILE, '7', '1'],
        ],
        numericColumns: [1, 2],
        note: [{ text: 'Source: sample.', footnote: [{ text: 'A note on the table.' }] }],
      },
      { kind: 'paragraph', numbered: false, runs: [{ text: 'An unnumbered paragraph between the table and the figure.' }] },
      { kind: 'figure', caption: 'Parties by region (sample figures)', svg: SAMPLE_SVG, alt: 'Bar chart: four regions, A to D, with sample counts' },
      { kind: 'heading', level: 2, label: 'B.', text: 'Americas' },
      { kind: 'paragraph', numbered: true, runs: [{ text: LOREM }] },
    ],
  };
}

const AR_TEXT = 'تقدم هذه الفقرة نصا تجريبيا لعرض التخطيط من اليمين إلى اليسار، وهي طويلة بما يكفي لتمتد على عدة أسطر حتى تظهر المسافة البادئة والمحاذاة.';

export function arabicSample(): ReportDocument {
  return {
    lang: 'ar',
    symbol: 'A/61/000',
    distribution: 'General',
    date: '2006-06-30',
    session: 61,
    agendaItem: null,
    title: 'الترتيبات الإقليمية لتعزيز حقوق الإنسان وحمايتها',
    subtitle: 'تقرير الأمين العام',
    summary: [{ text: AR_TEXT }],
    blocks: [
      { kind: 'heading', level: 1, label: 'أولا -', text: 'مقدمة' },
      {
        kind: 'paragraph',
        numbered: true,
        runs: [{ text: 'طلبت الجمعية العامة في قرارها ' }, { text: 'A/RES/00/000', dir: 'ltr', footnote: [{ text: 'حاشية تجريبية.' }] }, { text: ` تقريرا. ${AR_TEXT}` }],
      },
      { kind: 'quote', lang: 'en', runs: [{ text: '“Requests the Secretary-General to submit a report …” (the mandate as imported, in English)' }] },
      { kind: 'paragraph', numbered: true, runs: [{ text: `${AR_TEXT} ${HOSTILE}` }] },
      { kind: 'heading', level: 2, label: 'ألف -', text: 'أفريقيا' },
      {
        kind: 'table',
        caption: 'التصديقات (أرقام تجريبية)',
        columns: ['الصك', 'الأطراف'],
        rows: [
          ['الصك الأول', '53'],
          ['الصك الثاني', '24'],
        ],
        numericColumns: [1],
      },
      { kind: 'figure', caption: 'الأطراف حسب المنطقة (أرقام تجريبية)', svg: SAMPLE_SVG, alt: 'رسم بياني بالأعمدة', widthCm: 10 },
      { kind: 'paragraph', numbered: true, runs: [{ text: AR_TEXT }] },
    ],
  };
}
