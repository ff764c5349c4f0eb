// The answers of the requests API, taken from the server's own schemas so the pages and the API
// cannot drift apart.
export type { RequestSummary, RequestView as AssistanceRequest } from '../../../../src/modules/assistance-requests/schema.ts';
