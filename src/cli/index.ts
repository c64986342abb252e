/** Entry of the CLI bundle: `run()` wires process I/O into `main`. */
import { main } from './main';

export { main } from './main';

export function run(): void {
  main({
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    stdoutBytes: (data) => process.stdout.write(data),
    stdoutIsTTY: process.stdout.isTTY === true,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`charters: internal error: ${String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
