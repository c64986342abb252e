/**
 * A time budget per file: a file whose lint runs past it is reported as skipped, by name, and
 * the run goes on with the next file.
 *
 * Cooperative: the core has no clock of its own (it runs in the CLI, the extension host and the
 * browser), so the caller passes one in (`now`, in milliseconds), and the parser's and the
 * runner's main loops call `Deadline.tick()` (cheap: the clock is read every 64th call) or
 * `check()` between stages; once the budget is spent they throw `BudgetExceeded`, which
 * `lintWithinBudget` turns into a skipped result. A single call into a parser (micromark,
 * js-yaml) is not interrupted: what bounds those is the linter's refusal of input they cannot
 * take in reasonable time (`markdownComplexity`, the frontmatter limits), checked first.
 */
import { t } from './i18n';
import type { CharterLint, Linter, LintTextOptions } from './lint';

export interface FileBudget {
  /** Milliseconds one file may take. */
  ms: number;
  /** The clock, in milliseconds (`performance.now` in the hosts; a fake one in tests). */
  now: () => number;
}

/** The CLI's budget per file (`--file-budget`). */
export const CLI_FILE_BUDGET_MS = 2000;
/** The editor's budget per file: it lints on the extension host's thread, shared by every extension. */
export const EDITOR_FILE_BUDGET_MS = 500;

export class BudgetExceeded extends Error {
  constructor(readonly limit: number) {
    super(`over the time budget of ${limit} ms`);
    this.name = 'BudgetExceeded';
  }
}

export class Deadline {
  private readonly end: number;
  private calls = 0;

  constructor(readonly budget: FileBudget) {
    this.end = budget.now() + budget.ms;
  }

  /** Throws `BudgetExceeded` when the budget is spent (reads the clock). */
  check(): void {
    if (this.budget.now() > this.end) throw new BudgetExceeded(this.budget.ms);
  }

  /** `check()` every 64th call: for the body of a loop over lines or blocks. */
  tick(): void {
    if ((++this.calls & 63) === 0) this.check();
  }
}

/**
 * `linter.lintText` within a budget: its result, or, once `deadline` is spent, a result that
 * says the file was skipped and why (as for any file the linter cannot take). One deadline may
 * serve several lints of one file (`--fix` passes). Without a deadline, just `lintText`.
 */
export function lintWithinBudget(linter: Linter, file: string, text: string, options: LintTextOptions, deadline: Deadline | undefined): CharterLint {
  if (!deadline) return linter.lintText(file, text, options);
  try {
    return linter.lintText(file, text, { ...options, deadline });
  } catch (e) {
    if (!(e instanceof BudgetExceeded)) throw e;
    const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    return linter.unlintable(file, src, t(linter.lang, 'skip.budget', { limit: e.limit }));
  }
}
