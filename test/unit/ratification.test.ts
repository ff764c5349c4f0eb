// Recognising UPR recommendations that ask a State to ratify, accede to, sign or withdraw its
// reservations to an instrument of the registry (src/modules/recommendations/ratification.ts):
// hand-written cases for each rule, the reviewed name list, and a check on every UPR Info text of
// ../shared/data (the share recognised among texts tagged "International instruments", and exact
// agreement with samples whose answers were read and checked by hand:
// test/fixtures/ratification-sample.json).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { buildNameIndex } from '../../src/modules/recommendations/instrument-names.ts';
import { type InstrumentMention, recogniseRatification } from '../../src/modules/recommendations/ratification.ts';
import { readInstrumentPatternSources } from '../../src/reference/instrument-mentions.ts';
import { sharedDataPath, skipWithoutSharedData } from '../support/shared-data.ts';

const instruments = readInstrumentPatternSources();

/** "CODE:action" for each mention, in the text's order. */
const asked = (text: string) => recogniseRatification(text, instruments).map((m) => `${m.instrument}:${m.action}`);

describe('recogniseRatification: what is asked', () => {
  test('each verb gives its action', () => {
    assert.deepEqual(asked('Ratify the Convention on the Rights of Persons with Disabilities'), ['CRPD:ratify']);
    assert.deepEqual(asked('Accede to the International Covenant on Civil and Political Rights'), ['ICCPR:accede']);
    assert.deepEqual(asked('Adhere to OP-CAT and establish a national preventive mechanism'), ['OP-CAT:accede']);
    assert.deepEqual(asked('Become a State party to the ICRMW'), ['ICMW:become-party']);
    assert.deepEqual(asked('Sign the CED'), ['CPED:sign']);
    assert.deepEqual(asked('Expedite the ratification of the CRPD'), ['CRPD:ratify']);
    assert.deepEqual(asked('Speed up its accession to ICESCR'), ['ICESCR:accede']);
  });

  test('joined acts give the one finally asked for', () => {
    assert.deepEqual(asked('Sign and ratify the International Convention for the Protection of All Persons from Enforced Disappearance'), ['CPED:ratify']);
    assert.deepEqual(asked('Ratify or accede to the Convention against Torture'), ['CAT:ratify']);
    assert.deepEqual(asked('Ratify and fully implement CEDAW'), ['CEDAW:ratify']);
    assert.deepEqual(asked('Complement its signature of ICESCR by ratifying it'), ['ICESCR:ratify']);
  });

  test('a request only to consider', () => {
    assert.deepEqual(asked('Consider acceding to the CRPD and its Optional Protocol'), ['CRPD:consider-ratifying', 'OP-CRPD:consider-ratifying']);
    assert.deepEqual(asked('Study the possibility of becoming a party to OP-CAT and CED'), ['OP-CAT:consider-ratifying', 'CPED:consider-ratifying']);
    assert.deepEqual(asked('Consider signing and ratifying the ICRMW'), ['ICMW:consider-ratifying']);
    assert.deepEqual(asked('Adhere to the principles of ICRMW and consider its ratification'), ['ICMW:consider-ratifying']);
    // "consider" governs the gerund, not a new imperative
    assert.deepEqual(asked('Consider abolishing the death penalty and ratify the Second Optional Protocol to the ICCPR'), ['ICCPR-OP2:ratify']);
  });

  test('withdrawing reservations, to some articles or all, or considering it', () => {
    assert.deepEqual(asked('Withdraw its reservations to CEDAW'), ['CEDAW:withdraw-reservations']);
    assert.deepEqual(asked('Withdraw its reservations made to articles 2 and 16 of CEDAW'), ['CEDAW:withdraw-reservations']);
    assert.deepEqual(asked('Lift the reservation made to article 28, paragraph 1 (a), of the Convention on the Rights of the Child'), ['CRC:withdraw-reservations']);
    assert.deepEqual(asked('Consider withdrawal of reservations with respect to the Convention on the Rights of the Child.'), ['CRC:consider-withdrawing-reservations']);
    assert.deepEqual(asked('Review its reservations to the CRC with a view to withdrawing them'), ['CRC:consider-withdrawing-reservations']);
    assert.deepEqual(asked('Ratify ICCPR, ICESCR, CERD and CAT and withdraw reservations to CEDAW'), ['ICCPR:ratify', 'ICESCR:ratify', 'ICERD:ratify', 'CAT:ratify', 'CEDAW:withdraw-reservations']);
    // joining without reservations is joining
    assert.deepEqual(asked('Ratify, without reservations, the CRPD'), ['CRPD:ratify']);
  });

  test('several instruments in one request', () => {
    assert.deepEqual(asked('Ratify the CRPD, the CPED and OP-CAT'), ['CRPD:ratify', 'CPED:ratify', 'OP-CAT:ratify']);
    assert.deepEqual(asked('Ratify the core instruments to which it is not yet a party, in particular the ICCPR and the ICESCR'), ['ICCPR:ratify', 'ICESCR:ratify']);
    assert.deepEqual(asked('Ratify the following international instruments: CAT, CED and ICRMW'), ['CAT:ratify', 'CPED:ratify', 'ICMW:ratify']);
  });

  test('the exact text that names each instrument', () => {
    const mentions: InstrumentMention[] = recogniseRatification('Ratify the Optional Protocol to the Convention against Torture (OPCAT) and the CRPD', instruments);
    assert.deepEqual(mentions, [
      { instrument: 'OP-CAT', action: 'ratify', matched: 'Optional Protocol to the Convention against Torture' },
      { instrument: 'CRPD', action: 'ratify', matched: 'CRPD' },
    ]);
  });
});

describe('recogniseRatification: which instrument', () => {
  test('a protocol is never read as its convention', () => {
    assert.deepEqual(asked('Ratify the Optional Protocol to the Convention against Torture'), ['OP-CAT:ratify']);
    assert.deepEqual(asked('Ratify the Optional Protocol to the Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment'), ['OP-CAT:ratify']);
    assert.deepEqual(asked('Ratify the Second Optional Protocol to the ICCPR'), ['ICCPR-OP2:ratify']);
    assert.deepEqual(asked('Ratify the Second Optional Protocol to the International Covenant on Civil and Political Rights, aiming at the abolition of the death penalty'), ['ICCPR-OP2:ratify']);
    assert.deepEqual(asked('Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights'), ['OP-ICESCR:ratify']);
    assert.deepEqual(asked('Ratify the first Optional Protocol to the ICCPR'), ['ICCPR-OP1:ratify']);
  });

  test('the reviewed variants of names', () => {
    for (const [text, code] of [
      ['Ratify OPCAT', 'OP-CAT'],
      ['Ratify OP-CAT', 'OP-CAT'],
      ['Ratify the ICPPED', 'CPED'],
      ['Ratify the Convention on Enforced Disappearances', 'CPED'],
      ['Ratify the Migrant Workers Convention', 'ICMW'],
      ['Ratify OP3-CRC', 'OP-CRC-IC'],
      ['Ratify the third Optional Protocol to the CRC', 'OP-CRC-IC'],
      ['Ratify the Optional Protocol to the Convention on the Rights of the Child on a communications procedure', 'OP-CRC-IC'],
      ['Ratify the Optional Protocol to CEDAW', 'OP-CEDAW'],
      ['Ratify ICCPR-OP 2', 'ICCPR-OP2'],
      ['Ratify the Optional Protocol to the Convention on the Rights of the Child (CRC) on the involvement of children in armed conflict', 'OP-CRC-AC'],
    ] as const) {
      assert.deepEqual(asked(text), [`${code}:ratify`], text);
    }
  });

  test('"Optional Protocols to the CRC" are the two of 2000; "its Optional Protocol" is that of the instrument just named', () => {
    assert.deepEqual(asked('Ratify the Optional Protocols to the CRC'), ['OP-CRC-AC:ratify', 'OP-CRC-SC:ratify']);
    assert.deepEqual(asked('Ratify the CRC and its Optional Protocols'), ['CRC:ratify', 'OP-CRC-AC:ratify', 'OP-CRC-SC:ratify']);
    assert.deepEqual(asked('Ratify ICCPR and its two Optional Protocols'), ['ICCPR:ratify', 'ICCPR-OP1:ratify', 'ICCPR-OP2:ratify']);
    assert.deepEqual(asked('Implement CEDAW and ratify its Optional Protocol'), ['OP-CEDAW:ratify']);
    assert.deepEqual(asked('Sign and ratify CAT and the Optional Protocol thereto'), ['CAT:ratify', 'OP-CAT:ratify']);
    assert.deepEqual(asked('Ratify the Convention on the Rights of the Child and its Optional Protocol on the sale of children'), ['CRC:ratify', 'OP-CRC-SC:ratify']);
  });

  test('"Optional Protocols to" several instruments are the protocols of each', () => {
    assert.deepEqual(asked('Ratify the Optional Protocols to CEDAW and CRPD'), ['OP-CEDAW:ratify', 'OP-CRPD:ratify']);
    assert.deepEqual(asked('Ratify the Optional Protocols to ICCPR, ICESCR and CAT'), ['ICCPR-OP1:ratify', 'ICCPR-OP2:ratify', 'OP-ICESCR:ratify', 'OP-CAT:ratify']);
    // "the CRPD" may be named for itself: it is, as its own protocol follows
    assert.deepEqual(asked('Ratify the Optional Protocols to the CRC, the CRPD and the Optional Protocol thereto'), ['OP-CRC-AC:ratify', 'OP-CRC-SC:ratify', 'CRPD:ratify', 'OP-CRPD:ratify']);
    // one protocol, then an instrument of its own
    assert.deepEqual(asked('Ratify the Optional Protocol to CAT and CRPD'), ['OP-CAT:ratify', 'CRPD:ratify']);
  });

  test('never a guess: an ambiguous protocol gives nothing', () => {
    assert.deepEqual(asked('Ratify the Optional Protocol'), []);
    assert.deepEqual(asked('Ratify the Optional Protocol to the CRC'), []); // three protocols
    assert.deepEqual(asked('Ratify the CRC and its Optional Protocol'), ['CRC:ratify']);
    assert.deepEqual(asked('Ratify the second Optional Protocol to the Convention on the Rights of the Child'), []);
    // on the death penalty, "the Optional Protocol to the ICCPR" may be either
    assert.deepEqual(asked('Abolish the death penalty and ratify the Optional Protocol to the ICCPR'), []);
    // a name inside an instrument's acronym is not named of its own
    assert.deepEqual(asked('Ratify CRC-OPAC and ICESR-OP'), ['OP-CRC-AC:ratify', 'OP-ICESCR:ratify']);
  });

  test('instruments outside the registry are not linked', () => {
    assert.deepEqual(asked('Become party to the Rome Statute'), []);
    assert.deepEqual(asked('Ratify ILO Convention 169'), []);
    assert.deepEqual(asked('Accede to the 1951 Refugee Convention and its 1967 Protocol'), []);
    assert.deepEqual(asked('Ratify Protocol No. 12 to the European Convention for the Protection of Human Rights and Fundamental Freedoms'), []);
  });

  test('case and punctuation do not matter', () => {
    assert.deepEqual(asked('ratify the crpd, the cped and op-cat'), ['CRPD:ratify', 'CPED:ratify', 'OP-CAT:ratify']);
    assert.deepEqual(asked('RATIFY THE OPTIONAL PROTOCOL TO THE CONVENTION AGAINST TORTURE.'), ['OP-CAT:ratify']);
    assert.deepEqual(asked('Ratify the International Covenant on Economic Social and Cultural Rights'), ['ICESCR:ratify']);
    assert.deepEqual(asked('Ratify the Convention for the Protection of all Persons against Enforced Disappearances'), ['CPED:ratify']);
  });
});

describe('recogniseRatification: a name alone is no request', () => {
  for (const [text, expected] of [
    ['Harmonize its legislation in line with CEDAW', []],
    ['Implement the CRC fully', []],
    ['Submit its overdue report to CAT', []],
    ['Cooperate with the Committee against Torture', []],
    ['Ratify OP-CAT and align its laws with CAT', ['OP-CAT:ratify']],
    ['Adhere to the principles of the CRPD', []],
    ['Adhere to the recommendation by CEDAW to monitor the new legal framework', []],
    ['Set a timetable for the national preventive mechanism, following the recent ratification of the Optional Protocol to the Convention against Torture', []],
    ['Implement the recommendations of the CRC Committee and ratify instruments', []],
    ['Ratify the Rome Statute. Implement CEDAW.', []],
    ['Accept the competence of the Committee under article 22 of CAT', []],
    ['Ratify the Rome Statute and bring its laws into conformity with the ICCPR', []],
    ['Incorporate the provisions of CEDAW, ratified in 1995, into the domestic legal system', []],
  ] as const) {
    test(text, () => assert.deepEqual(asked(text), expected));
  }
});

describe('the reviewed names (data/reference/instrument-mentions.csv)', () => {
  test('every row names an instrument of the registry and builds', () => {
    assert.ok(
      instruments.some((i) => i.variants.length > 0),
      'some instruments have variants',
    );
    assert.doesNotThrow(() => buildNameIndex(instruments));
  });

  test('a name that nests brackets or names an unknown instrument is refused', () => {
    const one = (variants: string[]) => [{ code: 'X', title: 'Example Convention', shortTitle: null, parent: null, variants }];
    assert.throws(() => buildNameIndex(one(['[All (Forms|Kinds) of] Convention'])), /nests brackets/);
    assert.throws(() => buildNameIndex(one(['Protocol to {NOPE}'])), /names no instrument/);
  });
});

interface Asked {
  instrument: string;
  action: string;
}
interface SampleEntry {
  text: string;
  /** What the text asks, read by hand. */
  expected: Asked[];
  /** A case left unrecognised: what the recogniser gives instead, and why. */
  known?: { got: Asked[]; why: string };
}
interface Sample {
  recognised: SampleEntry[];
  mentionOnly: SampleEntry[];
  issueSample: SampleEntry[];
}

describe('on the UPR Info texts (../shared/data/upr-info-terman)', { skip: skipWithoutSharedData() }, () => {
  const FILES = [
    'upr_recs_sessions_01-05.csv',
    'upr_recs_sessions_06-09.csv',
    'upr_recs_sessions_10-13.csv',
    'upr_recs_sessions_14-17.csv',
    'sessions-18-20/upr_recs_sessions_18-20.csv',
    'sessions-18-20/upr_voluntary_pledges_sessions_01-19.csv',
  ];
  let read: { text: string; issue: string }[] | undefined;
  // Rows as arrays (faster to parse than records), read once for all tests.
  const rows = () => {
    read ??= FILES.flatMap((file) => {
      const [header = [], ...records] = parse(readFileSync(sharedDataPath('upr-info-terman', file), 'utf8'), { bom: true }) as string[][];
      const [text, issue] = [header.indexOf('Text'), header.indexOf('Issue')];
      return records.map((r) => ({ text: r[text] ?? '', issue: r[issue] ?? '' }));
    });
    return read;
  };

  test('most texts tagged "International instruments" are recognised', () => {
    const tagged = rows().filter((r) => r.issue.includes('International instruments'));
    const recognised = tagged.filter((r) => recogniseRatification(r.text, instruments).length > 0);
    // Measured: 4,906 of 8,572 (57.2%). The others are mostly no request to join a registry
    // instrument: implementing or reporting on one, the Rome Statute, ILO or refugee conventions,
    // "the instruments to which it is not yet a party". The floor leaves room for small changes.
    assert.equal(tagged.length, 8572);
    assert.ok(recognised.length / tagged.length > 0.55, `${recognised.length} of ${tagged.length}`);
  });

  const sample: Sample = JSON.parse(readFileSync(new URL('../fixtures/ratification-sample.json', import.meta.url), 'utf8'));
  for (const [set, entries] of Object.entries(sample).filter(([key]) => key !== 'about') as [keyof Sample, SampleEntry[]][]) {
    test(`agrees with the hand-checked sample: ${set} (${entries.length} texts)`, () => {
      const texts = new Set(rows().map((r) => r.text));
      assert.ok(entries.length > 0, 'the sample holds texts');
      const disagreements = entries.flatMap((entry) => {
        assert.ok(texts.has(entry.text), `not a text of the files: ${entry.text.slice(0, 80)}`);
        const got = recogniseRatification(entry.text, instruments).map(({ instrument, action }) => ({ instrument, action }));
        const want = entry.known?.got ?? entry.expected;
        return JSON.stringify(got) === JSON.stringify(want) ? [] : [`${entry.text}\n  expected ${JSON.stringify(want)}${entry.known ? ' (known case)' : ''}\n  got      ${JSON.stringify(got)}`];
      });
      assert.deepEqual(disagreements, []);
    });
  }
});
