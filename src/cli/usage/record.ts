// `accord record create|update|delete <kind> …`: the registry's editing use cases from the command
// line, with the same JSON bodies as the API (docs/openapi.json); the work is in ../commands/record.ts.
import { type Command, InvalidArgumentError } from 'commander';
import { choice } from '../parse.ts';

export const CLI_RECORD_KINDS = [
  'organization',
  'membership-event',
  'instrument',
  'mechanism',
  'treaty-action',
  'presence',
  'coverage-period',
  'request',
  'request-step',
  'project',
  'funding-agreement',
  'event',
  'event-series',
  'exchange',
  'exchange-series',
  'obstacle',
  'strategy',
] as const;
export type CliRecordKind = (typeof CLI_RECORD_KINDS)[number];

export interface RecordWriteOptions {
  body?: string;
  ifVersion?: number;
  reason?: string;
}

function parseVersion(value: string): number {
  if (!/^\d{1,9}$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('must be a version number (1 or more)');
  return Number(value);
}

async function work() {
  return import('../commands/record.ts');
}

const IDS =
  'organization: au; membership-event: au/KEN/1001; instrument: ACHPR; mechanism: ACHPR-COMM; treaty-action: edit:ACHPR/1; presence: ro-europe; coverage-period: ro-europe/1001; request, project, funding-agreement, event, event-series, exchange, exchange-series, obstacle, strategy: their id';

const kindArgument = ['<kind>', CLI_RECORD_KINDS.join(', ')] as const;

export function defineRecord(program: Command): void {
  const record = program
    .command('record')
    .description(
      'enter, correct or delete a record of the registry (organizations, membership events, instruments, mechanisms, treaty acts, presences and their coverage periods) or of the technical-cooperation programme (requests and their workflow steps, projects, funding agreements, events and their series), exchanges of UN bodies with regional organizations and their series, and the obstacles to ratification with their strategies, audited, with its source',
    );
  record
    .command('create')
    .description(
      'enter a record: --body is the JSON body of the API (POST), with its "source"; a membership event names its organization in "organizationId", a coverage period its presence in "presenceId"; a request-step (a move along the workflow: "status", "date", "reason") its request in "requestId", at --if-version or the request as it is now; a strategy its obstacle in "obstacleId"',
    )
    .argument(...kindArgument, choice(CLI_RECORD_KINDS, 'kind'))
    .requiredOption('--body <file>', 'a JSON file, or - for standard input')
    .option('--if-version <n>', "request-step only: the request's version the move is based on", parseVersion)
    .option('--reason <text>', 'why, for the audit trail')
    .action(async (kind: CliRecordKind, options: RecordWriteOptions) => (await work()).runRecordCreate(kind, options));
  record
    .command('update')
    .description('correct a record: --body is the JSON body of the API (PATCH), with its "source"')
    .argument(...kindArgument, choice(CLI_RECORD_KINDS, 'kind'))
    .argument('<id>', IDS)
    .requiredOption('--body <file>', 'a JSON file, or - for standard input')
    .option('--if-version <n>', 'the version the change is based on (default: the record as it is now)', parseVersion)
    .option('--reason <text>', 'why, for the audit trail')
    .action(async (kind: CliRecordKind, id: string, options: RecordWriteOptions) => (await work()).runRecordUpdate(kind, id, options));
  record
    .command('delete')
    .description(
      'delete a membership event, a treaty act, a coverage period, a request, a project, a funding agreement, an event, an exchange, an obstacle or a strategy entered in Accord (shipped records are corrected, never deleted)',
    )
    .argument(...kindArgument, choice(CLI_RECORD_KINDS, 'kind'))
    .argument('<id>', IDS)
    .option('--if-version <n>', 'the version the deletion is based on (default: the record as it is now)', parseVersion)
    .option('--reason <text>', 'why, for the audit trail')
    .action(async (kind: CliRecordKind, id: string, options: RecordWriteOptions) => (await work()).runRecordDelete(kind, id, options));
}
