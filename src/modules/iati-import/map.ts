// One IATI `iati-activity` as the write body of a project (docs/IATI.md, "Import"): only what
// the activity states and a project can hold. What a project cannot hold without losing its
// meaning (a transaction type, result type or indicator measure Accord does not record, a
// country the registry does not hold, money whose funding source nobody named) is a problem
// naming the element's path, so the file is refused rather than stored in part. What a project
// has no place for (sectors, policy markers, contacts, OECD DAC regions, tags) is left out.
import type { Problem } from '../../shared/errors.ts';
import { type INDICATOR_MEASURES, type PROJECT_ORGANIZATION_ROLES, PROJECT_STATUSES, RESULT_TYPES, TRANSACTION_TYPES } from '../../shared/vocabularies.ts';
import { childNamed, childrenNamed, type XmlNode } from '../iati/xml-stream.ts';
import { codeOf, dayAttr, narrativeOf } from './narratives.ts';

export interface MapContext {
  /** ISO alpha-2 → alpha-3 of the States the registry holds. */
  states: ReadonlyMap<string, string>;
  /** Where the money of the file's budgets and transactions comes from: IATI does not say. */
  fundingSource: string | undefined;
}

export interface MappedActivity {
  identifier: string;
  path: string;
  line: number;
  /** A project write body without its source (projectCreateSchema checks it). */
  body: Record<string, unknown>;
}

/** OrganisationRole 1–4; a partner is exported as implementing and comes back as one. */
const ROLES: Record<string, (typeof PROJECT_ORGANIZATION_ROLES)[number]> = { '1': 'funding', '2': 'accountable', '3': 'extending', '4': 'implementing' };
/** IndicatorMeasure codes Accord records (1 unit, 2 percentage, 5 qualitative). */
const MEASURES: Record<string, (typeof INDICATOR_MEASURES)[number]> = { '1': 'unit', '2': 'percentage', '5': 'qualitative' };

const rule = 'import.unsupported';

function byCode<T extends string>(list: readonly T[], code: string | undefined): T | undefined {
  const n = Number(code);
  return Number.isInteger(n) && n >= 1 && n <= list.length ? list[n - 1] : undefined;
}

class Mapper {
  readonly problems: Problem[] = [];
  readonly lang: string | undefined;

  constructor(
    readonly activity: XmlNode,
    readonly identifier: string,
    readonly context: MapContext,
  ) {
    this.lang = activity.attrs['xml:lang'];
  }

  problem(node: XmlNode, reason: string): void {
    this.problems.push({ rule, path: node.path, line: node.line, reason: `activity ${this.identifier}: ${reason}` });
  }

  text(node: XmlNode | undefined): string | undefined {
    return narrativeOf(node, this.lang);
  }

  money(node: XmlNode, what: string): { amount: string; currency: string; valueDate?: string; fundingSource: string } | undefined {
    const value = childNamed(node, 'value');
    if (!value) {
      this.problem(node, `a ${what} without a value`);
      return undefined;
    }
    if (this.context.fundingSource === undefined) {
      this.problem(node, `a ${what}: IATI does not say where the money comes from; name the funding source of the file (fundingSource, --funding-source)`);
      return undefined;
    }
    const currency = value.attrs.currency ?? this.activity.attrs['default-currency'] ?? '';
    return { amount: value.text.trim(), currency, valueDate: dayAttr(value, 'value-date'), fundingSource: this.context.fundingSource };
  }

  countries(): unknown[] {
    const nodes = childrenNamed(this.activity, 'recipient-country');
    // Shares given beside regions are shares of the whole activity: Accord's are of its countries.
    const withShares = childrenNamed(this.activity, 'recipient-region').length === 0;
    return nodes.flatMap((node) => {
      const iso3 = this.context.states.get((node.attrs.code ?? '').toUpperCase());
      if (!iso3) {
        this.problem(node, `the country ${node.attrs.code} is not a State of the registry`);
        return [];
      }
      return [{ iso3, ...(withShares && node.attrs.percentage !== undefined ? { percentage: node.attrs.percentage } : {}) }];
    });
  }

  regionCode(): string | null {
    const un = childrenNamed(this.activity, 'recipient-region').filter((r) => r.attrs.vocabulary === '2');
    if (un.length > 1) this.problem(un[1]!, 'a project is in one UN M49 region at most');
    return un[0]?.attrs.code ?? null;
  }

  organizations(): unknown[] {
    return childrenNamed(this.activity, 'participating-org').flatMap((node) => {
      const role = ROLES[node.attrs.role ?? ''];
      const name = this.text(node) ?? node.attrs.ref;
      if (!role) this.problem(node, `the organisation role ${node.attrs.role} is not one a project records (1 to 4)`);
      if (!name) this.problem(node, 'a participating organisation with neither a name nor an identifier');
      if (!role || !name) return [];
      return [{ role, name, ref: node.attrs.ref ?? null, type: node.attrs.type ?? null }];
    });
  }

  dates(): Record<string, string | null> {
    const of = (type: string) => dayAttr(childrenNamed(this.activity, 'activity-date').find((d) => d.attrs.type === type)) ?? null;
    return { plannedStart: of('1'), actualStart: of('2'), plannedEnd: of('3'), actualEnd: of('4') };
  }

  budget(): unknown[] {
    return childrenNamed(this.activity, 'budget').flatMap((node) => {
      const money = this.money(node, 'budget');
      if (!money) return [];
      return [{ periodStart: dayAttr(childNamed(node, 'period-start')), periodEnd: dayAttr(childNamed(node, 'period-end')), status: node.attrs.status === '2' ? 'committed' : 'indicative', ...money }];
    });
  }

  transactions(): unknown[] {
    return childrenNamed(this.activity, 'transaction').flatMap((node) => {
      const code = codeOf(node, 'transaction-type');
      const type = byCode(TRANSACTION_TYPES, code);
      if (!type) this.problem(node, `the transaction type ${code} is not one Accord records (1 to 4: incoming funds, commitment, disbursement, expenditure)`);
      const money = this.money(node, 'transaction');
      if (!type || !money) return [];
      const party = (name: string) => {
        const org = childNamed(node, name);
        return this.text(org) ?? org?.attrs.ref ?? null;
      };
      return [
        {
          type,
          date: dayAttr(childNamed(node, 'transaction-date')),
          ...money,
          provider: party('provider-org'),
          receiver: party('receiver-org'),
          description: this.text(childNamed(node, 'description')) ?? null,
        },
      ];
    });
  }

  results(): unknown[] {
    return childrenNamed(this.activity, 'result').flatMap((node) => {
      const type = byCode(RESULT_TYPES, node.attrs.type);
      if (!type) {
        this.problem(node, `the result type ${node.attrs.type} is not one Accord records (1 output, 2 outcome, 3 impact)`);
        return [];
      }
      const indicators = childrenNamed(node, 'indicator').flatMap((indicator) => {
        const measure = MEASURES[indicator.attrs.measure ?? ''];
        if (!measure) {
          this.problem(indicator, `the indicator measure ${indicator.attrs.measure} is not one Accord records (1 unit, 2 percentage, 5 qualitative)`);
          return [];
        }
        const baseline = childNamed(indicator, 'baseline');
        const year = baseline?.attrs.year === undefined ? null : Number(baseline.attrs.year);
        return [
          {
            title: this.text(childNamed(indicator, 'title')),
            measure,
            ascending: !['0', 'false'].includes(indicator.attrs.ascending ?? '1'),
            baselineYear: year,
            baselineValue: baseline?.attrs.value ?? null,
          },
        ];
      });
      return [{ type, title: this.text(childNamed(node, 'title')), description: this.text(childNamed(node, 'description')) ?? null, indicators }];
    });
  }

  documents(): unknown[] {
    return childrenNamed(this.activity, 'document-link').map((node) => {
      const lang = codeOf(node, 'language');
      const date = dayAttr(childNamed(node, 'document-date'));
      return {
        title: this.text(childNamed(node, 'title')),
        url: node.attrs.url,
        ...(codeOf(node, 'category') ? { category: codeOf(node, 'category') } : {}),
        ...(lang ? { lang } : {}),
        ...(date ? { date } : {}),
      };
    });
  }

  objectives(): string | null {
    const descriptions = childrenNamed(this.activity, 'description');
    const objectives = descriptions.find((d) => d.attrs.type === '2') ?? descriptions.find((d) => (d.attrs.type ?? '1') === '1');
    return this.text(objectives) ?? null;
  }

  status(): string | undefined {
    const code = codeOf(this.activity, 'activity-status');
    const status = byCode(PROJECT_STATUSES, code);
    if (!status) this.problem(this.activity, code === undefined ? 'no activity-status: a project has a status' : `the activity status ${code} is not one of 1 to 6`);
    return status;
  }
}

/** The activity as a project body, or the problems that keep it from being one. */
export function mapActivity(activity: XmlNode, context: MapContext): { mapped: MappedActivity; problems: Problem[] } {
  const identifier = childNamed(activity, 'iati-identifier')?.text.trim() ?? '';
  const m = new Mapper(activity, identifier, context);
  const body: Record<string, unknown> = {
    iatiIdentifier: identifier,
    title: m.text(childNamed(activity, 'title')),
    objectives: m.objectives(),
    status: m.status(),
    regionCode: m.regionCode(),
    ...m.dates(),
    defaultCurrency: activity.attrs['default-currency'] ?? null,
    countries: m.countries(),
    organizations: m.organizations(),
    budget: m.budget(),
    transactions: m.transactions(),
    results: m.results(),
    documents: m.documents(),
  };
  return { mapped: { identifier, path: activity.path, line: activity.line, body }, problems: m.problems };
}
