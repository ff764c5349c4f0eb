// The fields of an event's form, as its write body names them (src/modules/events/schema.ts),
// and an event's read view as the form's values. The series number is a number in the body: the
// form keeps it as text and `eventBody` turns it into one.
import type { Translate } from '../../api/problems.ts';
import { EVENT_KINDS } from '../../../../src/shared/vocabularies.ts';
import { asValue, type FieldSpec, type Values } from '../edits/rules.ts';
import type { EventDetail } from './types.ts';

type Choices = [string, string][];

export function eventFields(t: Translate, series: Choices, states: Choices): FieldSpec[] {
  return [
    { name: 'id', kind: 'text', label: t('edit.field.id'), hint: t('events.hint.id'), createOnly: true, pattern: { regex: /^[a-z0-9][a-z0-9-]{0,99}$/, reason: 'events.rule.id' } },
    { name: 'kind', kind: 'select', label: t('events.col.kind'), required: true, options: EVENT_KINDS.map((k) => [k, t(`events.kind.${k}`)]) },
    { name: 'title', kind: 'text', label: t('events.field.title'), hint: t('edit.hint.english'), required: true, max: 500 },
    { name: 'start', kind: 'date', label: t('events.start'), required: true },
    { name: 'end', kind: 'date', label: t('events.end') },
    { name: 'city', kind: 'text', label: t('events.city'), max: 200 },
    { name: 'country', kind: 'select', label: t('col.state'), options: [['', t('edit.none')], ...states] },
    { name: 'region', kind: 'text', label: t('events.region'), hint: t('events.hint.region'), pattern: { regex: /^\d{3}$/, reason: 'events.rule.region' } },
    { name: 'seriesId', kind: 'select', label: t('events.col.series'), options: [['', t('edit.none')], ...series] },
    { name: 'seriesNumber', kind: 'text', label: t('events.seriesNumberLabel'), pattern: { regex: /^[1-9]\d{0,3}$/, reason: 'events.rule.seriesNumber' } },
    { name: 'agenda', kind: 'textarea', label: t('events.agenda'), hint: t('edit.hint.english'), max: 20000 },
    { name: 'conclusions', kind: 'textarea', label: t('events.conclusions'), hint: t('edit.hint.english'), max: 20000 },
    { name: 'note', kind: 'textarea', label: t('col.note'), hint: t('edit.hint.english'), max: 4000 },
  ];
}

export const eventValues = (e: EventDetail): Values => ({
  kind: e.kind,
  title: e.title,
  start: e.start,
  end: asValue(e.end),
  city: asValue(e.city),
  country: asValue(e.country),
  region: asValue(e.region),
  seriesId: asValue(e.series?.id),
  seriesNumber: asValue(e.seriesNumber),
  agenda: asValue(e.agenda),
  conclusions: asValue(e.conclusions),
  note: asValue(e.note),
});

/** The body as the API takes it: the series number as a number. */
export function eventBody(body: Record<string, unknown>): Record<string, unknown> {
  if (typeof body.seriesNumber === 'string') return { ...body, seriesNumber: Number(body.seriesNumber) };
  return body;
}
