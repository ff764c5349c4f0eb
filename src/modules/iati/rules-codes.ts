// Codes checked against the IATI codelists (the shipped snapshot): an unknown code is an error,
// or a warning for a codelist the IATI marks incomplete (Country, Language...: valid codes may be
// missing from it); a withdrawn code is a warning. Codes of another vocabulary than the IATI's
// own (a sector in vocabulary 2, a region in vocabulary 2) belong to lists Accord does not hold
// and are not checked.
import type { IatiProblem } from './problems.ts';
import { problem, type RuleContext } from './rule-kit.ts';
import type { XmlNode } from './xml-stream.ts';

interface CodeCheck {
  element: string;
  /** Only under this parent (document-link/category, not any category). */
  parent?: string;
  attribute: string;
  codelist: string;
  /** Only when the element uses the codelist's own vocabulary. */
  when?: (node: XmlNode) => boolean;
}

/** Vocabulary "1" (or none given, which means 1) is the IATI codelist itself. */
const ownVocabulary = (node: XmlNode) => (node.attrs.vocabulary ?? '1').trim() === '1';

const CHECKS: CodeCheck[] = [
  { element: 'iati-activity', attribute: 'default-currency', codelist: 'Currency' },
  { element: 'reporting-org', attribute: 'type', codelist: 'OrganisationType' },
  { element: 'participating-org', attribute: 'type', codelist: 'OrganisationType' },
  { element: 'participating-org', attribute: 'role', codelist: 'OrganisationRole' },
  { element: 'provider-org', attribute: 'type', codelist: 'OrganisationType' },
  { element: 'receiver-org', attribute: 'type', codelist: 'OrganisationType' },
  { element: 'activity-status', attribute: 'code', codelist: 'ActivityStatus' },
  { element: 'activity-date', attribute: 'type', codelist: 'ActivityDateType' },
  { element: 'recipient-country', attribute: 'code', codelist: 'Country' },
  { element: 'recipient-region', attribute: 'code', codelist: 'Region', when: ownVocabulary },
  { element: 'recipient-region', attribute: 'vocabulary', codelist: 'RegionVocabulary' },
  { element: 'sector', attribute: 'code', codelist: 'Sector', when: ownVocabulary },
  { element: 'budget', attribute: 'type', codelist: 'BudgetType' },
  { element: 'budget', attribute: 'status', codelist: 'BudgetStatus' },
  { element: 'transaction-type', attribute: 'code', codelist: 'TransactionType' },
  { element: 'value', attribute: 'currency', codelist: 'Currency' },
  { element: 'loan-status', attribute: 'currency', codelist: 'Currency' },
  { element: 'forecast', attribute: 'currency', codelist: 'Currency' },
  { element: 'category', parent: 'document-link', attribute: 'code', codelist: 'DocumentCategory' },
  { element: 'language', parent: 'document-link', attribute: 'code', codelist: 'Language' },
  { element: 'default-aid-type', attribute: 'code', codelist: 'AidType', when: ownVocabulary },
  { element: 'aid-type', attribute: 'code', codelist: 'AidType', when: ownVocabulary },
  { element: 'default-finance-type', attribute: 'code', codelist: 'FinanceType' },
  { element: 'finance-type', attribute: 'code', codelist: 'FinanceType' },
  { element: 'default-flow-type', attribute: 'code', codelist: 'FlowType' },
  { element: 'flow-type', attribute: 'code', codelist: 'FlowType' },
  { element: 'policy-marker', attribute: 'code', codelist: 'PolicyMarker', when: ownVocabulary },
  { element: 'policy-marker', attribute: 'significance', codelist: 'PolicySignificance' },
  { element: 'related-activity', attribute: 'type', codelist: 'RelatedActivityType' },
  { element: 'humanitarian-scope', attribute: 'type', codelist: 'HumanitarianScopeType' },
];

const BY_ELEMENT = new Map<string, CodeCheck[]>();
for (const c of CHECKS) BY_ELEMENT.set(c.element, [...(BY_ELEMENT.get(c.element) ?? []), c]);

/** Every coded attribute of the activity, and every xml:lang (Language). */
export function checkCodes(activity: XmlNode, context: RuleContext): IatiProblem[] {
  const problems: IatiProblem[] = [];
  const check = (node: XmlNode, attribute: string, codelist: string) => {
    const code = node.attrs[attribute]?.trim();
    if (code === undefined || code === '') return;
    const item = context.codes.item(codelist, code);
    if (!item) {
      const complete = context.codes.isComplete(codelist);
      const message = `'${code}' is not a code of the IATI codelist ${codelist}${complete ? '' : ' (an incomplete codelist: check the code)'}`;
      problems.push(problem('codelist.unknown', node, message, attribute, complete ? 'error' : 'warning'));
    } else if (item.status === 'withdrawn') {
      problems.push(problem('codelist.withdrawn', node, `'${code}' (${item.name}) is withdrawn from the IATI codelist ${codelist}`, attribute));
    }
  };
  const walk = (node: XmlNode, parent: string | undefined) => {
    for (const c of BY_ELEMENT.get(node.name) ?? []) {
      if ((!c.parent || c.parent === parent) && (!c.when || c.when(node))) check(node, c.attribute, c.codelist);
    }
    if ('xml:lang' in node.attrs) check(node, 'xml:lang', 'Language');
    for (const child of node.children) walk(child, node.name);
  };
  walk(activity, undefined);
  return problems;
}
