// The pages of technical-cooperation projects: loaded on demand.
export { ProjectsPage } from './ProjectsPage.tsx';
export { ProjectPage } from './ProjectPage.tsx';
export { NewProjectPage, ProjectEditPage } from './ProjectEditPages.tsx';
