// The fields of an exchange's form, as its write body names them (src/modules/exchanges/schema.ts),
// and its read view as the form's values. A new exchange names one UN party and one regional
// party in the form (more are entered through the API or the CLI, which take the whole list);
// a correction leaves the parties as they are.
import type { Translate } from '../../api/problems.ts';
import type { ExchangeDetail } from '../../api/types.ts';
import { EXCHANGE_KINDS, EXCHANGE_UN_BODIES } from '../../../../src/shared/vocabularies.ts';
import { asValue, type FieldSpec, type Values } from '../edits/rules.ts';

export function exchangeFields(t: Translate, organizations: [string, string][], mechanisms: [string, string][]): FieldSpec[] {
  return [
    { name: 'kind', kind: 'select', label: t('col.kind'), required: true, options: EXCHANGE_KINDS.map((k) => [k, t(`exchanges.kind.${k}`)]) },
    { name: 'title', kind: 'text', label: t('exchanges.field.title'), hint: t('edit.hint.english'), required: true, max: 500 },
    { name: 'start', kind: 'date', label: t('exchanges.field.start'), hint: t('edit.hint.date'), required: true },
    { name: 'end', kind: 'date', label: t('exchanges.field.end'), hint: t('edit.hint.date') },
    { name: 'city', kind: 'text', label: t('exchanges.field.city'), max: 200 },
    { name: 'country', kind: 'iso3', label: t('col.state'), hint: t('edit.hint.iso3') },
    {
      name: 'unBody',
      kind: 'select',
      label: t('exchanges.unBody'),
      required: true,
      createOnly: true,
      options: [['', t('edit.choose')], ...EXCHANGE_UN_BODIES.map((b): [string, string] => [b, t(`exchanges.unBody.${b}`)])],
    },
    { name: 'unName', kind: 'text', label: t('exchanges.field.unName'), hint: t('edit.hint.english'), createOnly: true, max: 300 },
    { name: 'organizationId', kind: 'select', label: t('col.organization'), hint: t('exchanges.hint.regional'), createOnly: true, options: [['', t('edit.choose')], ...organizations] },
    { name: 'mechanism', kind: 'select', label: t('col.mechanism'), hint: t('exchanges.hint.regional'), createOnly: true, options: [['', t('edit.choose')], ...mechanisms] },
    { name: 'topic', kind: 'text', label: t('exchanges.field.topic'), hint: t('edit.hint.english'), max: 500 },
    { name: 'description', kind: 'textarea', label: t('exchanges.field.description'), hint: t('edit.hint.english'), max: 20000 },
    { name: 'outcomes', kind: 'textarea', label: t('exchanges.outcomes'), hint: t('edit.hint.english'), max: 20000 },
    { name: 'note', kind: 'textarea', label: t('col.note'), hint: t('edit.hint.english'), max: 4000 },
  ];
}

/** The body of a new exchange: the form's party fields made into the API's `parties`. */
export function createExchangeBody(body: Record<string, unknown>): Record<string, unknown> {
  const { unBody, unName, organizationId, mechanism, ...rest } = body;
  const regional = organizationId ? { side: 'regional', organizationId } : mechanism ? { side: 'regional', mechanism } : null;
  return { ...rest, parties: [{ side: 'un', unBody: unBody ?? null, ...(unName ? { name: unName } : {}) }, ...(regional ? [regional] : [])] };
}

export const exchangeValues = (e: ExchangeDetail): Values => ({
  kind: e.kind,
  title: e.title,
  start: e.start,
  end: asValue(e.end),
  city: asValue(e.city),
  country: asValue(e.country),
  topic: asValue(e.topic),
  description: asValue(e.description),
  outcomes: asValue(e.outcomes),
  note: asValue(e.note),
});
