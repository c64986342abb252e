// Runs mocha inside VS Code's browser (web worker) extension host. Bundle this with the tests through
// test/vscode/harness/web-bundle.mjs: it pulls in mocha's browser build (the Node build cannot load in a worker).
//
//   // test/vscode/web/index.ts
//   import { runMocha } from '../harness/web/mocha-web';
//   export function run() { return runMocha(() => { require('../suite/extension.test'); }); }
'use strict';
// the UMD browser build; bundled as CommonJS it exports the ready-made `mocha` instance
const mocha = require('mocha/mocha.js');

exports.runMocha = function runMocha(loadTests, options = {}) {
  // reporter undefined = 'spec', written with console.log, which VS Code forwards to the test runner
  mocha.setup({ ui: 'bdd', reporter: undefined, color: false, timeout: 20000, ...options });
  loadTests();
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      // a plain closing line that CI and people can read: "LABEL: N passed, N failed[, N skipped]"
      const { passes = 0, pending = 0 } = runner.stats || {};
      console.log(`VSCodeWeb: ${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
      if (failures > 0) reject(new Error(`${failures} test(s) failed.`));
      else if (passes + pending === 0) reject(new Error('no tests ran: did loadTests() require the test modules?'));
      else resolve();
    });
  });
};
