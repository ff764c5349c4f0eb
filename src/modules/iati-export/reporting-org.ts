// The organisation an IATI file is published by, as the one exporting names it (Accord does not
// presume who runs it): an identifier IATI allows (no '/', '&', '|' or '?', as the identifier
// rule says), a type from the OrganisationType codelist, and a name.
import type { Problem } from '../../shared/errors.ts';
import { shippedCodelists } from '../iati/codelists.ts';
import type { ReportingOrg } from './activity-xml.ts';

export function reportingOrgProblems(org: Partial<ReportingOrg>, names: { ref: string; type: string; name: string }): Problem[] {
  const problems: Problem[] = [];
  if (!org.ref || !/^[A-Za-z0-9][A-Za-z0-9._ -]{0,99}$/.test(org.ref))
    problems.push({
      field: names.ref,
      reason: 'an IATI organisation identifier, the prefix of its registration agency and its number, such as XX-EXAMPLE-1 (letters, digits, dots, hyphens; no / & | ?)',
    });
  if (!org.type || shippedCodelists().item('OrganisationType', org.type) === undefined)
    problems.push({ field: names.type, reason: 'a code of the IATI OrganisationType codelist, such as 40 (multilateral)' });
  if (!org.name?.trim() || org.name.length > 300) problems.push({ field: names.name, reason: 'the organisation’s name, 1 to 300 characters' });
  return problems;
}
