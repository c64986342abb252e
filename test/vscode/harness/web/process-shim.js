// Injected (esbuild `inject`) into the web test bundle: stands in for the free `process` that test code and its
// dependencies may read. Scoped to the bundle; it does not create a global.
export const process = {
  env: {},
  argv: [],
  platform: 'browser',
  browser: true,
  version: '',
  versions: {},
  cwd: () => '/',
  nextTick: (fn, ...args) => queueMicrotask(() => fn(...args)),
  on() { return this; },
  once() { return this; },
  off() { return this; },
  emit: () => false,
  stdout: { write: (s) => { console.log(String(s).replace(/\n$/, '')); return true; }, isTTY: false },
  stderr: { write: (s) => { console.error(String(s).replace(/\n$/, '')); return true; }, isTTY: false },
};
