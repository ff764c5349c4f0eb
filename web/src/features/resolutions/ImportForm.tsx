// The upload of a resolution's text (administrators and OHCHR editors): a .txt file chosen with
// a real file input is read in the browser and posted as JSON to POST /api/v1/resolutions; the
// answer says whether the text was created, replaced or unchanged, what was read, and what the
// parser was unsure about. A refusal (a file that is not text, too long…) is shown by its field.
import { type FormEvent, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { ApiError } from '../../api/client.ts';
import type { ResolutionImported } from '../../api/types.ts';
import { forgetAnswers } from '../../api/useApi.ts';
import { FormErrors, useFocusOnError, useSubmission } from '../../components/Form.tsx';
import { LANGS, LANGUAGE_NAMES, useI18n } from '../../i18n/i18n.tsx';

/** The API's limit (src/modules/resolutions/schema.ts): checked before reading a file larger still. */
const MAX_BYTES = 2 * 1024 * 1024 * 4;

export function ImportForm({ onImported }: { onImported?: (result: ResolutionImported) => void }) {
  const { t, href } = useI18n();
  const { write } = useAuth();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [lang, setLang] = useState('en');
  const [problem, setProblem] = useState<string | null>(null);
  const submission = useSubmission<ResolutionImported>();
  const form = useRef<HTMLFormElement>(null);
  useFocusOnError(form, submission.error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!file) {
      setProblem(t('resolutions.import.chooseFile'));
      form.current?.querySelector<HTMLElement>('input[type="file"]')?.focus();
      return;
    }
    if (file.size > MAX_BYTES) {
      setProblem(t('resolutions.import.tooLarge'));
      return;
    }
    const text = await file.text();
    const result = await submission.run(() => write<ResolutionImported>('/resolutions', { body: { fileName: file.name, text, lang } }));
    if (result) {
      forgetAnswers();
      onImported?.(result);
    }
  };

  // The API's problems with the file's name or text are listed in the summary above the form, each with its label.
  const refused = submission.error instanceof ApiError && submission.error.details.some((d) => d.field === 'text' || d.field === 'fileName');
  const fileMessages = problem ? [problem] : [];
  const result = submission.result;
  return (
    <section className="panel import-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('resolutions.import.title')}</h2>
      <p>{t('resolutions.import.lead')}</p>
      <form ref={form} className="stacked" onSubmit={submit} noValidate>
        <FormErrors error={submission.error} labels={{ text: t('resolutions.import.text'), fileName: t('resolutions.import.fileName'), lang: t('resolutions.import.lang') }} />
        <div className="form-field">
          <label htmlFor={`${id}-file`}>{t('resolutions.import.file')}</label>
          <span id={`${id}-hint`} className="hint">
            {t('resolutions.import.fileHint')}
          </span>
          <input
            id={`${id}-file`}
            type="file"
            name="file"
            accept=".txt,text/plain"
            aria-describedby={`${id}-hint${fileMessages.length ? ` ${id}-error` : ''}`}
            aria-invalid={fileMessages.length || refused ? true : undefined}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setProblem(null);
            }}
          />
          {fileMessages.length > 0 && (
            <span id={`${id}-error`} className="field-error">
              {fileMessages.map((m) => (
                <span key={m} className="block">
                  {m}
                </span>
              ))}
            </span>
          )}
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-lang`}>{t('resolutions.import.lang')}</label>
          <select id={`${id}-lang`} name="lang" value={lang} onChange={(e) => setLang(e.target.value)}>
            {LANGS.map((l) => (
              <option key={l} value={l} lang={l} dir={l === 'ar' ? 'rtl' : 'ltr'}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </div>
        <div className="buttons">
          <button type="submit" className="primary" disabled={submission.busy}>
            {submission.busy ? t('resolutions.import.busy') : t('resolutions.import.submit')}
          </button>
        </div>
      </form>
      {result && (
        <div className="form-done import-result" role="status">
          <p>
            <strong>{t(`resolutions.import.status.${result.status}`)}</strong>{' '}
            <Link to={href(`/resolutions/${encodeURIComponent(result.id)}`)} dir="ltr">
              {result.key}
            </Link>
          </p>
          <p>{t('resolutions.import.counts', { preambular: result.preambular, operative: result.operative, mandates: result.mandates })}</p>
          {result.doubts.length === 0 ? (
            <p>{t('resolutions.import.noDoubts')}</p>
          ) : (
            <>
              <p>{t('resolutions.import.doubts', { n: result.doubts.length })}</p>
              <ul>
                {result.doubts.map((d) => (
                  <li key={`${d.where} ${d.why}`}>
                    <span dir="ltr">{d.where}</span>:{' '}
                    <span lang="en" dir="ltr">
                      {d.why}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
