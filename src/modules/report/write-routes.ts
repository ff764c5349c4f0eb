// Writing report drafts over HTTP: each route hands the body to its use case, where the policy
// decides. Every write to a draft carries If-Match (the version of the draft read): its settings, its deletion, writing
// a section and saving a version too. The answer's ETag is the new version.
// A section's text is checked, and a version's document made, from the report generated now
// through the writer's view, after the policy has been asked (nobody else makes the server
// generate a report by writing to a draft).
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from '../../server/deps.ts';
import { principalOf, readerOf } from '../../server/http/auth.ts';
import { VERSIONED, withVersion } from '../../server/http/record-writes.ts';
import { actionRoute, writeRoute } from '../../server/http/route-kit.ts';
import { ifMatchVersion } from '../../server/http/versions.ts';
import { writeContextOf } from '../../server/http/write-context.ts';
import { generateReport } from './generate.ts';
import { draftIdParam } from './routes.ts';
import { draftCreateSchema, draftDeletedSchema, draftSummarySchema, draftUpdateSchema, sectionWriteSchema, sectionWrittenSchema, versionSavedSchema, versionSaveSchema } from './drafts/schema.ts';
import { draftDocument, requireDraft, settingsOf } from './drafts/service.ts';
import { createDraft, removeDraft, restoreSection, rewriteSection, saveVersion, sectionIdOf, updateDraft } from './drafts/write.ts';
import { REPORT_SECTIONS } from './compose/index.ts';

const TAG = 'Report drafts';

const sectionParams = {
  ...draftIdParam,
  section: z
    .string()
    .max(40)
    .openapi({ param: { name: 'section', in: 'path' }, example: 'developments', description: `One of ${REPORT_SECTIONS.join(', ')}.` }),
};

export function registerReportWriteRoutes(app: OpenAPIHono, _deps: Deps): void {
  const { db } = _deps;

  app.openapi(
    writeRoute({
      method: 'post',
      path: '/api/v1/report-drafts',
      tag: TAG,
      summary: 'Make a draft of the report (administrators and OHCHR editors): its name and settings',
      body: draftCreateSchema,
      response: draftSummarySchema,
    }),
    async (c) => c.json(withVersion(c, await createDraft(db, c.req.valid('json'), writeContextOf(c))), 200),
  );

  app.openapi(
    writeRoute({
      method: 'patch',
      path: '/api/v1/report-drafts/{id}',
      tag: TAG,
      summary: "Change a draft's name or settings, with If-Match",
      params: draftIdParam,
      body: draftUpdateSchema,
      response: draftSummarySchema,
      extra: VERSIONED,
    }),
    async (c) => c.json(withVersion(c, await updateDraft(db, { id: c.req.valid('param').id, expectedVersion: ifMatchVersion(c), body: c.req.valid('json') }, writeContextOf(c))), 200),
  );

  app.openapi(
    actionRoute({
      method: 'delete',
      path: '/api/v1/report-drafts/{id}',
      tag: TAG,
      summary: 'Delete a draft, its rewritten sections and its versions, with If-Match',
      params: draftIdParam,
      response: draftDeletedSchema,
      extra: VERSIONED,
    }),
    async (c) => {
      const result = await removeDraft(db, { id: c.req.valid('param').id, expectedVersion: ifMatchVersion(c) }, writeContextOf(c));
      c.header('Cache-Control', 'no-store');
      return c.json(result, 200);
    },
  );

  app.openapi(
    writeRoute({
      method: 'put',
      path: '/api/v1/report-drafts/{id}/sections/{section}',
      tag: TAG,
      summary: "Keep the drafter's text of a section (plain text; basedOn: the fingerprint of the generated section it was written over)",
      params: sectionParams,
      body: sectionWriteSchema,
      response: sectionWrittenSchema,
      extra: VERSIONED,
    }),
    async (c) => {
      const { id, section } = c.req.valid('param');
      const reader = readerOf(c);
      const row = await requireDraft(reader, principalOf(c), id);
      const sectionId = sectionIdOf(section);
      const generated = (await generateReport(reader, settingsOf(row))).sections.find((s) => s.id === sectionId)?.blocks ?? [];
      const written = await rewriteSection(db, { id, section, expectedVersion: ifMatchVersion(c), readVersion: row.row_version, generated, body: c.req.valid('json') }, writeContextOf(c));
      return c.json(withVersion(c, written), 200);
    },
  );

  app.openapi(
    actionRoute({
      method: 'delete',
      path: '/api/v1/report-drafts/{id}/sections/{section}',
      tag: TAG,
      summary: 'Put a section back to the generated text (the rewritten text is no longer kept)',
      params: sectionParams,
      response: sectionWrittenSchema,
      extra: VERSIONED,
    }),
    async (c) => {
      const { id, section } = c.req.valid('param');
      return c.json(withVersion(c, await restoreSection(db, { id, section, expectedVersion: ifMatchVersion(c) }, writeContextOf(c))), 200);
    },
  );

  app.openapi(
    writeRoute({
      method: 'post',
      path: '/api/v1/report-drafts/{id}/versions',
      tag: TAG,
      summary: "Save the draft's document as it is now as its next version (1, 2, …): a frozen copy, with the sections' texts",
      params: draftIdParam,
      body: versionSaveSchema,
      response: versionSavedSchema,
      extra: VERSIONED,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const reader = readerOf(c);
      const row = await requireDraft(reader, principalOf(c), id);
      const body = c.req.valid('json');
      const current = await draftDocument(reader, row);
      const saved = await saveVersion(
        db,
        { id, expectedVersion: ifMatchVersion(c), readVersion: row.row_version, note: body.note?.trim() || null, document: current.document, sections: current.sections, warnings: current.warnings },
        writeContextOf(c),
      );
      return c.json(withVersion(c, saved), 200);
    },
  );
}
