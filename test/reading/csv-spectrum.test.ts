import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { corpusFolder, readWhole } from './support/reading-fixtures.js';

const folder = corpusFolder('csv-spectrum');
const cases = readdirSync(join(folder, 'csvs')).filter((name) => name.endsWith('.csv')).sort();

describe('csv-spectrum', () => {
  test('has its eleven cases, each with an expected JSON', () => {
    assert.ok(cases.length >= 11, `only ${cases.length} cases in ${folder}`);
    for (const name of cases) assert.ok(readdirSync(join(folder, 'json')).includes(`${basename(name, '.csv')}.json`), name);
  });

  for (const name of cases) {
    test(`parses ${name} to exactly its expected JSON`, async () => {
      const expected = JSON.parse(readFileSync(join(folder, 'json', `${basename(name, '.csv')}.json`), 'utf8')) as Record<string, string>[];
      const result = await readWhole(join(folder, 'csvs', name));
      assert.equal(result.delimiter, ',');
      const actual = result.records.map((record) => {
        assert.equal(record.error, undefined, `line ${record.line}: ${record.error}`);
        return Object.fromEntries(result.headers.map((header, i) => [header, record.values[i] ?? '']));
      });
      assert.deepEqual(actual, expected);
    });
  }
});
