import type { FastifyRequest } from 'fastify';
import { DomainError, invalid } from '../../core/errors.ts';
import { MAX_PHOTO_BYTES, type PhotoExt, photoType } from '../../core/files.ts';

const MAX_NOTE = 2000;

/**
 * A progress note sent as JSON `{note}`, or as multipart with the text field `note` and an
 * optional image in `photo` (checked by its bytes, at most 5 MB).
 */
export async function readProgress(req: FastifyRequest): Promise<{ note: string; photo: { bytes: Buffer; ext: PhotoExt } | null }> {
  if (!req.isMultipart()) return { note: checkedNote((req.body as { note?: unknown } | undefined)?.note), photo: null };
  const tooLarge = () => new DomainError('file.tooLarge', 413, { maxMb: MAX_PHOTO_BYTES / 1024 / 1024 });
  if (Number(req.headers['content-length'] ?? 0) > MAX_PHOTO_BYTES + 64 * 1024) throw tooLarge();
  let note: unknown;
  let photo: { bytes: Buffer; ext: PhotoExt } | null = null;
  for await (const part of req.parts({ limits: { fileSize: MAX_PHOTO_BYTES } })) {
    if (part.type === 'file') {
      if (part.fieldname !== 'photo' || photo) {
        part.file.resume();
        continue;
      }
      let bytes: Buffer;
      try {
        bytes = await part.toBuffer();
      } catch (e) {
        if ((e as { statusCode?: number }).statusCode === 413) throw tooLarge();
        throw e;
      }
      const ext = photoType(bytes);
      if (!ext) throw new DomainError('file.badImage', 415);
      photo = { bytes, ext };
    } else if (part.fieldname === 'note') {
      note = part.value;
    }
  }
  return { note: checkedNote(note), photo };
}

function checkedNote(raw: unknown): string {
  const note = typeof raw === 'string' ? raw.trim() : '';
  if (!note) throw invalid('note', 'field.required');
  if (note.length > MAX_NOTE) throw invalid('note', 'field.tooLong', { max: MAX_NOTE });
  return note;
}
