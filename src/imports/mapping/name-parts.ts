// A person's name split over columns ("First Name", "Last Name"; "Prénom", "Nom"; "Nombre", "Apellidos"), as most
// CRM and address-book exports write it: the parts are joined into the one name field, given name first; Hungarian
// and Vietnamese parts family name first ("Nagy János", "Nguyễn Văn An"), as those languages write names. Japanese,
// Chinese and Korean parts ("姓" and "名", "성씨" and "이름") too, and names written in their scripts are joined without
// a space, family name first, whatever the headers ("First Name" 太郎, "Last Name" 山田: 山田太郎). A part is only
// joined beside a column of the other part, so "名" or "이름" alone stays the whole name it may well be.
import { lookUpHeader } from './header-abbreviations.js';
import { normaliseHeader } from './header-normalisation.js';

export type NamePart = 'given' | 'middle' | 'family';

/** The standard fields that hold a person's name: a customer's, an organization's contact's. */
export const PERSON_NAME_FIELDS: ReadonlySet<string> = new Set(['name', 'contact']);

const PARTS: Record<NamePart, readonly string[]> = {
  given: [
    'first name', 'firstname', 'first', 'given name', 'given names', 'forename', 'forenames', 'christian name',
    'prénom', 'vorname', 'voornaam', 'nombre', 'nombres', 'nome', 'primeiro nome', 'imię', 'имя', "ім'я", 'förnamn',
    'fornavn', 'etunimi', 'jméno', 'křestní jméno', 'meno', 'krstné meno', 'prenume', 'όνομα', 'μικρό όνομα', 'שם',
    'שם פרטי', 'الاسم الأول', 'पहला नाम', 'ชื่อ', 'ชื่อจริง', 'ad', 'adı', 'isim', 'nama depan', 'ime', 'jina la kwanza',
  ],
  middle: [
    'middle name', 'middle names', 'middle initial', 'middle', 'mi', 'second name', 'segundo nombre', 'отчество',
    'по батькові', 'mellannamn', 'mellemnavn', 'drugie imię',
  ],
  family: [
    'last name', 'lastname', 'last', 'surname', 'family name', 'apellido', 'apellidos', 'nachname', 'familienname',
    'nom', 'nom de famille', 'sobrenome', 'cognome', 'achternaam', 'nazwisko', 'фамилия', 'прізвище', 'soyad', 'soyadı',
    'efternamn', 'efternavn', 'etternavn', 'sukunimi', 'příjmení', 'priezvisko', 'nume', 'nume de familie', 'επώνυμο',
    'שם משפחה', 'اسم العائلة', 'الاسم الأخير', 'अंतिम नाम', 'उपनाम', 'นามสกุล', 'soyisim', 'nama belakang', 'prezime',
    'jina la mwisho',
  ],
};

/** Parts of languages that write the family name first. */
const FAMILY_FIRST_PARTS: Record<NamePart, readonly string[]> = {
  given: ['keresztnév', 'utónév', 'tên', 'tên gọi', '名', 'めい', 'メイ', '下の名前', '이름'],
  middle: ['tên đệm', 'tên lót'],
  family: ['vezetéknév', 'családnév', 'családi név', 'họ', '姓', '姓氏', '氏', '苗字', '名字 (姓)', 'せい', 'セイ', '성씨'],
};

const PART_OF = new Map<string, NamePart>();
const FAMILY_FIRST = new Set<string>();
for (const [parts, isFamilyFirst] of [[PARTS, false], [FAMILY_FIRST_PARTS, true]] as const) {
  for (const [part, headers] of Object.entries(parts) as Array<[NamePart, readonly string[]]>) {
    for (const header of headers) {
      const normalised = normaliseHeader(header);
      PART_OF.set(normalised, part);
      if (isFamilyFirst) FAMILY_FIRST.add(normalised);
    }
  }
}

/** Which part of a name a header holds, or null when it is none (or a whole name). */
export function namePartOf(header: string): NamePart | null {
  return lookUpHeader(PART_OF, header) ?? null;
}

/**
 * Whether a part of a name is written in Chinese, Japanese or Korean letters: a name all of whose parts are is written
 * family name first and without spaces, whatever the columns it came from.
 */
export function isWrittenInCjk(part: string): boolean {
  return CJK_NAME.test(part);
}

const CJK_NAME = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々]+$/u;

export const FAMILY_FIRST_ORDER: Readonly<Record<NamePart, number>> = { family: 0, middle: 1, given: 2 };
const GIVEN_FIRST_ORDER: Readonly<Record<NamePart, number>> = { given: 0, middle: 1, family: 2 };

/** The order the parts under these headers are joined in: given, middle, family; family first for those languages. */
export function namePartOrder(headers: readonly string[]): Readonly<Record<NamePart, number>> {
  return headers.some((header) => FAMILY_FIRST.has(normaliseHeader(header))) ? FAMILY_FIRST_ORDER : GIVEN_FIRST_ORDER;
}
