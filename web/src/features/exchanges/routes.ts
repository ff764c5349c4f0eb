// The pages of exchanges and their series: loaded on demand.
export { ExchangePage, NewExchangePage } from './ExchangePage.tsx';
export { ExchangesPage } from './ExchangesPage.tsx';
export { EditExchangeSeriesPage, ExchangeSeriesListPage, ExchangeSeriesPage, NewExchangeSeriesPage } from './SeriesPages.tsx';
