import type { FastifyRequest } from 'fastify';
import { MAX_UPLOAD_BYTES } from '../../app.ts';
import { DomainError } from '../../core/errors.ts';
import { tooLarge } from '../people/roster-upload.ts';
import './messages.ts';

const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * The file (field `file`) and the other text fields of a multipart request, whatever their
 * order. A declared length beyond the upload limit is refused before the body is read.
 */
export async function readOrderUpload(req: FastifyRequest): Promise<{ file: Buffer; fields: Record<string, string> }> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD) throw tooLarge();
  if (!req.isMultipart()) throw new DomainError('demandImport.badType', 415);
  let file: Buffer | null = null;
  const fields: Record<string, string> = {};
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      if (part.fieldname === 'file' && !file) {
        file = await part.toBuffer();
      } else {
        part.file.resume();
      }
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  if (!file) throw new DomainError('validation', 422, {}, [{ field: 'file', code: 'import.fileMissing' }]);
  return { file, fields };
}
