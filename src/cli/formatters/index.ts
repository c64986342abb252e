/** The CLI's output formats by name. */
import { formatGithub } from './github';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';
import type { Formatter } from './types';

export type FormatName = 'stylish' | 'json' | 'sarif' | 'github';

export const FORMATTERS: Record<FormatName, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
};

export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];

export type { FormatOptions, Formatter, Notice } from './types';
