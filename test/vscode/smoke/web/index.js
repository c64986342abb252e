// Browser extension host entry, bundled into out/web/index.js by `npm run test:web` (harness/web-bundle.mjs).
'use strict';
const { runMocha } = require('../../harness/web/mocha-web');

exports.run = function run() {
  globalThis.EXPECTED_HOST = 'web';
  return runMocha(() => { require('../suite/smoke.test'); });
};
