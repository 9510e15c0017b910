// An address split over columns, as many exports write it: a second (third) address line, an apartment or suite, a
// house number apart from its street ("Straße", "Hausnummer"). Beside a column mapped to the address, these join it
// (header-matching), so that no part of the address is left out of the import: lines after a comma, a house number
// beside its street with a space ("Musterstraße 12", "12 Main St"), in the file's order.
import { lookUpHeader } from './header-abbreviations.js';
import { normaliseHeader } from './header-normalisation.js';

export type AddressPart = 'line' | 'number';

const PARTS: Record<AddressPart, readonly string[]> = {
  line: [
    'address line 2', 'address line 3', 'address 2', 'address 3', 'address2', 'address3', 'addr 2', 'addr2',
    'street 2', 'street 3', 'street line 2', 'street line 3', 'street address 2', 'street address line 2',
    'mailing street 2', 'billing street 2', 'shipping street 2', 'address continued', 'address cont',
    'apt', 'apartment', 'apt suite', 'apartment suite', 'suite', 'apt unit', 'flat', 'building', 'floor',
    'po box', 'p o box', 'landmark',
    'adresszusatz', 'adresse 2', 'adresse ligne 2', 'complement d adresse', 'complement adresse', 'complement',
    'direccion 2', 'direccion linea 2', 'complemento', 'endereco 2', 'indirizzo 2', 'adres 2', 'adresregel 2',
    'adresa 2', 'adress 2',
  ],
  number: [
    'house number', 'house no', 'house nr', 'house num', 'street number', 'street no', 'building number',
    'hausnummer', 'hausnr', 'hnr', 'huisnummer', 'huisnr', 'numero de rue', 'numero civico', 'civico',
    'numero exterior', 'num exterior', 'no exterior', 'numero da casa', 'numer domu', 'nr domu', 'cislo domu',
    'cislo popisne', 'husnummer', 'gatenummer', 'hazszam',
  ],
};

const PART_OF = new Map<string, AddressPart>();
for (const [part, headers] of Object.entries(PARTS) as Array<[AddressPart, readonly string[]]>) {
  for (const header of headers) PART_OF.set(normaliseHeader(header), part);
}

/** Which part of an address a header holds beside the address column, or null when it is none. */
export function addressPartOf(header: string): AddressPart | null {
  return lookUpHeader(PART_OF, header) ?? null;
}
