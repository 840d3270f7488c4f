/**
 * When a word is "hot" in a node: the pure half of hot-topic detection (docs/hot-topics.md).
 *
 * The node's usual weekly rate of a word is estimated from its previous weeks, smoothed by a
 * Gamma prior so a word never seen before is not treated as impossible. The count of the current
 * window is then judged against the posterior predictive of that rate — a negative binomial,
 * which is a Poisson whose rate is itself uncertain — by its upper-tail probability.
 */

/** The sliding window counted, in days. */
export const WINDOW_DAYS = 7;
/** Windows of the same length before it that make the node's baseline (8 weeks). */
export const BASELINE_WINDOWS = 8;
/** Gamma prior on a word's weekly rate: PRIOR_COUNT demands seen over PRIOR_WINDOWS weeks. */
export const PRIOR_COUNT = 1;
export const PRIOR_WINDOWS = 1;

/** Raise a warning: at least this many demands in the window… */
export const RAISE_MIN_COUNT = 5;
/** …at least this many times the usual count… */
export const RAISE_MIN_RATIO = 3;
/** …and a surprise score (−log10 of the upper-tail probability) of at least this. */
export const RAISE_MIN_SCORE = 5;
/** An open warning stays open while the window holds this many and the score this much. */
export const KEEP_MIN_COUNT = 3;
export const KEEP_MIN_SCORE = 2;

export type Verdict = 'raise' | 'keep' | 'quiet';

export interface Assessment {
  /** The node's average count per window over the baseline, as people read it ("平时每周1.5件"). */
  usual: number;
  /** The smoothed rate the score is judged against (the posterior mean, prior included). */
  expected: number;
  /** −log10 P(X ≥ count) under the baseline: 5 means a one-in-100,000 chance. */
  score: number;
  verdict: Verdict;
}

/**
 * Judges one node's count of one word in the window against the count over the baseline
 * windows before it. `raise` opens a warning, `keep` holds an open one, `quiet` closes it.
 */
export function assess(count: number, baselineCount: number, baselineWindows = BASELINE_WINDOWS): Assessment {
  const shape = baselineCount + PRIOR_COUNT;
  const rate = baselineWindows + PRIOR_WINDOWS;
  const expected = shape / rate;
  const score = count <= 0 ? 0 : -negBinomialLogTail(count, shape, rate / (rate + 1)) / Math.LN10;
  // Scores on a threshold exactly (five new mentions of a word never seen: 5.000) must not fall
  // either side of it by rounding.
  const reaches = (min: number) => score >= min - 1e-9;
  const verdict: Verdict =
    count >= RAISE_MIN_COUNT && count >= RAISE_MIN_RATIO * expected && reaches(RAISE_MIN_SCORE) ? 'raise'
      : count >= KEEP_MIN_COUNT && reaches(KEEP_MIN_SCORE) ? 'keep'
        : 'quiet';
  return { usual: baselineCount / baselineWindows, expected, score, verdict };
}

/**
 * ln P(X ≥ k) for X ~ NegBin(r, p), P(X = j) = Γ(j+r)/(j! Γ(r)) p^r (1−p)^j, summed in log space
 * from k upwards so a tiny tail does not round to zero.
 */
export function negBinomialLogTail(k: number, r: number, p: number): number {
  if (k <= 0) return 0;
  const logQ = Math.log1p(-p);
  let logTerm = lnGamma(k + r) - lnGamma(r) - lnGamma(k + 1) + r * Math.log(p) + k * logQ;
  const first = logTerm;
  let sum = 1; // terms relative to the first
  for (let j = k; j < k + 100_000; j++) {
    logTerm += Math.log((j + r) / (j + 1)) + logQ;
    const rel = Math.exp(logTerm - first);
    sum += rel;
    if (rel < 1e-16 * sum) break;
  }
  return Math.min(0, first + Math.log(sum));
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7; about 15 significant digits). */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** The warning as people read it: "龙潭社区：电梯 7天12件，平时每周1.5件". */
export function hotTopicText(nodeName: string, term: string, windowDays: number, count: number, usual: number): string {
  const per = windowDays === 7 ? '周' : `${windowDays}天`;
  return `${nodeName}：${term} ${windowDays}天${count}件，平时每${per}${Math.round(usual * 10) / 10}件`;
}
