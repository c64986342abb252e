/**
 * `--shard i/n`: a deterministic split of a handbook's charters across CI runners. A file's
 * shard depends only on its path relative to the handbook root (FNV-1a of the UTF-8 bytes), not
 * on its position in the file list, so adding one charter moves no other charter to another
 * shard and every runner agrees without talking to the others.
 */

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** The largest `n` accepted: far more runners than any CI matrix allows. */
export const MAX_SHARDS = 1000;

/** `"2/4"` → `{ index: 2, count: 4 }`; undefined for anything else (`0/4`, `5/4`, `2`, `a/b`). */
export function parseShard(value: string): Shard | undefined {
  const m = /^\s*(\d{1,4})\s*\/\s*(\d{1,4})\s*$/.exec(value);
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > MAX_SHARDS || index < 1 || index > count) return undefined;
  return { index, count };
}

/** 32-bit FNV-1a over the UTF-8 bytes of `text`. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The 1-based shard of a file, from its `/`-separated path relative to the handbook root. */
export function shardOf(relPath: string, count: number): number {
  return (fnv1a(relPath.normalize('NFC')) % count) + 1;
}
