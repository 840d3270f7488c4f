import type { FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DomainError } from './errors.ts';

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

const types = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const;
export type PhotoExt = keyof typeof types;
const STORED_NAME = /^[0-9a-f]{32}\.(jpg|png|webp)$/;

/** What the bytes are, whatever the upload claims: JPEG, PNG and WebP by their magic numbers. */
export function photoType(b: Buffer): PhotoExt | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  return null;
}

export const contentTypeOf = (name: string) => types[name.split('.').pop() as PhotoExt] ?? 'application/octet-stream';

/**
 * The photo of a multipart request (field `photo`), read into memory up to the limit and checked
 * to be an image by its bytes.
 */
export async function readPhoto(req: FastifyRequest): Promise<{ bytes: Buffer; ext: PhotoExt }> {
  const tooLarge = () => new DomainError('file.tooLarge', 413, { maxMb: MAX_PHOTO_BYTES / 1024 / 1024 });
  if (Number(req.headers['content-length'] ?? 0) > MAX_PHOTO_BYTES + 64 * 1024) throw tooLarge();
  if (!req.isMultipart()) throw new DomainError('file.badImage', 415);
  const part = await req.file({ limits: { fileSize: MAX_PHOTO_BYTES } });
  if (!part || part.fieldname !== 'photo') {
    part?.file.resume();
    throw new DomainError('validation', 422, {}, [{ field: 'photo', code: 'file.missing' }]);
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
  return { bytes, ext };
}

/** Files live under the data directory with random names; only the name goes into the database. */
const uploadsDir = (dataDir: string) => join(resolve(dataDir), 'uploads');

export async function storeFile(dataDir: string, bytes: Buffer, ext: PhotoExt): Promise<string> {
  const name = `${randomBytes(16).toString('hex')}.${ext}`;
  await mkdir(uploadsDir(dataDir), { recursive: true });
  await writeFile(join(uploadsDir(dataDir), name), bytes, { mode: 0o600 });
  return name;
}

export async function readStoredFile(dataDir: string, name: string): Promise<Buffer> {
  if (!STORED_NAME.test(name)) throw new Error('not a stored file name');
  return readFile(join(uploadsDir(dataDir), name));
}

export async function removeStoredFile(dataDir: string, name: string): Promise<void> {
  if (STORED_NAME.test(name)) await unlink(join(uploadsDir(dataDir), name)).catch(() => undefined);
}
