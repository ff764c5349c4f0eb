// Why each mechanism is in its class on the map, read from the shipped reference data: the
// reasons follow from its kind, individual complaints and coverage rule, and the class is the
// one the map gives the States it alone covers.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { classOfMechanism, coverageRows } from '../../web/src/features/home/coverage-model.ts';
import { explainClass, type MechanismFacts } from '../../web/src/features/mechanisms/mechanism-class.ts';

interface ReferenceMechanism {
  code: string;
  kind: string;
  system: 'un' | 'regional';
  individualComplaints: boolean;
  coverage: {
    basis: 'membership' | 'party' | 'un-membership';
    organization?: string;
    instrument?: string;
    instrumentsAny?: string[];
    acceptance?: string;
    acceptanceFor?: 'jurisdiction' | 'individual-complaints';
  };
}

const reference: ReferenceMechanism[] = JSON.parse(readFileSync(new URL('../../data/reference/mechanisms.json', import.meta.url), 'utf8'));

/** The facts as the API gives them (src/modules/mechanisms/service.ts over the seeded row). */
function facts(code: string): MechanismFacts {
  const m = reference.find((r) => r.code === code)!;
  const c = m.coverage;
  return {
    kind: m.kind,
    system: m.system,
    individualComplaints: m.individualComplaints,
    coverage: {
      basis: c.basis,
      organization: c.organization ?? null,
      instruments: c.instrument ? [...new Set([c.instrument, ...(c.instrumentsAny ?? [])])] : [],
      acceptanceNeededFor: c.acceptance ? (c.acceptanceFor ?? 'jurisdiction') : null,
      acceptance: c.acceptance ?? null,
    },
  };
}

test('the Inter-American Court: a court without individual complaints, covering only States that accepted its jurisdiction (ACHR art. 62)', () => {
  assert.deepEqual(explainClass(facts('IACTHR')), {
    mapClass: 'other',
    reasons: [{ key: 'courtWithout' }, { key: 'jurisdiction', instruments: ['ACHR'], acceptance: 'ACHR art. 62 declaration' }],
  });
});

test('the OIC Independent Permanent Human Rights Commission: no individual complaints, covers the OIC members', () => {
  assert.deepEqual(explainClass(facts('IPHRC')), { mapClass: 'other', reasons: [{ key: 'noComplaints' }, { key: 'membership', organization: 'OIC' }] });
});

test('the African Court: a court open to individuals, but only against States that made the art. 34(6) declaration', () => {
  const { mapClass, reasons } = explainClass(facts('AFCHPR'));
  assert.equal(mapClass, 'court');
  assert.deepEqual(reasons[0], { key: 'court' });
  assert.equal(reasons[1]!.key, 'complaintsDeclaration');
  assert.match(reasons[1]!.acceptance!, /^ACHPR-COURT art\. 34\(6\) declaration/);
});

test('commissions open to individuals, courts open to them, and UN mechanisms', () => {
  assert.deepEqual(explainClass(facts('IACHR')), { mapClass: 'commission', reasons: [{ key: 'complaints' }, { key: 'membership', organization: 'OAS' }] });
  assert.deepEqual(explainClass(facts('ECTHR')), { mapClass: 'court', reasons: [{ key: 'court' }, { key: 'party', instruments: ['ECHR'] }] });
  assert.deepEqual(explainClass(facts('ECSR')).reasons[1], { key: 'party', instruments: ['ESC-REV', 'ESC'] });
  assert.deepEqual(explainClass(facts('CERD')), { mapClass: null, reasons: [{ key: 'party', instruments: ['ICERD'] }] });
  assert.deepEqual(explainClass(facts('UPR')), { mapClass: null, reasons: [{ key: 'unMembership' }] });
});

test('every regional mechanism is explained with the class the map gives a State it alone covers', () => {
  for (const m of reference.filter((r) => r.system === 'regional')) {
    const f = facts(m.code);
    const [row] = coverageRows(
      {
        asOf: '2020-01-01',
        states: [{ iso3: 'XXX', mechanisms: [{ code: m.code, basis: 'party', individualComplaints: f.individualComplaints, verified: true, sourceIds: [] }], unIndividualProcedures: [] }],
        uncovered: [],
        incomplete: [],
        sources: {},
      },
      [{ iso3: 'XXX', iso2: 'XX', name: 'X', region: null, regionalGroup: null } as never],
      [{ ...f, code: m.code, acronym: null } as never],
    );
    assert.equal(explainClass(f).mapClass, row!.kindClass, m.code);
    assert.equal(classOfMechanism(f), row!.kindClass, m.code);
  }
});
