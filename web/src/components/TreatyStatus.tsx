// A treaty status and the acts behind it, the same on every page: the status as a symbol and
// a word (never colour alone), each act with its date as precisely as the source gives it (a
// year stays a year), when it takes effect, and its sources.
import { Link } from 'react-router';
import type { Source, TreatyAction, TreatyDeclaration, TreatyStatus } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { FactDate } from './FactDate.tsx';
import { Sources, uniqueSources } from './Sources.tsx';

export { TREATY_STATUSES } from '../../../src/modules/treaty-status/status.ts';

/** Shapes that tell the statuses apart in print and for colour-blind readers. */
export const STATUS_SYMBOLS: Record<TreatyStatus, string> = { party: '●', yearOnly: '◐', signatory: '○', withdrawn: '⊘', none: '–' };

/** Map and chart colours; the blues say "bound", the light orange "signed only", red "left". */
export const STATUS_COLOURS: Record<TreatyStatus, string> = {
  party: '#08519c',
  yearOnly: '#6baed6',
  signatory: '#fdb863',
  withdrawn: '#b2182b',
  none: '#e4dfee',
};

export function StatusLabel({ status }: { status: TreatyStatus }) {
  const { t } = useI18n();
  return (
    <span className="treaty-status" data-status={status}>
      <span className="status-symbol" aria-hidden="true">
        {STATUS_SYMBOLS[status]}
      </span>{' '}
      {t(`treaty.status.${status}`)}
    </span>
  );
}

type Act = TreatyAction | TreatyDeclaration;
export type SourceIndex = Record<string, Source>;

/** An act's sources: where the act is recorded, and the article its date of effect follows. */
export function actSources(act: Act, index: SourceIndex): Source[] {
  const ids = [...act.sourceIds, ...(act.effectiveRule?.sourceIds ?? [])];
  return uniqueSources(ids.flatMap((id) => (index[id] ? [index[id]] : [])));
}

export function allSources(acts: Act[], index: SourceIndex): Source[] {
  return uniqueSources(acts.flatMap((a) => actSources(a, index)));
}

/** One act as plain text for exports: stable English codes and ISO dates. */
export function actText(act: Act): string {
  const effective = act.effective && act.effective !== act.date ? ` (effective ${act.effective}${act.effectiveRule ? `, ${act.effectiveRule.article}` : ''})` : '';
  const withdrawal = act.kind === 'declaration-withdraw';
  const inForce = 'inForce' in act ? ` [${act.inForce ? (withdrawal ? 'in effect' : 'in force') : withdrawal ? 'not yet in effect' : 'not in force'}]` : '';
  return `${act.kind} ${act.date ?? 'undated'}${effective}${inForce}`;
}

/** A kind the dictionaries do not know yet (a new source) is shown as its code rather than as a key. */
export function kindName(kind: string, t: (key: string) => string): string {
  const name = t(`treaty.kind.${kind}`);
  return name === `treaty.kind.${kind}` ? kind : name;
}

/** "In force" for an acceptance; for its withdrawal, whether the withdrawal has taken effect. */
function inForceKey(declaration: TreatyDeclaration): string {
  if (declaration.kind === 'declaration-withdraw') return declaration.inForce ? 'treaty.withdrawalInEffect' : 'treaty.withdrawalPending';
  return declaration.inForce ? 'treaty.inForce' : 'treaty.notInForce';
}

export function ActList({ acts, sources }: { acts: Act[]; sources: SourceIndex }) {
  const { t, date } = useI18n();
  if (acts.length === 0) return <span className="muted">–</span>;
  return (
    <ul className="events acts">
      {acts.map((a, i) => (
        <li key={i} data-kind={a.kind}>
          {kindName(a.kind, t)} <FactDate value={a.date} />
          {a.effective && a.effective !== a.date && (
            <span className="muted small">
              {' '}
              · {a.effectiveRule ? t('treaty.effectiveByRule', { date: date(a.effective), article: a.effectiveRule.article }) : t('treaty.effective', { date: date(a.effective) })}
            </span>
          )}
          {'inForce' in a && <span className={a.inForce ? 'badge in-force' : 'badge'}>{t(inForceKey(a))}</span>} <Sources sources={actSources(a, sources)} />
        </li>
      ))}
    </ul>
  );
}

/** "Sources disagree about this: n", with a link to the data-quality list filtered to it. */
export function ConflictsNote({ count, message, filter, value }: { count: number; message: string; filter: 't.state' | 't.instrument'; value: string }) {
  const { t, href } = useI18n();
  if (count === 0) return null;
  return (
    <p className="note">
      {message} <Link to={`${href('/data-quality')}?${filter}=${encodeURIComponent(value)}`}>{t('treaty.conflictsLink')}</Link>
    </p>
  );
}
