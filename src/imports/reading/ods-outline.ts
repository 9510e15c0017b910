// Reads what an ODS sheet needs before its rows can be streamed, in one pass over content.xml:
// the tables (sheets) in order with whether each is hidden, and which cell styles show a
// number as a date or a time (writers such as SheetJS store dates as numbers in a date style).

import { createXmlFeeder } from './xml-events.js';

export type OdsSheet = { name: string; isHidden: boolean };
export type OdsOutline = {
  sheets: OdsSheet[];
  /** Cell style name → how a number in that style shows. */
  temporalStyles: ReadonlyMap<string, 'date' | 'datetime' | 'time'>;
  /** Day 0 of the numbers shown as dates (ODF's null date; 1899-12-30 unless the file says otherwise), UTC ms. */
  nullDate: number;
};

const DEFAULT_NULL_DATE = Date.UTC(1899, 11, 30);

export async function readOdsOutline(chunks: AsyncIterable<Buffer>, file: string, part: string): Promise<OdsOutline> {
  const tables: { name: string; style: string }[] = [];
  const hiddenTableStyles = new Set<string>();
  const dataStyleKinds = new Map<string, { hasDate: boolean; hasTime: boolean }>();
  const cellDataStyles = new Map<string, string>();
  let styleName = '';
  let styleFamily = '';
  let dataStyle: { name: string; hasDate: boolean; hasTime: boolean } | null = null;
  let tableDepth = 0;
  let nullDate = DEFAULT_NULL_DATE;

  const feeder = createXmlFeeder(file, part, {
    open(name, attributes) {
      switch (name) {
        case 'style':
          styleName = attributes['style:name'] ?? '';
          styleFamily = attributes['style:family'] ?? '';
          if (styleFamily === 'table-cell' && attributes['style:data-style-name'] !== undefined) {
            cellDataStyles.set(styleName, attributes['style:data-style-name']);
          }
          break;
        case 'table-properties':
          if (styleFamily === 'table' && attributes['table:display'] === 'false') hiddenTableStyles.add(styleName);
          break;
        case 'date-style':
        case 'time-style':
          dataStyle = { name: attributes['style:name'] ?? '', hasDate: name === 'date-style', hasTime: name === 'time-style' };
          break;
        case 'hours':
        case 'minutes':
        case 'seconds':
          if (dataStyle) dataStyle.hasTime = true;
          break;
        case 'null-date': {
          const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(attributes['table:date-value'] ?? '');
          if (match) nullDate = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
          break;
        }
        case 'table':
          // Only top-level tables are sheets; a table inside a cell is not.
          if (tableDepth === 0) tables.push({ name: attributes['table:name'] ?? `Sheet${tables.length + 1}`, style: attributes['table:style-name'] ?? '' });
          tableDepth++;
          break;
      }
    },
    close(name) {
      if (name === 'style') {
        styleName = '';
        styleFamily = '';
      } else if ((name === 'date-style' || name === 'time-style') && dataStyle) {
        dataStyleKinds.set(dataStyle.name, { hasDate: dataStyle.hasDate, hasTime: dataStyle.hasTime });
        dataStyle = null;
      } else if (name === 'table') {
        tableDepth--;
      }
    },
  });
  for await (const chunk of chunks) feeder.write(chunk);
  feeder.end();

  const temporalStyles = new Map<string, 'date' | 'datetime' | 'time'>();
  for (const [cellStyle, dataStyleName] of cellDataStyles) {
    const kind = dataStyleKinds.get(dataStyleName);
    if (kind) temporalStyles.set(cellStyle, kind.hasDate && kind.hasTime ? 'datetime' : kind.hasDate ? 'date' : 'time');
  }
  return {
    sheets: tables.map((table) => ({ name: table.name, isHidden: hiddenTableStyles.has(table.style) })),
    temporalStyles,
    nullDate,
  };
}
