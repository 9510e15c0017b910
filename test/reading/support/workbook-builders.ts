// Builds XLSX and ODS packages by hand, part by part, for tests that need exact XML.

import { strToU8, zipSync, type Zippable } from 'fflate';

export type CraftedSheet = { name: string; rowsXml: string; state?: 'visible' | 'hidden' | 'veryHidden' };

export type CraftedXlsx = {
  sheets: CraftedSheet[];
  /** The whole sharedStrings.xml, or the `<si>` items to wrap. */
  sharedStrings?: string;
  sharedStringItems?: string[];
  /** `<numFmt>` elements and the numFmtId of each cell style (style 0 is General). */
  numberFormats?: string;
  cellFormats?: number[];
  isDate1904?: boolean;
  /** Extra or replaced parts, by path. */
  parts?: Record<string, string>;
};

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function craftXlsx(book: CraftedXlsx): Uint8Array {
  const sheetEntries = book.sheets.map((sheet, i) => `<sheet name="${sheet.name}" sheetId="${i + 1}"${sheet.state ? ` state="${sheet.state}"` : ''} r:id="rId${i + 1}"/>`).join('');
  const files: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${RELS}"><workbookPr${book.isDate1904 ? ' date1904="1"' : ''}/><sheets>${sheetEntries}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${book.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${RELS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rIdS" Type="${RELS}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="${RELS}/styles" Target="styles.xml"/></Relationships>`,
    'xl/sharedStrings.xml': book.sharedStrings ?? `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}">${(book.sharedStringItems ?? []).join('')}</sst>`,
    'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><numFmts>${book.numberFormats ?? ''}</numFmts><cellXfs>${(book.cellFormats ?? [0]).map((id) => `<xf numFmtId="${id}"/>`).join('')}</cellXfs></styleSheet>`,
  };
  book.sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}" xmlns:r="${RELS}"><sheetData>${sheet.rowsXml}</sheetData></worksheet>`;
  });
  Object.assign(files, book.parts ?? {});
  return zipStrings(files);
}

export type CraftedOdsTable = { name: string; rowsXml: string; isHidden?: boolean };

const ODS_NAMESPACES = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"',
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"',
].join(' ');

/**
 * An ODS package; `styles` goes into office:automatic-styles beside the visible/hidden table
 * styles, `settings` (e.g. table:calculation-settings) before the tables.
 */
export function craftOds(tables: CraftedOdsTable[], styles = '', settings = ''): Uint8Array {
  return zipStrings({
    mimetype: 'application/vnd.oasis.opendocument.spreadsheet',
    'META-INF/manifest.xml': '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
    'content.xml': `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ODS_NAMESPACES} office:version="1.2">${odsBody(tables, styles, settings)}</office:document-content>`,
  });
}

/** The same document as a flat ODS (.fods), one XML file, as LibreOffice writes it: the mimetype on the root. */
export function craftFlatOds(tables: CraftedOdsTable[], styles = '', mimetype = 'application/vnd.oasis.opendocument.spreadsheet'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n\n<office:document ${ODS_NAMESPACES} office:version="1.3" office:mimetype="${mimetype}">${odsBody(tables, styles, '')}</office:document>`;
}

function odsBody(tables: CraftedOdsTable[], styles: string, settings: string): string {
  const tableXml = tables.map((table) => `<table:table table:name="${table.name}" table:style-name="${table.isHidden ? 'taHidden' : 'taShown'}">${table.rowsXml}</table:table>`).join('');
  return `<office:automatic-styles><style:style style:name="taShown" style:family="table"><style:table-properties table:display="true"/></style:style><style:style style:name="taHidden" style:family="table"><style:table-properties table:display="false"/></style:style>${styles}</office:automatic-styles><office:body><office:spreadsheet>${settings}${tableXml}</office:spreadsheet></office:body>`;
}

export function zipStrings(files: Record<string, string | Uint8Array>, level: 0 | 6 | 9 = 6): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, content] of Object.entries(files)) {
    zippable[name] = [typeof content === 'string' ? strToU8(content) : content, { level: name === 'mimetype' ? 0 : level }];
  }
  return zipSync(zippable);
}

/** Inline-string cell XML. */
export function inlineCell(reference: string, text: string): string {
  return `<c r="${reference}" t="inlineStr"><is><t>${text}</t></is></c>`;
}
