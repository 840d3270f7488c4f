import type { MessageKey } from '../../../app/i18n';

/** What the server takes (docs/api-demands.md): JPEG, PNG or WebP, at most 5 MB each, 9 per demand. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_PHOTO_MB = 5;
export const MAX_PHOTOS = 9;

export interface PhotoProblem {
  key: MessageKey;
  vars: Record<string, string | number>;
}

/**
 * Sorts picked files into those that may go up and the reasons the others may not, so a person
 * learns before uploading; the server checks the bytes again.
 */
export function checkPhotos(already: number, picked: File[]): { accepted: File[]; problems: PhotoProblem[] } {
  const accepted: File[] = [];
  const problems: PhotoProblem[] = [];
  let extra = 0;
  for (const f of picked) {
    if (!(PHOTO_TYPES as readonly string[]).includes(f.type)) problems.push({ key: 'm.demand.photoType', vars: { name: f.name } });
    else if (f.size > MAX_PHOTO_MB * 1024 * 1024) problems.push({ key: 'm.demand.photoSize', vars: { name: f.name, maxMb: MAX_PHOTO_MB } });
    else if (already + accepted.length >= MAX_PHOTOS) extra += 1;
    else accepted.push(f);
  }
  if (extra) problems.push({ key: 'm.demand.photoMax', vars: { max: MAX_PHOTOS, extra } });
  return { accepted, problems };
}
