// The source of a change, found among those the registry holds: the editor types words of its
// title, its address or its code, and the API answers with the first matches (GET
// /sources?q=&limit=), asked once typing pauses, so the form never loads every source (there
// will be tens of thousands). The matches are radio buttons, which keyboards and screen readers
// know: arrow keys move between them, and Enter or Down in the search box goes to them. The
// source chosen stays listed, checked, whatever is typed next.
import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { getJson } from '../../api/client.ts';
import type { Page, SourceEntry } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorState } from '../../components/PageState.tsx';
import { SourceFacts } from '../../components/Sources.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Messages, type ProblemsOf, useMessages } from './field-problems.tsx';
import type { SourceDraft } from './rules.ts';

/** Matches shown at once: enough to choose from, few enough to read; more words narrow them. */
const SHOWN = 10;
const TYPING_PAUSE_MS = 250;

export function SourceSearch({ source, onChange, problems }: { source: SourceDraft; onChange: (s: SourceDraft) => void; problems: ProblemsOf }) {
  const { t } = useI18n();
  const id = useId();
  // Back in this mode after choosing one: its code finds it again.
  const [query, setQuery] = useState(source.id);
  const [chosen, setChosen] = useState<SourceEntry>();
  const asked = useDebounced(query.trim(), TYPING_PAUSE_MS);
  const found = useApi(`sources|q=${asked}|${SHOWN}`, (signal) => getJson<Page<SourceEntry>>('/sources', { q: asked, limit: SHOWN }, signal), { subject: 'sources|search' });
  const results = found.data?.items ?? [];
  const keepChosen = chosen !== undefined && chosen.id === source.id && !results.some((s) => s.id === chosen.id);
  const listed = keepChosen ? [chosen, ...results] : results;
  const messages = useMessages(problems, 'source');
  const list = useRef<HTMLFieldSetElement>(null);

  const toList = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' && event.key !== 'ArrowDown') return;
    event.preventDefault(); // Enter here would send the whole form
    (list.current?.querySelector<HTMLInputElement>('input:checked') ?? list.current?.querySelector<HTMLInputElement>('input'))?.focus();
  };
  const pick = (entry: SourceEntry) => {
    setChosen(entry);
    onChange({ ...source, id: entry.id });
  };

  let status = t('status.loading');
  if (found.data?.total === 0) status = t('edit.source.noMatch');
  else if (found.data && found.data.total > found.data.items.length) status = t('edit.source.more', { count: found.data.total, shown: found.data.items.length });
  else if (found.data) status = t('edit.source.matches', { count: found.data.total });

  return (
    <>
      <div className="form-field">
        <label htmlFor={`${id}-q`}>{t('edit.source.search')}</label>
        <span id={`${id}-hint`} className="hint">
          {t('edit.source.search.hint')}
        </span>
        <input
          id={`${id}-q`}
          type="search"
          value={query}
          maxLength={200}
          autoComplete="off"
          aria-invalid={messages.length ? true : undefined}
          aria-describedby={[`${id}-hint`, messages.length ? `${id}-error` : ''].filter(Boolean).join(' ')}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={toList}
        />
        <Messages id={`${id}-error`} messages={messages} />
      </div>
      <fieldset ref={list} className="choice source-results" aria-describedby={found.error ? undefined : `${id}-status`}>
        <legend>{t('edit.source.pick')}</legend>
        {found.error ? (
          <ErrorState error={found.error} retry={found.retry} />
        ) : (
          <p id={`${id}-status`} className="hint" aria-live="polite">
            {status}
          </p>
        )}
        {listed.map((s, i) => (
          <div key={s.id} className="choice-option">
            <input type="radio" id={`${id}-${i}`} name={`${id}-source`} value={s.id} checked={source.id === s.id} aria-describedby={`${id}-${i}-facts`} onChange={() => pick(s)} />
            <label htmlFor={`${id}-${i}`}>
              <span lang="en" dir="ltr">
                {s.title}
              </span>
            </label>
            <span id={`${id}-${i}-facts`} className="hint">
              <SourceFacts source={s} /> · <bdi className="url">{s.url}</bdi>
            </span>
          </div>
        ))}
      </fieldset>
    </>
  );
}
