// What a record page offers the signed-in editor: "Edit" (and "Delete" where it may be done)
// only when GET /api/v1/permissions says the reader may; anonymous readers see neither and cause
// no request. After a change the page says it was saved.
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import { ApiError, getJson } from '../../api/client.ts';
import { errorText, reasonText } from '../../api/problems.ts';
import type { Can } from '../../api/types.ts';
import { forgetAnswers, useApi } from '../../api/useApi.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Done, SaidText, useSubmission } from '../../components/Form.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export type RecordKind = 'organization' | 'membership-event' | 'instrument' | 'mechanism' | 'treaty-action' | 'presence' | 'coverage-period';

export interface Permissions {
  update: boolean;
  delete: boolean;
}

/** What the signed-in reader may do to the record; undefined while unknown or for anonymous readers (no request). */
export function usePermissions(entity: RecordKind, id: string): Permissions | undefined {
  const { user } = useAuth();
  const loaded = useApi(user ? `permissions|${user.id}|${entity}|${id}` : null, (signal) => getJson<Permissions>('/permissions', { entity, id }, signal), { remember: false });
  return user ? loaded.data : undefined;
}

/** Whether the reader edits anything of the registry for one of these scopes (organization:au, state:KEN), or everything. */
export function editsFor(can: Can, scopes: (string | null | undefined)[]): boolean {
  return can.editAll || scopes.some((s) => s && can.editScopes.includes(s));
}

export function hasScopeOf(can: Can, kind: 'organization' | 'state'): boolean {
  return can.editAll || can.editScopes.some((s) => s.startsWith(`${kind}:`));
}

/** The page's "saved" or "deleted" line after a change made on another page. */
export function SavedNotice() {
  const { t } = useI18n();
  const location = useLocation();
  const said = (location.state as { edited?: 'saved' | 'deleted' | 'created' } | null)?.edited;
  if (!said) return null;
  return <Done>{t(`edit.done.${said}`)}</Done>;
}

/** "Edit" as a link to the record's form, when the reader may change the record. */
export function EditLink({ entity, id, to, label }: { entity: RecordKind; id: string; to: string; label?: string }) {
  const { t } = useI18n();
  const permissions = usePermissions(entity, id);
  if (!permissions?.update) return null;
  return (
    <Link className="button-link" to={to}>
      {label ?? t('edit.edit')}
    </Link>
  );
}

/** "Delete", asked again in a dialog, when the reader may delete the record. */
export function DeleteButton({ entity, id, path, version, what, after }: { entity: RecordKind; id: string; path: string; version: number; what: string; after: string }) {
  const permissions = usePermissions(entity, id);
  if (!permissions?.delete) return null;
  return <ConfirmDelete path={path} version={version} what={what} after={after} />;
}

/** "Delete", asked again in a dialog, then back to `after` saying it was deleted. The caller decides
 *  who sees it (DeleteButton asks the server; the programme's pages show it to OHCHR editors). Its
 *  error is a span so that it may stand inside a paragraph of buttons; a refusal that names its
 *  reasons (a strategy still answers the obstacle, a record links to it) says them. `label`
 *  replaces "Delete" where a page has more than one (each strategy of an obstacle). */
export function ConfirmDelete({ path, version, what, after, label }: { path: string; version: number; what: string; after: string; label?: string }) {
  const { t } = useI18n();
  const { write } = useAuth();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const submission = useSubmission();
  const confirm = async () => {
    const done = await submission.run(() => write(path, { method: 'DELETE', ifMatch: `"v${version}"` }));
    if (done !== undefined) {
      forgetAnswers();
      navigate(after, { state: { edited: 'deleted' } });
    } else setOpen(false);
  };
  return (
    <>
      <button type="button" className="danger" onClick={() => setOpen(true)}>
        {label ?? t('edit.delete')}
      </button>
      {submission.error !== undefined && (
        <span className="field-error" role="alert">
          <SaidText said={errorText(submission.error, t)} />
          {reasonsOf(submission.error).map((reason, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the API's list, shown once
            <span key={i} className="block">
              <SaidText said={reasonText(reason, t)} />
            </span>
          ))}
        </span>
      )}
      <ConfirmDialog open={open} title={t('edit.delete.title')} confirmLabel={t('edit.delete')} onConfirm={confirm} onCancel={() => setOpen(false)} busy={submission.busy}>
        <p>{t('edit.delete.text', { what })}</p>
      </ConfirmDialog>
    </>
  );
}

/** The reasons a refusal's details give, each once. */
function reasonsOf(error: unknown): string[] {
  const details = error instanceof ApiError ? error.details : [];
  return [...new Set(details.map((p) => p.reason))];
}

/** "New organization / instrument / mechanism" above a list, for those who may create one: an
 *  organization only by administrators and OHCHR editors; instruments and mechanisms also by
 *  the editors of an organization, for its own. */
export function NewRecordLink({ kind }: { kind: 'organization' | 'instrument' | 'mechanism' }) {
  const { t, href } = useI18n();
  const { can } = useAuth();
  if (kind === 'organization' ? !can.editAll : !hasScopeOf(can, 'organization')) return null;
  return (
    <p>
      <Link className="button-link" to={href(`/${kind}s/new`)}>
        {t(`edit.new.${kind}`)}
      </Link>
    </p>
  );
}
