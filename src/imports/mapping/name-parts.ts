// A person's name split over columns ("First Name", "Last Name"; "Prénom", "Nom"; "Nombre", "Apellidos"), as most
// CRM and address-book exports write it: the parts are joined into the one name field, given name first. Hungarian,
// Japanese, Chinese, Korean and Vietnamese write the family name first, so their parts are not listed here.
import { normaliseHeader } from './header-normalisation.js';

export type NamePart = 'given' | 'middle' | 'family';

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

const PART_OF = new Map<string, NamePart>();
for (const [part, headers] of Object.entries(PARTS) as Array<[NamePart, readonly string[]]>) {
  for (const header of headers) PART_OF.set(normaliseHeader(header), part);
}

/** Which part of a name a header holds, or null when it is none (or a whole name). */
export function namePartOf(header: string): NamePart | null {
  return PART_OF.get(normaliseHeader(header)) ?? null;
}

/** The order parts are joined in: given, middle, family. */
export const NAME_PART_ORDER: Readonly<Record<NamePart, number>> = { given: 0, middle: 1, family: 2 };
