// One draft of the report (GET /api/v1/report-drafts/{id}), for those who may draft: its
// settings (changed with If-Match, a change made meanwhile said and the form kept), its sections
// in order (generated or rewritten, flagged when the data beneath a rewritten one changed), the
// whole draft previewed and downloaded, versions saved with a note and downloaded, two versions
// compared, and the draft deleted.
import { type FormEvent, useId, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { apiUrl, getWithEtag, StaleVersionError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { isolate } from '../../components/bidi.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Done, FormErrors, useSubmission } from '../../components/Form.tsx';
import { Loadable } from '../../components/PageState.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useStates } from '../../api/registry.ts';
import { Guard } from '../account/Guard.tsx';
import { regionsOf } from '../treaties/state-groups.ts';
import { DraftCompare } from './DraftCompare.tsx';
import { DraftSectionView } from './DraftSection.tsx';
import { LanguageName } from './DraftsPage.tsx';
import { Downloads, Preview, shownProblems } from './parts.tsx';
import { changedSettings, isUsable, problemsOf, type ReportSettings, settingsOfDraft } from './settings.ts';
import { SettingsFields } from './SettingsFields.tsx';
import type { ReportDraft } from './types.ts';

export function DraftPage() {
  return <Guard allowed={(can) => can.editAll}>{() => <Draft />}</Guard>;
}

const draftPath = (id: string) => `/report-drafts/${encodeURIComponent(id)}`;

function Draft() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  // Read again after each change; the subject keeps the page on screen meanwhile.
  const loaded = useApi(`report-draft|${id}`, (signal) => getWithEtag<ReportDraft>(draftPath(id), {}, signal), { remember: false, subject: `report-draft|${id}` });
  usePageTitle(loaded.data ? t('report.draft.title', { name: loaded.data.data.name }) : t('report.drafts.title'));
  return <Loadable loaded={loaded}>{({ data, etag }) => <DraftView draft={data} etag={etag} reload={loaded.retry} />}</Loadable>;
}

function DraftView({ draft, etag, reload }: { draft: ReportDraft; etag: string | null; reload: () => void }) {
  const { t, href, date } = useI18n();
  const [previewing, setPreviewing] = useState(false);
  const settings = settingsOfDraft(draft);
  const changed = draft.sections.filter((s) => s.rewritten && s.dataChanged).length;
  // The draft's version, or its ETag: what makes a preview or comparison of "now" be read again.
  const stamp = String(draft.version ?? etag ?? draft.updatedAt ?? '');
  const base = draftPath(draft.id);
  return (
    <>
      <p className="breadcrumb">
        <Link to={href('/report')}>{t('report.title')}</Link> › <Link to={href('/report/drafts')}>{t('report.drafts.title')}</Link>
      </p>
      <h1 dir="auto">{draft.name}</h1>
      <dl className="facts">
        <dt>{t('report.session')}</dt>
        <dd dir="ltr">{draft.session}</dd>
        <dt>{t('report.period')}</dt>
        <dd>{t('report.periodText', { from: isolate(date(draft.periodStart)), to: isolate(date(draft.asOf)) })}</dd>
        <dt>{t('report.regions')}</dt>
        <dd>{settings.regions.length ? <RegionNames codes={settings.regions} /> : t('report.regions.all')}</dd>
        <dt>{t('report.lang')}</dt>
        <dd>
          <LanguageName code={draft.lang} />
        </dd>
      </dl>
      <SettingsForm draft={draft} etag={etag} settings={settings} onSaved={reload} />
      <section aria-labelledby="draft-sections-title">
        <h2 id="draft-sections-title">{t('report.sections')}</h2>
        {changed > 0 && (
          <p className="note" role="status">
            {t('report.sections.dataChanged', { n: changed })}
          </p>
        )}
        {draft.sections.map((section) => (
          <DraftSectionView key={`${section.id}|${section.fingerprint}|${section.rewritten?.at ?? ''}`} draftId={draft.id} section={section} lang={draft.lang} etag={etag} onChanged={reload} />
        ))}
      </section>
      <section aria-labelledby="draft-document-title">
        <h2 id="draft-document-title">{t('report.draft.document')}</h2>
        <p className="hint">{t('report.draft.documentHint')}</p>
        <Downloads path={`${base}/document`} params={{}} />
        <p>
          <button type="button" aria-expanded={previewing} onClick={() => setPreviewing((v) => !v)}>
            {t('report.preview')}
          </button>
        </p>
      </section>
      <Preview url={previewing ? apiUrl(`${base}/document`, { format: 'html' }) : null} title={t('report.preview.frame')} stamp={stamp} />
      <Versions draft={draft} etag={etag} onSaved={reload} />
      <DraftCompare draftId={draft.id} versions={draft.versions} lang={draft.lang} stamp={stamp} />
      <DeleteDraft draft={draft} etag={etag} />
    </>
  );
}

/** The regions named in the reader's language (the registry's M49 names), a code the registry
 *  does not know shown as it is. */
function RegionNames({ codes }: { codes: string[] }) {
  const { lang, list } = useI18n();
  const states = useStates(lang);
  const names = new Map(states.data ? regionsOf(states.data) : []);
  return <>{list(codes.map((code) => names.get(code) ?? isolate(code)))}</>;
}

function SettingsForm({ draft, etag, settings: read, onSaved }: { draft: ReportDraft; etag: string | null; settings: ReportSettings; onSaved: () => void }) {
  const { t } = useI18n();
  const { write } = useAuth();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(draft.name);
  const [settings, setSettings] = useState(read);
  const [tried, setTried] = useState(false);
  const [version, setVersion] = useState(etag);
  const [saved, setSaved] = useState(false);
  const submission = useSubmission();
  const local = problemsOf(settings);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setSaved(false);
    if (!isUsable(settings) || !name.trim()) return;
    const body = { ...changedSettings(settings, read), ...(name.trim() !== draft.name ? { name: name.trim() } : {}) };
    const result = await submission.run(async () => {
      try {
        return await write(draftPath(draft.id), { method: 'PATCH', body, ifMatch: version });
      } catch (error) {
        // The draft changed meanwhile: the next try is made on top of the version now current.
        if (error instanceof StaleVersionError && error.etag) setVersion(error.etag);
        throw error;
      }
    });
    if (result !== undefined) {
      setOpen(false);
      setSaved(true);
      onSaved();
    }
  };
  const stale = submission.error instanceof StaleVersionError;
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('report.settings')}</h2>
      {saved && <Done>{t('report.draft.settingsSaved')}</Done>}
      {!open ? (
        <button
          type="button"
          aria-expanded={false}
          onClick={() => {
            // The form starts from the draft as last read.
            setSettings(read);
            setName(draft.name);
            setVersion(etag);
            setTried(false);
            submission.reset();
            setOpen(true);
          }}
        >
          {t('report.draft.changeSettings')}
        </button>
      ) : (
        <form className="stacked report-form" onSubmit={submit} noValidate>
          {stale ? (
            <div className="form-errors stale" role="alert" tabIndex={-1}>
              <p>
                <strong>{t('report.draft.stale')}</strong>
              </p>
              <p>{t('edit.stale.again')}</p>
            </div>
          ) : (
            <FormErrors error={submission.error} labels={{ name: t('report.draft.name') }} />
          )}
          <div className="form-field">
            <label htmlFor={`${id}-name`}>{t('report.draft.name')}</label>
            <input
              id={`${id}-name`}
              name="name"
              value={name}
              maxLength={200}
              autoComplete="off"
              onChange={(e) => setName(e.target.value)}
              aria-invalid={tried && !name.trim() ? true : undefined}
              aria-describedby={tried && !name.trim() ? `${id}-name-problem` : undefined}
            />
            {tried && !name.trim() && (
              <span id={`${id}-name-problem`} className="field-error">
                {t('report.problem.required')}
              </span>
            )}
          </div>
          <SettingsFields settings={settings} onChange={setSettings} problems={shownProblems(local, tried, submission.error)} />
          <div className="buttons">
            <button type="submit" className="primary" disabled={submission.busy}>
              {stale ? t('edit.applyAgain') : t('report.draft.saveSettings')}
            </button>
            <button
              type="button"
              onClick={() => {
                setOpen(false);
                setSettings(read);
                setName(draft.name);
                submission.reset();
              }}
            >
              {t('confirm.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function Versions({ draft, etag, onSaved }: { draft: ReportDraft; etag: string | null; onSaved: () => void }) {
  const { t, dateTime, number } = useI18n();
  const { write } = useAuth();
  const id = useId();
  const [note, setNote] = useState('');
  const submission = useSubmission<{ number?: number }>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await submission.run(() => write<{ number?: number }>(`${draftPath(draft.id)}/versions`, { body: { note: note.trim() }, ifMatch: etag }));
    if (saved !== undefined) {
      setNote('');
      onSaved();
    }
  };
  return (
    <section aria-labelledby={`${id}-title`} className="report-versions">
      <h2 id={`${id}-title`}>{t('report.versions')}</h2>
      <form className="stacked" onSubmit={submit} noValidate>
        <FormErrors error={submission.error} labels={{ note: t('report.version.note') }} />
        {submission.result !== undefined && <Done>{t('report.version.saved')}</Done>}
        <div className="form-field">
          <label htmlFor={`${id}-note`}>{t('report.version.note')}</label>
          <span id={`${id}-hint`} className="hint">
            {t('report.version.noteHint')}
          </span>
          <input id={`${id}-note`} name="note" value={note} maxLength={500} autoComplete="off" onChange={(e) => setNote(e.target.value)} aria-describedby={`${id}-hint`} />
        </div>
        <div className="buttons">
          <button type="submit" className="primary" disabled={submission.busy}>
            {t('report.version.save')}
          </button>
        </div>
      </form>
      {draft.versions.length === 0 ? (
        <p className="muted">{t('report.versions.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t('report.versions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('report.version.number')}</th>
                <th scope="col">{t('report.version.note')}</th>
                <th scope="col">{t('report.version.by')}</th>
                <th scope="col">{t('report.version.at')}</th>
                <th scope="col">{t('report.downloads')}</th>
              </tr>
            </thead>
            <tbody>
              {draft.versions.map((v) => (
                <tr key={v.number}>
                  <th scope="row">{number(v.number)}</th>
                  <td dir="auto">{v.note || <span className="muted">—</span>}</td>
                  <td dir="auto">{v.by ?? '—'}</td>
                  <td>
                    <bdi>{dateTime(v.at)}</bdi>
                  </td>
                  <td>
                    <Downloads path={`${draftPath(draft.id)}/versions/${v.number}`} params={{}} label={t('report.version.downloads', { n: v.number })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function DeleteDraft({ draft, etag }: { draft: ReportDraft; etag: string | null }) {
  const { t, href } = useI18n();
  const { write } = useAuth();
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);
  const submission = useSubmission();
  const confirm = async () => {
    const done = await submission.run(() => write(draftPath(draft.id), { method: 'DELETE', ifMatch: etag }));
    setAsking(false);
    if (done !== undefined) navigate(href('/report/drafts'));
  };
  return (
    <section className="danger-zone" aria-labelledby="draft-delete-title">
      <h2 id="draft-delete-title">{t('report.draft.delete')}</h2>
      <FormErrors error={submission.error} />
      <button type="button" className="danger" onClick={() => setAsking(true)}>
        {t('report.draft.delete')}
      </button>
      <ConfirmDialog open={asking} title={t('report.draft.deleteTitle')} confirmLabel={t('report.draft.delete')} onConfirm={confirm} onCancel={() => setAsking(false)} busy={submission.busy}>
        <p>{t('report.draft.deleteText', { name: isolate(draft.name) })}</p>
      </ConfirmDialog>
    </section>
  );
}
