// Loading, error and empty states, the same on every page.
import type { ReactNode } from 'react';
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

export function ErrorState({ error, retry }: { error: Error; retry?: () => void }) {
  const { t } = useI18n();
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <div className="page-state error" role="alert">
      <p>
        <strong>{notFound ? t('status.notFound') : t('status.error')}</strong> {error.message}
      </p>
      {retry && !notFound && (
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
