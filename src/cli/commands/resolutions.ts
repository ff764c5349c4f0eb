// `accord resolutions list|mandates|calendar|mandate`: the API's answers on standard output, read
// through the public view unless --all; a mandate moved through its use case as system:cli.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { publicView } from '../../db/visibility.ts';
import { systemContext } from '../../modules/audit/context.ts';
import { findMandate } from '../../modules/resolutions/repository.ts';
import { mandateCalendar, mandateItems, type MandateView, resolutionItems } from '../../modules/resolutions/service.ts';
import { updateMandate } from '../../modules/resolutions/write.ts';
import { today } from '../../shared/dates.ts';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import type { MandateListOptions, MandateUpdateOptions, ResolutionListOptions } from '../usage/resolutions.ts';
import { withRegistry } from '../with-db.ts';
import { readBody } from './record.ts';

const reader = (db: Kysely<Database>, options: { all?: boolean }) => (options.all ? db : publicView(db));
const json = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
const shown = (count: number, total: number) => (total > count ? `\n(${count} of ${total} shown: --limit)` : '');

export function runResolutionList(options: ResolutionListOptions): Promise<void> {
  return withRegistry(async (db) => {
    const all = await resolutionItems(db.db, { q: options.q });
    const items = all.slice(0, options.limit);
    if (options.format === 'json') return void json({ items, total: all.length });
    if (items.length === 0) return void process.stdout.write('no resolution matches (accord import resolution <file|folder> imports them)\n');
    const lines = items.map((r) => `${(r.adoptedOn ?? 'undated').padEnd(10)}  ${r.key.padEnd(46)}  ${r.title ?? '(no title printed)'}  [${r.id}]${r.doubts ? ` ${r.doubts} doubts` : ''}`);
    process.stdout.write(`${lines.join('\n')}${shown(items.length, all.length)}\n`);
  });
}

const filterOf = (o: MandateListOptions) => ({ status: o.status, addressee: o.addressee, resolution: o.resolution });

function dueOf(m: MandateView): string {
  if (m.due.session !== null) return `${m.due.body}, session ${m.due.session}${m.due.endsBy ? ` (over by ${m.due.endsBy})` : ''}`;
  return m.due.date ? `by ${m.due.date}` : 'no deadline stated';
}

function mandateLine(m: MandateView): string {
  const overdue = m.overdue === true ? 'OVERDUE ' : '';
  return `${overdue}${m.status.padEnd(11)}  ${m.ref}  ${m.verb} · ${m.addressee} — ${dueOf(m)}${m.answers.length + m.answeredBy.length ? `; answered by ${m.answers.length + m.answeredBy.length}` : ''}`;
}

export function runMandateList(options: MandateListOptions): Promise<void> {
  return withRegistry(async (db) => {
    const asOf = options.asOf ?? today();
    const all = await mandateItems(reader(db.db, options), { ...filterOf(options), overdue: options.overdue ? true : undefined }, asOf);
    const items = all.slice(0, options.limit);
    if (options.format === 'json') return void json({ asOf, items, total: all.length });
    if (items.length === 0) return void process.stdout.write(`no mandate matches at ${asOf}\n`);
    process.stdout.write(`${items.map(mandateLine).join('\n')}${shown(items.length, all.length)}\n`);
  });
}

export function runMandateCalendar(options: MandateListOptions): Promise<void> {
  return withRegistry(async (db) => {
    const calendar = await mandateCalendar(reader(db.db, options), filterOf(options), options.asOf ?? today());
    if (options.format === 'json') return void json(calendar);
    if (calendar.groups.length === 0) return void process.stdout.write('no mandate\n');
    const blocks = calendar.groups.map((g) => {
      const when = g.session !== null ? `${g.body}, session ${g.session}` : g.date ? `by ${g.date}` : 'no deadline stated';
      const ends = g.session !== null ? (g.endsBy ? ` (over by ${g.endsBy})` : ' (when it ends is not known)') : '';
      return [`${when}${ends}: ${g.mandates.length} due, ${g.overdue} overdue at ${calendar.asOf}`, ...g.mandates.map((m) => `  ${mandateLine(m)}`)].join('\n');
    });
    process.stdout.write(`${blocks.join('\n\n')}\n`);
  });
}

export function runMandateUpdate(id: string, options: MandateUpdateOptions): Promise<void> {
  return withRegistry(async (db) => {
    const body = readBody(options.body ?? '-');
    if (options.ifVersion !== undefined && !/^[1-9]\d{0,8}$/.test(options.ifVersion))
      throw new ValidationError('--if-version is not a version', [{ parameter: 'if-version', reason: 'must be a version number (1 or more)' }]);
    const row = await findMandate(db.db, id);
    if (!row) throw new NotFoundError('mandate', id);
    const expectedVersion = options.ifVersion ? Number(options.ifVersion) : row.row_version;
    const result = await updateMandate(db.db, { id, expectedVersion, body }, systemContext('cli', options.reason ?? null));
    process.stdout.write(
      result.changed.length ? `mandate ${id}: ${result.changed.join(', ')} changed, now version ${result.version}\n` : `mandate ${id}: nothing changed (version ${result.version})\n`,
    );
  });
}
