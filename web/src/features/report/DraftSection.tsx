// One section of a draft: the text the report generates, or the drafter's own when they rewrote
// it (kept across regenerations). When the data beneath a rewritten section changed since it was
// rewritten, a warning says so and the newly generated text can be read beside the drafter's.
// Rewrite opens the text in a field (Escape or Cancel leave it unchanged); Restore, after a
// confirmation, drops the drafter's text for the generated one.
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useAuth } from '../../api/auth.tsx';
import { StaleVersionError } from '../../api/client.ts';
import { isolate } from '../../components/bidi.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { FormErrors, useSubmission } from '../../components/Form.tsx';
import { dirOf } from './settings.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { SectionText } from './parts.tsx';
import type { DraftSection } from './types.ts';

/** `etag` is the draft's version as read: every write names it (If-Match). */
export function DraftSectionView({ draftId, section, lang, etag, onChanged }: { draftId: string; section: DraftSection; lang: string; etag: string | null; onChanged: () => void }) {
  const { t, dateTime } = useI18n();
  const { write } = useAuth();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const [besideOpen, setBesideOpen] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const save = useSubmission();
  const restore = useSubmission();
  const field = useRef<HTMLTextAreaElement>(null);
  const rewriteButton = useRef<HTMLButtonElement>(null);
  const path = `/report-drafts/${encodeURIComponent(draftId)}/sections/${encodeURIComponent(section.id)}`;
  const shown = section.rewritten?.text ?? section.generatedText;

  useEffect(() => {
    if (editing) field.current?.focus();
  }, [editing]);

  const open = () => {
    setText(shown);
    save.reset();
    setEditing(true);
  };
  const close = () => {
    setEditing(false);
    requestAnimationFrame(() => rewriteButton.current?.focus());
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The rewritten text is based on the section as generated now: its fingerprint says which.
    const done = await save.run(async () => {
      try {
        return await write(path, { method: 'PUT', body: { text, basedOn: section.fingerprint }, ifMatch: etag });
      } catch (error) {
        // The draft changed meanwhile: it is read again, and the text stays in its field to be
        // saved again on the version now current.
        if (error instanceof StaleVersionError) onChanged();
        throw error;
      }
    });
    if (done !== undefined) {
      close();
      onChanged();
    }
  };
  const leaveOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };
  const confirmRestore = async () => {
    const done = await restore.run(() => write(path, { method: 'DELETE', ifMatch: etag }));
    setRestoring(false);
    if (done !== undefined) onChanged();
  };

  return (
    <section className="draft-section" aria-labelledby={`${id}-heading`} data-section={section.id} data-rewritten={section.rewritten ? 'true' : 'false'}>
      {/* The label and heading are the report's words, laid out in its language's direction. */}
      <h3 id={`${id}-heading`}>
        <span lang={lang} dir={dirOf(lang)}>
          {section.label} {section.heading}
        </span>
      </h3>
      <p className="small section-state">
        {section.rewritten ? (
          <span className="badge rewritten">{t('report.section.rewritten', { by: isolate(section.rewritten.by ?? '—'), at: isolate(dateTime(section.rewritten.at)) })}</span>
        ) : (
          <span className="badge generated">{t('report.section.generated')}</span>
        )}
        {section.rewritten && section.dataChanged && (
          <span className="badge data-changed" role="note">
            ⚠ {t('report.section.dataChanged')}
          </span>
        )}
      </p>
      {restore.error !== undefined && <FormErrors error={restore.error} />}
      {editing ? (
        <form className="stacked rewrite-form" onSubmit={submit} onKeyDown={leaveOnEscape} noValidate>
          <FormErrors error={save.error} labels={{ text: t('report.section.text') }} />
          <div className="form-field">
            <label htmlFor={`${id}-text`}>{t('report.section.text')}</label>
            <span id={`${id}-hint`} className="hint">
              {t('report.section.textHint')}
            </span>
            <textarea
              ref={field}
              id={`${id}-text`}
              name="text"
              rows={14}
              lang={lang}
              dir={lang === 'ar' ? 'rtl' : 'ltr'}
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-describedby={`${id}-hint`}
            />
          </div>
          <div className="buttons">
            <button type="submit" className="primary" disabled={save.busy}>
              {t('report.section.save')}
            </button>
            <button type="button" onClick={close}>
              {t('confirm.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          {section.rewritten && section.dataChanged && besideOpen ? (
            <div className="side-by-side">
              <div>
                <h4>{t('report.section.yours')}</h4>
                <SectionText text={section.rewritten.text} lang={lang} />
              </div>
              <div>
                <h4>{t('report.section.newlyGenerated')}</h4>
                <SectionText text={section.generatedText} lang={lang} />
              </div>
            </div>
          ) : (
            <SectionText text={shown} lang={lang} />
          )}
          <div className="buttons">
            <button ref={rewriteButton} type="button" onClick={open}>
              {t('report.section.rewrite')}
            </button>
            {section.rewritten && section.dataChanged && (
              <button type="button" aria-expanded={besideOpen} onClick={() => setBesideOpen((v) => !v)}>
                {t('report.section.showGenerated')}
              </button>
            )}
            {section.rewritten && (
              <button type="button" onClick={() => setRestoring(true)}>
                {t('report.section.restore')}
              </button>
            )}
          </div>
        </>
      )}
      <ConfirmDialog
        open={restoring}
        title={t('report.section.restoreTitle')}
        confirmLabel={t('report.section.restore')}
        onConfirm={confirmRestore}
        onCancel={() => setRestoring(false)}
        busy={restore.busy}
      >
        <p>{t('report.section.restoreText', { heading: isolate(section.heading) })}</p>
      </ConfirmDialog>
    </section>
  );
}
