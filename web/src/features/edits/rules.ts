// What an edit form checks before it sends anything, by the rules the API checks the same
// bodies with (src/modules/edits/schema.ts and each feature's schema): required fields, dates
// as YYYY[-MM[-DD]], the day a source was consulted, web addresses, codes. Each problem names
// the field as the API's details do (`date`, `source.url`, `audience`), with a dictionary key
// for its reason, so the page says it in its own language. Pure functions, tested without a browser.
import { isValidDay, isValidPartialDate, today } from '../../../../src/shared/dates.ts';
import { isSourceAddress, isWebAddress } from '../../../../src/shared/source-address.ts';

export type FieldKind = 'text' | 'textarea' | 'date' | 'url' | 'iso3' | 'select' | 'boolean' | 'codes';

export interface FieldSpec {
  /** The field as the write body names it; a dot nests it (`name.en`). */
  name: string;
  kind: FieldKind;
  label: string;
  hint?: string;
  required?: boolean;
  /** For a select: value and label; '' stands for "none" (null). */
  options?: [string, string][];
  max?: number;
  /** A rule of its own (an id's form): the test and the dictionary key of its reason. */
  pattern?: { regex: RegExp; reason: string };
  /** Only when a record is created (ids, names). */
  createOnly?: boolean;
  /** Only when the other values call for it (a declaration's procedure); hidden, it counts as empty. */
  shownIf?: (values: Values) => boolean;
}

/** The form's values, every one a string: booleans 'true'/'false', lists comma-separated. */
export type Values = Record<string, string>;

/** The values as the form sends them: a field hidden by the others (shownIf) is empty, so a
 *  correction that hides a field the record had filled in empties it. */
export function shownValues(fields: FieldSpec[], values: Values): Values {
  const hidden = fields.filter((f) => f.shownIf && !f.shownIf(values));
  return { ...values, ...Object.fromEntries(hidden.map((f) => [f.name, ''])) };
}

/** A problem found before sending: the field's path and the dictionary key of its reason. */
export interface RuleProblem {
  field: string;
  reason: string;
  vars?: Record<string, string | number>;
}

const CODE = /^[A-Z0-9][A-Z0-9-]{0,49}$/;

export function fieldProblems(fields: FieldSpec[], values: Values): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const field of fields) {
    const value = (values[field.name] ?? '').trim();
    if (value === '') {
      if (field.required) problems.push({ field: field.name, reason: 'edit.rule.required' });
      continue;
    }
    if (field.max !== undefined && value.length > field.max) problems.push({ field: field.name, reason: 'edit.rule.tooLong', vars: { max: field.max } });
    else if (field.kind === 'date' && !isValidPartialDate(value)) problems.push({ field: field.name, reason: 'edit.rule.partialDate' });
    else if (field.kind === 'url' && !isWebAddress(value)) problems.push({ field: field.name, reason: 'edit.rule.web' });
    else if (field.kind === 'iso3' && !/^[A-Z]{3}$/.test(value)) problems.push({ field: field.name, reason: 'edit.rule.iso3' });
    else if (field.kind === 'codes' && !codesOf(value).every((c) => CODE.test(c))) problems.push({ field: field.name, reason: 'edit.rule.codes' });
    else if (field.pattern && !field.pattern.regex.test(value)) problems.push({ field: field.name, reason: field.pattern.reason });
  }
  return problems;
}

export function codesOf(value: string): string[] {
  return value
    .split(/[\s,;]+/)
    .map((c) => c.trim())
    .filter(Boolean);
}

/** The source of the change: one the registry holds (by id), or a new one. */
export interface SourceDraft {
  mode: 'existing' | 'new';
  id: string;
  title: string;
  url: string;
  kind: string;
  retrieved: string;
  asOf: string;
}

export const emptySource = (): SourceDraft => ({ mode: 'new', id: '', title: '', url: '', kind: '', retrieved: today(), asOf: '' });

export function sourceProblems(source: SourceDraft): RuleProblem[] {
  if (source.mode === 'existing') return source.id ? [] : [{ field: 'source', reason: 'edit.rule.pickSource' }];
  const problems: RuleProblem[] = [];
  if (!source.title.trim()) problems.push({ field: 'source.title', reason: 'edit.rule.required' });
  else if (source.title.trim().length > 500) problems.push({ field: 'source.title', reason: 'edit.rule.tooLong', vars: { max: 500 } });
  if (!source.url.trim()) problems.push({ field: 'source.url', reason: 'edit.rule.required' });
  else if (!isSourceAddress(source.url.trim())) problems.push({ field: 'source.url', reason: 'edit.rule.sourceAddress' });
  if (!source.kind) problems.push({ field: 'source.kind', reason: 'edit.rule.required' });
  const retrieved = source.retrieved.trim();
  if (!retrieved) problems.push({ field: 'source.retrieved', reason: 'edit.rule.required' });
  else if (!isValidDay(retrieved)) problems.push({ field: 'source.retrieved', reason: 'edit.rule.day' });
  else if (retrieved > today()) problems.push({ field: 'source.retrieved', reason: 'edit.rule.future' });
  if (source.asOf.trim() && !isValidPartialDate(source.asOf.trim())) problems.push({ field: 'source.asOf', reason: 'edit.rule.partialDate' });
  return problems;
}

export function sourceBody(source: SourceDraft): string | Record<string, string> {
  if (source.mode === 'existing') return source.id;
  return {
    title: source.title.trim(),
    url: source.url.trim(),
    kind: source.kind,
    retrieved: source.retrieved.trim(),
    ...(source.asOf.trim() ? { asOf: source.asOf.trim() } : {}),
  };
}

/** Who may see the record; '' on an update leaves it as it is. */
export interface AccessDraft {
  level: '' | 'public' | 'internal' | 'restricted';
  audience: string[];
}

export function accessProblems(access: AccessDraft): RuleProblem[] {
  return access.level === 'restricted' && access.audience.length === 0 ? [{ field: 'audience', reason: 'edit.rule.audience' }] : [];
}

/** What the body says of who may see the record. On an update, only a change of what the record
 *  had (`initial`): applying one's changes again after a 412 then keeps another editor's change of it. */
export function accessBody(access: AccessDraft, initial?: AccessDraft): { confidentiality?: string; audience?: string[] } {
  if (!access.level) return {};
  const body = { confidentiality: access.level, audience: access.level === 'restricted' ? access.audience : [] };
  if (initial && initial.level === body.confidentiality && JSON.stringify(initial.level === 'restricted' ? initial.audience : []) === JSON.stringify(body.audience)) return {};
  return body;
}

function bodyValue(field: FieldSpec, raw: string): unknown {
  const value = raw.trim();
  if (field.kind === 'boolean') return value === 'true';
  if (value === '') return null;
  if (field.kind === 'codes') return codesOf(value);
  return value;
}

function put(body: Record<string, unknown>, path: string, value: unknown): void {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) {
    body[head!] = value;
    return;
  }
  if (typeof body[head!] !== 'object' || body[head!] === null) body[head!] = {};
  put(body[head!] as Record<string, unknown>, rest.join('.'), value);
}

/** The body of a create: every field filled in (empty optional ones left out). */
export function createBody(fields: FieldSpec[], values: Values): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const value = bodyValue(field, values[field.name] ?? '');
    if (value !== null) put(body, field.name, value);
  }
  return body;
}

/** The body of an update: only the fields changed since the record was read (emptied: null). */
export function updateBody(fields: FieldSpec[], values: Values, initial: Values): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.createOnly) continue;
    if ((values[field.name] ?? '').trim() === (initial[field.name] ?? '').trim()) continue;
    put(body, field.name, bodyValue(field, values[field.name] ?? ''));
  }
  return body;
}

/** The fields whose value in `a` differs from `b` (to show what someone else changed). */
export function differing(fields: FieldSpec[], a: Values, b: Values): FieldSpec[] {
  return fields.filter((f) => !f.createOnly && (a[f.name] ?? '').trim() !== (b[f.name] ?? '').trim());
}

/** A value of the API (a view, an audit record) as a form's string. */
export function asValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}
