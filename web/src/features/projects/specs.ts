// The fields of a project's form as its write body names them (src/modules/projects/schema.ts),
// the project's view as the form's values, and its countries and budget lines as rows.
import type { Translate } from '../../api/problems.ts';
import { BUDGET_STATUSES, FUNDING_SOURCES, PROJECT_ORGANIZATION_ROLES, PROJECT_STATUSES, TRANSACTION_TYPES } from '../../../../src/shared/vocabularies.ts';
import { asValue, type FieldSpec, type Values } from '../edits/rules.ts';
import type { Row, RowField } from '../requests/RowsEditor.tsx';
import type { Project } from './types.ts';

export function projectFields(t: Translate, regions: [string, string][]): FieldSpec[] {
  return [
    { name: 'id', kind: 'text', label: t('edit.field.id'), hint: t('projects.hint.id'), createOnly: true, pattern: { regex: /^[a-z0-9][a-z0-9-]{0,79}$/, reason: 'projects.rule.id' } },
    { name: 'title', kind: 'text', label: t('projects.projectTitle'), required: true, max: 500 },
    { name: 'objectives', kind: 'textarea', label: t('projects.objectives'), max: 5000 },
    { name: 'status', kind: 'select', label: t('projects.status'), required: true, options: PROJECT_STATUSES.map((s) => [s, t(`projects.statusName.${s}`)]) },
    { name: 'regionCode', kind: 'select', label: t('projects.region'), hint: t('projects.hint.region'), options: [['', t('projects.noRegion')], ...regions] },
    { name: 'plannedStart', kind: 'date', label: t('projects.plannedStart') },
    { name: 'plannedEnd', kind: 'date', label: t('projects.plannedEnd') },
    { name: 'actualStart', kind: 'date', label: t('projects.actualStart') },
    { name: 'actualEnd', kind: 'date', label: t('projects.actualEnd') },
    { name: 'defaultCurrency', kind: 'text', label: t('projects.defaultCurrency'), hint: t('projects.hint.currency'), pattern: { regex: /^[A-Z]{3}$/, reason: 'projects.rule.currency' } },
    { name: 'iatiIdentifier', kind: 'text', label: t('projects.iatiIdentifier'), hint: t('projects.hint.iati'), max: 150 },
  ];
}

export const projectValues = (p: Project): Values => ({
  title: p.title,
  objectives: asValue(p.objectives),
  status: p.status,
  regionCode: asValue(p.region?.code),
  plannedStart: asValue(p.plannedStart),
  plannedEnd: asValue(p.plannedEnd),
  actualStart: asValue(p.actualStart),
  actualEnd: asValue(p.actualEnd),
  defaultCurrency: asValue(p.defaultCurrency),
  iatiIdentifier: asValue(p.iatiIdentifier),
});

export function countryFields(t: Translate, states: [string, string][]): RowField[] {
  return [
    { name: 'iso3', label: t('col.state'), options: [['', t('edit.choose')], ...states] },
    { name: 'percentage', label: t('projects.percentage'), hint: t('projects.hint.percentage'), ltr: true, optional: true },
  ];
}

export const blankCountry: Row = { iso3: '', percentage: '' };
export const countryRows = (p: Project): Row[] => p.countries.map((c) => ({ iso3: c.iso3, percentage: c.percentage ?? '' }));

export function budgetFields(t: Translate): RowField[] {
  return [
    { name: 'periodStart', label: t('projects.periodStart'), hint: t('projects.hint.day'), ltr: true },
    { name: 'periodEnd', label: t('projects.periodEnd'), hint: t('projects.hint.periodEnd'), ltr: true },
    { name: 'amount', label: t('projects.amount'), hint: t('projects.hint.amount'), ltr: true },
    { name: 'currency', label: t('projects.currency'), hint: t('projects.hint.currency'), ltr: true },
    { name: 'status', label: t('projects.budgetStatus'), options: BUDGET_STATUSES.map((s) => [s, t(`projects.budgetStatusName.${s}`)]) },
    { name: 'fundingSource', label: t('projects.fundingSource'), options: FUNDING_SOURCES.map((s) => [s, t(`projects.source.${s}`)]) },
    { name: 'agreementId', label: t('projects.agreementId'), hint: t('projects.hint.agreement'), ltr: true, optional: true },
    { name: 'valueDate', label: t('projects.valueDate'), hint: t('projects.hint.valueDate'), ltr: true, optional: true },
  ];
}

export const blankBudget: Row = { periodStart: '', periodEnd: '', amount: '', currency: '', status: 'indicative', fundingSource: 'regular-budget', agreementId: '', valueDate: '' };
export const budgetRows = (p: Project): Row[] =>
  p.budget.map((b) => ({
    periodStart: b.periodStart,
    periodEnd: b.periodEnd,
    amount: b.amount,
    currency: b.currency,
    status: b.status,
    fundingSource: b.fundingSource,
    agreementId: b.agreement?.id ?? '',
    valueDate: b.valueDate,
  }));

export function organizationFields(t: Translate): RowField[] {
  return [
    { name: 'role', label: t('projects.role'), options: PROJECT_ORGANIZATION_ROLES.map((r) => [r, t(`projects.roleName.${r}`)]) },
    { name: 'name', label: t('col.name') },
    { name: 'ref', label: t('projects.orgRef'), hint: t('projects.hint.orgRef'), ltr: true, optional: true },
    { name: 'type', label: t('projects.orgType'), hint: t('projects.hint.orgType'), ltr: true, optional: true },
    { name: 'organizationId', label: t('projects.organizationId'), hint: t('projects.hint.organizationId'), ltr: true, optional: true },
  ];
}

export const blankOrganization: Row = { role: 'implementing', name: '', ref: '', type: '', organizationId: '' };
export const organizationRows = (p: Project): Row[] => p.organizations.map((o) => ({ role: o.role, name: o.name, ref: o.ref ?? '', type: o.type ?? '', organizationId: o.organizationId ?? '' }));

export function transactionFields(t: Translate): RowField[] {
  return [
    { name: 'type', label: t('projects.transactionType'), options: TRANSACTION_TYPES.map((x) => [x, t(`projects.transactionName.${x}`)]) },
    { name: 'date', label: t('projects.date'), hint: t('projects.hint.transactionDate'), ltr: true },
    { name: 'amount', label: t('projects.amount'), hint: t('projects.hint.amount'), ltr: true },
    { name: 'currency', label: t('projects.currency'), hint: t('projects.hint.currency'), ltr: true },
    { name: 'fundingSource', label: t('projects.fundingSource'), options: FUNDING_SOURCES.map((s) => [s, t(`projects.source.${s}`)]) },
    { name: 'agreementId', label: t('projects.agreementId'), hint: t('projects.hint.agreement'), ltr: true, optional: true },
    { name: 'valueDate', label: t('projects.valueDate'), hint: t('projects.hint.transactionValueDate'), ltr: true, optional: true },
    { name: 'provider', label: t('projects.provider'), optional: true },
    { name: 'receiver', label: t('projects.receiver'), optional: true },
    { name: 'description', label: t('projects.description'), optional: true },
  ];
}

export const blankTransaction: Row = {
  type: 'disbursement',
  date: '',
  amount: '',
  currency: '',
  fundingSource: 'regular-budget',
  agreementId: '',
  valueDate: '',
  provider: '',
  receiver: '',
  description: '',
};
export const transactionRows = (p: Project): Row[] =>
  p.transactions.map((x) => ({
    type: x.type,
    date: x.date,
    amount: x.amount,
    currency: x.currency,
    fundingSource: x.fundingSource,
    agreementId: x.agreement?.id ?? '',
    valueDate: x.valueDate,
    provider: x.provider ?? '',
    receiver: x.receiver ?? '',
    description: x.description ?? '',
  }));
