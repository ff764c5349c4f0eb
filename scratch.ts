import { seededApp } from './test/support/app.ts';
const t = await seededApp('sqlite', []);
const cases: [string, RequestInit?][] = [['/api/v1/states'], ['/api/v1/states', { headers: { 'accept-encoding': 'br' } }], ['/api/v1/states?limit=0'], ['/api/v1/states/XXX'], ['/api/v1/nope'], ['/api/v1/states', { method: 'POST' }], ['/api/v1/openapi.json'], ['/api/v1/openapi.json', { headers: { 'accept-encoding': 'gzip' } }], ['/healthz'], ['/api/docs'], ['/api/docs/swagger-ui.css'], ['/'], ['/fr/states'], ['/api/v1/states?x=%00']];
for (const [p, init] of cases) {
  const r = await t.app.request(p, init);
  console.log(init?.method ?? 'GET', p, JSON.stringify(init?.headers ?? {}), r.status, r.headers.get('x-request-id'), r.headers.get('content-encoding'));
}
const first = await t.app.request('/api/v1/states');
const r = await t.app.request('/api/v1/states', { headers: { 'if-none-match': first.headers.get('etag')! } });
console.log('304', r.status, r.headers.get('x-request-id'));
await t.db.drop();
