// The fields of the obstacle and strategy forms, as their write bodies name them
// (src/modules/obstacles/schema.ts), the read views as the forms' values, and the lists given
// whole with the record as rows: an obstacle's evidence, a strategy's links.
import type { Translate } from '../../api/problems.ts';
import type { Obstacle, Strategy } from '../../api/types.ts';
import { OBSTACLE_CATEGORIES, OBSTACLE_EVIDENCE_KINDS, OBSTACLE_STATUSES, STRATEGY_KINDS, STRATEGY_STATUSES } from '../../../../src/shared/vocabularies.ts';
import { asValue, type FieldSpec, type Values } from '../edits/rules.ts';
import type { Row, RowField } from '../requests/RowsEditor.tsx';

const choices = (values: readonly string[], label: (v: string) => string): [string, string][] => values.map((v) => [v, label(v)]);

/** A new obstacle's fields; a correction's are the same but the State, which is fixed once entered. */
export function obstacleFields(t: Translate): FieldSpec[] {
  return [
    { name: 'state', kind: 'iso3', label: t('obstacles.field.state'), hint: t('edit.hint.iso3'), required: true, createOnly: true },
    { name: 'instruments', kind: 'codes', label: t('obstacles.field.instruments'), required: true },
    { name: 'category', kind: 'select', label: t('obstacles.field.category'), required: true, options: [['', t('edit.choose')], ...choices(OBSTACLE_CATEGORIES, (c) => t(`obstacles.category.${c}`))] },
    { name: 'description', kind: 'textarea', label: t('obstacles.field.description'), required: true, max: 4000 },
    { name: 'identified', kind: 'date', label: t('obstacles.field.identified'), required: true },
    { name: 'identifiedBy', kind: 'text', label: t('obstacles.field.identifiedBy'), required: true, max: 300 },
  ];
}

/** What a correction also says: whether the obstacle still stands, and since when it does not. */
export function obstacleStatusFields(t: Translate): FieldSpec[] {
  return [
    { name: 'status', kind: 'select', label: t('gaps.col.status'), required: true, options: choices(OBSTACLE_STATUSES, (s) => t(`obstacles.status.${s}`)) },
    { name: 'statusDate', kind: 'date', label: t('obstacles.field.statusDate'), hint: t('obstacles.hint.statusDate') },
  ];
}

export const obstacleValues = (o: Obstacle): Values => ({
  instruments: o.instruments.map((i) => i.code).join(', '),
  category: o.category,
  description: o.description,
  identified: o.identified,
  identifiedBy: o.identifiedBy,
  status: o.status,
  statusDate: asValue(o.statusDate),
});

export function evidenceFields(t: Translate): RowField[] {
  return [
    { name: 'kind', label: t('obstacles.evidence.kind'), options: choices(OBSTACLE_EVIDENCE_KINDS, (k) => t(`obstacles.evidenceKind.${k}`)) },
    { name: 'title', label: t('requests.document.title') },
    { name: 'url', label: t('requests.document.url'), hint: t('edit.source.url.hint'), ltr: true },
    { name: 'date', label: t('requests.document.date'), hint: t('edit.hint.date'), ltr: true, optional: true },
    { name: 'recommendation', label: t('obstacles.evidence.recommendation'), hint: t('obstacles.hint.evidenceRecommendation'), ltr: true, optional: true },
    { name: 'event', label: t('obstacles.evidence.event'), hint: t('obstacles.hint.evidenceEvent'), ltr: true, optional: true },
    { name: 'note', label: t('obstacles.evidence.note'), hint: t('obstacles.hint.evidenceNote'), optional: true, multiline: true },
  ];
}

export const blankEvidence: Row = { kind: 'upr-response', title: '', url: '', date: '', recommendation: '', event: '', note: '' };

export const evidenceRows = (evidence: Obstacle['evidence']): Row[] =>
  evidence.map((e) => ({
    kind: e.kind,
    title: e.title,
    url: e.url,
    date: e.date ?? '',
    recommendation: e.recommendation ?? '',
    event: e.event ?? '',
    note: e.note ?? '',
  }));

export function strategyFields(t: Translate): FieldSpec[] {
  return [
    { name: 'kind', kind: 'select', label: t('obstacles.field.strategyKind'), required: true, options: [['', t('edit.choose')], ...choices(STRATEGY_KINDS, (k) => t(`obstacles.strategyKind.${k}`))] },
    { name: 'status', kind: 'select', label: t('gaps.col.status'), required: true, options: choices(STRATEGY_STATUSES, (s) => t(`obstacles.strategyStatus.${s}`)) },
    { name: 'description', kind: 'textarea', label: t('obstacles.field.description'), required: true, max: 4000 },
    { name: 'start', kind: 'date', label: t('obstacles.field.start') },
    { name: 'end', kind: 'date', label: t('obstacles.field.end') },
    { name: 'outcome', kind: 'textarea', label: t('obstacles.field.outcome'), max: 4000 },
  ];
}

export const strategyValues = (s: Strategy): Values => ({
  kind: s.kind,
  status: s.status,
  description: s.description,
  start: asValue(s.start),
  end: asValue(s.end),
  outcome: asValue(s.outcome),
});

/** What a strategy may link to, as the API's schema says (src/modules/obstacles/fields.ts, which the
 *  app may not load at runtime: the type keeps the two lists together). */
const STRATEGY_LINK_TARGETS: readonly Strategy['links'][number]['kind'][] = ['request', 'project', 'event'];

/** A strategy links the requests, projects and events that carry it. */
export function strategyLinkFields(t: Translate): RowField[] {
  return [
    { name: 'kind', label: t('requests.link.kind'), options: choices(STRATEGY_LINK_TARGETS, (k) => t(`requests.linkKind.${k}`)) },
    { name: 'ref', label: t('requests.link.ref'), hint: t('obstacles.hint.strategyLinkRef'), ltr: true },
    { name: 'note', label: t('col.note'), optional: true },
  ];
}

export const blankStrategyLink: Row = { kind: 'request', ref: '', note: '' };

export const strategyLinkRows = (links: Strategy['links']): Row[] => links.map((l) => ({ kind: l.kind, ref: l.ref, note: l.note ?? '' }));
