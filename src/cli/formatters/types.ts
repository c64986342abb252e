/** What every output formatter of the `charters` CLI receives besides the run result. */
import type { Lang, RunResult } from '../../core/types';

export interface FormatOptions {
  /** Whether to use ANSI colours (only the stylish formatter colours anything). */
  color: boolean;
  /** Language of the formatter's own texts (summaries); findings are already localised. */
  lang: Lang;
  /** Version of the `charters` tool, reported by the JSON and SARIF formatters. */
  toolVersion: string;
  /** `file://` URI of the handbook root, ending with `/` (SARIF's `ROOTPATH`). */
  baseUri?: string;
  /**
   * `--changed-since` / a pull request's base: where a finding stands relative to the change
   * (`line`: on a changed line, `file`: elsewhere in a changed file). Formatters put those first.
   */
  changed?: (file: string, startLine: number, endLine: number) => 'line' | 'file' | undefined;
  /** The base the change is measured against, as named (`origin/main`), for the formatters' texts. */
  changedSince?: string;
  /**
   * A finding's path (relative to the working directory) as GitHub wants it in an annotation:
   * relative to the repository's root, wherever in the repository the CLI runs.
   */
  annotationPath?: (file: string) => string;
  /**
   * What the run itself has to say besides findings, localised: why it fails although no error
   * was found (`--max-warnings`), how many warnings `--quiet` hid. Every format shows them.
   */
  notices?: Notice[];
}

export interface Notice {
  /** Stable, for machines (JSON, SARIF properties). */
  id: 'max-warnings-exceeded' | 'warnings-hidden';
  /** `error` when it decides the exit code. */
  severity: 'error' | 'note';
  message: string;
}

export type Formatter = (r: RunResult, o: FormatOptions) => string;
