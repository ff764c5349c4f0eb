// The fields of an exchange's form, as its write body names them (src/modules/exchanges/schema.ts),
// and its read view as the form's values. A new exchange names one UN party and one regional
// party in the form; a correction edits the whole list of parties as rows, with the follow-up
// actions, links and documents (each list given whole, and only when changed). The series number
// is a number in the body: the form keeps it as text and `exchangeBody` turns it into one. Also
// the fields of an exchange series.
import type { Translate } from '../../api/problems.ts';
import type { ExchangeDetail } from '../../api/types.ts';
import { EVENT_ACTION_STATUSES, EXCHANGE_KINDS, EXCHANGE_SIDES, EXCHANGE_UN_BODIES } from '../../../../src/shared/vocabularies.ts';
import { asValue, type FieldSpec, type Values } from '../edits/rules.ts';
import type { Row, RowField } from '../requests/RowsEditor.tsx';

type Choices = [string, string][];

export function exchangeFields(t: Translate, organizations: Choices, mechanisms: Choices, series: Choices): FieldSpec[] {
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
    { name: 'seriesId', kind: 'select', label: t('exchanges.series'), options: [['', t('edit.none')], ...series] },
    { name: 'seriesNumber', kind: 'text', label: t('events.seriesNumberLabel'), pattern: { regex: /^[1-9]\d{0,3}$/, reason: 'events.rule.seriesNumber' } },
    { name: 'topic', kind: 'text', label: t('exchanges.field.topic'), hint: t('edit.hint.english'), max: 500 },
    { name: 'description', kind: 'textarea', label: t('exchanges.field.description'), hint: t('edit.hint.english'), max: 20000 },
    { name: 'outcomes', kind: 'textarea', label: t('exchanges.outcomes'), hint: t('edit.hint.english'), max: 20000 },
    { name: 'note', kind: 'textarea', label: t('col.note'), hint: t('edit.hint.english'), max: 4000 },
  ];
}

/** The body as the API takes it: the series number as a number. */
export function exchangeBody(body: Record<string, unknown>): Record<string, unknown> {
  if (typeof body.seriesNumber === 'string') return { ...body, seriesNumber: Number(body.seriesNumber) };
  return body;
}

/** The body of a new exchange: the form's party fields made into the API's `parties`. */
export function createExchangeBody(body: Record<string, unknown>): Record<string, unknown> {
  const { unBody, unName, organizationId, mechanism, ...rest } = exchangeBody(body);
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
  seriesId: asValue(e.series?.id),
  seriesNumber: asValue(e.seriesNumber),
  topic: asValue(e.topic),
  description: asValue(e.description),
  outcomes: asValue(e.outcomes),
  note: asValue(e.note),
});

/** A party as a row: its side, then what that side names (a UN body; an organization or a mechanism). */
export function partyFields(t: Translate, organizations: Choices, mechanisms: Choices): RowField[] {
  return [
    { name: 'side', label: t('exchanges.party.side'), options: EXCHANGE_SIDES.map((s): [string, string] => [s, t(s === 'un' ? 'exchanges.unSide' : 'exchanges.regionalSide')]) },
    {
      name: 'unBody',
      label: t('exchanges.unBody'),
      hint: t('exchanges.hint.unBody'),
      options: [['', t('edit.none')], ...EXCHANGE_UN_BODIES.map((b): [string, string] => [b, t(`exchanges.unBody.${b}`)])],
    },
    { name: 'organizationId', label: t('col.organization'), hint: t('exchanges.hint.regional'), options: [['', t('edit.none')], ...organizations] },
    { name: 'mechanism', label: t('col.mechanism'), hint: t('exchanges.hint.regional'), options: [['', t('edit.none')], ...mechanisms] },
    { name: 'name', label: t('exchanges.party.name'), hint: t('exchanges.hint.partyName'), optional: true },
  ];
}

export const blankParty: Row = { side: 'regional', unBody: '', organizationId: '', mechanism: '', name: '' };

/** The parties as rows. The API gives a regional party without a name of its own the registry's
 *  name in the page's language; that name is left out of the row, so that saving the list does
 *  not store it as the party's own (`registryNames`: the names the page's lists give). */
export function partyRows(parties: ExchangeDetail['parties'], registryNames: Map<string, string>): Row[] {
  return parties.map((p) => {
    const registered = p.organizationId ? registryNames.get(`organization:${p.organizationId}`) : p.mechanism ? registryNames.get(`mechanism:${p.mechanism}`) : undefined;
    return {
      side: p.side,
      unBody: p.unBody ?? '',
      organizationId: p.organizationId ?? '',
      mechanism: p.mechanism ?? '',
      name: p.name && p.name !== registered ? p.name : '',
    };
  });
}

export function actionFields(t: Translate): RowField[] {
  return [
    { name: 'description', label: t('exchanges.action'), multiline: true },
    { name: 'owner', label: t('exchanges.owner') },
    { name: 'due', label: t('exchanges.due'), hint: t('edit.hint.date'), ltr: true, optional: true },
    { name: 'status', label: t('col.status'), options: EVENT_ACTION_STATUSES.map((s): [string, string] => [s, t(`exchanges.status.${s}`)]) },
    { name: 'doneOn', label: t('exchanges.action.doneOn'), hint: t('edit.hint.date'), ltr: true, optional: true },
  ];
}

export const blankAction: Row = { description: '', owner: '', due: '', status: 'open', doneOn: '' };

export const actionRows = (actions: ExchangeDetail['actions']): Row[] =>
  actions.map((a) => ({ description: a.description, owner: a.owner, due: a.due ?? '', status: a.status, doneOn: a.doneOn ?? '' }));

/** A series of exchanges: its id only when entered (else the API makes one), title, description and note. */
export function seriesFields(t: Translate): FieldSpec[] {
  return [
    { name: 'id', kind: 'text', label: t('edit.field.id'), hint: t('events.hint.id'), createOnly: true, pattern: { regex: /^[a-z0-9][a-z0-9-]{0,99}$/, reason: 'events.rule.id' } },
    { name: 'title', kind: 'text', label: t('exchanges.series.field.title'), hint: t('edit.hint.english'), required: true, max: 500 },
    { name: 'description', kind: 'textarea', label: t('exchanges.field.description'), hint: t('edit.hint.english'), max: 10000 },
    { name: 'note', kind: 'textarea', label: t('col.note'), hint: t('edit.hint.english'), max: 4000 },
  ];
}

export const seriesValues = (s: { title: string; description: string | null; note: string | null }): Values => ({
  title: s.title,
  description: asValue(s.description),
  note: asValue(s.note),
});
