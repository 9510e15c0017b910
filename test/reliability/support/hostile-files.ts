// Hostile input files, built by the tests themselves: each with what Intake must make of it.
import { copyFileSync, createWriteStream, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import { createDeflateRaw, crc32 } from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import { zipSync } from 'fflate';
import { createRandom } from '../../../src/shared/seeded-random.js';

export const CORPUS = new URL('../../../../../shared/corpus/', import.meta.url).pathname;

/**
 * `refused`: a clear error naming the file (exit 2, HTTP 400) with one of `codes`.
 * `read`: a sane preview; an import accounts for every record (`records`), with the error count given.
 */
export type Expectation =
  | { kind: 'refused'; codes: readonly string[] }
  | { kind: 'read'; headers?: readonly string[]; records: number; errors: number };

/** `seconds`: the time allowed (10 s unless the file is a big import, held to 5,000 records/s at worst). */
export type HostileFile = { name: string; what: string; path: string; expect: Expectation; seconds?: number };

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const encoder = new TextEncoder();

/** The parts of a minimal XLSX around one sheet (and optionally shared strings). */
function workbookParts(sheetXml: string | Uint8Array, sharedStringsXml?: string): Record<string, Uint8Array> {
  const relationships = [`<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>`];
  if (sharedStringsXml !== undefined) relationships.push(`<Relationship Id="rId2" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`);
  const parts: Record<string, Uint8Array> = {
    '[Content_Types].xml': encoder.encode('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': encoder.encode(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': encoder.encode(`<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets><sheet name="Leads" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': encoder.encode(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships.join('')}</Relationships>`),
    'xl/worksheets/sheet1.xml': typeof sheetXml === 'string' ? encoder.encode(sheetXml) : sheetXml,
  };
  if (sharedStringsXml !== undefined) parts['xl/sharedStrings.xml'] = encoder.encode(sharedStringsXml);
  return parts;
}

function inlineCell(reference: string, text: string): string {
  return `<c r="${reference}" t="inlineStr"><is><t>${text}</t></is></c>`;
}

function sheet(rows: string[][], extra = { before: '', after: '' }): string {
  const body = rows
    .map((cells, r) => `<row r="${r + 1}">${cells.map((text, c) => inlineCell(`${columnName(c)}${r + 1}`, text)).join('')}</row>`)
    .join('');
  return `<?xml version="1.0"?><worksheet xmlns="${NS}">${extra.before}<sheetData>${body}</sheetData>${extra.after}</worksheet>`;
}

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A zip written by hand, so that an entry's declared sizes can lie and its data can be streamed in. */
async function writeZip(path: string, entries: Array<{ name: string; chunks: () => Iterable<Buffer>; declaredSize?: number }>): Promise<void> {
  const out = createWriteStream(path);
  let offset = 0;
  const write = async (buffer: Buffer) => {
    offset += buffer.length;
    if (!out.write(buffer)) await once(out, 'drain');
  };
  const central: Buffer[] = [];
  for (const entry of entries) {
    let crc = 0;
    let size = 0;
    const compressed: Buffer[] = [];
    const deflate = createDeflateRaw({ level: 6 });
    const source = Readable.from((function* () {
      for (const chunk of entry.chunks()) {
        crc = crc32(chunk, crc);
        size += chunk.length;
        yield chunk;
      }
    })());
    source.pipe(deflate);
    for await (const piece of deflate) compressed.push(piece as Buffer);
    const data = Buffer.concat(compressed);
    const declared = entry.declaredSize ?? size;
    const name = Buffer.from(entry.name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(crc >>> 0, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(declared, 22);
    header.writeUInt16LE(name.length, 26);
    const localOffset = offset;
    await write(Buffer.concat([header, name]));
    await write(data);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(0x0800, 8);
    record.writeUInt16LE(8, 10);
    record.writeUInt32LE(crc >>> 0, 16);
    record.writeUInt32LE(data.length, 20);
    record.writeUInt32LE(declared, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(localOffset, 42);
    central.push(Buffer.concat([record, name]));
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  await write(directory);
  await write(end);
  out.end();
  await once(out, 'finish');
}

/** An XLSX whose sheet inflates to `bytes` (about 1 GiB) from about a megabyte; `declaredSize` makes its headers lie. */
async function writeZipBomb(path: string, bytes: number, declaredSize?: number): Promise<void> {
  const row = `<row><c t="inlineStr"><is><t>${'A'.repeat(30_000)}</t></is></c></row>`;
  const block = Buffer.from(row.repeat(35));
  const head = Buffer.from(`<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData>`);
  const tail = Buffer.from('</sheetData></worksheet>');
  const small = Object.entries(workbookParts('')).filter(([name]) => name !== 'xl/worksheets/sheet1.xml');
  await writeZip(path, [
    ...small.map(([name, data]) => ({ name, chunks: () => [Buffer.from(data)] })),
    {
      name: 'xl/worksheets/sheet1.xml',
      declaredSize,
      chunks: function* () {
        yield head;
        for (let written = 0; written < bytes; written += block.length) yield block;
        yield tail;
      },
    },
  ]);
}

/** Built once per machine and kept: inflating a gigabyte takes seconds. */
async function cachedZipBomb(name: string, bytes: number, declaredSize?: number): Promise<string> {
  const dir = join(tmpdir(), 'intake-hostile-cache-v1');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  if (!existsSync(path)) {
    const partial = `${path}.${process.pid}.partial`;
    await writeZipBomb(partial, bytes, declaredSize);
    renameSync(partial, path);
  }
  return path;
}

/** A password-protected XLSX: an OLE2 container holding EncryptionInfo and EncryptedPackage, as Excel writes it. */
function encryptedXlsx(): Buffer {
  const container = XLSX.CFB.utils.cfb_new();
  const info = Buffer.alloc(248);
  info.writeUInt16LE(4, 0);
  info.writeUInt16LE(4, 2);
  info.writeUInt32LE(0x40, 4);
  XLSX.CFB.utils.cfb_add(container, '/EncryptionInfo', info);
  XLSX.CFB.utils.cfb_add(container, '/EncryptedPackage', seededBytes(4096, 11));
  return Buffer.from(XLSX.CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

function seededBytes(length: number, seed: number): Buffer {
  const random = createRandom(seed);
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(random() * 256);
  return bytes;
}

/** A valid US number, different for every n below 800,000. */
export function phoneNumber(n: number): string {
  return `+1 312 ${200 + Math.floor(n / 10_000)} ${String(n % 10_000).padStart(4, '0')}`;
}

/** Writes a big text file a piece at a time. */
async function writePieces(path: string, pieces: () => Iterable<string | Buffer>): Promise<void> {
  const out = createWriteStream(path);
  for (const piece of pieces()) if (!out.write(piece)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

/** Every hostile file of the issue, written into `dir`. `records` sizes the file with an unclosed quote. */
export async function buildHostileFiles(dir: string, options: { quotedRecords: number; longLineBytes: number }): Promise<HostileFile[]> {
  mkdirSync(dir, { recursive: true });
  const files: HostileFile[] = [];
  const add = (name: string, what: string, content: string | Uint8Array | null, expect: Expectation): string => {
    const path = join(dir, name);
    if (content !== null) writeFileSync(path, content);
    files.push({ name, what, path, expect });
    return path;
  };
  const refused = (...codes: string[]): Expectation => ({ kind: 'refused', codes });

  add('empty.csv', 'a 0-byte file', '', refused('FILE_EMPTY'));
  add('header-only.csv', 'a header with no records', 'name,phone\r\n', { kind: 'read', headers: ['name', 'phone'], records: 0, errors: 0 });
  add('junk.csv', 'binary junk named .csv', seededBytes(64 * 1024, 7), refused('FILE_FORMAT_UNSUPPORTED'));
  add('not-a-zip.xlsx', 'an .xlsx that is not a zip', 'name,phone\r\nAnn,4155550101\r\n', refused('FILE_FORMAT_UNSUPPORTED'));
  add('truncated.xlsx', 'an .xlsx cut off after its zip signature', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0, 1, 2, 3]), refused('FILE_UNREADABLE'));

  const bomb = await cachedZipBomb('bomb-1g.xlsx', 1024 ** 3);
  copyFileSync(bomb, join(dir, 'bomb.xlsx'));
  add('bomb.xlsx', 'a zip bomb: a 1 GiB sheet in about 1 MB', null, refused('ZIP_BOMB'));
  const lying = await cachedZipBomb('bomb-1g-lying.xlsx', 1024 ** 3, 10_000);
  copyFileSync(lying, join(dir, 'bomb-lying.xlsx'));
  add('bomb-lying.xlsx', 'a zip bomb whose headers claim 10 kB for the 1 GiB sheet', null, refused('ZIP_BOMB'));

  const many: Record<string, Uint8Array> = { ...workbookParts(sheet([['name', 'phone']])) };
  for (let i = 0; i < 100_000; i++) many[`xl/media/image${i}.png`] = new Uint8Array([i % 256]);
  add('many-entries.xlsx', 'a zip with 100k entries', zipSync(many, { level: 0 }), refused('ZIP_BOMB'));

  const slipTarget = `intake-zip-slip-${process.pid}.txt`;
  const plain = workbookParts(sheet([['name', 'phone'], ['Ann', '4155550101']]));
  add('zip-slip-dotdot.xlsx', 'a zip entry named ../../…', zipSync({ ...plain, [`../../../../../../tmp/${slipTarget}`]: encoder.encode('pwned') }), refused('FILE_UNREADABLE'));
  add('zip-slip-backslash.xlsx', 'a zip entry named ..\\..\\…', zipSync({ ...plain, [`..\\..\\..\\tmp\\${slipTarget}`]: encoder.encode('pwned') }), refused('FILE_UNREADABLE'));
  add('zip-slip-absolute.xlsx', 'a zip entry with an absolute path', zipSync({ ...plain, [`/tmp/${slipTarget}`]: encoder.encode('pwned') }), refused('FILE_UNREADABLE'));

  const stringsSheet = `<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="inlineStr"><is><t>${phoneNumber(9)}</t></is></c></row></sheetData></worksheet>`;
  const laughs = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`)].join('');
  add('entity-expansion.xlsx', 'billion laughs in sharedStrings.xml', zipSync(workbookParts(stringsSheet, `<?xml version="1.0"?><!DOCTYPE sst [${laughs}]><sst xmlns="${NS}"><si><t>name</t></si><si><t>phone</t></si><si><t>&lol9;</t></si></sst>`)), refused('FILE_UNREADABLE'));
  add('external-entity.xlsx', 'an external entity (file:///etc/passwd) in sharedStrings.xml', zipSync(workbookParts(stringsSheet, `<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><sst xmlns="${NS}"><si><t>name</t></si><si><t>phone</t></si><si><t>&xxe;</t></si></sst>`)), refused('FILE_UNREADABLE'));

  add('whole-sheet.xlsx', 'a dimension of A1:XFD1048576 and a merge over the whole sheet', zipSync(workbookParts(sheet([['name', 'phone'], ['Ann', phoneNumber(5)], ['Bob', phoneNumber(6)]], {
    before: '<dimension ref="A1:XFD1048576"/>',
    after: '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
  }))), { kind: 'read', headers: ['name', 'phone'], records: 2, errors: 0 });

  const huge = 'x'.repeat(50_000);
  add('long-cells.csv', '50k-character cells', `name,phone,note\r\nAnn,${phoneNumber(1)},${huge}\r\nBob,${phoneNumber(2)},fine\r\n${huge},${phoneNumber(3)},${huge}\r\n`, { kind: 'read', headers: ['name', 'phone', 'note'], records: 3, errors: 2 });
  add('long-cells.xlsx', '50k-character cells in a sheet', zipSync(workbookParts(sheet([['name', 'phone', 'note'], ['Ann', phoneNumber(7), huge], ['Bob', phoneNumber(8), 'fine']]))), { kind: 'read', headers: ['name', 'phone', 'note'], records: 2, errors: 1 });

  const wide = Array.from({ length: 20_000 }, (_, i) => `c${i + 1}`);
  add('wide.csv', '20k columns', `${wide.join(',')}\r\n${wide.map((_, i) => String(i)).join(',')}\r\n`, refused('TOO_MANY_COLUMNS', 'BAD_INPUT'));
  add('wide.xlsx', '20k columns in a sheet', zipSync(workbookParts(sheet([wide, wide.map((_, i) => String(i))]))), refused('TOO_MANY_COLUMNS', 'BAD_INPUT'));

  const longLine = join(dir, 'long-line.csv');
  await writePieces(longLine, function* () {
    yield `name,phone\r\nAnn,${phoneNumber(4)}\r\n`;
    const piece = 'y'.repeat(1024 * 1024);
    for (let written = 0; written < options.longLineBytes; written += piece.length) yield piece;
  });
  files.push({ name: 'long-line.csv', what: `a ${Math.round(options.longLineBytes / 1024 ** 2)} MB line with no line break`, path: longLine, expect: { kind: 'read', headers: ['name', 'phone'], records: 2, errors: 1 } });
  const oneLine = join(dir, 'one-line.csv');
  await writePieces(oneLine, function* () {
    const piece = 'z,'.repeat(512 * 1024);
    for (let written = 0; written < options.longLineBytes; written += piece.length) yield piece;
  });
  files.push({ name: 'one-line.csv', what: `a ${Math.round(options.longLineBytes / 1024 ** 2)} MB file that is one line`, path: oneLine, expect: refused('BAD_INPUT', 'TOO_MANY_COLUMNS') });

  const quoted = join(dir, 'unclosed-quote.csv');
  await writePieces(quoted, function* () {
    yield 'name,phone\r\n';
    let lines: string[] = [];
    for (let n = 1; n <= options.quotedRecords; n++) {
      lines.push(n === 3 ? `"Person 3 never closes,${phoneNumber(n)}` : `Person ${n},${phoneNumber(n)}`);
      if (lines.length === 10_000) {
        yield `${lines.join('\r\n')}\r\n`;
        lines = [];
      }
    }
    if (lines.length > 0) yield `${lines.join('\r\n')}\r\n`;
  });
  files.push({ name: 'unclosed-quote.csv', what: `an unclosed quote on record 3 of ${options.quotedRecords.toLocaleString('en-US')}`, path: quoted, expect: { kind: 'read', headers: ['name', 'phone'], records: options.quotedRecords, errors: 1 }, seconds: Math.max(30, options.quotedRecords / 5000) });

  // A few NULs among ordinary rows (as a database export leaves them), not a binary file.
  const controls = ['Nul\u0000In\u0000Name', 'Bell\u0007Back\u0008', 'Esc\u001b[31mRed', 'Del\u007fete', 'Line\u2028Separator', 'Right\u202eto left', 'Vertical\u000bTab\u000cFeed'];
  const controlRows = Array.from({ length: 200 }, (_, i) => `Person ${i},${phoneNumber(300 + i)},plain`);
  controls.forEach((name, i) => (controlRows[20 * (i + 1)] = `${name},${phoneNumber(300 + 20 * (i + 1))},n\u0000o\u0001t\u001fe`));
  add('control-characters.csv', 'NUL and control characters', `name,phone,note\r\n${controlRows.join('\r\n')}\r\n`, { kind: 'read', headers: ['name', 'phone', 'note'], records: 200, errors: 0 });
  add('cr-only.csv', 'CR-only line ends', `name,phone\r${Array.from({ length: 50 }, (_, i) => `Person ${i},${phoneNumber(100 + i)}`).join('\r')}\r`, { kind: 'read', headers: ['name', 'phone'], records: 50, errors: 0 });
  const protoHeaders = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'name', 'phone'];
  add('proto-headers.csv', '__proto__ and constructor headers', `${protoHeaders.join(',')}\r\n{"polluted":1},x,y,z,w,Ann,${phoneNumber(200)}\r\n__proto__,constructor,prototype,valueOf,isPrototypeOf,Bob,${phoneNumber(201)}\r\n`, { kind: 'read', headers: protoHeaders, records: 2, errors: 0 });

  add('encrypted.xlsx', 'a password-protected XLSX (OLE2 with EncryptionInfo)', encryptedXlsx(), refused('FILE_ENCRYPTED'));
  copyFileSync(join(CORPUS, 'messytables-horror/encrypted_no_password.xls'), join(dir, 'encrypted.xls'));
  add('encrypted.xls', 'a password-protected XLS', null, refused('FILE_ENCRYPTED'));
  return files;
}

/** The file a zip-slip entry would have written, had anything extracted it. */
export function zipSlipTargets(): string[] {
  const name = `intake-zip-slip-${process.pid}.txt`;
  return [join('/tmp', name), join(tmpdir(), name)];
}
