// Types of bench/generate.mjs, for the tests that import it.
export interface GeneratedCharter {
  path: string;
  text: string;
  lang: 'fi' | 'en';
}
export interface GenerateOptions {
  count: number;
  seed?: number;
  /** Leave this tier without charters, so that `tier-without-charter` reports it. */
  omitTier?: string;
  minKb?: number;
  maxKb?: number;
}
export function generateHandbook(dir: string, options: GenerateOptions): { files: string[]; bytes: number };
export function charterText(seed: number, i: number, options?: { minKb?: number; maxKb?: number }): GeneratedCharter;
export function configText(): string;
export function prng(seed: number): { next(): number; int(lo: number, hi: number): number; pick<T>(list: T[]): T; chance(p: number): boolean };
