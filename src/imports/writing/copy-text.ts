// PostgreSQL's COPY text format read back (`copy (select …) to stdout`): one row a line, NULL as \N, and the control
// characters and the backslash escaped. COPY TO emits only the escapes below, never octal or hex ones.
import { StringDecoder } from 'node:string_decoder';

const ESCAPES: Readonly<Record<string, string>> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

/** One column's value from its COPY text; null for NULL. */
export function decodeCopyValue(text: string): string | null {
  if (text === '\\N') return null;
  return text.includes('\\') ? text.replace(/\\(.)/gs, (escape: string, letter: string) => ESCAPES[letter] ?? letter) : text;
}

/** Cuts the chunks of a one-column COPY TO output into values (NULLs left out), whatever their boundaries. */
export function createCopyValueReader(onValue: (value: string) => void): { push(chunk: Buffer): void; end(): void } {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  const take = (text: string) => {
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      const value = decodeCopyValue(text.slice(start, end));
      if (value !== null) onValue(value);
      start = end + 1;
    }
    rest = text.slice(start);
  };
  return {
    push: (chunk) => take(rest + decoder.write(chunk)),
    end: () => take(`${rest}${decoder.end()}${rest === '' ? '' : '\n'}`),
  };
}
