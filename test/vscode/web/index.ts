/** Entry of the browser (web worker) extension host tests, as on vscode.dev. */
import { runMocha } from '../harness/web/mocha-web';

export function run(): Promise<void> {
  return runMocha(
    () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded inside runMocha, after mocha's globals (suite, test) exist
      require('../suite/extension.test');
    },
    { ui: 'tdd', timeout: 60000 },
  );
}
