// The reader of the UN Treaty Collection's saved status pages, on the 18 pages of
// ../shared/data/untc-chapter4-html-2026: every row of every participants table against a
// plain reading of its cells, the page's own counts of parties and signatories, the
// denunciations its end notes narrate, and clear problems for a broken page.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { actsOfNote } from '../../src/importers/untc-html/notes.ts';
import { readUntcPage } from '../../src/importers/untc-html/page.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';

const pages = () =>
  readdirSync(sharedDataPath('untc-chapter4-html-2026', 'html'))
    .filter((f) => f.endsWith('.html'))
    .sort();
const html = (file: string) => readFileSync(sharedDataPath('untc-chapter4-html-2026', 'html', file), 'utf8');

/** The participants table read plainly: each row's cells as text, brackets kept. */
function plainRows(page: string): string[][] {
  const start = page.indexOf('_tblgrid"');
  const table = page.slice(start, page.indexOf('</table>', start));
  return table
    .split(/<tr[^>]*>/)
    .slice(2)
    .map((row) =>
      [...row.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) =>
        m[1]!
          .replace(/<SUP>[\s\S]*?<\/SUP>/gi, '')
          .replace(/<[^>]+>|&nbsp;/g, ' ')
          .replace(/\s+/g, ' ')
          .trim(),
      ),
    );
}

/** "Signatories : 74. Parties : 175", as the page states them. */
function statedCounts(page: string): { signatories: number; parties: number } {
  const text = page.replace(/<[^>]+>|&nbsp;/g, ' ').replace(/\s+/g, ' ');
  const m = /Signatories\s*:\s*(\d+)\.\s*Parties\s*:\s*(\d+)/.exec(text)!;
  return { signatories: Number(m[1]), parties: Number(m[2]) };
}

describe('UNTC status pages saved as HTML', { skip: skipWithoutSharedData() }, () => {
  test('all 18 pages: the treaty, the date they speak for, no problem', () => {
    const read = pages().map((file) => readUntcPage(html(file), file));
    assert.equal(read.length, 18);
    assert.deepEqual(
      read.map((p) => p.problems),
      read.map(() => []),
    );
    assert.ok(
      read.every((p) => p.asOf === '2026-02-03'),
      'STATUS AS AT : 03-02-2026 is the 3rd of February (day first)',
    );
    assert.deepEqual(read.map((p) => p.reference).sort(), [
      'IV-11',
      'IV-11-b',
      'IV-11-c',
      'IV-11-d',
      'IV-12',
      'IV-13',
      'IV-15',
      'IV-15-a',
      'IV-16',
      'IV-2',
      'IV-3',
      'IV-3-a',
      'IV-4',
      'IV-5',
      'IV-8',
      'IV-8-b',
      'IV-9',
      'IV-9-b',
    ]);
  });

  for (const file of ['iccpr.html', 'cerd.html', 'crc.html', 'crpd.html', 'iccpr_op1.html', 'cat_op.html']) {
    test(`${file}: every row as its cells say, and the page's own counts`, () => {
      const page = html(file);
      const read = readUntcPage(page, file);
      const rows = plainRows(page);
      assert.equal(read.participants.length, rows.length);
      read.participants.forEach((p, i) => {
        const cells = rows[i]!;
        assert.equal(p.name, cells[0], `row ${p.row}`);
        assert.equal(p.row, i + 2);
        const written = cells.slice(1).filter(Boolean);
        assert.equal(p.acts.length, written.length, `${p.name}: one act per filled cell`);
        for (const [j, act] of p.acts.entries()) {
          const cell = written[j]!;
          assert.equal(act.denounced, cell.startsWith('['), `${p.name}: brackets`);
          const [day, month, year] = cell.replace(/[[\]]/g, '').trim().split(' ');
          assert.equal(
            act.date,
            `${year}-${String(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].indexOf(month!) + 1).padStart(2, '0')}-${day!.padStart(2, '0')}`,
          );
          const mark = cell.replace(/[[\]]/g, '').trim().split(' ')[3] ?? '';
          const expected = act.column.startsWith('Signature')
            ? mark === 'd'
              ? 'succession-to-signature'
              : 'signature'
            : ({ a: 'accession', d: 'succession', A: 'acceptance', AA: 'approval', c: 'formal-confirmation', '': 'ratification' } as Record<string, string>)[mark];
          assert.equal(act.kind, expected, `${p.name} ${cell}`);
        }
      });
      const stated = statedCounts(page);
      const consent = (a: { kind: string }) => a.kind !== 'signature' && a.kind !== 'succession-to-signature';
      assert.equal(read.participants.filter((p) => p.acts.some((a) => consent(a) && !a.denounced)).length, stated.parties, 'parties, as the page counts them');
      const signedOnly = read.participants.filter((p) => p.acts.some((a) => !consent(a)) && !p.acts.some((a) => a.denounced)).length;
      assert.ok(Math.abs(signedOnly - stated.signatories) <= 1, `signatories: ${signedOnly} against ${stated.signatories}`);
    });
  }

  test('declarations under an article keep the dates printed above them', () => {
    const read = readUntcPage(html('iccpr.html'), 'iccpr.html');
    const article41 = read.texts.filter((t) => t.kind === 'declarations-under-article');
    assert.match(article41[0]!.section, /competence of the Human Rights Committee under article 41/);
    const austria = article41.find((t) => t.participant === 'Austria')!;
    assert.deepEqual([austria.date, austria.text.slice(0, 40)], ['1978-09-10', '[The Government of the Republic of Austr']);
    const algeria = article41.find((t) => t.participant === 'Algeria')!;
    assert.equal(algeria.date, null, 'undated: made upon ratification, as the section says');
    const argentina = read.texts.find((t) => t.kind === 'declarations-and-reservations' && t.participant === 'Argentina')!;
    assert.match(argentina.text, /article 15 of the International Covenant/);
  });

  test('the end notes of the first Optional Protocol: denunciations, an earlier accession, re-accessions', () => {
    const read = readUntcPage(html('iccpr_op1.html'), 'iccpr_op1.html');
    const of = (name: string) => {
      const p = read.participants.find((x) => x.name === name)!;
      return p.notes.flatMap((n) => actsOfNote(read.notes.get(n) ?? '', name)).map((a) => [a.kind, a.date, a.effective]);
    };
    assert.deepEqual(of('Jamaica'), [['denunciation', '1997-10-23', null]]);
    assert.deepEqual(of('Belarus'), [['denunciation', '2022-11-08', '2023-02-08']]);
    assert.deepEqual(of('Guyana'), [
      ['accession', '1993-05-10', null],
      ['denunciation', '1999-01-05', '1999-04-05'],
      ['accession', '1999-01-05', null],
    ]);
    assert.deepEqual(of('Trinidad and Tobago'), [
      ['accession', '1980-11-14', null],
      ['denunciation', '1998-05-26', '1998-08-26'],
      ['accession', '1998-08-26', null],
      ['denunciation', '2000-03-27', '2000-06-27'],
    ]);
    assert.deepEqual(of('Czech Republic').length + of('Slovakia').length, 0, 'a note about the predecessor State gives nothing');
  });

  test('a note about the Covenant that has no withdrawal clause is not a withdrawal', () => {
    const note =
      "On 25 August 1997, the Secretary-General received from the Government of the Democratic People's Republic of Korea a notification of withdrawal from the Covenant, dated 23 August 1997.";
    assert.deepEqual(actsOfNote(note, "Democratic People's Republic of Korea"), []);
  });
});

describe('a broken page', () => {
  const wrap = (rows: string, stamp = 'STATUS AS AT : 03-02-2026 10:16:18 EDT') => `<a href="x?mtdsg_no=IV-4&chapter=4">x</a><div>${stamp}</div>
    <table id="ctl00_tblgrid"><tr class="thead-one"><td>Participant<br></td><td>Signature<br></td><td>Accession(a), Ratification<br></td></tr>${rows}</table>`;

  test('names the row, the column and the reason; nothing is guessed', () => {
    const read = readUntcPage(wrap('<tr><td>France<br></td><td>&nbsp;</td><td>31 Feb 1980 a<br></td></tr><tr><td>Peru<br></td><td>&nbsp;</td><td>4 Oct 1991 x<br></td></tr>'), 'bad.html');
    assert.deepEqual(
      read.problems.map((p) => [p.row, p.field, p.reason.slice(0, 30)]),
      [
        [2, 'Accession(a), Ratification', '"31 Feb 1980 a" is not a real '],
        [3, 'Accession(a), Ratification', 'the mark "x" is not one this c'],
      ],
    );
  });

  test('without its status stamp the date it speaks for is unknown, and said so', () => {
    const read = readUntcPage(wrap('', 'no stamp'), 'nostamp.html');
    assert.equal(read.asOf, null);
    assert.match(read.problems[0]!.reason, /date the page speaks for is unknown/);
    assert.match(
      readUntcPage('<html>nothing</html>', 'empty.html')
        .problems.map((p) => p.reason)
        .join(' '),
      /not a UNTC status page/,
    );
  });
});
