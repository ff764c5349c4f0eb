// The report builder: the settings of the Secretary-General's report on regional arrangements
// (session, period, regions, language, symbol, agenda item), kept in the address as the reader
// changes them so a view can be shared; Preview shows the HTML the API writes (and `preview=1`
// in the address shows it again from a shared link); the DOCX, PDF and HTML links download the
// same settings; those who may draft (OHCHR editors, administrators) save them as a draft.
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { apiUrl } from '../../api/client.ts';
import { FormErrors, useSubmission } from '../../components/Form.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Downloads, Preview, shownProblems } from './parts.tsx';
import { draftBodyOf, isUsable, problemsOf, queryOf, type ReportSettings, settingsFrom } from './settings.ts';
import { SettingsFields } from './SettingsFields.tsx';

export const REPORT_PATH = '/reports/regional-arrangements';
const NAME_MAX = 200;

export function ReportBuilderPage() {
  const { t, lang, href } = useI18n();
  const { can } = useAuth();
  usePageTitle(t('report.title'));
  const [params, setParams] = useSearchParams();
  // The form's own state, written to the address on each change: the router applies a new
  // address a moment later, and a checkbox or field bound to the address alone would spring back
  // meanwhile. An address that comes from elsewhere (Back, a language link) is taken up.
  const [settings, setSettings] = useState(() => settingsFrom(params, lang));
  const written = useRef(params.toString());
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new address is taken up
  useEffect(() => {
    if (params.toString() === written.current) return;
    written.current = params.toString();
    setSettings(settingsFrom(params, lang));
  }, [params]);
  const previewing = params.get('preview') === '1';
  // Asked for with the button, the preview (under the form) takes focus, so the reader is taken
  // there and a screen reader says so; a preview opened from a shared address leaves focus be.
  const focusPreview = useRef(false);
  useEffect(() => {
    if (!previewing || !focusPreview.current) return;
    focusPreview.current = false;
    document.getElementById('report-preview-title')?.focus();
  }, [previewing]);
  const [tried, setTried] = useState(false);
  const [previewError, setPreviewError] = useState<Error | undefined>();
  const form = useRef<HTMLFormElement>(null);
  const local = problemsOf(settings);
  const usable = isUsable(settings);
  const problems = shownProblems(local, tried, previewError);

  // Every change is written to the address at once (replacing the entry, so Back leaves the
  // page), and takes the preview away until it is asked for again.
  const write = (query: Record<string, string>, replace: boolean) => {
    const next = new URLSearchParams(query);
    written.current = next.toString();
    setParams(next, { replace, preventScrollReset: true });
  };
  const change = (next: ReportSettings) => {
    setPreviewError(undefined);
    setSettings(next);
    write(queryOf(next), true);
  };

  const preview = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!usable) {
      // Focus goes to the first field at fault, whose problem is read with it.
      requestAnimationFrame(() => form.current?.querySelector('.field-error')?.closest('.form-field, fieldset')?.querySelector<HTMLElement>('input, select')?.focus());
      return;
    }
    focusPreview.current = true;
    write({ ...queryOf(settings), preview: '1' }, false);
  };

  const query = queryOf(settings);
  return (
    <>
      <h1>{t('report.title')}</h1>
      <p className="lead">{t('report.lead')}</p>
      {can.editAll && (
        <p className="toolbar">
          <Link className="button-link" to={href('/report/drafts')}>
            {t('report.drafts.title')}
          </Link>
        </p>
      )}
      <form ref={form} className="stacked report-form" onSubmit={preview} noValidate aria-labelledby="report-settings-title">
        <h2 id="report-settings-title">{t('report.settings')}</h2>
        <SettingsFields settings={settings} onChange={change} problems={problems} />
        <div className="buttons">
          <button type="submit" className="primary">
            {t('report.preview')}
          </button>
        </div>
      </form>
      <section aria-labelledby="report-downloads-title">
        <h2 id="report-downloads-title">{t('report.downloads')}</h2>
        {usable ? (
          <>
            <p className="hint">{t('report.downloads.hint')}</p>
            <Downloads path={REPORT_PATH} params={query} />
          </>
        ) : (
          <p className="muted">{t('report.downloads.incomplete')}</p>
        )}
      </section>
      {can.editAll && usable && <SaveAsDraft settings={settings} />}
      <Preview url={previewing && usable ? apiUrl(REPORT_PATH, { ...query, format: 'html' }) : null} title={t('report.preview.frame')} onError={setPreviewError} />
    </>
  );
}

/** A draft keeps the settings under a name; the draft's page opens once it is saved. */
function SaveAsDraft({ settings }: { settings: ReportSettings }) {
  const { t, href } = useI18n();
  const { write } = useAuth();
  const navigate = useNavigate();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const submission = useSubmission<{ id: string }>();
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setProblem(t('report.problem.required'));
      return;
    }
    setProblem(undefined);
    const created = await submission.run(() => write<{ id: string }>('/report-drafts', { body: { name: name.trim(), ...draftBodyOf(settings) } }));
    if (created) navigate(href(`/report/drafts/${encodeURIComponent(created.id)}`));
  };
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('report.draft.save')}</h2>
      {!open ? (
        <button type="button" onClick={() => setOpen(true)} aria-expanded={false}>
          {t('report.draft.save')}
        </button>
      ) : (
        <form className="stacked" onSubmit={save} noValidate>
          <FormErrors error={submission.error} labels={{ name: t('report.draft.name') }} />
          <div className="form-field">
            <label htmlFor={`${id}-name`}>{t('report.draft.name')}</label>
            <input
              id={`${id}-name`}
              name="name"
              value={name}
              maxLength={NAME_MAX}
              autoComplete="off"
              // biome-ignore lint/a11y/noAutofocus: the field the reader just asked for
              autoFocus
              onChange={(e) => setName(e.target.value)}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-problem` : undefined}
            />
            {problem && (
              <span id={`${id}-problem`} className="field-error">
                {problem}
              </span>
            )}
          </div>
          <div className="buttons">
            <button type="submit" className="primary" disabled={submission.busy}>
              {t('report.draft.create')}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('confirm.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
