// Runs mocha inside VS Code's Node extension host. Works for plain and for bundled (esbuild) suites: the tests are
// loaded by the callback after mocha's globals (describe/it, or suite/test with ui 'tdd') are set.
//
//   // test/vscode/suite/index.ts
//   import { runMocha } from '../harness/mocha-node';
//   export function run() { return runMocha(() => { require('./extension.test'); }); }
//
// Env (reaches the extension host through code-server): MOCHA_GREP=pattern runs only the matching tests.
'use strict';
const Mocha = require('mocha');

exports.runMocha = function runMocha(loadTests, options = {}) {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20000, ...options });
  if (process.env.MOCHA_GREP) mocha.grep(process.env.MOCHA_GREP);
  mocha.suite.emit('pre-require', globalThis, 'bundle', mocha);
  loadTests();
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      // a plain closing line that CI and people can read: "LABEL: N passed, N failed[, N skipped]"
      const { passes = 0, pending = 0 } = runner.stats || {};
      console.log(`VSCodeNode: ${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
      if (failures > 0) reject(new Error(`${failures} test(s) failed.`));
      else if (passes + pending === 0) reject(new Error('no tests ran: did loadTests() require the test modules?'));
      else resolve();
    });
  });
};
