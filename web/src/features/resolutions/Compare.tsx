// How a resolution's paragraphs changed from another text of its family (GET
// /api/v1/resolutions/{id}/compare?with=<other>): the paragraphs the API aligned, each with its
// anchors in both texts, how alike they are, and its words kept, added or removed. Added and
// removed words are underlined or struck through and named in words for screen readers, not
// told by colour alone.
import { useId } from 'react';
import { getJson } from '../../api/client.ts';
import type { ResolutionComparison } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { Loading } from '../../components/PageState.tsx';
import { useQueryParam } from '../../components/useQueryParam.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type Pair = ResolutionComparison['pairs'][number];

export interface FamilyMember {
  id: string;
  key: string;
  title: string | null;
}

function Part({ part }: { part: Pair['parts'][number] }) {
  const { t } = useI18n();
  if (part.kind === 'same') return <span>{part.text}</span>;
  const Mark = part.kind === 'added' ? 'ins' : 'del';
  return (
    <Mark>
      <span className="visually-hidden">[{t(part.kind === 'added' ? 'compare.addedStart' : 'compare.removedStart')}] </span>
      {part.text}
      <span className="visually-hidden"> [{t('compare.end')}]</span>
    </Mark>
  );
}

/** The parts joined: the API keeps the spaces in them, so the earlier and later texts read whole. */
function Parts({ parts }: { parts: Pair['parts'] }) {
  return (
    <>
      {parts.map((part, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed comparison, in order
        <Part key={i} part={part} />
      ))}
    </>
  );
}

/** A symbol inside a sentence, isolated (FSI…PDI) so its slashes stay in place in Arabic. */
const isolated = (text: string) => `\u2068${text}\u2069`;

export function Compare({ id, members, lang }: { id: string; members: FamilyMember[]; lang: string }) {
  const { t, number } = useI18n();
  const selectId = useId();
  const [other, setOther] = useQueryParam('compare');
  const chosen = members.some((m) => m.id === other) ? other : '';
  const loaded = useApi(chosen ? `compare|${id}|${chosen}` : null, (signal) => getJson<ResolutionComparison>(`/resolutions/${encodeURIComponent(id)}/compare`, { with: chosen }, signal));
  return (
    <section aria-labelledby="compare-title" className="compare">
      <h2 id="compare-title">{t('compare.title')}</h2>
      {members.length === 0 ? (
        <p className="muted">{t('compare.noMembers')}</p>
      ) : (
        <>
          <div className="form-field">
            <label htmlFor={selectId}>{t('compare.with')}</label>
            <select id={selectId} value={chosen} onChange={(e) => setOther(e.target.value)}>
              <option value="">{t('compare.choose')}</option>
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.key}
                  {m.title ? ` — ${m.title}` : ''}
                </option>
              ))}
            </select>
          </div>
          <p className="legend small">
            {t('compare.legend')} <ins>{t('compare.added')}</ins> · <del>{t('compare.removed')}</del>
          </p>
        </>
      )}
      {chosen && loaded.error && (
        <p className="page-state error" role="alert">
          {t('compare.unavailable')}
        </p>
      )}
      {chosen && !loaded.error && !loaded.data && <Loading />}
      {chosen && loaded.data && (
        <>
          <p className="summary">{t('compare.between', { earlier: isolated(loaded.data.earlier.key), later: isolated(loaded.data.later.key) })}</p>
          <ol className="plain-list compare-pairs">
            {loaded.data.pairs.map((pair) => (
              <li key={`${pair.earlier ?? '-'} ${pair.later ?? '-'}`} className={`compare-pair ${pair.change}`}>
                <p className="small">
                  <strong>{t(`compare.change.${pair.change}`)}</strong>
                  {pair.moved && <> · {t('compare.moved')}</>}{' '}
                  <span dir="ltr">
                    {pair.earlier ?? '—'} → {pair.later ?? '—'}
                  </span>{' '}
                  <span className="muted">{t('compare.similarity', { percent: number(Math.round(pair.similarity * 100)) })}</span>
                </p>
                <p lang={lang} dir={lang === 'ar' ? 'rtl' : 'ltr'}>
                  <Parts parts={pair.parts} />
                </p>
                {pair.note && (
                  <p className="small muted" lang="en" dir="ltr">
                    {pair.note}
                  </p>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
