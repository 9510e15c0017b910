// Turns a column header into the comparable forms used by matching: one normalised string, or words.
import { withAsciiDigits } from '../../shared/ascii-digits.js';

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}\p{M}]+/gu;
const HEADER_WORD = /\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{M}])+|\p{N}+/gu;
const BRACKETED = /[([{（【［｛][^)\]}）】］｝]*[)\]}）】］｝]/gu;

// Traditional characters common in CRM headers, folded to simplified so that one synonym serves
// both scripts (電話 → 电话, 郵遞區號 → 邮递区号). Only characters with a single simplified form.
const TRADITIONAL = '電話號碼機郵編聯絡係繫區稱備註職務傳網業國詳細單構營運動別齡遞價額數時間屬戶類說記錄歸設員帳證縣鎮鄉樓場門訊資報費際統負責經銷產來態狀陽實體場長選項標題與簽內導線圖書館';
const SIMPLIFIED = '电话号码机邮编联络系系区称备注职务传网业国详细单构营运动别龄递价额数时间属户类说记录归设员帐证县镇乡楼场门讯资报费际统负责经销产来态状阳实体场长选项标题与签内导线图书馆';
const SIMPLIFIED_OF = new Map([...TRADITIONAL].map((character, i) => [character, [...SIMPLIFIED][i] ?? character]));

function foldTraditionalChinese(text: string): string {
  return text.replace(/\p{Script=Han}/gu, (character) => SIMPLIFIED_OF.get(character) ?? character);
}

/**
 * Accents off Latin and Greek letters ("Teléfono" → "Telefono"; "Τηλέφωνο" → "Τηλεφωνο", as a list typed in capitals
 * writes it: ΤΗΛΕΦΩΝΟ), and the Latin letters with a stroke or without a dot that no accent makes (ł, đ, ø, ı) as
 * their plain ones: a list typed without them, or exported by a program that drops them, still matches ("Straße" and
 * "æ" stay). Vowel points and hamza off Hebrew and Arabic letters, which are written or not at will; Arabic
 * elongation (ـ) dropped, and ى/ي, ة/ه typed for one another made one. The nukta off Devanagari (फ़ोन and फोन are
 * both written) and its chandrabindu as the anusvara typed for it. The vowel signs of Devanagari and Thai, which
 * make other words, are kept; so are the marks of Cyrillic (й, ї).
 */
function foldAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/([\p{Script=Latin}\p{Script=Greek}\p{Script=Hebrew}\p{Script=Arabic}])\p{M}+/gu, '$1')
    .replace(/[łŁđĐøØı\u0649\u0629\u0671]/gu, (letter) => PLAIN_LETTER[letter] ?? letter)
    .replace(/\u0640|\u093C/gu, '')
    .replace(/\u0901/gu, '\u0902')
    .normalize('NFC');
}

const PLAIN_LETTER: Readonly<Record<string, string>> = {
  ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ø: 'o', Ø: 'O', ı: 'i',
  '\u0649': '\u064A', // ى → ي
  '\u0629': '\u0647', // ة → ه
  '\u0671': '\u0627', // ٱ → ا
};

/**
 * Marks inside a word that do not end it: the apostrophe of Ukrainian (ім'я, ім’я, імʼя), the geresh and gershayim
 * of Hebrew abbreviations (דוא"ל, דוא״ל), and the zero-width (non-)joiners that choose a letter's shape in Indic and
 * Arabic scripts.
 */
function joinWords(text: string): string {
  return text
    .replace(/[\u200C\u200D]/gu, '')
    .replace(/(?<=\p{Script=Cyrillic})['’ʼ](?=\p{Script=Cyrillic})/gu, '')
    .replace(/(?<=\p{Script=Hebrew})['"’״׳](?=\p{Script=Hebrew})/gu, '');
}

/** NFKC, traditional Chinese folded to simplified, accents and in-word marks off, digits in ASCII. */
function foldHeader(header: string): string {
  // Digits of other scripts are read as ASCII ones (هاتف ٢ → هاتف 2).
  return withAsciiDigits(joinWords(foldAccents(foldTraditionalChinese(header.normalize('NFKC')))));
}

/** Lower case, with a Greek final sigma as the other one: ΟΔΟΣ, Οδός and a stray οδοσ are one. */
function lowerCase(text: string): string {
  return text.toLowerCase().replace(/ς/gu, 'σ');
}

/**
 * NFKC (full-width → half-width), lower case, without spaces, punctuation, underscores, dashes or accents on Latin
 * and Greek letters; common traditional Chinese characters become simplified. See foldAccents for other scripts.
 */
export function normaliseHeader(header: string): string {
  return lowerCase(foldHeader(header)).replace(NOT_LETTER_OR_DIGIT, '');
}

/**
 * The words of a header, lower case: Latin words split at spaces, punctuation, digits and camelCase
 * ("HomePhone" → home, phone); each Han character is a word of its own, since Chinese has no spaces.
 */
export function splitHeaderWords(header: string): string[] {
  const text = foldHeader(header)
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2');
  return [...lowerCase(text).matchAll(HEADER_WORD)].map((match) => match[0]);
}

/** The header without bracketed qualifiers: "Phone (Home)" → "Phone ". */
export function removeBracketedText(header: string): string {
  return header.normalize('NFKC').replace(BRACKETED, ' ');
}

/** What the brackets of a header hold: "Phone Number (Mobile)" → ["Mobile"]. */
export function bracketedTexts(header: string): string[] {
  return [...header.normalize('NFKC').matchAll(BRACKETED)].map((match) => match[0].slice(1, -1));
}

export function isHanWord(word: string): boolean {
  return /^\p{Script=Han}+$/u.test(word);
}
