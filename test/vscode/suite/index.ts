/** Entry of the Node extension host tests (bundled to out/test/vscode/suite/index.js). */
import { runMocha } from '../harness/mocha-node';

export function run(): Promise<void> {
  return runMocha(
    () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded inside runMocha, after mocha's globals (suite, test) exist
      require('./extension.test');
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded inside runMocha, after mocha's globals (suite, test) exist
      require('./security.test');
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded inside runMocha, after mocha's globals (suite, test) exist
      require('./walkthrough.test');
    },
    { ui: 'tdd', timeout: 60000 },
  );
}
