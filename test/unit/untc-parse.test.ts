// The UNTC status-table and declaration readers on small, hand-made inputs, including broken ones.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDeclarations } from '../../src/importers/untc/declarations.ts';
import { kindsOfHeader, parseStatusTable, readUntcDate, untcRefOfFile } from '../../src/importers/untc/status-table.ts';

test('a header names the kind of each mark; no mark is the kind named without one', () => {
  assert.deepEqual(
    [...(kindsOfHeader('Ratification, Accession(a), Succession(d)') as Map<string, string>)],
    [
      ['', 'ratification'],
      ['a', 'accession'],
      ['d', 'succession'],
    ],
  );
  assert.deepEqual(
    [...(kindsOfHeader('Signature, Succession to signature(d)') as Map<string, string>)],
    [
      ['', 'signature'],
      ['d', 'succession-to-signature'],
    ],
  );
  assert.deepEqual(
    [...(kindsOfHeader('Formal confirmation(c), Accession(a), Ratification') as Map<string, string>)],
    [
      ['c', 'formal-confirmation'],
      ['a', 'accession'],
      ['', 'ratification'],
    ],
  );
  assert.match(kindsOfHeader('Ratification, Adhesion(x)') as string, /"Adhesion\(x\)" is not a kind/);
});

test('dates: day, month abbreviation, year and an optional mark; impossible dates are refused', () => {
  assert.deepEqual(readUntcDate('24 Jan 1983 a'), { date: '1983-01-24', suffix: 'a' });
  assert.deepEqual(readUntcDate('5 Aug 2002'), { date: '2002-08-05', suffix: '' });
  assert.deepEqual(readUntcDate('15 Oct 1993 AA'), { date: '1993-10-15', suffix: 'AA' });
  assert.match(readUntcDate('31 Feb 2001') as string, /not a real calendar date/);
  assert.match(readUntcDate('2001-02-03') as string, /not a date of the form/);
  assert.match(readUntcDate('3 Sept 2001') as string, /not a date of the form/);
  assert.match(readUntcDate('3 Foo 2001') as string, /not a month/);
});

test('a status table gives one action per filled cell, with row and column', () => {
  const csv = 'Participant,Signature,"Accession(a), Succession(d), Ratification"\nAfghanistan,,24 Jan 1983 a\nAlgeria,10 Dec 1968,12 Sep 1989\nBosnia and Herzegovina,,1 Sep 1993 d\nBhutan,,\n';
  const table = parseStatusTable(csv, '4-4.csv');
  assert.deepEqual(table.problems, []);
  assert.deepEqual(
    table.participants.map((p) => [p.name, p.row]),
    [
      ['Afghanistan', 2],
      ['Algeria', 3],
      ['Bosnia and Herzegovina', 4],
      ['Bhutan', 5],
    ],
  );
  assert.deepEqual(
    table.actions.map((a) => [a.participant, a.kind, a.date, a.row]),
    [
      ['Afghanistan', 'accession', '1983-01-24', 2],
      ['Algeria', 'signature', '1968-12-10', 3],
      ['Algeria', 'ratification', '1989-09-12', 3],
      ['Bosnia and Herzegovina', 'succession', '1993-09-01', 4],
    ],
  );
});

test('every unreadable cell is a problem naming file, row, column and reason', () => {
  const csv = 'Participant,Signature,"Ratification, Accession(a)"\nX,,1 Jan 2000 d\nY,32 Jan 2000,\n,1 Jan 2000,\nZ,1 Jan 2000 a,\n';
  const table = parseStatusTable(csv, 'bad.csv');
  assert.deepEqual(
    table.problems.map((p) => [p.file, p.row, p.field, p.reason]),
    [
      ['bad.csv', 2, 'Ratification, Accession(a)', 'the mark "d" is not one this column lists'],
      ['bad.csv', 3, 'Signature', '"32 Jan 2000" is not a real calendar date'],
      ['bad.csv', 4, 'Participant', 'empty'],
      ['bad.csv', 5, 'Signature', 'the mark "a" is not one this column lists'],
    ],
  );
  assert.equal(parseStatusTable('Country,Signature\nX,\n', 'f.csv').problems[0]!.reason, 'the first column must be "Participant", followed by the action columns');
  assert.match(parseStatusTable('Participant,Signature\n"X,\n', 'f.csv').problems[0]!.reason, /not a valid CSV file/);
});

test('UNTC references follow the file names', () => {
  assert.equal(untcRefOfFile('4-11-b.csv'), 'IV-11-b');
  assert.equal(untcRefOfFile('4-4.csv'), 'IV-4');
  assert.equal(untcRefOfFile('notes.csv'), null);
});

test('declarations: one text per "#Participant" block, as written', () => {
  const { texts, empty, problems } = parseDeclarations('#Afghanistan\nSee chapter IV.3.\n\n#Australia\nArticle 10\n"In relation to paragraph 2 (a)..."\n\n#Belarus\n\n', '4-4.txt');
  assert.deepEqual(texts, [
    { participant: 'Afghanistan', row: 1, text: 'See chapter IV.3.' },
    { participant: 'Australia', row: 4, text: 'Article 10\n"In relation to paragraph 2 (a)..."' },
  ]);
  assert.deepEqual(empty, [{ participant: 'Belarus', row: 8 }], 'a block without text is counted, not stored');
  assert.deepEqual(problems, []);
  assert.equal(parseDeclarations('stray text\n#X\nok\n', 'f.txt').problems[0]!.reason, 'text before the first "#Participant" line');
});
