import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CsvRecordSplitter, type CsvSplitterSettings } from './csv-record-splitter.js';
import type { SourceRecord } from './source-types.js';

const SETTINGS: CsvSplitterSettings = { delimiter: ',', maxColumns: 2_000, maxCellLength: 32_767, maxRecordBytes: 1024 ** 2, encoding: 'utf-8' };

function split(text: string, options: { cuts?: number[]; settings?: Partial<CsvSplitterSettings> } = {}): SourceRecord[] {
  const splitter = new CsvRecordSplitter({ ...SETTINGS, ...options.settings });
  const records: SourceRecord[] = [];
  let previous = 0;
  for (const cut of options.cuts ?? []) {
    records.push(...splitter.push(text.slice(previous, cut), false));
    previous = cut;
  }
  records.push(...splitter.push(text.slice(previous), true));
  return records;
}

function everyCut(text: string): number[][] {
  const cuts: number[][] = [];
  for (let i = 1; i < text.length; i++) cuts.push([i]);
  return cuts;
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

describe('CsvRecordSplitter', () => {
  test('splits RFC 4180 records: quoted delimiters, escaped quotes, line breaks inside quotes', () => {
    const records = split('a,b,c\n1,"x, y","say ""hi"""\n2,"two\nlines",z\n');
    assert.deepEqual(records, [
      { line: 1, values: ['a', 'b', 'c'] },
      { line: 2, values: ['1', 'x, y', 'say "hi"'] },
      { line: 3, values: ['2', 'two\nlines', 'z'] },
    ]);
  });

  test('gives each record the physical line where it starts, counting line breaks inside quotes', () => {
    const records = split('h\n"a\n\nb"\nc\n"d\r\ne"\nf');
    assert.deepEqual(records.map((record) => record.line), [1, 2, 5, 6, 8]);
    assert.deepEqual(records.map((record) => record.values[0]), ['h', 'a\n\nb', 'c', 'd\r\ne', 'f']);
  });

  test('reads CRLF, LF, CR-only and mixed line ends alike', () => {
    const expected = [{ line: 1, values: ['a', 'b'] }, { line: 2, values: ['1', '2'] }, { line: 3, values: ['3', '4'] }];
    for (const text of ['a,b\r\n1,2\r\n3,4\r\n', 'a,b\n1,2\n3,4\n', 'a,b\r1,2\r3,4\r', 'a,b\r\n1,2\r3,4\n', 'a,b\r1,2\r\n3,4']) {
      assert.deepEqual(split(text), expected, JSON.stringify(text));
      for (const cuts of everyCut(text)) assert.deepEqual(split(text, { cuts }), expected, `${JSON.stringify(text)} cut at ${cuts}`);
    }
  });

  test('keeps a CRLF inside a quoted value and drops the CRLF that ends a quoted last value', () => {
    assert.deepEqual(split('a,"b\r\nc"\r\n"d","e"\r\n'), [{ line: 1, values: ['a', 'b\r\nc'] }, { line: 3, values: ['d', 'e'] }]);
  });

  test('gives the same records however the text is cut into chunks', () => {
    const next = random(7);
    const pieces = ['a', 'é', '中', ' ', ',', '"', '\n', '\r\n'];
    for (let round = 0; round < 300; round++) {
      const lines: string[] = [];
      for (let r = 0; r < 1 + Math.floor(next() * 6); r++) {
        const fields: string[] = [];
        for (let f = 0; f < 1 + Math.floor(next() * 4); f++) {
          let value = '';
          for (let i = 0; i < Math.floor(next() * 5); i++) value += pieces[Math.floor(next() * pieces.length)];
          fields.push(/[",\r\n]/.test(value) || next() < 0.2 ? `"${value.replaceAll('"', '""')}"` : value);
        }
        lines.push(fields.join(','));
      }
      const text = lines.map((line) => line + ['\n', '\r\n', '\r'][Math.floor(next() * 3)]).join('');
      const whole = split(text);
      assert.equal(whole.filter((record) => record.error !== undefined).length, 0, JSON.stringify(text));
      const cuts = [...Array(text.length).keys()].filter((i) => i > 0 && next() < 0.2);
      assert.deepEqual(split(text, { cuts }), whole, `${JSON.stringify(text)} cut at ${cuts}`);
    }
  });

  test('reads an empty line as an empty record and adds none after the last line break', () => {
    assert.deepEqual(split('a\n\nb\n'), [{ line: 1, values: ['a'] }, { line: 2, values: [''] }, { line: 3, values: ['b'] }]);
    assert.deepEqual(split('a\n', { cuts: [2] }), [{ line: 1, values: ['a'] }]);
    assert.deepEqual(split('a\n\n', { cuts: [2] }), [{ line: 1, values: ['a'] }, { line: 2, values: [''] }]);
  });

  test('splits on a delimiter of several characters', () => {
    assert.deepEqual(split('a||b||"c||d"\n', { settings: { delimiter: '||' } }), [{ line: 1, values: ['a', 'b', 'c||d'] }]);
  });
});

describe('CsvRecordSplitter recovery', () => {
  /** Rows like a real customer list: some notes quoted, with commas and line breaks. */
  function customerRows(count: number): string[] {
    const rows: string[] = ['name,phone,note'];
    for (let i = 1; i < count; i++) {
      const note = i % 7 === 0 ? '"call after 5pm, ask for ""Ann"""' : i % 11 === 0 ? '"line one\nline two"' : 'VIP';
      rows.push(`Customer ${i},555-${String(i).padStart(7, '0')},${note}`);
    }
    return rows;
  }

  test('an unclosed quote on record 3 of 100,000 fails that record and the rest are read', () => {
    const rows = customerRows(100_000);
    rows[3] = 'Customer 3,555-0000003,"forgot to close';
    const text = `${rows.join('\n')}\n`;
    const cuts = [];
    for (let at = 65_536; at < text.length; at += 65_536) cuts.push(at);
    const records = split(text, { cuts });
    const errors = records.filter((record) => record.error !== undefined);
    assert.equal(errors.length, 1);
    assert.equal(errors[0]?.line, 4);
    assert.match(errors[0]?.error ?? '', /^Line 4 has a quoted value that is never closed/);
    assert.deepEqual(errors[0]?.values, ['Customer 3', '555-0000003', '"forgot to close']);
    assert.equal(records.length, 100_000);
    const byName = new Map(records.map((record) => [record.values[0], record]));
    assert.deepEqual(byName.get('Customer 7')?.values, ['Customer 7', '555-0000007', 'call after 5pm, ask for "Ann"']);
    assert.deepEqual(byName.get('Customer 11')?.values, ['Customer 11', '555-0000011', 'line one\nline two']);
    const last = records[records.length - 1];
    assert.deepEqual(last?.values[0], 'Customer 99999');
    assert.equal(last?.line, 100_000 + Math.floor(99_999 / 11) - Math.floor(99_999 / 77));
  });

  test('an unclosed quote with no quote after it fails its record once it is longer than the limit', () => {
    const lines = ['a,b', '1,"never closed'];
    for (let i = 0; i < 5_000; i++) lines.push(`${i},plain`);
    const text = lines.join('\n');
    const records = split(text, { cuts: [20_000, 40_000], settings: { maxRecordBytes: 16 * 1024 } });
    assert.deepEqual(records.slice(0, 2).map((record) => [record.line, record.error?.slice(0, 41)]), [[1, undefined], [2, 'Line 2 has a quoted value that is never c']]);
    assert.equal(records.length, 5_002);
    assert.deepEqual(records[2], { line: 3, values: ['0', 'plain'] });
    assert.deepEqual(records[5_001], { line: 5_002, values: ['4999', 'plain'] });
  });

  test('an unclosed quote near the end of the file fails its record and the lines after it are read', () => {
    assert.deepEqual(split('a,b\n1,"oops\n2,x\n3,y'), [
      { line: 1, values: ['a', 'b'] },
      { line: 2, values: ['1', '"oops'], error: 'Line 2 has a quoted value that is never closed (a " without its closing "); the record was not read. Fix the quotes on this line.' },
      { line: 3, values: ['2', 'x'] },
      { line: 4, values: ['3', 'y'] },
    ]);
  });

  test('text after a closing quote fails its record with that reason, and the lines after it are read', () => {
    const records = split('name,phone\n"Big" Bob,2125550302\nAnn,2125550303\n');
    assert.deepEqual(records.map((record) => [record.line, record.error === undefined ? record.values : record.error.slice(0, 61)]), [
      [1, ['name', 'phone']],
      [2, 'Line 2 has text after the closing quote of a quoted value (as'],
      [3, ['Ann', '2125550303']],
    ]);
  });

  test('a quote out of place reads as written when it leaves no doubt, and fails its record when a value would swallow a delimiter', () => {
    const records = split('name,phone\n"Dwayne "The Rock" Johnson",2125550301\n"Ann,"2125550302"\nBo,2125550303\n');
    assert.deepEqual(records.map((record) => [record.line, record.error === undefined ? record.values : record.error.slice(0, 61)]), [
      [1, ['name', 'phone']],
      [2, ['Dwayne "The Rock" Johnson', '2125550301']],
      [3, 'Line 3 has text after the closing quote of a quoted value (as'],
      [4, ['Bo', '2125550303']],
    ]);
  });

  test('a line without a line break, longer than the limit, fails alone and is never held in memory whole', () => {
    const splitter = new CsvRecordSplitter({ ...SETTINGS, maxRecordBytes: 64 * 1024 });
    const records = splitter.push('a,b\n1,2\n', false);
    const megabyte = 'x'.repeat(1024 ** 2);
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    for (let i = 0; i < 100; i++) {
      records.push(...splitter.push(megabyte, false));
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    }
    records.push(...splitter.push('\n3,4\n', true));
    assert.ok(heapPeak - heapBefore < 40 * 1024 ** 2, `heap grew by ${Math.round((heapPeak - heapBefore) / 1024 ** 2)} MB`);
    assert.deepEqual(records.map((record) => record.line), [1, 2, 3, 4]);
    assert.match(records[2]?.error ?? '', /^The record on line 3 is longer than 65,536 bytes/);
    assert.deepEqual(records[3], { line: 4, values: ['3', '4'] });
  });

  test('a whole record longer than the limit fails alone', () => {
    const records = split(`a\n"${'y'.repeat(5_000)}\n${'z'.repeat(5_000)}"\nb\n`, { settings: { maxRecordBytes: 4_096 } });
    assert.deepEqual(records.map((record) => [record.line, record.error === undefined]), [[1, true], [2, false], [4, true]]);
  });

  test('reads a file full of stray quotes in one pass, one record or error per line', () => {
    const lines: string[] = [];
    for (let i = 0; i < 100_000; i++) lines.push(i % 3 === 0 ? `${i},"open` : i % 3 === 1 ? `${i},x"y` : `${i},"a"b"`);
    const text = `${lines.join('\n')}\n${'"closes",z'}\n`;
    const started = performance.now();
    const records = split(text, { cuts: [1024 ** 2, 2 * 1024 ** 2] });
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 5_000, `took ${Math.round(elapsed)} ms`);
    assert.equal(records[records.length - 1]?.line, 100_001);
    // Every line is accounted for exactly once, as a record or as an error.
    assert.deepEqual(records.map((record) => record.line), [...Array(100_001).keys()].map((i) => i + 1));
  });

  test('reports invalid bytes on the record that holds them, not on its neighbours', () => {
    const splitter = new CsvRecordSplitter(SETTINGS);
    const records = [...splitter.push('a,b\n1,caf\uFFFD\n2,ok\n', false, true), ...splitter.push('', true)];
    assert.equal(records[0]?.error, undefined);
    assert.match(records[1]?.error ?? '', /^Line 2 contains bytes that are not valid utf-8/);
    assert.deepEqual(records[1]?.values, ['1', 'caf\uFFFD']);
    assert.equal(records[2]?.error, undefined);
  });

  test('a U+FFFD that the file really holds is not an invalid byte', () => {
    const splitter = new CsvRecordSplitter(SETTINGS);
    assert.deepEqual(splitter.push('a\n\uFFFD\n', true, false), [{ line: 1, values: ['a'] }, { line: 2, values: ['\uFFFD'] }]);
  });

  test('fails a record with too many columns or too long a cell, keeping what fits', () => {
    const records = split(`a\n1,2,3,4\n${'x'.repeat(50)},y\n`, { settings: { maxColumns: 3, maxCellLength: 10 } });
    assert.deepEqual(records[1], { line: 2, values: ['1', '2', '3'], error: 'Line 2 has 4 columns, more than the limit of 3.' });
    assert.deepEqual(records[2], { line: 3, values: ['x'.repeat(10), 'y'], error: 'Line 3, column 1: the value is 50 characters long, more than the limit of 10.' });
  });
});
