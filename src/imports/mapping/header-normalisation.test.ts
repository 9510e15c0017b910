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

  test('takes accents off Greek letters, so capitals typed without them match, and reads a final sigma as σ', () => {
    assert.equal(normaliseHeader('Τηλέφωνο'), normaliseHeader('ΤΗΛΕΦΩΝΟ'));
    assert.equal(normaliseHeader('Όνομα'), 'ονομα');
    assert.equal(normaliseHeader('Διεύθυνση'), 'διευθυνση');
    assert.equal(normaliseHeader('ΟΔΟΣ'), normaliseHeader('Οδός'));
    assert.equal(normaliseHeader('Ταχ. Κώδικας'), 'ταχκωδικασ');
    assert.deepEqual(splitHeaderWords('Αριθμός Τηλεφώνου'), ['αριθμοσ', 'τηλεφωνου']);
  });

  test('reads the Latin letters with a stroke or without a dot as the plain ones', () => {
    assert.equal(normaliseHeader('Płeć'), normaliseHeader('Plec'));
    assert.equal(normaliseHeader('Miejscowość'), 'miejscowosc');
    assert.equal(normaliseHeader('Fødselsdato'), 'fodselsdato');
    assert.equal(normaliseHeader('Địa Chỉ'), 'diachi');
    assert.equal(normaliseHeader('Adı Soyadı'), normaliseHeader('ADI SOYADI'));
  });

  test('takes vowel points and hamza off Hebrew and Arabic, and makes one of the Arabic letters typed for one another', () => {
    assert.equal(normaliseHeader('البريد الإلكتروني'), normaliseHeader('البريد الالكتروني'));
    assert.equal(normaliseHeader('المدينة'), normaliseHeader('المدينه'));
    assert.equal(normaliseHeader('الـمـديـنـة'), normaliseHeader('المدينة'));
    assert.equal(normaliseHeader('البريد الالكترونى'), normaliseHeader('البريد الالكتروني'));
    assert.equal(normaliseHeader('اَلْهَاتِف'), 'الهاتف');
    assert.notEqual(normaliseHeader('الاسم'), normaliseHeader('اسم'));
    assert.equal(normaliseHeader('טֶלֶפוֹן'), 'טלפון');
  });

  test('keeps an abbreviation or an apostrophe inside a word one word', () => {
    assert.deepEqual(splitHeaderWords('כתובת דוא"ל'), ['כתובת', 'דואל']);
    assert.equal(normaliseHeader('דוא״ל'), normaliseHeader('דוא"ל'));
    assert.deepEqual(splitHeaderWords("Повне ім'я"), ['повне', 'імя']);
    assert.equal(normaliseHeader('Ім’я'), normaliseHeader('Імʼя'));
    assert.equal(normaliseHeader("Ім'я"), 'імя');
    assert.deepEqual(splitHeaderWords("Numéro d'client"), ['numero', 'd', 'client']);
  });

  test('keeps the vowel signs of Devanagari and Thai, drops the nukta, and reads their digits and Arabic ones as ASCII', () => {
    assert.equal(normaliseHeader('फ़ोन'), normaliseHeader('फोन'));
    assert.equal(normaliseHeader('टिप्पणियाँ'), normaliseHeader('टिप्पणियां'));
    assert.notEqual(normaliseHeader('पता'), normaliseHeader('पिता'));
    assert.equal(normaliseHeader('ชื่อ'), 'ชื่อ');
    assert.notEqual(normaliseHeader('ชื่อ'), normaliseHeader('ชอ'));
    assert.equal(normaliseHeader('Мобільний'), 'мобільний');
    assert.equal(normaliseHeader('Йод'), 'йод');
    assert.deepEqual(splitHeaderWords('هاتف ٢'), ['هاتف', '2']);
    assert.equal(normaliseHeader('फोन २'), 'फोन2');
    assert.equal(normaliseHeader('โทร ๓'), 'โทร3');
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
