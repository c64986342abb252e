/**
 * "Did you mean …?" for the command line: the nearest of a few known words (commands, options,
 * tiers) to what the user typed. Inputs are short (a command-line word), so a plain O(n·m)
 * edit distance is cheap; the typed word is cut to 64 characters all the same.
 */

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur = [i];
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[m]!;
}

/** Lower case, diacritics folded: `Esihenkilöt` and `esihenkilot` are the same word here. */
export function foldWord(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * The candidates nearest to `typed`, best first: within an edit distance of about a third of
 * the word (at least 1, at most 3), or starting with what was typed (3 characters or more).
 * Case and diacritics do not count. Empty when nothing is near.
 */
export function suggest(typed: string, candidates: readonly string[], max = 1): string[] {
  const word = foldWord(typed.slice(0, 64));
  if (word === '') return [];
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  const scored: { c: string; d: number }[] = [];
  for (const c of new Set(candidates)) {
    const folded = foldWord(c);
    let d = editDistance(word, folded);
    if (d > limit && word.length >= 3 && folded.startsWith(word)) d = limit;
    if (d <= limit) scored.push({ c, d });
  }
  scored.sort((x, y) => x.d - y.d || x.c.localeCompare(y.c));
  return scored.slice(0, max).map((s) => s.c);
}
