import { diffLines, diffWords } from 'diff';
import type { charterVersion } from '../../db/schema/deliberation.ts';
import { idsOfPath } from '../territory/rules.ts';

export type VersionState = (typeof charterVersion.$inferSelect)['state'];

/** district / street / community: the community a node lies in (an estate's area belongs to it too). */
export const communityOf = (path: string) => idsOfPath(path).slice(0, 3).join('/');

/** Versions still on their way to publication: a charter has at most one of them. */
export const OPEN_STATES: readonly VersionState[] = ['draft', 'commenting', 'adopted'];

export interface Segment {
  added: boolean;
  removed: boolean;
  value: string;
}

const words = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * What changed from one text to the other, readable for Chinese: lines first, then a changed line
 * against the line that replaced it word by word (Intl.Segmenter), so one new clause in an
 * article shows as that clause, not as the whole article twice.
 */
export function diffTexts(from: string, to: string): Segment[] {
  const out: Segment[] = [];
  const push = (s: Segment) => {
    const last = out.at(-1);
    if (last && last.added === s.added && last.removed === s.removed) last.value += s.value;
    else if (s.value) out.push({ ...s });
  };
  const lines = diffLines(from, to);
  for (let i = 0; i < lines.length; i++) {
    const c = lines[i]!;
    const next = lines[i + 1];
    if (c.removed && next?.added) {
      for (const w of diffWords(c.value, next.value, { intlSegmenter: words })) push({ added: !!w.added, removed: !!w.removed, value: w.value });
      i++;
    } else {
      push({ added: !!c.added, removed: !!c.removed, value: c.value });
    }
  }
  return out;
}
