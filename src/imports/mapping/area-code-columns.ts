// A column of area codes beside a column of local numbers, as older US lists ("Area Code" 415, "Phone" 555-0134),
// Brazilian ones ("DDD" 11, "Celular" 91234-5678), Argentinian ("Característica"), German ("Vorwahl") and Chinese
// ("区号") keep them: each number is read with the code of its row.
import { normaliseHeader } from './header-normalisation.js';

const AREA_CODE_HEADER = new RegExp(
  '^(?:(?:phone|tel|telephone|home|work|office|landline|fone|telefone|telefono|telefon))?(?:' +
    [
      'areacode', 'areacd', 'areaprefix', 'npa', 'ddd', 'codarea', 'codigo(?:de)?area', 'caracteristica', 'prefijo',
      'vorwahl', 'ortsvorwahl', 'ortskennzahl', 'prefisso', 'indicatif(?:regional)?', 'numerkierunkowy', 'kierunkowy',
      'riktnummer', 'netnummer', 'suuntanumero', 'retningsnummer', 'кодгорода', 'междугородныйкод', 'alankodu',
      '区号', '地区区号', '电话区号', '區碼', '電話區碼', '市外局番', '지역번호', 'รหัสพื้นที่', 'mavung', 'kodearea',
    ].join('|') +
    ')$',
  'u',
);

/** Whether a column's header names the area code of the numbers beside it: "Area Code", "DDD", "Vorwahl", "区号". */
export function isAreaCodeHeader(header: string): boolean {
  return AREA_CODE_HEADER.test(normaliseHeader(header));
}

/** An area code's digits as a cell writes them ("415", "(11)", "030", "0 30"), or null for anything else. */
export function readAreaCodeCell(value: string): string | null {
  const match = /^\(?\s*(\d(?:[\s-]?\d){0,4})\s*\)?$/.exec(value.trim());
  return match ? (match[1] as string).replace(/\D/g, '') : null;
}

/**
 * A number with its row's area code before it ("415 555-0134", "11 91234-5678"), or null for a number written in its
 * international form. Whether that is the number is for its validity to say: a number that holds its area code
 * already ("415 555-0134" beside 415) is too long with it again, and read as written.
 */
export function withAreaCode(written: string, areaCode: string): string | null {
  const text = written.trim();
  return /^(?:\+|00)/.test(text) ? null : `${areaCode} ${text}`;
}
