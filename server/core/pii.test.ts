import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Pii, isValidIdNumber, isValidPhone, maskIdNumber, maskName, maskPhone, normalizePhone } from './pii.ts';

describe('ID-card numbers (GB 11643)', () => {
  it.each([
    ['11010519491231002X', true],
    ['110105194912310021', false], // wrong check digit
    ['11010519491331002X', false], // month 13
    ['11010519490230002X', false], // 30 February
    ['1101051949123100', false], // too short
  ])('%s → %s', (id, ok) => expect(isValidIdNumber(id)).toBe(ok));
});

describe('phone numbers', () => {
  it('accepts mainland mobiles and drops +86 and separators', () => {
    expect(isValidPhone(normalizePhone('+86 138-1234-5678'))).toBe(true);
    expect(isValidPhone('12812345678')).toBe(false);
    expect(isValidPhone('1381234567')).toBe(false);
  });
});

describe('masking', () => {
  it('keeps only what identifies nobody', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskName('张三丰')).toBe('张*丰');
    expect(maskName('李四')).toBe('李*');
  });
});

describe('encryption at rest', () => {
  const pii = new Pii(randomBytes(32));
  it('round-trips, never stores the clear text, and hashes deterministically', () => {
    const c = pii.encrypt('13812345678');
    expect(c).not.toContain('13812345678');
    expect(pii.encrypt('13812345678')).not.toBe(c);
    expect(pii.decrypt(c)).toBe('13812345678');
    expect(pii.hash('13812345678')).toBe(pii.hash('13812345678'));
  });
  it('refuses tampered ciphertext', () => {
    const c = pii.encrypt('x');
    const raw = Buffer.from(c.slice(3), 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => pii.decrypt(`v1:${raw.toString('base64')}`)).toThrow();
  });
  it('a different key cannot read it', () => {
    expect(() => new Pii(randomBytes(32)).decrypt(pii.encrypt('x'))).toThrow();
  });
});
