import { z } from 'zod';

/** The kinds of photo a stored file may be (server/core/files.ts). */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

/**
 * The 200 answer of a download: a file of one of the given media types, not JSON. It documents the
 * route in OpenAPI; the bytes are sent as they are, never through a serializer.
 */
export function fileResponse(types: string | string[], description: string) {
  // The bytes of the file: a Buffer to the handler, a binary string to the document.
  const file = z.custom<Buffer>().meta({ type: 'string', format: 'binary' });
  const content = Object.fromEntries([types].flat().map((type) => [type, { schema: file }]));
  return { 200: { description, content } };
}
