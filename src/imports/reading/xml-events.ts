// A SAX parser for the XML inside workbooks that refuses DTDs (XXE, billion laughs) and reports
// element names without their namespace prefix (`x:c` and `c` are the same cell).

import { SaxesParser } from 'saxes';
import { AppError } from '../../shared/app-error.js';

export type XmlHandlers = {
  open(name: string, attributes: Record<string, string>, isSelfClosing: boolean): void;
  close(name: string): void;
  text?(text: string): void;
};

export type XmlFeeder = {
  write(chunk: Buffer): void;
  end(): void;
};

/** A parser fed with raw bytes (UTF-8, the encoding of every OOXML part), chunk by chunk. */
export function createXmlFeeder(file: string, part: string, handlers: XmlHandlers): XmlFeeder {
  const parser = new SaxesParser({ position: false });
  const decoder = new TextDecoder('utf-8');
  const refuse = (why: string): never => {
    throw new AppError('FILE_UNREADABLE', `'${file}' could not be read: its part '${part}' ${why}. Save it again from your spreadsheet program.`, { file });
  };
  parser.on('doctype', () => refuse('declares a DTD, which is refused for safety (entity expansion)'));
  parser.on('error', (error) => refuse(`is not well-formed XML (${error.message.split('\n')[0]})`));
  parser.on('opentag', (tag) => handlers.open(localName(tag.name), tag.attributes as Record<string, string>, tag.isSelfClosing));
  parser.on('closetag', (tag) => handlers.close(localName(tag.name)));
  if (handlers.text) {
    const onText = handlers.text;
    parser.on('text', onText);
    parser.on('cdata', onText);
  }
  return {
    write(chunk) {
      parser.write(decoder.decode(chunk, { stream: true }));
    },
    end() {
      const rest = decoder.decode();
      if (rest) parser.write(rest);
      parser.close();
    },
  };
}

export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute by local name, whatever its prefix (`r:id`, `ns2:id`). */
export function attributeByLocalName(attributes: Record<string, string>, name: string): string | undefined {
  const direct = attributes[name];
  if (direct !== undefined) return direct;
  for (const key of Object.keys(attributes)) {
    if (localName(key) === name && key !== name) return attributes[key];
  }
  return undefined;
}
