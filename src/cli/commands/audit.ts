// `accord audit`: the audit trail, newest first, filtered; a table for people, JSON or CSV for
// programs. Records can be read here and nowhere changed.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AuditFilter } from '../../modules/audit/repository.ts';
import { auditCsvHeader, auditCsvLine, auditTrail, type AuditView } from '../../modules/audit/service.ts';
import type { AuditCommandOptions } from '../usage/audit.ts';
import { withRegistry } from '../with-db.ts';

/** `--entity dataset` or `--entity dataset:untc-html:IV-4` (the kind, then the id). */
function entityFilter(entity: string | undefined): Pick<AuditFilter, 'entityKind' | 'entityId'> {
  if (entity === undefined) return {};
  const colon = entity.indexOf(':');
  return colon < 0 ? { entityKind: entity } : { entityKind: entity.slice(0, colon), entityId: entity.slice(colon + 1) };
}

function tableLine(r: AuditView): string {
  const who = r.osUser ? `${r.actor} (${r.osUser})` : r.actor;
  const entity = r.entityId ? `${r.entityKind} ${r.entityId}` : r.entityKind;
  const why = r.reason ? `\n      reason: ${r.reason}` : '';
  return `#${r.id}  ${r.at}  ${who}  ${r.useCase} ${r.action} ${entity}\n      ${r.summary}${why}`;
}

export function runAudit(options: AuditCommandOptions): Promise<void> {
  // An unseeded database has no trail to show: say so rather than "no such table".
  return withRegistry(async (db) => {
    process.stdout.write(await auditText(db.db, options));
  });
}

export async function auditText(db: Kysely<Database>, options: AuditCommandOptions): Promise<string> {
  const records = await auditTrail(db, {
    actor: options.actor,
    useCase: options.useCase,
    requestId: options.request,
    since: options.since,
    until: options.until,
    beforeId: options.before,
    limit: options.limit,
    ...entityFilter(options.entity),
  });
  if (options.format === 'json') return `${JSON.stringify(records, null, 2)}\n`;
  if (options.format === 'csv') {
    return auditCsvHeader() + records.map(auditCsvLine).join('');
  }
  if (records.length === 0) return 'no audit records match\n';
  const more = records.length === options.limit ? `\n(${options.limit} shown; older ones: --before ${records.at(-1)!.id})` : '';
  return `${records.map(tableLine).join('\n')}${more}\n`;
}
