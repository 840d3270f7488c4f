import type { Db } from '../db/client.ts';
import { pointsRule } from '../db/schema/members.ts';

/** Points rules for a test district: 10 per hour served, 5 per theme party day, 20 per wish, no caps. */
export async function givePointsRules(db: Db, districtId: string) {
  await db.insert(pointsRule).values([
    { districtId, code: 'service_hour', points: 10 },
    { districtId, code: 'activity', points: 5 },
    { districtId, code: 'wish', points: 20 },
    { districtId, code: 'registration', points: 10 },
  ]).onConflictDoNothing();
}

/** The smallest valid PNG (1×1), for photo uploads. */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A multipart body with one file in the field `photo`. */
export function photoUpload(bytes: Buffer, filename = 'photo.png', field = 'photo') {
  const boundary = '----gongzhi-photo';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
