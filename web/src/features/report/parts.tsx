// Parts the report's pages share: the preview of a generated document in a sandboxed frame, the
// download links, the problems shown beside the settings, a section's text as the drafter wrote
// it, and a word-level difference.
import { type MouseEvent, useEffect, useState } from 'react';
import { ApiError, apiUrl, errorOf, networkError, type Params } from '../../api/client.ts';
import { isolate } from '../../components/bidi.ts';
import { Loading } from '../../components/PageState.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { type SettingProblems, settingOfProblem } from './settings.ts';
import type { ShownProblems } from './SettingsFields.tsx';
import type { DiffPart } from './types.ts';

export const FORMATS = ['docx', 'pdf', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/** The page's own problems and those the API named, by setting. A field left empty is said to
 *  be so only once the reader has tried to send (`tried`); one filled in wrongly, at once. */
export function shownProblems(local: SettingProblems, tried: boolean, apiError: unknown): ShownProblems {
  const shown: ShownProblems = {};
  for (const [name, key] of Object.entries(local)) if (tried || key !== 'report.problem.required') shown[name as keyof ShownProblems] = [{ key }];
  if (apiError instanceof ApiError) {
    for (const problem of apiError.details) {
      const name = settingOfProblem(problem);
      if (name) shown[name] = [...(shown[name] ?? []), { english: problem.reason }];
    }
  }
  return shown;
}

/** A problem the API answered, with its message and the parameters it names (in English). */
export function ApiProblem({ error, lead, retry }: { error: Error; lead: string; retry?: () => void }) {
  const { t } = useI18n();
  const details = error instanceof ApiError ? error.details : [];
  const busy = error instanceof ApiError && error.status === 503;
  return (
    <div className="page-state error" role="alert">
      <p>
        <strong>{busy ? t('report.busy') : lead}</strong>{' '}
        <span lang="en" dir="ltr">
          {error.message}
        </span>
      </p>
      {details.length > 0 && (
        <ul>
          {details.map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the API's list, in its order
            <li key={i} lang="en" dir="ltr">
              {(d.parameter ?? d.field) ? `${d.parameter ?? d.field}: ` : ''}
              {d.reason}
            </li>
          ))}
        </ul>
      )}
      {retry && (
        <button type="button" onClick={retry}>
          {t('status.retry')}
        </button>
      )}
    </div>
  );
}

/** Asks the API for the document and reads the answer, only to learn whether it refuses and why. */
async function check(url: string, signal: AbortSignal): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { Accept: 'text/html' }, cache: 'no-store' });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw networkError();
  }
  if (!response.ok) throw await errorOf(response);
  await response.arrayBuffer();
}

/** The generated document in a frame that may run nothing (sandbox=""). The frame loads the
 *  API's address itself rather than a srcdoc or blob: those would take on the app's Content
 *  Security Policy, which refuses the document's inline CSS. A frame cannot tell whether its
 *  address was refused, so the same address is read beside it: while either loads, a loading
 *  line (the frame kept out of sight); on refusal, the API's message; never an empty frame.
 *  `url` null shows nothing (no preview asked for); a new `stamp` (a draft's version) reads it again. */
export function Preview({ url, title, onError, stamp = '' }: { url: string | null; title: string; onError?: (error: Error | undefined) => void; stamp?: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<{ url: string | null; checked?: boolean; framed?: boolean; error?: Error }>({ url: null });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the address and the attempt say when to read again
  useEffect(() => {
    if (!url) return;
    setState({ url });
    onError?.(undefined);
    const controller = new AbortController();
    check(url, controller.signal).then(
      () => !controller.signal.aborted && setState((s) => (s.url === url ? { ...s, checked: true } : s)),
      (error: Error) => {
        if (controller.signal.aborted || error.name === 'AbortError') return;
        setState({ url, error });
        onError?.(error);
      },
    );
    return () => controller.abort();
  }, [url, attempt, stamp]);
  if (!url) return null;
  const current = state.url === url;
  const ready = current && state.checked && state.framed;
  return (
    <section className="report-preview" aria-labelledby="report-preview-title" aria-busy={!ready && !(current && state.error)}>
      <h2 id="report-preview-title" tabIndex={-1}>
        {t('report.preview.title')}
      </h2>
      {current && state.error ? (
        <ApiProblem error={state.error} lead={t('report.preview.failed')} retry={() => setAttempt((n) => n + 1)} />
      ) : (
        <>
          {!ready && <Loading />}
          <iframe
            key={`${url}|${attempt}|${stamp}`}
            className="report-frame"
            sandbox=""
            src={url}
            title={title}
            hidden={!ready}
            onLoad={() => setState((s) => (s.url === url ? { ...s, framed: true } : s))}
          />
        </>
      )}
    </section>
  );
}

/** The file name the API gives in Content-Disposition, else a plain one. */
function fileNameOf(response: Response, format: Format): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '');
  return match?.[1] ?? `report.${format}`;
}

/** One link per format to the document the API writes. A link works as a link (opened, copied,
 *  saved without script); a click reads the file first, so that while a PDF is printed the
 *  reader is told it is coming, and a refusal (a 503 when the PDF printer is busy or missing) is
 *  said here instead of ending as a failed download. */
export function Downloads({ path, params, label }: { path: string; params: Params; label?: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<{ busy?: Format; error?: Error }>({});
  const download = async (event: MouseEvent<HTMLAnchorElement>, format: Format) => {
    // A click with a modifier (a new tab, a save-as) is the browser's own.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (state.busy) return;
    setState({ busy: format });
    try {
      const response = await fetch(event.currentTarget.href, { cache: 'no-store' });
      if (!response.ok) throw await errorOf(response);
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = fileNameOf(response, format);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      setState({});
    } catch (error) {
      setState({ error: error instanceof Error && error.name !== 'TypeError' ? error : networkError() });
    }
  };
  return (
    <div className="report-downloads-block">
      <ul className="plain-list report-downloads" aria-label={label ?? t('report.downloads')}>
        {FORMATS.map((format) => (
          <li key={format}>
            <a className="button-link" href={apiUrl(path, { ...params, format })} download data-format={format} aria-disabled={state.busy ? true : undefined} onClick={(e) => download(e, format)}>
              <bdi>{t(`report.download.${format}`)}</bdi>
            </a>
          </li>
        ))}
      </ul>
      <p className="small" role="status">
        {state.busy ? t('report.download.preparing', { format: isolate(t(`report.download.${state.busy}`)) }) : ''}
      </p>
      {state.error && <ApiProblem error={state.error} lead={t('report.download.failed')} />}
    </div>
  );
}

const NOTE = /\[\[note:\s*([^\]]*)\]\]/g;
const UNNUMBERED = /^\[\[unnumbered\]\]\s*/;
const PLACEHOLDER = /^\[\[(table|figure)\s+([^\]]+)\]\]$/;

/** A line of text with its [[note: …]] footnotes shown as marked notes where they stand. */
function Inline({ text }: { text: string }) {
  const { t } = useI18n();
  const parts: (string | { note: string })[] = [];
  let last = 0;
  for (const match of text.matchAll(NOTE)) {
    parts.push(text.slice(last, match.index));
    parts.push({ note: match[1]!.trim() });
    last = match.index! + match[0].length;
  }
  parts.push(text.slice(last));
  return (
    <>
      {parts.map((part, i) =>
        typeof part === 'string' ? (
          part
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text, in order
          <span key={i} className="inline-note">
            <span className="visually-hidden">{t('report.text.note')}: </span>[{part.note}]
          </span>
        ),
      )}
    </>
  );
}

/** A section's text as drafters write it (src/modules/report/drafts/text.ts): paragraphs split
 *  by a blank line, `## ` and `### ` sub-headings, `> ` quotations, `[[table N]]` and
 *  `[[figure N]]` lines standing for what the report generates there. */
export function SectionText({ text, lang }: { text: string; lang: string }) {
  const { t } = useI18n();
  const blocks = text
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  return (
    <div className="section-text" lang={lang} dir={lang === 'ar' ? 'rtl' : 'ltr'}>
      {blocks.map((block, i) => {
        const key = `${i}`;
        if (block.startsWith('### ')) return <h5 key={key}>{block.slice(4)}</h5>;
        if (block.startsWith('## ')) return <h4 key={key}>{block.slice(3)}</h4>;
        if (block.startsWith('> ')) {
          // The mandate quoted: in the language the resolution was imported in, which the text does not say.
          return (
            <blockquote key={key} dir="auto">
              <Inline text={block.replace(/^> ?/gm, '')} />
            </blockquote>
          );
        }
        const placeholder = PLACEHOLDER.exec(block);
        if (placeholder) {
          return (
            <p key={key} className="generated-part">
              {t(`report.text.${placeholder[1]}`, { n: placeholder[2]! })}
            </p>
          );
        }
        return (
          <p key={key}>
            <Inline text={block.replace(UNNUMBERED, '')} />
          </p>
        );
      })}
      {blocks.length === 0 && <p className="muted">{t('report.text.empty')}</p>}
    </div>
  );
}

/** Words kept, added (<ins>) and removed (<del>), the change also said in words for screen readers. */
export function Diff({ parts, lang }: { parts: DiffPart[]; lang: string }) {
  const { t } = useI18n();
  return (
    <div className="diff-text" lang={lang} dir={lang === 'ar' ? 'rtl' : 'ltr'}>
      {parts.map((part, i) => {
        if (part.kind === 'same') {
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed comparison, in order
          return <span key={i}>{part.text}</span>;
        }
        const Mark = part.kind === 'added' ? 'ins' : 'del';
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed comparison, in order
          <Mark key={i}>
            <span className="visually-hidden">[{t(part.kind === 'added' ? 'compare.addedStart' : 'compare.removedStart')}] </span>
            {part.text}
            <span className="visually-hidden"> [{t('compare.end')}]</span>
          </Mark>
        );
      })}
    </div>
  );
}
