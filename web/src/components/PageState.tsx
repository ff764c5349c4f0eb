// Loading, error and empty states, the same on every page.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Loaded } from '../api/useApi.ts';
import { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="page-state" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {t('status.loading')}
    </p>
  );
}

export function isNotFound(error: Error | undefined): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** A code the registry does not know is a page of its own, in the reader's language; any
 *  other failure says what went wrong and offers to try again. */
export function ErrorState({ error, retry }: { error: Error; retry?: () => void }) {
  const { t, href } = useI18n();
  if (isNotFound(error)) {
    return (
      <div className="page-state" role="alert">
        <h1>{t('notFound.title')}</h1>
        <p>{t('notFound.code')}</p>
        <p>
          <Link to={href('/')}>{t('notFound.home')}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page-state error" role="alert">
      <p>
        <strong>{t('status.error')}</strong>{' '}
        <span lang="en" dir="ltr">
          {error.message}
        </span>
      </p>
      {retry && (
        <button type="button" onClick={retry}>
          {t('status.retry')}
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children?: ReactNode }) {
  const { t } = useI18n();
  return <p className="page-state empty">{children ?? t('status.empty')}</p>;
}

/** Shows loading or error, else the content built from the data. */
export function Loadable<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  if (loaded.error) return <ErrorState error={loaded.error} retry={loaded.retry} />;
  if (loaded.data === undefined) return <Loading />;
  return <>{children(loaded.data)}</>;
}

/** Under a list read a page at a time (useMorePages): the last page's error with a retry, a
 *  loading line while it comes, else the button that asks for the next one, with its label. */
export function MorePages({ more, label }: { more: { next: string | null; loading: boolean; error?: Error; loadMore(): void }; label: string }) {
  return (
    <>
      {more.error && <ErrorState error={more.error} retry={more.loadMore} />}
      {more.loading && <Loading />}
      {more.next && !more.loading && (
        <button type="button" onClick={more.loadMore}>
          {label}
        </button>
      )}
    </>
  );
}
