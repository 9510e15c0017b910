import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bracketedTexts, normaliseHeader, splitHeaderWords } from './header-normalisation.js';
import { editDistance, similarity } from './string-similarity.js';

describe('normaliseHeader', () => {
  test('lower-cases and drops spaces, punctuation, underscores and dashes', () => {
    assert.equal(normaliseHeader('  E-Mail_Address. '), 'emailaddress');
    assert.equal(normaliseHeader('Zip/Postal Code'), 'zippostalcode');
    assert.equal(normaliseHeader('Mobile #'), 'mobile');
    assert.equal(normaliseHeader('Phone 2'), 'phone2');
  });

  test('turns full-width characters into half-width ones', () => {
    assert.equal(normaliseHeader('Ｅｍａｉｌ'), 'email');
    assert.equal(normaliseHeader('手机号码（主）'), '手机号码主');
    assert.equal(normaliseHeader('ＴＥＬ１'), 'tel1');
  });

  test('folds common traditional Chinese characters to simplified ones', () => {
    assert.equal(normaliseHeader('電話號碼'), normaliseHeader('电话号码'));
    assert.equal(normaliseHeader('郵遞區號'), '邮递区号');
  });

  test('takes accents off Latin letters only, whether typed precomposed or combining', () => {
    assert.equal(normaliseHeader('Teléfono Móvil'), 'telefonomovil');
    assert.equal(normaliseHeader('Te\u0301le\u0301phone'), 'telephone');
    assert.equal(normaliseHeader('İL ŞEHİR'), 'ilsehir');
    assert.equal(normaliseHeader('Straße'), 'straße');
    assert.equal(normaliseHeader('Мобильный'), 'мобильный');
    assert.equal(normaliseHeader('データ'), 'データ');
    assert.deepEqual(splitHeaderWords('Número de Teléfono'), ['numero', 'de', 'telefono']);
  });

  test('drops a byte-order mark and control characters', () => {
    assert.equal(normaliseHeader('\uFEFFName\u0000'), 'name');
    assert.equal(normaliseHeader(''), '');
  });
});

describe('splitHeaderWords', () => {
  test('splits at spaces, punctuation, digits and camelCase, and Chinese into characters', () => {
    assert.deepEqual(splitHeaderWords('HomePhone 2'), ['home', 'phone', '2']);
    assert.deepEqual(splitHeaderWords('E-mail addr.'), ['e', 'mail', 'addr']);
    assert.deepEqual(splitHeaderWords('公司地址'), ['公', '司', '地', '址']);
    assert.deepEqual(splitHeaderWords('E-mail地址'), ['e', 'mail', '地', '址']);
  });

  test('finds what brackets hold', () => {
    assert.deepEqual(bracketedTexts('Phone Number (Mobile)'), ['Mobile']);
    assert.deepEqual(bracketedTexts('性别（男/女）'), ['男/女']);
  });
});

describe('string similarity', () => {
  test('counts an adjacent transposition as one edit', () => {
    assert.equal(editDistance('emial', 'email'), 1);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('', 'abc'), 3);
  });

  test('scales from 1 for equal strings to 0 for nothing in common', () => {
    assert.equal(similarity('phone', 'phone'), 1);
    assert.equal(similarity('abc', 'xyz'), 0);
    assert.equal(similarity('', ''), 1);
    assert.ok(Math.abs(similarity('adress', 'address') - 6 / 7) < 1e-9);
    assert.equal(similarity('电话', '电邮'), 0.5);
  });
});
