// A small stand-in for Node's `assert` (strict mode) in the browser extension host, where Node's is missing.
// web-bundle.mjs aliases `assert`, `assert/strict`, `node:assert` and `node:assert/strict` to this file.
// Covers what extension tests use: ok, equal/strictEqual, notEqual/notStrictEqual, deepEqual/deepStrictEqual,
// notDeepEqual/notDeepStrictEqual, match, doesNotMatch, throws, doesNotThrow, rejects, doesNotReject, fail.
'use strict';

class AssertionError extends Error {
  constructor({ message, actual, expected, operator }) {
    super(message);
    this.name = 'AssertionError';
    this.code = 'ERR_ASSERTION';
    this.actual = actual;
    this.expected = expected;
    this.operator = operator;
    this.generatedMessage = false;
  }
}

function show(v) {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'function') return `[Function ${v.name || 'anonymous'}]`;
  if (v instanceof RegExp || v instanceof Error) return String(v);
  try {
    const seen = new WeakSet();
    return JSON.stringify(v, (_k, x) => {
      if (typeof x === 'bigint') return `${x}n`;
      if (x instanceof Map) return { Map: [...x] };
      if (x instanceof Set) return { Set: [...x] };
      if (x && typeof x === 'object') { if (seen.has(x)) return '[Circular]'; seen.add(x); }
      return x === undefined ? '[undefined]' : x;
    }, 2) ?? String(v);
  } catch { return String(v); }
}

function fail(message, actual, expected, operator, defaultMessage) {
  if (message instanceof Error) throw message;
  throw new AssertionError({ message: message ?? defaultMessage, actual, expected, operator });
}

function isDeepEqual(a, b, seen = new Map()) {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  if (a instanceof Date) return Object.is(a.getTime(), b.getTime());
  if (a instanceof RegExp) return String(a) === String(b);
  if (a instanceof Error && (a.message !== b.message || a.name !== b.name)) return false;
  if (ArrayBuffer.isView(a)) {
    if (a.byteLength !== b.byteLength) return false;
    const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    return x.every((v, i) => v === y[i]);
  }
  if (a instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [k, v] of a) if (!b.has(k) || !isDeepEqual(v, b.get(k), seen)) return false;
    return true;
  }
  if (a instanceof Set) {
    if (a.size !== b.size) return false;
    outer: for (const v of a) {
      if (b.has(v)) continue;
      if (typeof v === 'object' && v !== null) for (const w of b) if (isDeepEqual(v, w, new Map(seen))) continue outer;
      return false;
    }
    return true;
  }
  if (Array.isArray(a) && a.length !== b.length) return false;
  const ka = Reflect.ownKeys(a).filter((k) => Object.prototype.propertyIsEnumerable.call(a, k));
  const kb = Reflect.ownKeys(b).filter((k) => Object.prototype.propertyIsEnumerable.call(b, k));
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.prototype.propertyIsEnumerable.call(b, k) || !isDeepEqual(a[k], b[k], seen)) return false;
  }
  return true;
}

// expected: a class (instanceof), a RegExp (tested on the message), an object (its keys are compared deeply,
// RegExp values tested on strings), or a function returning true
function checkError(err, expected, message, operator) {
  if (expected === undefined) return;
  if (typeof expected === 'function') {
    if (expected.prototype !== undefined && err instanceof expected) return;
    if (Error.isPrototypeOf(expected) || expected === Error) fail(message, err, expected, operator, `The error is expected to be an instance of "${expected.name}". Received ${show(err)}`);
    if (expected.call({}, err) === true) return;
    fail(message, err, expected, operator, `The validation function returned false for ${show(err)}`);
  }
  if (expected instanceof RegExp) {
    if (expected.test(String(err && err.message !== undefined ? err.message : err))) return;
    fail(message, err, expected, operator, `The error message ${show(err && err.message)} does not match ${expected}`);
  }
  if (typeof expected === 'object' && expected !== null) {
    for (const k of Object.keys(expected)) {
      const e = expected[k];
      const a = err == null ? undefined : err[k];
      const ok = e instanceof RegExp && typeof a === 'string' ? e.test(a) : isDeepEqual(a, e);
      if (!ok) fail(message, err, expected, operator, `The error's "${k}" is ${show(a)}, expected ${show(e)}`);
    }
  }
}

function assert(value, message) { ok(value, message); }
function ok(value, message) {
  if (!value) fail(message, value, true, '==', `The expression evaluated to a falsy value: ${show(value)}`);
}
function strictEqual(actual, expected, message) {
  if (!Object.is(actual, expected)) fail(message, actual, expected, 'strictEqual', `Expected values to be strictly equal:\n\n${show(actual)} !== ${show(expected)}`);
}
function notStrictEqual(actual, expected, message) {
  if (Object.is(actual, expected)) fail(message, actual, expected, 'notStrictEqual', `Expected "actual" to be strictly unequal to: ${show(expected)}`);
}
function deepStrictEqual(actual, expected, message) {
  if (!isDeepEqual(actual, expected)) fail(message, actual, expected, 'deepStrictEqual', `Expected values to be strictly deep-equal:\nactual:   ${show(actual)}\nexpected: ${show(expected)}`);
}
function notDeepStrictEqual(actual, expected, message) {
  if (isDeepEqual(actual, expected)) fail(message, actual, expected, 'notDeepStrictEqual', `Expected "actual" not to be strictly deep-equal to: ${show(expected)}`);
}
function match(string, regexp, message) {
  if (typeof string !== 'string' || !regexp.test(string)) fail(message, string, regexp, 'match', `The input did not match the regular expression ${regexp}. Input: ${show(string)}`);
}
function doesNotMatch(string, regexp, message) {
  if (typeof string !== 'string' || regexp.test(string)) fail(message, string, regexp, 'doesNotMatch', `The input was expected to not match the regular expression ${regexp}. Input: ${show(string)}`);
}
function throws(fn, expected, message) {
  if (typeof expected === 'string') { message = expected; expected = undefined; }
  try { fn(); } catch (e) { checkError(e, expected, message, 'throws'); return; }
  fail(message, undefined, expected, 'throws', 'Missing expected exception.');
}
function doesNotThrow(fn, message) {
  try { fn(); } catch (e) { fail(typeof message === 'string' ? message : undefined, e, undefined, 'doesNotThrow', `Got unwanted exception: ${show(e)}`); }
}
async function rejects(promiseOrFn, expected, message) {
  if (typeof expected === 'string') { message = expected; expected = undefined; }
  try { await (typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn); } catch (e) { checkError(e, expected, message, 'rejects'); return; }
  fail(message, undefined, expected, 'rejects', 'Missing expected rejection.');
}
async function doesNotReject(promiseOrFn, message) {
  try { await (typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn); } catch (e) { fail(typeof message === 'string' ? message : undefined, e, undefined, 'doesNotReject', `Got unwanted rejection: ${show(e)}`); }
}

Object.assign(assert, {
  AssertionError, ok, fail: (message = 'Failed') => fail(message, undefined, undefined, 'fail'),
  equal: strictEqual, strictEqual, notEqual: notStrictEqual, notStrictEqual,
  deepEqual: deepStrictEqual, deepStrictEqual, notDeepEqual: notDeepStrictEqual, notDeepStrictEqual,
  match, doesNotMatch, throws, doesNotThrow, rejects, doesNotReject,
});
assert.strict = assert;
module.exports = assert;
