import { Link } from 'react-router';
import { usePageTitle } from '../components/usePageTitle.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function NotFoundPage() {
  const { t, href } = useI18n();
  usePageTitle(t('notFound.title'));
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to={href('/')}>{t('notFound.home')}</Link>
      </p>
    </>
  );
}
