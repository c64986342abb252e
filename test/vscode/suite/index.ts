/** Entry of the Node extension host tests (bundled to out/test/vscode/suite/index.js). */
import { runMocha } from '../harness/mocha-node';

export function run(): Promise<void> {
  return runMocha(
    () => {
      require('./extension.test');
      require('./security.test');
      require('./walkthrough.test');
    },
    { ui: 'tdd', timeout: 60000 },
  );
}
