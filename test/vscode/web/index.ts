/** Entry of the browser (web worker) extension host tests, as on vscode.dev. */
import { runMocha } from '../harness/web/mocha-web';

export function run(): Promise<void> {
  return runMocha(
    () => {
      require('../suite/extension.test');
    },
    { ui: 'tdd', timeout: 60000 },
  );
}
