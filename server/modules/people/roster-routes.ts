import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { actorOf, type App, type AppContext } from '../../core/context.ts';
import { fileResponse } from '../../core/file-response.ts';
import { notFound } from '../../core/errors.ts';
import { pickLocale } from '../../core/i18n.ts';
import { importReport } from '../../db/schema/audit.ts';
import { importRoster } from './actions/import-roster.ts';
import { exportPeople, peopleWorkbook } from './export.ts';
import { peoplePolicy as P } from './policy.ts';
import { rosterKinds } from './roster-columns.ts';
import { readRosterFile } from './roster-file.ts';
import { readUpload } from './roster-upload.ts';
import { XLSX_TYPE, buildReport, buildTemplate, rosterTitle, sendXlsx } from './roster-xlsx.ts';
import { peopleQuery } from './schemas.ts';

const tags = ['people'];
const kindQuery = z.object({ kind: z.enum(rosterKinds).default('people') });
const today = () => new Date().toISOString().slice(0, 10).replace(/-/g, '');

/** Excel import of rosters and export of lists. */
export function rosterRoutes(app: App, ctx: AppContext) {
  app.get('/api/people/import-template.xlsx', {
    config: { permission: P['person.import'] },
    schema: { tags, summary: 'The Excel template of a people or party-member roster, with a sheet of instructions', querystring: kindQuery, produces: [XLSX_TYPE], response: fileResponse(XLSX_TYPE, 'the template workbook') },
  }, async (req, reply) => {
    const { kind } = req.query;
    return sendXlsx(reply, `${rosterTitle(kind)}导入模板.xlsx`, `${kind}-template.xlsx`, await buildTemplate(kind));
  });

  app.post('/api/people/import', {
    config: { permission: P['person.import'] },
    schema: {
      tags,
      summary: 'Import a roster from Excel; all or nothing, people matched by ID number',
      description:
        'multipart/form-data with one field `file`: an .xlsx made from the import template (at most 10 MB). ' +
        'A person whose ID number is already registered is updated, otherwise created. ' +
        'Any bad row: 422 `import.badRows` with `errors: [{row, column, message}]` and `reportId` for GET /api/imports/{reportId}/report.xlsx; nothing is written. ' +
        '415 `import.badType` when the file is not an .xlsx workbook, 413 `import.tooLarge` above 10 MB, 422 `import.badHeader` / `import.empty`.',
      consumes: ['multipart/form-data'],
      // Documents the form for OpenAPI only: multipart bodies reach the handler unparsed.
      body: z.object({ file: z.string().meta({ format: 'binary' }).describe('the .xlsx file') }).nullish(),
      querystring: kindQuery,
      response: { 200: z.object({ imported: z.number(), updated: z.number() }) },
    },
  }, async (req) => {
    const { kind } = req.query;
    const rows = await readRosterFile(await readUpload(req), kind);
    return importRoster(ctx, actorOf(req), rows, { kind, locale: pickLocale(req.headers['accept-language']) });
  });

  app.get('/api/imports/:reportId/report.xlsx', {
    config: { permission: P['person.import'] },
    schema: { tags, summary: 'The bad rows of a refused import, for the account that imported', params: z.object({ reportId: z.uuid() }), produces: [XLSX_TYPE], response: fileResponse(XLSX_TYPE, 'the workbook of bad rows') },
  }, async (req, reply) => {
    const { reportId } = req.params;
    const [report] = await ctx.db.select().from(importReport).where(and(eq(importReport.id, reportId), eq(importReport.accountId, actorOf(req).accountId)));
    if (!report) throw notFound('report', reportId);
    return sendXlsx(reply, `导入错误报告-${today()}.xlsx`, `import-errors-${today()}.xlsx`, await buildReport(report.errors, pickLocale(req.headers['accept-language'])));
  });

  app.get('/api/people/export.xlsx', {
    config: { permission: P['person.export'] },
    schema: { tags, summary: 'The filtered people list as Excel (numbers masked, at most 50,000 rows; audited)', querystring: peopleQuery, produces: [XLSX_TYPE], response: fileResponse(XLSX_TYPE, 'the people workbook') },
  }, async (req, reply) => {
    const rows = await exportPeople(ctx, actorOf(req), req.query);
    const title = req.query.partyMember ? '党员名单' : '人员名单';
    return sendXlsx(reply, `${title}-${today()}.xlsx`, `people-${today()}.xlsx`, peopleWorkbook(rows, title));
  });
}
