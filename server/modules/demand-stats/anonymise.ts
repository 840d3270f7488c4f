/**
 * Blanks out what could identify a resident in a text shown to the public (公示), and only that:
 * names the demand and the community's roster hold, a person named by surname and form of address
 * (王先生), phone and ID numbers and any other run of seven digits or more, e-mail addresses, and
 * room numbers (302室, 3-302, 3号楼302, the demand's own room). What says where or how much is
 * kept: building, lane and house numbers (3号楼, 88弄12号), floors, units, dates (2026-03-15,
 * 3月15日, 2025-2026年), times, counts and amounts under a million, and demand numbers (SQ…).
 */
export interface Secrets {
  /** Names to blank wherever they appear (the reporter, the contact, the roster). */
  names?: (string | null | undefined)[];
  /** The demand's room as entered (302, 3-302, 302室): blanked where it stands alone. */
  rooms?: (string | null | undefined)[];
}

const D = '[0-9０-９]';
const DASHES = '-－—–';
const DASH = `[${DASHES}]`;
/** Things that look like digits to blank and must stay: dates, times, demand numbers. */
const KEEP = new RegExp([
  `SQ${D}{13}`,
  `(?<!${D})(?:19|20)${D}{2}(?:${DASH}|[/.])${D}{1,2}(?:${DASH}|[/.])${D}{1,2}(?!${D})`,
  `(?<!${D})(?:19|20)${D}{2}\\s*${DASH}\\s*(?:19|20)${D}{2}(?=\\s*年)`,
  `(?<!${D})${D}{1,2}:${D}{2}(?::${D}{2})?(?!${D})`,
].join('|'), 'g');
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/** Seven digits or more, allowing the spaces and dashes phone numbers are written with (+86 138 1234 5678, 021-5771 2345). */
const LONG_RUN = new RegExp(`\\+?(?<!${D})${D}(?:[${DASHES}\\s]?${D}){6,}(?:[Xx](?![A-Za-z]))?(?!${D})`, 'g');
/** 302室, 1202 室, 三零二室, 302房(间). */
const ROOM_SUFFIX = new RegExp(`(?:${D}|[零〇一二三四五六七八九十百])+\\s*(室|房间|房)`, 'g');
/** 3-302, 12-1-302, 5－1202: building(-unit)-room, the room three or four digits. */
const ROOM_DASHED = new RegExp(`(?<!${DASH}|${D})${D}{1,3}(?:\\s*${DASH}\\s*${D}{1,2})?\\s*${DASH}\\s*${D}{3,4}(?!${D}|\\s*${DASH}|\\s*(?:个|天|日|人|户|元|次|名|辆|米|平))`, 'g');
/** 3号楼302, 2单元1202, B座1203: three or four digits right after a building or unit. */
const ROOM_AFTER_BUILDING = new RegExp(`(号楼|栋|幢|单元|座|号)(\\s*)${D}{3,4}(?!${D}|\\s*(?:个|天|日|人|户|元|次|名|辆|米|平|年|号|栋|幢|弄))`, 'g');
const FORM_OF_ADDRESS = /[\u4e00-\u9fa5](先生|女士|小姐|阿姨|叔叔|师傅|大爷|大妈|大伯|奶奶|爷爷|老师|老伯)/g;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function anonymise(text: string, secrets: Secrets = {}): string {
  let out = text;
  const clean = (xs: (string | null | undefined)[] | undefined, min: number) =>
    [...new Set((xs ?? []).map((x) => x?.trim()).filter((x): x is string => !!x && x.length >= min))].sort((a, b) => b.length - a.length);
  for (const name of clean(secrets.names, 2)) out = out.replaceAll(name, '＊＊');
  for (const room of clean(secrets.rooms, 1)) {
    const bare = room.replace(/\s*(室|房间|房)$/, '');
    if (!/[0-9０-９]/.test(bare)) continue;
    out = out.replace(new RegExp(`(?<!${D})${escapeRegExp(bare)}(?!${D})`, 'g'), '＊');
  }
  // Dates, times and demand numbers are set aside while digits are blanked, then put back.
  const kept: string[] = [];
  out = out.replace(KEEP, (m) => String.fromCharCode(0xe000 + kept.push(m) - 1));
  out = out
    .replace(EMAIL, '＊＊＊')
    .replace(LONG_RUN, '＊＊＊')
    .replace(ROOM_SUFFIX, '＊$1')
    .replace(ROOM_DASHED, '＊＊')
    .replace(ROOM_AFTER_BUILDING, '$1$2＊')
    .replace(FORM_OF_ADDRESS, '＊$1');
  return kept.length ? out.replace(/[\ue000-\uf8ff]/g, (c) => kept[c.charCodeAt(0) - 0xe000] ?? c) : out;
}
