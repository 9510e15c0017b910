import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { createChunkDecoder } from './text-decoding.js';

test('composes the tone marks Windows-1258 writes apart, also where a chunk ends between a vowel and its mark', () => {
  // "Nguyễn" as Windows-1258 writes it: ê, then the tilde apart.
  const bytes = iconv.encode('Nguye\u0302\u0303n,Hà Nội\r\n'.normalize('NFC').replace('ễ', 'ê\u0303').replace('ộ', 'ô\u0323'), 'windows-1258');
  for (let cut = 1; cut < bytes.length; cut++) {
    const decoder = createChunkDecoder('windows-1258');
    const text = decoder.decode(bytes.subarray(0, cut)).text + decoder.decode(bytes.subarray(cut)).text + decoder.end().text;
    assert.equal(text, 'Nguyễn,Hà Nội\r\n', `cut at byte ${cut}`);
  }
});

test('says which chunk held bytes invalid in UTF-8, and keeps a U+FFFD the file holds as written', () => {
  const decoder = createChunkDecoder('utf-8');
  assert.deepEqual(decoder.decode(Buffer.from('Ann,\uFFFD\n', 'utf8')), { text: 'Ann,\uFFFD\n', hasInvalidBytes: false });
  assert.deepEqual(decoder.decode(Buffer.from([0x42, 0x6f, 0xff, 0x0a])), { text: 'Bo\uFFFD\n', hasInvalidBytes: true });
});
