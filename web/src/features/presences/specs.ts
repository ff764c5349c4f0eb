// The fields of a presence's form and of a coverage period's, as their write bodies name them
// (src/modules/presences/schema.ts), and their read views as the forms' values.
import type { Translate } from '../../api/problems.ts';
import type { CoveragePeriod, PresenceDetail } from '../../api/types.ts';
import { PRESENCE_KINDS } from '../../../../src/shared/vocabularies.ts';
import { names, nameValues } from '../edits/specs.ts';
import { asValue, type FieldSpec, type Values } from '../edits/rules.ts';

export function presenceFields(t: Translate): FieldSpec[] {
  return [
    { name: 'id', kind: 'text', label: t('edit.field.id'), hint: t('edit.hint.presenceId'), required: true, createOnly: true, pattern: { regex: /^[a-z][a-z0-9-]{0,99}$/, reason: 'edit.rule.orgId' } },
    ...names('name', t('col.name'), t, true),
    { name: 'kind', kind: 'select', label: t('col.kind'), required: true, options: PRESENCE_KINDS.map((k) => [k, t(`presenceKind.${k}`)]) },
    { name: 'seatCity', kind: 'text', label: t('edit.field.seatCity'), max: 200 },
    { name: 'seatIso3', kind: 'iso3', label: t('edit.field.seatIso3'), hint: t('edit.hint.iso3') },
    { name: 'opened', kind: 'date', label: t('presence.opened') },
    { name: 'closed', kind: 'date', label: t('presence.closed') },
    { name: 'mandate', kind: 'textarea', label: t('presence.mandate'), hint: t('edit.hint.english'), max: 2000 },
  ];
}

export const presenceValues = (p: PresenceDetail): Values => ({
  ...nameValues(p.names),
  kind: p.kind,
  seatCity: asValue(p.seat.city),
  seatIso3: asValue(p.seat.iso3),
  opened: asValue(p.opened),
  closed: asValue(p.closed),
  mandate: asValue(p.mandate),
});

/** A period's State is chosen when it is entered; a correction changes its dates and note. */
export function periodFields(t: Translate, states: [string, string][]): FieldSpec[] {
  return [
    { name: 'iso3', kind: 'select', label: t('col.state'), required: true, createOnly: true, options: [['', t('edit.choose')], ...states] },
    { name: 'from', kind: 'date', label: t('presence.from'), hint: t('edit.hint.periodFrom'), required: true },
    { name: 'until', kind: 'date', label: t('presence.until'), hint: t('edit.hint.periodUntil') },
    { name: 'note', kind: 'textarea', label: t('col.note'), hint: t('edit.hint.english'), max: 2000 },
  ];
}

export const periodValues = (p: Pick<CoveragePeriod, 'from' | 'until' | 'note'>): Values => ({ from: asValue(p.from), until: asValue(p.until), note: asValue(p.note) });
