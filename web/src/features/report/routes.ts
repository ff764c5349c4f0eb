// The report's pages: loaded on demand.
export { DraftPage } from './DraftPage.tsx';
export { DraftsPage } from './DraftsPage.tsx';
export { ReportBuilderPage } from './ReportBuilderPage.tsx';
