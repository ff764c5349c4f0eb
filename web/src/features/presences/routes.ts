// The pages of one presence and of one coverage period, with their edit forms: loaded on demand.
export { NewPresencePage, PresencePage } from './PresencePage.tsx';
export { PeriodPage } from './PeriodPage.tsx';
