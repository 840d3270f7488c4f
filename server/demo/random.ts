import { idCheckChar } from '../core/pii.ts';

/** A small seeded generator (mulberry32): the demo district is the same on every machine. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  return { next, int, pick };
}
export type Random = ReturnType<typeof seeded>;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红建华文斌宇浩凯鹏飞欣怡子涵梓轩一诺雨桐思远佳琪晨曦俊杰晓东海燕国庆志强春梅金凤慧敏建国卫东立新嘉怡宏伟婷婷颖';

/** A plausible, invented Chinese name: surname plus one or two given characters. */
export function chineseName(r: Random): string {
  const given = r.next() < 0.35 ? r.pick([...GIVEN]) : r.pick([...GIVEN]) + r.pick([...GIVEN]);
  return r.pick([...SURNAMES]) + given;
}

const DAYS = 24_837; // 1940-01-01 onwards, about 68 years; 37 is coprime with it

/**
 * A well-formed (GB 11643) but invented ID number registered in Songjiang, distinct for every
 * serial below 2.4 million: the serial fixes the birth date and the sequence digits together.
 */
export function idNumber(serial: number, gender: 'male' | 'female'): string {
  const dayIndex = (Math.floor(serial / 100) * 37) % DAYS;
  const born = new Date(Date.UTC(1940, 0, 1) + dayIndex * 86_400_000);
  const ymd = born.toISOString().slice(0, 10).replaceAll('-', '');
  const seq = String(serial % 100).padStart(2, '0');
  const sexDigit = gender === 'male' ? 1 + 2 * (serial % 5) : 2 * (serial % 5);
  const first17 = `310117${ymd}${seq}${sexDigit}`;
  return first17 + idCheckChar(first17);
}

/** An invented mainland mobile number in the 199 range, unique per serial. */
export function phoneNumber(serial: number): string {
  return `199${String(serial).padStart(8, '0')}`;
}
