// `accord user …` and `accord token …`: accounts from the server's command line (the first
// administrator is made here); the work is in ../commands/user.ts.
import { type Command, InvalidArgumentError } from 'commander';
import { parseLang } from '../parse.ts';

export interface UserAddOptions {
  email: string;
  name?: string;
  lang: string;
  role: string[];
  reason?: string;
}

export interface TokenAddOptions {
  email: string;
  name: string;
  days: number;
  reason?: string;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseDays(value: string): number {
  const days = Number(value);
  if (!/^\d{1,3}$/.test(value) || days < 1 || days > 365) throw new InvalidArgumentError('must be a whole number of days from 1 to 365');
  return days;
}

const ROLE_HELP = 'admin, ohchr-editor, viewer, organization-editor:<id> or state-editor:<ISO3>; repeat for several';

async function work() {
  return import('../commands/user.ts');
}

export function defineUser(program: Command): void {
  const user = program.command('user').description('accounts: add, list, roles, deactivate, reset a password or second factor, erase (every change is audited)');
  user
    .command('add')
    .description('add an account; the password is read from standard input (asked twice on a terminal). An administrator gets a two-factor secret, printed once')
    .requiredOption('--email <email>', 'its e-mail address (how it signs in)')
    .option('--name <name>', 'the name shown (default: the part of the e-mail before @)')
    .option('--lang <lang>', 'its language: ar en es fr ru zh', parseLang, 'en')
    .option('--role <role>', ROLE_HELP, collect, [])
    .option('--reason <text>', 'why, for the audit trail')
    .action(async (options: UserAddOptions) => (await work()).runUserAdd(options));
  user
    .command('list')
    .description('every account, with its roles and status')
    .action(async () => (await work()).runUserList());
  user
    .command('roles')
    .description("replace an account's roles")
    .argument('<email>')
    .option('--role <role>', `${ROLE_HELP}; none removes every role`, collect, [])
    .option('--reason <text>', 'why, for the audit trail')
    .action(async (email: string, options: { role: string[]; reason?: string }) => (await work()).runUserRoles(email, options.role, options.reason));
  for (const [name, status, description] of [
    ['deactivate', 'deactivated', 'stop an account from signing in: its sessions and tokens end at once'],
    ['activate', 'active', 'let a deactivated account sign in again'],
  ] as const) {
    user
      .command(name)
      .description(description)
      .argument('<email>')
      .option('--reason <text>', 'why, for the audit trail')
      .action(async (email: string, options: { reason?: string }) => (await work()).runUserStatus(email, status, options.reason));
  }
  user
    .command('password')
    .description("reset an account's password from standard input; its sessions end")
    .argument('<email>')
    .option('--reason <text>', 'why, for the audit trail')
    .action(async (email: string, options: { reason?: string }) => (await work()).runUserPassword(email, options.reason));
  user
    .command('two-factor')
    .description('draw a new two-factor secret for an account (a lost device), printed once')
    .argument('<email>')
    .option('--reason <text>', 'why, for the audit trail')
    .action(async (email: string, options: { reason?: string }) => (await work()).runUserTwoFactor(email, options.reason));
  user
    .command('erase')
    .description("erase an account's personal data (e-mail, name, password); the audit trail keeps that it happened")
    .argument('<email>')
    .option('--reason <text>', 'why, for the audit trail')
    .action(async (email: string, options: { reason?: string }) => (await work()).runUserErase(email, options.reason));

  const token = program.command('token').description('personal API tokens (sent as Authorization: Bearer …)');
  token
    .command('add')
    .description('make a token for an account; it is printed once and only its hash is kept')
    .requiredOption('--email <email>', 'the account')
    .requiredOption('--name <name>', 'what it is for, e.g. "nightly import"')
    .option('--days <n>', 'days until it expires (1-365)', parseDays, 90)
    .option('--reason <text>', 'why, for the audit trail')
    .action(async (options: TokenAddOptions) => (await work()).runTokenAdd(options));
  token
    .command('list')
    .description("an account's tokens (never the tokens themselves)")
    .argument('<email>')
    .action(async (email: string) => (await work()).runTokenList(email));
  token
    .command('revoke')
    .description('revoke a token at once')
    .argument('<id>')
    .option('--reason <text>', 'why, for the audit trail')
    .action(async (id: string, options: { reason?: string }) => (await work()).runTokenRevoke(id, options.reason));
}
