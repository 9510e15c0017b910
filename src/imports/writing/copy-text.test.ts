import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCopyValueReader, decodeCopyValue } from './copy-text.js';

test('reads back the escapes COPY TO writes, so a stored key with a backslash or a tab is the key itself', () => {
  assert.equal(decodeCopyValue('name:o\\\\brien'), 'name:o\\brien');
  assert.equal(decodeCopyValue('a\\tb\\nc\\rd'), 'a\tb\nc\rd');
  assert.equal(decodeCopyValue('\\N'), null);
  assert.equal(decodeCopyValue('\\\\N'), '\\N');
  assert.equal(decodeCopyValue('+12125550147'), '+12125550147');
});

test('cuts values out of chunks split anywhere, inside a line or inside a character', () => {
  const values = ['+12125550147', 'zoë@exemple.fr', 'name:山田 太郎', 'back\\slash', 'emoji 📞'];
  const text = Buffer.from(`${values.map((value) => value.replaceAll('\\', '\\\\')).join('\n')}\n\\N\n`);
  for (let size = 1; size <= 7; size++) {
    const seen: string[] = [];
    const reader = createCopyValueReader((value) => seen.push(value));
    for (let start = 0; start < text.length; start += size) reader.push(text.subarray(start, start + size));
    reader.end();
    assert.deepEqual(seen, values, `chunks of ${size} bytes`);
  }
});

test('takes a last line without its line break', () => {
  const seen: string[] = [];
  const reader = createCopyValueReader((value) => seen.push(value));
  reader.push(Buffer.from('a\nb'));
  reader.end();
  assert.deepEqual(seen, ['a', 'b']);
});
