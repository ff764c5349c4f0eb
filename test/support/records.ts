// A treaty act as an editor would enter it, for tests that need an entered act: France's
// ratification of the Istanbul Convention (CETS 210), deposited on 4 July 2014 and in force for
// France on 1 November 2014, as the Council of Europe Treaty Office's chart of signatures and
// ratifications of Treaty 210 gives it.
export const COE_TREATY_210 = {
  title: 'Council of Europe Treaty Office: chart of signatures and ratifications of Treaty 210 (Istanbul Convention)',
  url: 'https://www.coe.int/en/web/conventions/full-list?module=signatures-by-treaty&treatynum=210',
  kind: 'official' as const,
  retrieved: '2026-01-15',
};

export const FRANCE_RATIFIES_ISTANBUL = { instrument: 'ISTANBUL', participant: 'FRA', kind: 'ratification' as const, date: '2014-07-04', effective: '2014-11-01', source: COE_TREATY_210 };
