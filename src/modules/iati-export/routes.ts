// GET /api/v1/iati/activities.xml: the projects the asker may see as an IATI 2.03 activity file,
// streamed. The publishing organisation is named by the query (Accord does not presume who runs it).
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { readerOf } from '../../server/http/auth.ts';
import { streamedBody } from '../../server/http/download.ts';
import { errorResponses } from '../../server/http/route-kit.ts';
import { ValidationError } from '../../shared/errors.ts';
import { iatiActivities } from './export.ts';
import { reportingOrgProblems } from './reporting-org.ts';

const route = createRoute({
  method: 'get',
  path: '/api/v1/iati/activities.xml',
  tags: ['Cooperation'],
  summary: 'The projects the asker may see as an IATI 2.03 activity file (sector 15160 Human rights), streamed',
  description: 'docs/IATI.md, "Export", says what each project becomes and what is left out (dates known only to the month or year, documents with no IATI category or format).',
  request: {
    query: z.strictObject({
      reportingOrgRef: z.string().max(100).openapi({ description: 'The IATI organisation identifier of the publisher.', example: 'XX-EXAMPLE-1' }),
      reportingOrgType: z.string().max(10).openapi({ description: 'Its IATI OrganisationType code.', example: '40' }),
      reportingOrgName: z.string().max(300).openapi({ description: 'Its name.', example: 'An example organisation' }),
    }),
  },
  responses: {
    200: { description: 'The activity file, as an attachment.', content: { 'application/xml': { schema: z.string() } } },
    ...errorResponses,
  },
});

export function registerIatiExportRoutes(app: OpenAPIHono, logError: (message: string) => void): void {
  app.openapi(route, async (c) => {
    const q = c.req.valid('query');
    const reporting = { ref: q.reportingOrgRef, type: q.reportingOrgType, name: q.reportingOrgName };
    const problems = reportingOrgProblems(reporting, { ref: 'reportingOrgRef', type: 'reportingOrgType', name: 'reportingOrgName' });
    if (problems.length)
      throw new ValidationError(
        'The publishing organisation is not one IATI can name',
        problems.map((p) => ({ parameter: p.field, reason: p.reason })),
      );
    const chunks = iatiActivities(readerOf(c), reporting);
    const first = await chunks.next();
    const body = streamedBody(first.value ?? '', chunks, (error) => logError(`[${c.get('requestId')}] IATI export stopped: ${(error as Error).stack ?? error}`));
    return new Response(body, {
      status: 200,
      headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Content-Disposition': 'attachment; filename="accord-iati-activities.xml"', 'Cache-Control': 'no-store' },
    });
  });
}
