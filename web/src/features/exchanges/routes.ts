// The pages of exchanges: loaded on demand.
export { ExchangePage, NewExchangePage } from './ExchangePage.tsx';
export { ExchangesPage } from './ExchangesPage.tsx';
