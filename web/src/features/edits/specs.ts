// The fields of each record's form, as its write body names them (src/modules/*/schema.ts), and
// each record's read view turned into the form's values (for an update, and for the values of a
// record someone else changed meanwhile: the 412's `current`), and into who may see it.
import type { Translate } from '../../api/problems.ts';
import type { Instrument, Mechanism, Organization } from '../../api/types.ts';
import { LANGS, LANGUAGE_NAMES } from '../../i18n/i18n.tsx';
import {
  ACCEPTANCE_NEEDS,
  type ConfidentialityLevel,
  COVERAGE_RULES,
  ENTERED_ACTION_KINDS,
  INSTRUMENT_KINDS,
  isProcedureDeclaration,
  MECHANISM_KINDS,
  MEMBERSHIP_EVENTS,
  ORGANIZATION_KINDS,
  SYSTEMS,
} from '../../../../src/shared/vocabularies.ts';
import { type AccessDraft, asValue, type FieldSpec, type Values } from './rules.ts';

type Choices = [string, string][];

/** A name in the six languages (English required). An update sends only the languages changed;
 *  emptying one removes a name entered through Accord (the API refuses to remove a shipped one). */
export function names(base: string, label: string, t: Translate, required: boolean): FieldSpec[] {
  return LANGS.map((lang) => ({
    name: `${base}.${lang}`,
    kind: 'text' as const,
    label: t('edit.field.inLanguage', { field: label, language: LANGUAGE_NAMES[lang] }),
    required: required && lang === 'en',
    max: 300,
  }));
}

/** The names of a record as form values (`title.fr` → its French title), from its own answer. */
export function nameValues(names: Record<string, Record<string, string>> | undefined): Values {
  const values: Values = {};
  for (const [field, byLang] of Object.entries(names ?? {})) for (const [lang, value] of Object.entries(byLang)) values[`${field}.${lang}`] = value;
  return values;
}

/** Who may see the record as its view gives it: where a correction's form starts. */
export const accessOf = (record: { confidentiality: ConfidentialityLevel; audience: string[] }): AccessDraft => ({ level: record.confidentiality, audience: record.audience });

const choices = (values: readonly string[], label: (v: string) => string): Choices => values.map((v) => [v, label(v)]);
const CODE = { regex: /^[A-Z0-9][A-Z0-9-]{0,49}$/, reason: 'edit.rule.code' };

export function organizationFields(t: Translate): FieldSpec[] {
  return [
    { name: 'id', kind: 'text', label: t('edit.field.id'), hint: t('edit.hint.orgId'), required: true, createOnly: true, pattern: { regex: /^[a-z][a-z0-9-]{0,49}$/, reason: 'edit.rule.orgId' } },
    ...names('name', t('col.name'), t, true),
    { name: 'acronym.en', kind: 'text', label: t('col.acronym'), max: 300 },
    { name: 'kind', kind: 'select', label: t('col.kind'), required: true, options: choices(ORGANIZATION_KINDS, (k) => t(`orgKind.${k}`)) },
    { name: 'region', kind: 'text', label: t('edit.field.region'), max: 100 },
    { name: 'founded', kind: 'date', label: t('edit.field.founded') },
    { name: 'hqCity', kind: 'text', label: t('edit.field.hqCity'), max: 200 },
    { name: 'hqIso3', kind: 'iso3', label: t('edit.field.hqIso3'), hint: t('edit.hint.iso3') },
    { name: 'website', kind: 'url', label: t('edit.field.website'), hint: t('edit.hint.web') },
  ];
}

export function organizationValues(org: Organization): Values {
  return {
    ...nameValues(org.names),
    kind: org.kind,
    region: asValue(org.region),
    founded: asValue(org.founded),
    hqCity: asValue(org.headquarters.city),
    hqIso3: asValue(org.headquarters.iso3),
    website: asValue(org.website),
  };
}

export function instrumentFields(t: Translate, organizations: Choices): FieldSpec[] {
  return [
    { name: 'code', kind: 'text', label: t('col.code'), hint: t('edit.hint.code'), required: true, createOnly: true, pattern: CODE },
    ...names('title', t('edit.field.title'), t, true),
    { name: 'shortTitle.en', kind: 'text', label: t('instrument.shortTitle'), max: 300 },
    { name: 'kind', kind: 'select', label: t('col.kind'), required: true, options: choices(INSTRUMENT_KINDS, (k) => t(`instrumentKind.${k}`)) },
    { name: 'binding', kind: 'boolean', label: t('edit.field.binding'), required: true },
    { name: 'system', kind: 'select', label: t('col.system'), required: true, options: choices(SYSTEMS, (s) => t(`system.${s}`)) },
    { name: 'organizationId', kind: 'select', label: t('col.organization'), options: [['', t('edit.none.un')], ...organizations] },
    { name: 'untcRef', kind: 'text', label: t('edit.field.untcRef'), max: 50 },
    { name: 'parentCode', kind: 'text', label: t('instrument.parent'), hint: t('edit.hint.code'), pattern: CODE },
    { name: 'adopted', kind: 'date', label: t('col.adopted') },
    { name: 'adoptedPlace', kind: 'text', label: t('edit.field.adoptedPlace'), max: 200 },
    { name: 'entryIntoForce', kind: 'date', label: t('col.entryIntoForce') },
    { name: 'depositary', kind: 'text', label: t('instrument.depositary'), max: 300 },
    { name: 'note', kind: 'textarea', label: t('col.note'), hint: t('edit.hint.english'), max: 2000 },
  ];
}

export function instrumentValues(i: Instrument): Values {
  return {
    ...nameValues(i.names),
    kind: i.kind,
    binding: String(i.binding),
    system: i.system,
    organizationId: asValue(i.organization),
    untcRef: asValue(i.untcRef),
    parentCode: asValue(i.parent),
    adopted: asValue(i.adopted),
    adoptedPlace: asValue(i.adoptedPlace),
    entryIntoForce: asValue(i.entryIntoForce),
    depositary: asValue(i.depositary),
    note: asValue(i.note),
  };
}

export function mechanismFields(t: Translate, organizations: Choices): FieldSpec[] {
  return [
    { name: 'code', kind: 'text', label: t('col.code'), hint: t('edit.hint.code'), required: true, createOnly: true, pattern: { regex: /^[A-Z][A-Z0-9-]{0,49}$/, reason: 'edit.rule.code' } },
    ...names('name', t('col.name'), t, true),
    { name: 'acronym.en', kind: 'text', label: t('col.acronym'), max: 300 },
    { name: 'kind', kind: 'select', label: t('col.kind'), required: true, options: choices(MECHANISM_KINDS, (k) => t(`mechanismKind.${k}`)) },
    { name: 'system', kind: 'select', label: t('col.system'), required: true, options: choices(SYSTEMS, (s) => t(`system.${s}`)) },
    { name: 'organizationId', kind: 'select', label: t('col.organization'), options: [['', t('edit.none.un')], ...organizations] },
    { name: 'seatCity', kind: 'text', label: t('edit.field.seatCity'), max: 200 },
    { name: 'seatIso3', kind: 'iso3', label: t('edit.field.seatIso3'), hint: t('edit.hint.iso3') },
    { name: 'establishingInstrument', kind: 'text', label: t('mechanism.establishedBy'), hint: t('edit.hint.code'), pattern: CODE },
    { name: 'established', kind: 'date', label: t('col.established') },
    { name: 'individualComplaints', kind: 'boolean', label: t('col.individualComplaints'), required: true },
    { name: 'individualComplaintsNote', kind: 'textarea', label: t('edit.field.individualComplaintsNote'), hint: t('edit.hint.english'), max: 2000 },
    { name: 'coverageBasis', kind: 'select', label: t('mechanism.rule'), required: true, options: choices(COVERAGE_RULES, (r) => t(`rule.${r}`)) },
    { name: 'coverageOrganization', kind: 'select', label: t('edit.field.coverageOrganization'), options: [['', t('edit.none')], ...organizations] },
    { name: 'coverageInstruments', kind: 'codes', label: t('edit.field.coverageInstruments') },
    {
      name: 'coverageAcceptanceNeededFor',
      kind: 'select',
      label: t('edit.field.coverageAcceptanceNeededFor'),
      options: [['', t('edit.none')], ...choices(ACCEPTANCE_NEEDS, (a) => t(`acceptance.${a}`))],
    },
    { name: 'coverageAcceptance', kind: 'text', label: t('edit.field.coverageAcceptance'), hint: t('edit.hint.english'), max: 300 },
    { name: 'note', kind: 'textarea', label: t('col.note'), hint: t('edit.hint.english'), max: 2000 },
  ];
}

export function mechanismValues(m: Mechanism): Values {
  return {
    ...nameValues(m.names),
    kind: m.kind,
    system: m.system,
    organizationId: asValue(m.organization),
    seatCity: asValue(m.seat.city),
    seatIso3: asValue(m.seat.iso3),
    establishingInstrument: asValue(m.establishingInstrument),
    established: asValue(m.established),
    individualComplaints: String(m.individualComplaints),
    individualComplaintsNote: asValue(m.individualComplaintsNote),
    coverageBasis: m.coverage.basis,
    coverageOrganization: asValue(m.coverage.organization),
    coverageInstruments: asValue(m.coverage.instruments),
    coverageAcceptanceNeededFor: asValue(m.coverage.acceptanceNeededFor),
    coverageAcceptance: asValue(m.coverage.acceptance),
    note: asValue(m.note),
  };
}

export function membershipEventFields(t: Translate, states: Choices): FieldSpec[] {
  return [
    { name: 'iso3', kind: 'select', label: t('col.state'), required: true, createOnly: true, options: [['', t('edit.choose')], ...states] },
    { name: 'event', kind: 'select', label: t('col.event'), required: true, options: choices(MEMBERSHIP_EVENTS, (e) => t(`event.${e}`)) },
    { name: 'date', kind: 'date', label: t('col.date'), required: true },
    { name: 'note', kind: 'textarea', label: t('col.note'), hint: t('edit.hint.english'), max: 1000 },
  ];
}

export const membershipEventValues = (e: { event: string; date: string | null; note: string | null }): Values => ({ event: e.event, date: asValue(e.date), note: asValue(e.note) });

/** `procedures`: those of the act's instrument, for a declaration accepting or withdrawing one. */
export function treatyActFields(t: Translate, instruments: Choices | null, states: Choices | null, procedures: Choices): FieldSpec[] {
  return [
    ...(instruments
      ? [{ name: 'instrument', kind: 'select' as const, label: t('col.instrument'), required: true, createOnly: true, options: [['', t('edit.choose')], ...instruments] as Choices }]
      : []),
    ...(states ? [{ name: 'participant', kind: 'select' as const, label: t('col.state'), required: true, createOnly: true, options: [['', t('edit.choose')], ...states] as Choices }] : []),
    { name: 'kind', kind: 'select', label: t('edit.field.actKind'), required: true, options: choices(ENTERED_ACTION_KINDS, (k) => t(`edit.actKind.${k}`)) },
    {
      name: 'procedure',
      kind: 'select',
      label: t('edit.field.procedure'),
      hint: t('edit.hint.procedure'),
      options: [['', t('edit.none')], ...procedures],
      shownIf: (values) => isProcedureDeclaration(values.kind ?? ''),
    },
    { name: 'date', kind: 'date', label: t('edit.field.actDate'), hint: t('edit.hint.actDate'), required: true },
    { name: 'effective', kind: 'date', label: t('edit.field.effective'), hint: t('edit.hint.effective') },
    { name: 'note', kind: 'textarea', label: t('col.note'), hint: t('edit.hint.english'), max: 2000 },
    { name: 'text', kind: 'textarea', label: t('edit.field.text'), hint: t('edit.hint.text'), max: 20000 },
  ];
}

export const treatyActValues = (a: { kind: string; procedure: string | null; date: string | null; effective: string | null; note: string | null; text: string | null }): Values => ({
  kind: a.kind,
  procedure: asValue(a.procedure),
  date: asValue(a.date),
  effective: asValue(a.effective),
  note: asValue(a.note),
  text: asValue(a.text),
});
