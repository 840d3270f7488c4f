/**
 * Blanks out what could identify a resident in a text shown to the public (公示): the names and
 * address the demand holds, phone and ID numbers, building, unit and room numbers, and a person
 * named by surname and form of address (王先生). Pure and conservative: a digit too many blanked
 * costs nothing, a phone number shown costs a resident their privacy.
 */
export function anonymise(text: string, known: (string | null | undefined)[]): string {
  let out = text;
  for (const secret of known.map((k) => k?.trim()).filter((k): k is string => !!k && k.length >= 2).sort((a, b) => b.length - a.length)) {
    out = out.replaceAll(secret, '＊＊');
  }
  return out
    .replace(/\+?\d[\d\s-]{5,}[\dXx]/g, '＊＊＊')
    .replace(/\d+\s*[-－—]\s*\d+/g, '＊＊')
    .replace(/[\d一二三四五六七八九十]+\s*(号楼|号|栋|幢|单元|室|弄|层|楼|户|组)/g, '＊$1')
    .replace(/[\u4e00-\u9fa5](先生|女士|小姐|阿姨|叔叔|师傅|大爷|大妈|大伯|奶奶|爷爷|老师|老伯)/g, '＊$1');
}
