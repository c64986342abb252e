/** Owners of a charter: one name, a list or a separated text; one person, one identity. */
import assert from 'node:assert/strict';
import { canonicalOwners, isOwnerValue, normaliseOwnerName, ownerKey, ownerNames, ownersOf, ownersOfValue } from '../../../src/core/owners';

const names = (data: Record<string, unknown> | undefined): string[] => ownersOf(data).map((o) => o.name);

describe('owners', () => {
  it('one name, a YAML list, or names separated by commas or semicolons', () => {
    assert.deepEqual(names({ owner: 'Anna Laine' }), ['Anna Laine']);
    assert.deepEqual(names({ owner: ['Anna Laine', 'Matti Virtanen'] }), ['Anna Laine', 'Matti Virtanen']);
    assert.deepEqual(names({ owner: 'Anna Laine, Matti Virtanen' }), ['Anna Laine', 'Matti Virtanen']);
    assert.deepEqual(names({ owner: 'Anna Laine; Matti Virtanen ;Pekka Mäkinen' }), ['Anna Laine', 'Matti Virtanen', 'Pekka Mäkinen']);
    assert.deepEqual(names({ owner: ['Anna Laine, Matti Virtanen', 'Pekka Mäkinen'] }), ['Anna Laine', 'Matti Virtanen', 'Pekka Mäkinen']);
  });

  it('a comma or semicolon inside parentheses or brackets does not split a name', () => {
    assert.deepEqual(names({ owner: 'Anna Laine (HR, Tampere), Matti Virtanen [CEO; acting]' }), ['Anna Laine (HR, Tampere)', 'Matti Virtanen [CEO; acting]']);
    // an unbalanced closing parenthesis does not swallow the rest
    assert.deepEqual(names({ owner: 'A) B, C' }), ['A) B', 'C']);
  });

  it('names are trimmed, white space collapsed, NFC; empty parts and non-text values dropped', () => {
    assert.deepEqual(names({ owner: '  Anna\t\u00a0 Laine \n' }), ['Anna Laine']);
    assert.deepEqual(names({ owner: 'Pekka Ma\u0308kinen' }), ['Pekka M\u00e4kinen']);
    assert.deepEqual(names({ owner: ', ,Anna,,' }), ['Anna']);
    assert.deepEqual(names({ owner: ['', null, { name: 'x' }, 42, 'Anna'] }), ['42', 'Anna']);
    assert.deepEqual(names({ owner: null }), []);
    assert.deepEqual(names({ owner: '' }), []);
    assert.deepEqual(names({}), []);
    assert.deepEqual(names(undefined), []);
    assert.equal(normaliseOwnerName('x'.repeat(500)).length, 200);
  });

  it('identity folds case (not accents); a person appears once per charter, as first written', () => {
    assert.equal(ownerKey('ANNA  Laine'), ownerKey('anna laine'));
    assert.equal(ownerKey('Pekka Ma\u0308kinen'), ownerKey('PEKKA M\u00c4KINEN'));
    assert.notEqual(ownerKey('Mäki'), ownerKey('Maki'));
    assert.deepEqual(ownersOfValue('Anna Laine, anna  LAINE, Matti'), [
      { name: 'Anna Laine', key: 'anna laine' },
      { name: 'Matti', key: 'matti' },
    ]);
  });

  it('one spelling per person across charters: the first', () => {
    const lists = canonicalOwners([ownersOfValue('Anna Laine'), ownersOfValue(['anna  LAINE', 'Matti'])]);
    assert.deepEqual(lists.map((l) => l.map((o) => o.name)), [['Anna Laine'], ['Anna Laine', 'Matti']]);
  });

  it('names of a value, and which values an owner may be', () => {
    assert.deepEqual(ownerNames(['Anna Laine (HR, Tampere)', 'anna laine (hr, tampere)', 1234]), ['Anna Laine (HR, Tampere)', '1234']);
    for (const ok of ['Anna', 1234, null, undefined, ['Anna', 'Matti'], []]) assert.equal(isOwnerValue(ok), true, JSON.stringify(ok));
    for (const bad of [{ name: 'Anna' }, ['Anna', { name: 'Matti' }], [['Anna']]]) assert.equal(isOwnerValue(bad), false, JSON.stringify(bad));
  });
});
