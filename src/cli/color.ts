/**
 * Whether the CLI colours its output. In order, the first that speaks decides:
 *
 * 1. `--no-color` / `--color` on the command line (when both are given, `--no-color`);
 * 2. `--output FILE`: a report file gets no colour codes;
 * 3. `FORCE_COLOR` (as Node.js reads it): `0` or `false` turns colour off, any other value on;
 * 4. `NO_COLOR` with any non-empty value (https://no-color.org): off;
 * 5. otherwise colour only on a terminal (standard output is a TTY) whose `TERM` is not `dumb`.
 */
export interface ColorInputs {
  /** `--color` given (true), `--no-color` given (false), or neither (undefined). */
  flag: boolean | undefined;
  /** The report goes to a file (`--output`). */
  toFile: boolean;
  env: Record<string, string | undefined>;
  /** Whether standard output is a terminal. */
  isTTY: boolean;
}

export function useColor({ flag, toFile, env, isTTY }: ColorInputs): boolean {
  if (flag !== undefined) return flag;
  if (toFile) return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env['NO_COLOR']) return false;
  return isTTY && env['TERM'] !== 'dumb';
}
