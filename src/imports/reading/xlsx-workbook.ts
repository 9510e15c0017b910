// Reads what an XLSX sheet needs before its rows can be streamed: the sheet list and date
// system (workbook.xml), part locations (relationships), number formats (styles.xml) and the
// shared strings.

import { SharedStringTable } from './shared-string-table.js';
import { builtInFormat, decodeOoxmlEscapes } from './cell-text.js';
import { attributeByLocalName, createXmlFeeder } from './xml-events.js';

export type WorkbookSheet = { name: string; relationshipId: string; isHidden: boolean };
export type WorkbookInfo = { sheets: WorkbookSheet[]; isDate1904: boolean };
export type Relationship = { target: string; type: string };

export function parseWorkbookXml(xml: Buffer, file: string, part: string): WorkbookInfo {
  const sheets: WorkbookSheet[] = [];
  let isDate1904 = false;
  const feeder = createXmlFeeder(file, part, {
    open(name, attributes) {
      if (name === 'workbookPr') {
        const value = attributes['date1904'];
        isDate1904 = value === '1' || value === 'true';
      } else if (name === 'sheet') {
        const state = attributes['state'];
        sheets.push({
          name: attributes['name'] ?? `Sheet${sheets.length + 1}`,
          relationshipId: attributeByLocalName(attributes, 'id') ?? '',
          isHidden: state === 'hidden' || state === 'veryHidden',
        });
      }
    },
    close() {},
  });
  feeder.write(xml);
  feeder.end();
  return { sheets, isDate1904 };
}

/** Relationships by id; targets resolved to zip entry names against the part's folder. */
export function parseRelationships(xml: Buffer, file: string, part: string, baseFolder: string): Map<string, Relationship> {
  const relationships = new Map<string, Relationship>();
  const feeder = createXmlFeeder(file, part, {
    open(name, attributes) {
      if (name !== 'Relationship') return;
      const id = attributes['Id'];
      const target = attributes['Target'];
      if (id === undefined || target === undefined || attributes['TargetMode'] === 'External') return;
      relationships.set(id, { target: resolvePartName(baseFolder, target), type: attributes['Type'] ?? '' });
    },
    close() {},
  });
  feeder.write(xml);
  feeder.end();
  return relationships;
}

export function resolvePartName(baseFolder: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `${baseFolder}${target}`;
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

/** The number format code of each cell style (`s` of a cell indexes this list). */
export function parseStyles(xml: Buffer, file: string, part: string): (string | undefined)[] {
  const customFormats = new Map<number, string>();
  const cellFormatIds: number[] = [];
  let isInCellXfs = false;
  const feeder = createXmlFeeder(file, part, {
    open(name, attributes, isSelfClosing) {
      if (name === 'numFmt') {
        const id = Number(attributes['numFmtId']);
        const code = attributes['formatCode'];
        if (Number.isInteger(id) && code !== undefined) customFormats.set(id, code);
      } else if (name === 'cellXfs') {
        isInCellXfs = !isSelfClosing;
      } else if (name === 'xf' && isInCellXfs) {
        cellFormatIds.push(Number(attributes['numFmtId'] ?? 0));
      }
    },
    close(name) {
      if (name === 'cellXfs') isInCellXfs = false;
    },
  });
  feeder.write(xml);
  feeder.end();
  return cellFormatIds.map((id) => customFormats.get(id) ?? builtInFormat(id));
}

/** Shared strings in order: the text of each `<si>`, rich-text runs joined, phonetic runs left out. */
export async function readSharedStrings(chunks: AsyncIterable<Buffer>, file: string, part: string): Promise<SharedStringTable> {
  const strings = new SharedStringTable();
  let current = '';
  let isInItem = false;
  let isInText = false;
  let phoneticDepth = 0;
  const feeder = createXmlFeeder(file, part, {
    // saxes reports a self-closing element as an open and a close, so `<si/>` counts once.
    open(name, _attributes, isSelfClosing) {
      if (name === 'si') {
        isInItem = true;
        current = '';
      } else if (name === 'rPh' && !isSelfClosing) {
        phoneticDepth++;
      } else if (name === 't' && isInItem && phoneticDepth === 0) {
        isInText = true;
      }
    },
    close(name) {
      if (name === 'si') {
        strings.add(decodeOoxmlEscapes(current));
        isInItem = false;
      } else if (name === 'rPh') {
        phoneticDepth = Math.max(0, phoneticDepth - 1);
      } else if (name === 't') {
        isInText = false;
      }
    },
    text(text) {
      if (isInText) current += text;
    },
  });
  for await (const chunk of chunks) feeder.write(chunk);
  feeder.end();
  return strings;
}
