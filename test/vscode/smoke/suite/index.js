// Node extension host entry: `run()` is called by VS Code with the extension under test loaded.
'use strict';
const { runMocha } = require('../../harness/mocha-node');

exports.run = function run() {
  globalThis.EXPECTED_HOST = 'node';
  return runMocha(() => { require('./smoke.test'); });
};
