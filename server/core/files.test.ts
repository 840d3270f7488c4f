import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TINY_PNG } from '../test/members.ts';
import { photoType, readStoredFile, removeStoredFile, storeFile } from './files.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongzhi-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('photo type by magic bytes', () => {
  it.each([
    ['a PNG', TINY_PNG, 'png'],
    ['a JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]), 'jpg'],
    ['a WebP', Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ')]), 'webp'],
    ['a script named .png', Buffer.from('<script>alert(1)</script>'), null],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00'), null],
    ['a RIFF that is not WebP', Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVE')]), null],
    ['nothing', Buffer.alloc(0), null],
  ])('%s → %s', (_, bytes, type) => {
    expect(photoType(bytes)).toBe(type);
  });
});

describe('stored files', () => {
  it('get a random name under uploads and read back the same bytes', async () => {
    const a = await storeFile(dir, TINY_PNG, 'png');
    const b = await storeFile(dir, TINY_PNG, 'png');
    expect(a).toMatch(/^[0-9a-f]{32}\.png$/);
    expect(a).not.toBe(b);
    expect((await readStoredFile(dir, a)).equals(TINY_PNG)).toBe(true);
    await removeStoredFile(dir, a);
    expect(readdirSync(join(dir, 'uploads'))).toEqual([b]);
  });

  it('never reads a name that is not one of its own', async () => {
    await expect(readStoredFile(dir, '../secret.key')).rejects.toThrow();
    await expect(readStoredFile(dir, 'uploads/../../etc/passwd')).rejects.toThrow();
  });
});
