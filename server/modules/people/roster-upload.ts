import type { FastifyRequest } from 'fastify';
import { MAX_UPLOAD_BYTES } from '../../app.ts';
import { DomainError } from '../../core/errors.ts';

/** Room for the multipart boundaries and part headers around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

export const tooLarge = () => new DomainError('import.tooLarge', 413, { maxMb: MAX_UPLOAD_BYTES / 1024 / 1024 });

/**
 * The uploaded file of a multipart request, in memory and never larger than the upload limit.
 * A declared length beyond the limit is refused before a byte of the body is read; a body sent
 * without a length is cut off at the limit while it streams in.
 */
export async function readUpload(req: FastifyRequest): Promise<Buffer> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD) throw tooLarge();
  if (!req.isMultipart()) throw new DomainError('import.badType', 415);
  const part = await req.file();
  if (!part || part.fieldname !== 'file') {
    part?.file.resume(); // drain it, so the rest of the request can flow past
    throw new DomainError('validation', 422, {}, [{ field: 'file', code: 'import.fileMissing' }]);
  }
  return part.toBuffer();
}
