import { z } from 'zod';
import { actorOf, type App, type AppContext } from '../../core/context.ts';
import { DomainError } from '../../core/errors.ts';
import { demandsPolicy as P } from '../demands/policy.ts';
import { importOrders } from './actions/import-orders.ts';
import { type ImportField, type Mapping, fieldLabels, importFields, requiredFields, suggestMapping } from './fields.ts';
import { type OrderTable, readOrderFile } from './order-file.ts';
import { readOrderUpload } from './upload.ts';
import './messages.ts';

const tags = ['demands'];
const fileBody = z.object({ file: z.string().meta({ format: 'binary' }).describe('the .xlsx or .csv export') }).nullish();
const mappingOut = z.object(Object.fromEntries(importFields.map((f) => [f, z.string().nullable()])) as Record<ImportField, z.ZodNullable<z.ZodString>>);
const rowErrorOut = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
const PREVIEW_ROWS = 5;

/** Import of work orders exported from the 12345 hotline system: look at the file, then take it in. */
export function demandImportRoutes(app: App, ctx: AppContext) {
  app.post('/api/demands/import/preview', {
    config: { permission: P['demand.import'] },
    schema: {
      tags, summary: 'Read a hotline export: its headers, first rows and the suggested column for each field',
      description: 'multipart/form-data with one field `file` (.xlsx, or .csv in UTF-8 or GB18030; at most 10 MB). Nothing is written. ' +
        '415 `demandImport.badType` for any other file, 413 `import.tooLarge`, 422 `demandImport.noHeader` / `demandImport.empty`.',
      consumes: ['multipart/form-data'], body: fileBody,
      response: { 200: z.object({ headers: z.array(z.string()), rows: z.array(z.array(z.string())).describe(`the first ${PREVIEW_ROWS} rows`), mapping: mappingOut }) },
    },
  }, async (req) => {
    const { headers, rows } = await readOrderFile((await readOrderUpload(req)).file);
    return { headers, rows: rows.slice(0, PREVIEW_ROWS).map((r) => r.cells), mapping: suggestMapping(headers) };
  });

  app.post('/api/demands/import', {
    config: { permission: P['demand.import'] },
    schema: {
      tags, summary: 'Import hotline work orders as demands; an order number already there is skipped',
      description: 'multipart/form-data: `file` (.xlsx/.csv) and `mapping`, JSON `{field: header}` (fields: ' + importFields.join(', ') +
        '; externalNo and description required; without one, the suggested mapping is used). Each order is independent: bad rows are reported ' +
        '(row as in the file, column, message) with `reportId` for GET /api/imports/{reportId}/report.xlsx, the good ones are created. ' +
        'When no order could be taken and none was already there: 422 `demandImport.nothingImported` with the same `errors` and `reportId`.',
      consumes: ['multipart/form-data'], body: fileBody,
      response: { 200: z.object({ created: z.number().int(), skipped: z.number().int().describe('orders already imported'), errors: z.array(rowErrorOut), reportId: z.string().optional() }) },
    },
  }, async (req) => {
    const { file, fields } = await readOrderUpload(req);
    const table = await readOrderFile(file);
    return importOrders(ctx, actorOf(req), table, mappingOf(fields.mapping, table));
  });
}

/** The mapping sent, checked against the file's headers; the suggested one when none is sent. */
function mappingOf(raw: string | undefined, table: OrderTable): Mapping {
  let sent: unknown;
  try {
    sent = raw?.trim() ? JSON.parse(raw) : null;
  } catch {
    sent = undefined;
  }
  if (sent === undefined || (sent !== null && (typeof sent !== 'object' || Array.isArray(sent)))) throw fieldError('mapping', 'demandImport.badMapping');
  const mapping: Mapping = {};
  const given = (sent ?? suggestMapping(table.headers)) as Record<string, unknown>;
  for (const [field, header] of Object.entries(given)) {
    if (header === null || header === '') continue;
    if (!(importFields as readonly string[]).includes(field)) throw fieldError(`mapping.${field}`, 'demandImport.unknownField', { field });
    if (typeof header !== 'string' || !table.headers.includes(header)) throw fieldError(`mapping.${field}`, 'demandImport.unknownHeader', { header: String(header) });
    mapping[field as ImportField] = header;
  }
  for (const f of requiredFields) if (!mapping[f]) throw fieldError(`mapping.${f}`, 'demandImport.fieldRequired', { label: fieldLabels[f] });
  return mapping;
}

const fieldError = (field: string, code: string, params: Record<string, unknown> = {}) => new DomainError('validation', 422, {}, [{ field, code, params }]);
