// The IATI Standard's rules on a file's version, identifiers, currencies, languages and policy
// markers.
import type { IatiProblem } from './problems.ts';
import { descendants, problem, type RuleContext } from './rule-kit.ts';
import { childNamed, childrenNamed, type XmlNode } from './xml-stream.ts';

/** The versions of the 2.0x schema: a 2.01 or 2.02 file is valid 2.03 XML but for new elements. */
export const SUPPORTED_VERSIONS = ['2.01', '2.02', '2.03'];

export function checkVersion(root: XmlNode): IatiProblem[] {
  const version = root.attrs.version?.trim();
  if (version && SUPPORTED_VERSIONS.includes(version)) return [];
  return [problem('version.supported', root, `IATI version '${version ?? ''}' is not supported: Accord reads versions ${SUPPORTED_VERSIONS.join(', ')}`, 'version')];
}

/** Characters that break identifiers in addresses and queries, which the IATI rulesets forbid. */
const FORBIDDEN = /[/&|?]/;

export function checkIdentifiers(activity: XmlNode, context: RuleContext): IatiProblem[] {
  const problems: IatiProblem[] = [];
  const identifier = childNamed(activity, 'iati-identifier');
  const reportingOrg = childNamed(activity, 'reporting-org');
  const id = identifier?.text.trim() ?? '';
  const ref = reportingOrg?.attrs.ref?.trim() ?? '';
  if (identifier && ref && !id.startsWith(ref)) {
    problems.push(problem('identifier.reporting-org-prefix', identifier, `the iati-identifier '${id}' does not start with the reporting organisation's identifier '${ref}'`));
  }
  if (identifier && id) {
    if (context.seen.has(id)) problems.push(problem('identifier.unique', identifier, `the iati-identifier '${id}' is used by an earlier activity of the file`));
    context.seen.add(id);
  }
  const refs: [XmlNode | undefined, string | undefined][] = [
    [identifier, identifier?.text],
    [reportingOrg, reportingOrg?.attrs.ref],
    ...childrenNamed(activity, 'participating-org').map((o) => [o, o.attrs.ref] as [XmlNode, string | undefined]),
    ...childrenNamed(activity, 'transaction').flatMap((t) => ['provider-org', 'receiver-org'].map((n) => childNamed(t, n)).map((o) => [o, o?.attrs.ref] as [XmlNode | undefined, string | undefined])),
  ];
  for (const [node, value] of refs) {
    if (node && value && FORBIDDEN.test(value)) {
      problems.push(problem('identifier.characters', node, `identifier '${value.trim()}' contains / & | or ?, which identifiers may not`, node === identifier ? undefined : 'ref'));
    }
  }
  return problems;
}

/** Amounts: a value, loan status or forecast without @currency takes the activity's default. */
export function checkCurrencies(activity: XmlNode): IatiProblem[] {
  if (activity.attrs['default-currency']?.trim()) return [];
  return ['value', 'loan-status', 'forecast']
    .flatMap((name) => descendants(activity, name))
    .filter((node) => !node.attrs.currency?.trim())
    .map((node) => problem('currency.missing', node, `this ${node.name} has no currency and the activity no default-currency`));
}

/** Without a default language on the activity, each narrative says its own. */
export function checkLanguages(activity: XmlNode): IatiProblem[] {
  if (activity.attrs['xml:lang']?.trim()) return [];
  return descendants(activity, 'narrative')
    .filter((n) => !n.attrs['xml:lang']?.trim())
    .map((n) => problem('language.narrative', n, 'this narrative has no xml:lang and the activity no default language (iati-activity/@xml:lang)'));
}

/** A marker of the OECD DAC vocabulary (1, the default) says how significant the policy is. */
export function checkPolicyMarkers(activity: XmlNode): IatiProblem[] {
  return childrenNamed(activity, 'policy-marker')
    .filter((m) => (m.attrs.vocabulary ?? '1').trim() === '1' && !m.attrs.significance?.trim())
    .map((m) => problem('policy-marker.significance', m, `policy marker ${m.attrs.code ?? ''} of the OECD DAC vocabulary has no significance`));
}
