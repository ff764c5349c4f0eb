// The pages of resolutions and their mandates: loaded on demand.
export { MandateEditPage } from './MandateEditPage.tsx';
export { MandatesPage } from './MandatesPage.tsx';
export { ResolutionPage } from './ResolutionPage.tsx';
export { ResolutionsPage } from './ResolutionsPage.tsx';
