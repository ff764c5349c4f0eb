// The pages of requests for assistance: loaded on demand.
export { RequestsPage } from './RequestsPage.tsx';
export { RequestPage } from './RequestPage.tsx';
export { NewRequestPage, RequestEditPage } from './RequestEditPages.tsx';
