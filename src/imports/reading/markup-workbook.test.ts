import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { markupEncoding } from './markup-workbook.js';
import { decodeCharacterReferences } from './sheetjs-source.js';

test('character references become their characters, except those that stand for markup', () => {
  assert.equal(decodeCharacterReferences('<td>Jos&eacute; &#233;&#x4e2D; &nbsp;</td>'), '<td>José é中 \u00a0</td>');
  assert.equal(decodeCharacterReferences('<td>R&amp;D &lt;b&gt; &quot;x&quot; &#38; &#60;</td>'), '<td>R&amp;D &lt;b&gt; &quot;x&quot; &#38; &#60;</td>');
  assert.equal(decodeCharacterReferences('AT&T; &unknownname; & alone'), 'AT&T; &unknownname; & alone');
});

test("a page's encoding: its BOM, its meta charset, its XML declaration, else what its text is in", () => {
  assert.deepEqual(markupEncoding(Buffer.from('\uFEFF<table>', 'utf8')), { encoding: 'utf-8', confidence: 1 });
  assert.deepEqual(markupEncoding(Buffer.from('<html><head><META http-equiv="Content-Type" content="text/html; charset=GB2312">')), { encoding: 'gb2312', confidence: 1 });
  assert.deepEqual(markupEncoding(Buffer.from("<meta charset='windows-1251'><table>")), { encoding: 'windows-1251', confidence: 1 });
  assert.deepEqual(markupEncoding(Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><Workbook>')), { encoding: 'iso-8859-1', confidence: 1 });
  // A charset nobody can decode is no answer: the text decides.
  assert.equal(markupEncoding(Buffer.from('<meta charset="x-unknown"><td>plain</td>')).encoding, 'utf-8');
  const rows = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村'].map((name, i) => `<tr><td>${name}</td><td>東京都千代田区丸の内${i}丁目</td></tr>`).join('');
  assert.equal(markupEncoding(iconv.encode(`<table><tr><td>氏名</td><td>住所</td></tr>${rows}</table>`, 'shift_jis')).encoding, 'shift_jis');
});
