import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { declaredDelimiter, sniffDelimiter } from './delimiter-sniffing.js';

describe('sniffDelimiter', () => {
  test('picks the delimiter that splits the rows into the most consistent columns', () => {
    assert.equal(sniffDelimiter('a,b,c\n1,2,3\n4,5,6\n'), ',');
    assert.equal(sniffDelimiter('a;b;c\n1,5;2;3\n4;5,5;6\n'), ';');
    assert.equal(sniffDelimiter('a\tb\tc\n1, 2\t2\t3\n'), '\t');
    assert.equal(sniffDelimiter('a|b|c\n"x|y"|2|3\n'), '|');
  });

  test('looks past delimiters inside quoted values and line breaks inside quotes', () => {
    assert.equal(sniffDelimiter('name;note\n"Lee, Ann";"a, b, c"\n"Bo";"x,\ny"\n'), ';');
  });

  test("splits an older system's export on ~ or ^, when no usual delimiter splits it and every record splits alike", () => {
    assert.equal(sniffDelimiter('Name~Phone~City\nAnn Lee~415-555-0134~SF\nBo~415-555-0135~LA\n'), '~');
    assert.equal(sniffDelimiter('NAME^PHONE\nLEE^4155550134\n'), '^');
    // A comma splits: the usual delimiters come first. A header that does not split is one column's; a ':' is text.
    assert.equal(sniffDelimiter('Name,Note\nAnn,a~b\nBo,c~d\n'), ',');
    const labelled = ['Phone', ...Array.from({ length: 20 }, (_, i) => `Tel~ 415-555-${String(1000 + i)}`)].join('\n');
    assert.equal(sniffDelimiter(`${labelled}\n`), ',');
    assert.equal(sniffDelimiter(`Blacklist\n${Array.from({ length: 20 }, (_, i) => `Tel: 415-555-${String(1000 + i)}`).join('\n')}\n`), ',');
  });

  test('lets the preferred delimiter of the file name win a tie, and falls back to comma', () => {
    assert.equal(sniffDelimiter('a\tb,c\n1\t2,3\n', '\t'), '\t');
    assert.equal(sniffDelimiter('one column\nonly\n'), ',');
  });
});

describe('declaredDelimiter', () => {
  test("reads Excel's sep= first line, quoted or not, after a BOM, whatever the line ending", () => {
    assert.equal(declaredDelimiter('sep=;\r\nName;Phone\r\n'), ';');
    assert.equal(declaredDelimiter('\uFEFFSEP=|\nName|Phone\n'), '|');
    assert.equal(declaredDelimiter('"sep=,"\rName,Phone\r'), ',');
    assert.equal(declaredDelimiter('sep=\t\nName\tPhone\n'), '\t');
  });

  test('is no directive anywhere but a first line of its own, nor with a quote or nothing as the delimiter', () => {
    assert.equal(declaredDelimiter('Name,Phone\nsep=;\n'), null);
    assert.equal(declaredDelimiter('sep=;Name;Phone\n'), null);
    assert.equal(declaredDelimiter('sep=\nName\n'), null);
    assert.equal(declaredDelimiter('sep="\nName\n'), null);
    assert.equal(declaredDelimiter('separator=;\n'), null);
  });
});
