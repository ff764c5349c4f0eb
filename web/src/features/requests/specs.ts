// The fields of a request's form as its write body names them (src/modules/assistance-requests/
// schema.ts), the request's view as the form's values, and its links as rows.
import type { Translate } from '../../api/problems.ts';
import { COOPERATION_LINK_TARGETS } from '../../../../src/shared/vocabularies.ts';
import { asValue, type FieldSpec, type Values } from '../edits/rules.ts';
import type { Row, RowField } from './RowsEditor.tsx';
import type { AssistanceRequest } from './types.ts';

const DAY = { regex: /^\d{4}-\d{2}-\d{2}$/, reason: 'edit.rule.day' };

/** The State is chosen when the request is entered; a correction changes the rest. */
export function requestFields(t: Translate, states: [string, string][]): FieldSpec[] {
  return [
    { name: 'state', kind: 'select', label: t('requests.state'), required: true, createOnly: true, options: [['', t('edit.choose')], ...states] },
    { name: 'authority', kind: 'text', label: t('requests.authority'), hint: t('requests.hint.authority'), required: true, max: 300 },
    { name: 'received', kind: 'date', label: t('requests.received'), required: true },
    { name: 'subject', kind: 'textarea', label: t('requests.subject'), required: true, max: 4000 },
    { name: 'due', kind: 'date', label: t('requests.due'), hint: t('requests.hint.due'), pattern: DAY },
  ];
}

export const requestValues = (r: Pick<AssistanceRequest, 'authority' | 'received' | 'subject' | 'due'>): Values => ({
  authority: r.authority,
  received: r.received,
  subject: r.subject,
  due: asValue(r.due),
});

export function linkFields(t: Translate): RowField[] {
  return [
    { name: 'kind', label: t('requests.link.kind'), options: COOPERATION_LINK_TARGETS.map((k) => [k, t(`requests.linkKind.${k}`)]) },
    { name: 'ref', label: t('requests.link.ref'), hint: t('requests.hint.linkRef'), ltr: true },
    { name: 'note', label: t('col.note'), optional: true },
  ];
}

export const blankLink: Row = { kind: 'recommendation', ref: '', note: '' };

export const linkRows = (links: { kind: string; ref: string; note: string | null }[]): Row[] => links.map((l) => ({ kind: l.kind, ref: l.ref, note: l.note ?? '' }));

export function documentFields(t: Translate): RowField[] {
  return [
    { name: 'title', label: t('requests.document.title') },
    { name: 'url', label: t('requests.document.url'), hint: t('edit.source.url.hint'), ltr: true },
    { name: 'category', label: t('requests.document.category'), hint: t('requests.hint.category'), ltr: true, optional: true },
    { name: 'lang', label: t('requests.document.lang'), hint: t('requests.hint.lang'), ltr: true, optional: true },
    { name: 'date', label: t('requests.document.date'), hint: t('edit.hint.date'), ltr: true, optional: true },
  ];
}

export const blankDocument: Row = { title: '', url: '', category: '', lang: '', date: '' };

export const documentRows = (documents: { title: string; url: string; category: string | null; lang: string | null; date: string | null }[]): Row[] =>
  documents.map((d) => ({ title: d.title, url: d.url, category: d.category ?? '', lang: d.lang ?? '', date: d.date ?? '' }));
