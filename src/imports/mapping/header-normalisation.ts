// Turns a column header into the comparable forms used by matching: one normalised string, or words.

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
 * Accents off Latin letters ("Teléfono" → "telefono", "Straße" stays): a list typed without them, or exported
 * by a program that drops them, still matches. Marks of other scripts are kept.
 */
function foldLatinAccents(text: string): string {
  return text.normalize('NFD').replace(/(\p{Script=Latin})\p{M}+/gu, '$1').normalize('NFC');
}

/** NFKC, traditional Chinese folded to simplified, accents off Latin letters. */
function foldHeader(header: string): string {
  return foldLatinAccents(foldTraditionalChinese(header.normalize('NFKC')));
}

/**
 * NFKC (full-width → half-width), lower case, without spaces, punctuation, underscores, dashes or accents on Latin
 * letters; common traditional Chinese characters become simplified.
 */
export function normaliseHeader(header: string): string {
  return foldHeader(header).toLowerCase().replace(NOT_LETTER_OR_DIGIT, '');
}

/**
 * The words of a header, lower case: Latin words split at spaces, punctuation, digits and camelCase
 * ("HomePhone" → home, phone); each Han character is a word of its own, since Chinese has no spaces.
 */
export function splitHeaderWords(header: string): string[] {
  const text = foldHeader(header)
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase();
  return [...text.matchAll(HEADER_WORD)].map((match) => match[0]);
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
