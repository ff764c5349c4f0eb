// Mandates as a table: the paragraph that asks (linked to its anchor on the resolution's page),
// who is asked to do what, when it is due, its status ("overdue" in words) and what answers it;
// for administrators and OHCHR editors, a link to move it.
import { Link } from 'react-router';
import { useAuth } from '../../api/auth.tsx';
import type { Mandate } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Due, MandateAnswers, MandateStatus, paragraphPath } from './parts.tsx';

export function MandateTable({ mandates, caption, showResolution = true }: { mandates: Mandate[]; caption: string; showResolution?: boolean }) {
  const { t, href } = useI18n();
  const { can } = useAuth();
  return (
    <div className="table-scroll">
      <table className="data-table mandates">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('mandates.paragraph')}</th>
            <th scope="col">{t('mandates.asked')}</th>
            <th scope="col">{t('mandates.due')}</th>
            <th scope="col">{t('col.status')}</th>
            <th scope="col">{t('mandates.answers')}</th>
            {can.editAll && <th scope="col">{t('mandates.edit')}</th>}
          </tr>
        </thead>
        <tbody>
          {mandates.map((m) => (
            <tr key={m.id} className={m.overdue ? 'overdue' : undefined}>
              <td>
                {showResolution ? (
                  <Link to={href(paragraphPath(m))} dir="ltr">
                    {m.ref}
                  </Link>
                ) : (
                  <a href={`#${m.anchor}`} dir="ltr">
                    {m.anchor}
                  </a>
                )}
              </td>
              <td>
                <span lang="en" dir="ltr">
                  <strong>{m.verb}</strong> {m.addressee}
                </span>
                {m.deadline && (
                  <span className="block small">
                    {t('mandates.deadline')}:{' '}
                    <q lang="en" dir="ltr">
                      {m.deadline}
                    </q>
                  </span>
                )}
              </td>
              <td>
                <Due due={m.due} />
              </td>
              <td>
                <MandateStatus mandate={m} />
                {m.statusNote && (
                  <span className="block small" lang="en" dir="auto">
                    {m.statusNote}
                  </span>
                )}
              </td>
              <td>
                <MandateAnswers mandate={m} />
              </td>
              {can.editAll && (
                <td>
                  <Link to={href(`/mandates/${encodeURIComponent(m.id)}/edit`)}>
                    <span className="visually-hidden">{t('mandates.editOne', { ref: m.anchor })}</span>
                    <span aria-hidden="true">{t('mandates.edit')}</span>
                  </Link>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
