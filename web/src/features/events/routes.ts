// The pages of the technical-cooperation programme's events and their calendar: loaded on demand.
export { CalendarPage } from './CalendarPage.tsx';
export { EditEventPage, NewEventPage } from './EventEditPages.tsx';
export { EventPage } from './EventPage.tsx';
export { EventsPage } from './EventsPage.tsx';
export { SeriesPage } from './SeriesPage.tsx';
