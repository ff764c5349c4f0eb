// `accord cooperation dashboard|state`: the same services as GET /api/v1/cooperation/dashboard and
// GET /api/v1/states/{iso3}/cooperation, read through the public view unless --all. Counts that
// were never recorded print as "not recorded", never as 0.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { publicView } from '../../db/visibility.ts';
import { buildCube } from '../../modules/cooperation-dashboard/cube.ts';
import type { Dashboard } from '../../modules/cooperation-dashboard/schema.ts';
import { dashboard } from '../../modules/cooperation-dashboard/service.ts';
import { stateCooperation } from '../../modules/state-cooperation/service.ts';
import type { CooperationReadOptions, DashboardOptions } from '../usage/cooperation.ts';
import { withRegistry } from '../with-db.ts';

function reader(db: Kysely<Database>, options: CooperationReadOptions): Kysely<Database> {
  return options.all ? db : publicView(db);
}

/** Says whose view the figures are: requests are restricted by default, so the public sees few. */
const scope = (options: CooperationReadOptions) => (options.all ? 'all records, restricted ones included' : 'public records only (--all adds internal and restricted ones)');

const sum = (cells: { year: string; count: number }[], year: string) => cells.filter((c) => c.year === year).reduce((n, c) => n + c.count, 0);

/** One line a year: what the dashboard's charts show. */
function dashboardTable(d: Dashboard): string {
  const header = ['year', 'requests', 'projects', 'events', 'participants', 'budget lines'];
  const rows = d.years.map((year) => {
    const people = d.participants.find((p) => p.year === year);
    const funds = d.funds.filter((f) => f.year === year).map((f) => `${f.amount} ${f.currency} (${f.fundingSource})`);
    return [
      year,
      String(sum(d.requests.byStatus, year)),
      String(sum(d.projects.byStatus, year)),
      String(sum(d.events.byKind, year)),
      people?.headcount == null ? 'not recorded' : `${people.headcount}${people.eventsWithoutCounts ? ` (${people.eventsWithoutCounts} events not counted)` : ''}`,
      funds.join('; ') || '-',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

export function runDashboard(options: DashboardOptions): Promise<void> {
  return withRegistry(async (db) => {
    const view = reader(db.db, options);
    const answer = await dashboard(view, () => buildCube(view), { region: options.region, from: options.from, to: options.to }, options.lang);
    if (options.format === 'json') process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
    else process.stdout.write(`${scope(options)}\n${answer.years.length ? dashboardTable(answer) : 'no records of the programme match'}\n`);
  });
}

export function runStateCooperation(iso3: string, options: CooperationReadOptions): Promise<void> {
  return withRegistry(async (db) => {
    const history = await stateCooperation(reader(db.db, options), iso3.toUpperCase(), options.lang);
    if (options.format === 'json') {
      process.stdout.write(`${JSON.stringify(history, null, 2)}\n`);
      return;
    }
    const section = (title: string, lines: string[]) => `${title} (${lines.length})\n${lines.map((l) => `  ${l}`).join('\n') || '  none recorded'}`;
    const text = [
      `${history.name} [${history.iso3}]: ${scope(options)}`,
      section(
        'requests',
        history.requests.map((r) => `${r.received}  ${r.status}  ${r.subject}  [${r.id}]`),
      ),
      section(
        'projects',
        history.projects.map((p) => `${p.start ?? '?'}–${p.end ?? '?'}  ${p.status}  ${p.title}  [${p.id}]`),
      ),
      section(
        'events',
        history.events.map((e) => `${e.start}  ${e.hosted ? 'held here' : `participants: ${e.participantsFromState ?? 'not recorded'}`}  ${e.title}  [${e.id}]`),
      ),
      section(
        'presences covering it',
        history.presences.map((p) => `${p.from ?? 'start not known'} – ${p.until ?? ''}  ${p.name}  [${p.id}]`),
      ),
      section(
        'recommendations answered',
        history.recommendations.map((r) => `${r.date ?? '?'}  ${r.text.slice(0, 100)}  [${r.id}]`),
      ),
    ];
    process.stdout.write(`${text.join('\n')}\n`);
  });
}
