/**
 * Chinese (and mixed) text into words, with the ICU word segmenter built into Node
 * (`Intl.Segmenter('zh', {granularity: 'word'})`, DESIGN §4). Demands store their terms for search
 * and for the hot-topic counts, and a search query is cut the same way, so both sides agree.
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Words that say nothing about what a demand is about. */
const STOP = new Set([
  '我们', '你们', '他们', '这个', '那个', '这里', '那里', '什么', '怎么', '没有', '一直', '已经', '现在', '还是',
  '可以', '希望', '问题', '情况', '反映', '请求', '要求', '帮忙', '解决', '处理', '一下', '一个', '非常', '比较',
  '特别', '经常', '每天', '因为', '所以', '但是', '而且', '如果', '就是', '还有', '不能', '不是', '居民', '小区',
]);

/** The distinct words of a text worth indexing: two characters or more (or a latin/number token), no stop words. */
export function termsOf(...texts: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const s of segmenter.segment(text.normalize('NFKC').toLowerCase())) {
      if (!s.isWordLike) continue;
      const w = s.segment.trim();
      if (w.length < 2 && !/^[a-z]$/.test(w)) continue;
      if (/^\d+$/.test(w) || STOP.has(w)) continue;
      out.add(w);
    }
  }
  return [...out];
}
