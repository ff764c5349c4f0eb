// Under a list read a keyset page at a time (useMorePages): how many are shown of how many, the
// error of the last page asked for, and the button that asks for the next one.
import { ErrorState } from '../../components/PageState.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

interface More {
  next: string | null;
  loading: boolean;
  error?: Error;
  loadMore(): void;
}

/** `onLoad` runs before the next page is asked for (to move the focus to its first row once it is shown). */
export function LoadMore({ more, shown, total, busy, onLoad, className }: { more: More; shown: number; total: number; busy: boolean; onLoad(): void; className?: string }) {
  const { t } = useI18n();
  return (
    <>
      <p className={`muted small${className ? ` ${className}` : ''}`} data-shown={shown}>
        {t('rec.shown', { shown, total })}
      </p>
      {more.error && <ErrorState error={more.error} retry={more.loadMore} />}
      {more.next && (
        <button
          type="button"
          className="load-more"
          disabled={more.loading || busy}
          onClick={() => {
            onLoad();
            more.loadMore();
          }}
        >
          {more.loading ? t('rec.loadingMore') : t('rec.loadMore')}
        </button>
      )}
    </>
  );
}
