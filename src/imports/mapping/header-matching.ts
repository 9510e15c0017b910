// Proposes which field each column of a file fills, with a confidence the user can judge.

import { createHash } from 'node:crypto';
import type { FieldDefinition } from '../targets.js';
import { AMBIGUOUS_FIELD_NAMES, GENERIC_HEAD_WORDS } from './field-synonyms.js';
import { buildFieldVocabulary, CONFIDENCE, getSynonymOwners, type FieldVocabulary } from './field-vocabulary.js';
import { bracketedTexts, isHanWord, normaliseHeader, removeBracketedText, splitHeaderWords } from './header-normalisation.js';
import { similarity } from './string-similarity.js';
import { PERSON_NAME_FIELDS, namePartOf, type NamePart } from './name-parts.js';
import { addressPartOf } from './address-parts.js';
import { expandAbbreviations } from './header-abbreviations.js';
import { isNotAPhoneHeader } from './type-detection.js';
import { isEmailValue, isPhoneValue, shareOfValues } from './value-patterns.js';
import { holdsCallingCodes, isCallingCodeHeader } from './calling-codes.js';
import { isGeneratedHeaderName } from '../reading/header-names.js';

export type MatchSource = 'saved' | 'exact' | 'synonym' | 'fuzzy' | 'values';

export type ColumnMatch = {
  header: string;
  index: number;
  field: string | null;
  /** 0..1 */
  confidence: number;
  source: MatchSource | null;
};

export type MatchHeadersInput = {
  headers: string[];
  /** up to ~50 data rows, in the column order of `headers` */
  samples: string[][];
  fields: readonly FieldDefinition[];
  /** header → field, or null for a column the user chose to ignore */
  saved?: ReadonlyMap<string, string | null>;
};

/** A header that is a variant of a name ("Customer Mobile", "Phone (Home)", "Emails") counts less. */
const VARIANT_PENALTY = 0.1;
/** …and a little less for each word it has in front of the name it ends with. */
const PER_LEADING_WORD_PENALTY = 0.01;
/** A name after a slash ("Country/Region") counts less than the one before it. */
const SLASH_PART_PENALTY = 0.02;
export const FUZZY_THRESHOLD = 0.8;
/** Share of non-empty sampled values that must look like e-mails or phone numbers. */
export const VALUES_SHARE = 0.8;
const VALUES_CONFIDENCE = { email: 0.7, phone: 0.65 } as const;
/** A second phone-like column falls back to another phone field at this share of its confidence. */
const PHONE_FALLBACK_FACTOR = 0.6;
/**
 * Two columns claiming one field about as strongly: the one with values in the sampled rows takes it (Google Contacts'
 * "Occupation", empty in nearly every export, against its "Organization 1 - Title"). Only a close claim: an empty
 * "Email" still beats a column whose values merely look like e-mails.
 */
const EMPTY_COLUMN_PENALTY = 0.1;
const MIN_FUZZY_LENGTH = 4;
const MAX_FUZZY_LENGTH = 60;
const MAX_NAME_WORDS = 8;

const GENERIC_HEADS: ReadonlySet<string> = new Set(GENERIC_HEAD_WORDS.map(normaliseHeader));
const AMBIGUOUS_NAMES: ReadonlySet<string> = new Set(AMBIGUOUS_FIELD_NAMES.map(normaliseHeader));
type Hit = { field: string; confidence: number; source: MatchSource };
/** Whether the column had no value in any sampled row. */
type Candidate = Hit & { index: number; rank: number; isSaved: boolean; isEmpty: boolean };

export function matchHeaders(input: MatchHeadersInput): ColumnMatch[] {
  const vocabulary = buildFieldVocabulary(input.fields);
  const savedByHeader = indexSavedMapping(input.saved);
  const matches: ColumnMatch[] = input.headers.map((header, index) => ({
    header,
    index,
    field: null,
    confidence: 0,
    source: null,
  }));
  const candidates: Candidate[] = [];

  input.headers.forEach((header, index) => {
    const saved = findSavedField(savedByHeader, header);
    if (saved === null) {
      matches[index] = { header, index, field: null, confidence: CONFIDENCE.saved, source: 'saved' };
      return;
    }
    const values = input.samples.map((row) => row[index] ?? '');
    const isEmpty = values.length > 0 && values.every((value) => value.trim() === '');
    if (saved !== undefined && vocabulary.fieldsByKey.has(saved)) {
      candidates.push({ index, field: saved, confidence: CONFIDENCE.saved, source: 'saved', rank: 0, isSaved: true, isEmpty });
    }
    const hits = [...headerHits(header, vocabulary)];
    hits.push(...phoneFallbackHits(hits, vocabulary));
    hits.push(...valueHits(header, values, hits, vocabulary));
    if (isLocalNumberBesideAreaCodes(input, index)) hits.push(...phoneHitsByValues(vocabulary));
    // "Country Code" over +971, +91 …, Vicidial's "phone_code" over 1, 44: the calling codes the import reads the phone
    // numbers beside them with (calling-codes.ts), neither the customer's country nor a phone number of theirs.
    const isCallingCodes = isCallingCodeHeader(header) && holdsCallingCodes(values);
    const kept = isCallingCodes ? hits.filter((hit) => hit.field !== fieldKeyOf(vocabulary, 'country') && vocabulary.fieldsByKey.get(hit.field)?.type !== 'phone') : hits;
    kept.forEach((hit, rank) => candidates.push({ ...hit, index, rank: rank + 1, isSaved: false, isEmpty }));
  });

  return joinAddressParts(joinNameParts(preferColumnsWithValues(resolveConflicts(matches, candidates, vocabulary), candidates), vocabulary), vocabulary);
}

/**
 * A field that went to a column empty in every sampled row, while another column named for it holds values and got no
 * field at all, goes to that one: Outlook's empty "Other Phone" took phone2 and left its filled "Home Phone" out.
 * Never a column the user decided, nor one claimed by its values alone.
 */
function preferColumnsWithValues(matches: ColumnMatch[], candidates: readonly Candidate[]): ColumnMatch[] {
  const emptyColumns = new Set(candidates.filter((candidate) => candidate.isEmpty).map((candidate) => candidate.index));
  for (const held of matches) {
    if (held.field === null || held.source === 'saved' || !emptyColumns.has(held.index)) continue;
    const rival = candidates
      .filter((candidate) => candidate.field === held.field && !candidate.isEmpty && !candidate.isSaved && candidate.source !== 'values' && matches[candidate.index]?.field === null && matches[candidate.index]?.source !== 'saved')
      .sort((a, b) => b.confidence - a.confidence || a.index - b.index)[0];
    const free = rival && matches[rival.index];
    if (!rival || !free) continue;
    matches[rival.index] = { ...free, field: rival.field, confidence: Math.round(rival.confidence * 100) / 100, source: rival.source };
    matches[held.index] = { ...held, field: null, confidence: 0, source: null };
  }
  return matches;
}

/**
 * Columns that continue the address (a second line, a suite, a house number: address-parts.ts) join the column
 * mapped to the address, which the import then joins them with. Only columns no field took and the user did not
 * decide; not without an address column (a house number alone is no address).
 */
function joinAddressParts(matches: ColumnMatch[], vocabulary: FieldVocabulary): ColumnMatch[] {
  const address = fieldKeyOf(vocabulary, 'address');
  if (address === undefined) return matches;
  const main = matches.find((match) => match.field === address && addressPartOf(match.header) === null);
  if (!main) return matches;
  const confidence = Math.round(Math.min(main.confidence, CONFIDENCE.synonym - VARIANT_PENALTY) * 100) / 100;
  // "Business Street 2" beside "Business Street", "Home Address 3" beside "Home Address 1": the same header numbered.
  const stem = (header: string) => normaliseHeader(header).replace(/\d+$/, '');
  const isNumberedLine = (header: string) => /[2-9]$/.test(normaliseHeader(header)) && stem(header) === stem(main.header);
  return matches.map((match) =>
    match.field === null && match.source !== 'saved' && (addressPartOf(match.header) !== null || isNumberedLine(match.header))
      ? { ...match, field: address, confidence, source: 'synonym' }
      : match,
  );
}

/** The key of the target's field that is this standard field, if it has one. */
function fieldKeyOf(vocabulary: FieldVocabulary, standard: string): string | undefined {
  return [...vocabulary.standardKeys].find(([, key]) => key === standard)?.[0];
}

/**
 * A name split over columns (a given name and a family name, perhaps a middle one) and no column of whole names:
 * every part goes to the person's name field (`contact` where the target has one, as an organization's person;
 * else `name`), which joins them. Columns the user (or a saved mapping) decided stay as they are.
 */
function joinNameParts(matches: ColumnMatch[], vocabulary: FieldVocabulary): ColumnMatch[] {
  const person = fieldKeyOf(vocabulary, 'contact') ?? fieldKeyOf(vocabulary, 'name');
  if (person === undefined) return matches;
  // An organization's "First Name" is its contact's, never the organization's name it may have been matched to.
  const organisationName = person === fieldKeyOf(vocabulary, 'name') ? undefined : fieldKeyOf(vocabulary, 'name');
  // The columns that may take a part: not decided by the user, and free or holding the person's name already.
  const parts = new Map<ColumnMatch, NamePart>();
  for (const match of matches) {
    const isFree = match.field === null || match.field === person || (organisationName !== undefined && match.field === organisationName);
    const part = match.source !== 'saved' && isFree ? namePartOf(match.header) : null;
    if (part !== null) parts.set(match, part);
  }
  const roles = new Set(parts.values());
  if (!roles.has('given') || !roles.has('family')) return matches;
  // A column of whole names beside the parts keeps the field.
  if (matches.some((match) => match.field === person && !parts.has(match))) return matches;
  const confidence = Math.max(...[...parts.keys()].map((match) => (match.field === person ? match.confidence : 0)), CONFIDENCE.synonym - VARIANT_PENALTY);
  const joined = new Set<NamePart>();
  return matches.map((match) => {
    const part = parts.get(match);
    if (part === undefined) return match;
    // One column per part: a second "Last Name" is not joined in (nor keeps the field).
    if (joined.has(part)) return match.field === person ? { ...match, field: null, confidence: 0, source: null } : match;
    joined.add(part);
    return { ...match, field: person, confidence: Math.round(confidence * 100) / 100, source: match.source ?? 'synonym' };
  });
}

/**
 * Each field takes at most one column: the strongest claim wins (saved first, then confidence, less for a column
 * empty in the samples, then the leftmost column) and a column that lost its field falls to its next-best one. A text or address field the
 * user (or a saved mapping) gave several columns keeps them all: the import joins them (a name's parts, address lines).
 */
function resolveConflicts(matches: ColumnMatch[], candidates: Candidate[], vocabulary: FieldVocabulary): ColumnMatch[] {
  const strength = (candidate: Candidate) => candidate.confidence - (candidate.isEmpty ? EMPTY_COLUMN_PENALTY : 0);
  const ordered = [...candidates].sort(
    (a, b) =>
      Number(b.isSaved) - Number(a.isSaved) ||
      strength(b) - strength(a) ||
      a.index - b.index ||
      a.rank - b.rank,
  );
  const takenFields = new Set<string>();
  const savedJoins = new Set<string>();
  const decidedColumns = new Set<number>();
  for (const match of matches) if (match.source === 'saved') decidedColumns.add(match.index);
  for (const candidate of ordered) {
    if (decidedColumns.has(candidate.index)) continue;
    if (takenFields.has(candidate.field) && !(candidate.isSaved && savedJoins.has(candidate.field))) continue;
    const type = vocabulary.fieldsByKey.get(candidate.field)?.type;
    if (candidate.isSaved && (type === 'text' || type === 'address')) savedJoins.add(candidate.field);
    decidedColumns.add(candidate.index);
    takenFields.add(candidate.field);
    const match = matches[candidate.index];
    if (!match) continue;
    matches[candidate.index] = {
      ...match,
      field: candidate.field,
      confidence: Math.round(candidate.confidence * 100) / 100,
      source: candidate.source,
    };
  }
  return matches;
}

type SavedIndex = { byHeader: ReadonlyMap<string, string | null>; byNormalised: ReadonlyMap<string, string | null> };

function indexSavedMapping(saved: ReadonlyMap<string, string | null> | undefined): SavedIndex {
  const byNormalised = new Map<string, string | null>();
  for (const [header, field] of saved ?? []) {
    const text = normaliseHeader(header);
    if (!byNormalised.has(text)) byNormalised.set(text, field);
  }
  return { byHeader: saved ?? new Map(), byNormalised };
}

/** The saved field for a header, null when it was ignored, undefined when the mapping does not say. */
function findSavedField(saved: SavedIndex, header: string): string | null | undefined {
  if (saved.byHeader.has(header)) return saved.byHeader.get(header);
  return saved.byNormalised.get(normaliseHeader(header));
}

/** Candidates from the header alone, best first: exact → synonym → variants of a synonym → fuzzy. */
function headerHits(header: string, vocabulary: FieldVocabulary): Hit[] {
  const best = new Map<string, Hit>();
  const text = normaliseHeader(header);
  if (text === '') return [];
  // "Phone (Mobile)" is the mobile, not the "Phone/Mobile" it normalises to: a bracket naming a field decides.
  if (!isQualifiedByBrackets(header, vocabulary)) {
    for (const field of vocabulary.labels.get(text) ?? []) keepBest(best, { field, confidence: CONFIDENCE.exact, source: 'exact' });
    for (const hit of vocabulary.synonyms.get(text) ?? []) keepBest(best, { ...hit, source: 'synonym' });
  }
  if (AMBIGUOUS_NAMES.has(text)) for (const hit of best.values()) hit.confidence = Math.min(hit.confidence, CONFIDENCE.related);
  // A header that is the very name of a field this target lacks ("Email Address" where there is
  // no email) must not be read as a longer name of another one ("address").
  const isNameOfAbsentField = best.size === 0 && getSynonymOwners().has(text);
  if (best.size === 0 && !isNameOfAbsentField) {
    for (const hit of variantHits(header, text, vocabulary)) keepBest(best, hit);
  }
  if (best.size === 0 && !isNameOfAbsentField) {
    for (const hit of fuzzyHits(text, vocabulary)) keepBest(best, hit);
  }
  // "Email Address 2", "cust_email_addr": the address of an e-mail is never a street address, not even when the
  // e-mail field went to another column.
  if (isEmailAddressHeader(header)) {
    for (const field of best.keys()) if (vocabulary.standardKeys.get(field) === 'address') best.delete(field);
  }
  // Outlook's "E-mail Display Name" ("John Public (john@contoso.com)") is what a mail program shows for the address,
  // not the person's name (which its First and Last Name columns hold).
  if (isEmailNameHeader(header)) {
    for (const field of best.keys()) if (PERSON_NAME_FIELDS.has(vocabulary.standardKeys.get(field) ?? '')) best.delete(field);
  }
  return [...best.values()].sort((a, b) => b.confidence - a.confidence);
}

/** Whether a bracket in the header names a field by itself ("Phone (Mobile)", not "Company (Name)"). */
function isQualifiedByBrackets(header: string, vocabulary: FieldVocabulary): boolean {
  return bracketedTexts(header).some((inner) => {
    const text = normaliseHeader(inner);
    return isDecisiveEnding(text) && (vocabulary.labels.has(text) || vocabulary.synonyms.has(text));
  });
}

/** A header whose address word follows a name of the e-mail ("E-mail addr.", "Email Address 2", "邮件地址"). */
function isEmailAddressHeader(header: string): boolean {
  const words = splitHeaderWords(removeBracketedText(header)).filter((word) => !/^\d+$/.test(word));
  const addressed = withoutTail(words, ADDRESS_TAILS);
  return addressed !== undefined && endsWithEmailName(addressed);
}

/** A header whose name words follow a name of the e-mail ("E-mail Display Name", "E-mail 2 Display Name", "Email Name"). */
function isEmailNameHeader(header: string): boolean {
  const words = splitHeaderWords(removeBracketedText(header)).filter((word) => !/^\d+$/.test(word));
  if (words.at(-1) !== 'name') return false;
  const named = words.at(-2) === 'display' ? words.slice(0, -2) : words.slice(0, -1);
  return named.length > 0 && endsWithEmailName(named);
}

/** Whether the last one to three words are a name of the e-mail ("email", "e mail", "correo electronico"). */
function endsWithEmailName(words: readonly string[]): boolean {
  for (let length = 1; length <= Math.min(3, words.length); length++) {
    if (getSynonymOwners().get(words.slice(-length).join(''))?.includes('email')) return true;
  }
  return false;
}

function keepBest(best: Map<string, Hit>, hit: Hit): void {
  const existing = best.get(hit.field);
  if (!existing || existing.confidence < hit.confidence) best.set(hit.field, hit);
}

function lookUp(text: string, vocabulary: FieldVocabulary, penalty: number): Hit[] {
  const hits: Hit[] = [];
  for (const field of vocabulary.labels.get(text) ?? []) {
    hits.push({ field, confidence: CONFIDENCE.synonym - penalty, source: 'synonym' });
  }
  for (const hit of vocabulary.synonyms.get(text) ?? []) {
    hits.push({ field: hit.field, confidence: hit.confidence - penalty, source: 'synonym' });
  }
  return hits;
}

/**
 * The header read a little more loosely: without a trailing number ("Email 2"), without bracketed
 * qualifiers ("Phone (Home)") or by them ("Phone Number (Mobile)"), by each side of a slash
 * ("Province/Region"), singular ("Emails"), without "No."/"Name"/"Code" ("Mobile Phone No.",
 * "城市名称"), and by the name it ends with ("Customer Mobile", "公司地址"), since in English and
 * Chinese alike the last word says what a column holds.
 */
function variantHits(header: string, text: string, vocabulary: FieldVocabulary): Hit[] {
  const hits: Hit[] = [];
  for (const { words, penalty } of headerWordVariants(header)) {
    const whole = words.join('');
    if (whole !== text) hits.push(...lookUp(whole, vocabulary, penalty));
    // No name is longer than a few words, so only the last few can make one.
    for (let start = Math.max(1, words.length - MAX_NAME_WORDS); start < words.length; start++) {
      const ending = words.slice(start).join('');
      if (!isDecisiveEnding(ending)) continue;
      const leadingWords = Math.min(start, MAX_NAME_WORDS);
      hits.push(...lookUp(ending, vocabulary, penalty + PER_LEADING_WORD_PENALTY * leadingWords));
    }
  }
  return hits;
}

function isDecisiveEnding(ending: string): boolean {
  if (GENERIC_HEADS.has(ending) || /^\d/.test(ending)) return false;
  return isHanWord(ending) ? [...ending].length >= 2 : ending.length >= 3;
}

/**
 * Words that only say "the number / name / code of" what comes before them; Google Contacts' "Phone 1 - Value" and
 * "Address 1 - Formatted" too (its "Phone 1 - Label" says which kind of phone, and is no phone).
 */
const QUALIFYING_TAILS: readonly string[] = [
  'no', 'number', 'num', 'nr', 'name', 'code', 'value', 'formatted', '号', '号码', '名称', '名字', '全称', '简称', '代码', '编码',
];
/** Address words that follow what they are the address of ("Email Address", "E-mail cím", "E-post adress"). */
const ADDRESS_TAILS: readonly string[] = [
  'address', 'addr', '地址', '位址', 'アドレス', 'adresse', 'adress', 'adres', 'adresa', 'cím', 'osoite', 'адрес',
  'адреса', 'पता',
].map(normaliseHeader);
/**
 * Spanish, Portuguese, French, Italian and Dutch put what a column holds first: "Teléfono del cliente", "Email
 * cliente", "Numéro de portable"; so do Polish, Czech, Romanian, Greek, Ukrainian, Hebrew and Arabic with whose it is
 * ("Telefon klienta", "טלפון לקוח", "هاتف العميل"). The name before one of these words, or before a word naming whose
 * it is, counts.
 */
const HEAD_FIRST_CONNECTORS: ReadonlySet<string> = new Set([
  'de', 'del', 'da', 'do', 'das', 'dos', 'du', 'des', 'di', 'della', 'dello', 'dei', 'degli', 'van', 'von', 'der',
]);
const OWNER_TAILS: readonly string[] = [
  'cliente', 'clientes', 'client', 'contacto', 'contato', 'contatto', 'kunde', 'kunden', 'klant', 'empresa',
  'entreprise', 'société', 'azienda', 'principal', 'particular', 'personal', 'privado', 'privat', 'privé', 'trabajo',
  'trabalho', 'lavoro', 'casa', 'oficina', 'ufficio', 'bureau', 'domicile', 'domicilio', 'geschäftlich', 'fijo',
  'fixe', 'fisso', 'fixo', 'klienta', 'zákazníka', 'clientului', 'πελάτη', 'клієнта', 'לקוח', 'הלקוח', 'العميل',
].map(normaliseHeader);
/** Chinese "located in / belonging to": 所在城市 is the city, 所属公司 the company. */
const LEADING_QUALIFIERS: readonly string[] = ['所在', '所属', '现在', '现'];
const SLASH = /[/|\\、]/u;
/** A number before a header's name, as templates number their columns: "1. Name", "02 - Phone", "3) E-mail". */
const LEADING_NUMBER = /^\s*\d{1,2}\s*[.):-]?\s+\D/u;

/** The words before `tails` when the header ends with one of them, else undefined. */
function withoutTail(words: readonly string[], tails: readonly string[]): string[] | undefined {
  for (let length = 1; length <= 2 && length < words.length; length++) {
    if (tails.includes(words.slice(-length).join(''))) return words.slice(0, -length);
  }
  return undefined;
}

function withoutLead(words: readonly string[], leads: readonly string[]): string[] | undefined {
  for (let length = 1; length <= 2 && length < words.length; length++) {
    if (leads.includes(words.slice(0, length).join(''))) return words.slice(length);
  }
  return undefined;
}

type WordVariant = { words: string[]; penalty: number };

function headerWordVariants(header: string): WordVariant[] {
  const unbracketed = removeBracketedText(header);
  const unbracketedWords = splitHeaderWords(unbracketed);
  const bases: WordVariant[] = [
    { words: splitHeaderWords(header), penalty: VARIANT_PENALTY },
    { words: unbracketedWords, penalty: VARIANT_PENALTY },
    // A template's numbered columns: "1. Name", "02 - Phone".
    ...(LEADING_NUMBER.test(unbracketed) ? [{ words: unbracketedWords.slice(1), penalty: VARIANT_PENALTY }] : []),
    // The brackets refine what is outside them, so they count a little more.
    ...bracketedTexts(header).map((inner) => ({ words: splitHeaderWords(inner), penalty: VARIANT_PENALTY - PER_LEADING_WORD_PENALTY })),
  ];
  if (SLASH.test(unbracketed)) {
    // The first name before a slash is what the column holds, the others are its other names: "Business
    // Country/Region" is a country before it is a region (a state), which "Business State" beside it is.
    unbracketed.split(SLASH).forEach((part, position) => {
      bases.push({ words: splitHeaderWords(part), penalty: VARIANT_PENALTY + SLASH_PART_PENALTY * Math.min(position, 1) });
    });
  }
  // FRST_NM, PHN_NBR, ZIP_CD: each base with the abbreviations of database column names written out.
  for (const base of [...bases]) {
    const expanded = expandAbbreviations(base.words);
    if (expanded) bases.push({ words: expanded, penalty: base.penalty });
  }
  const variants: WordVariant[] = [];
  for (const base of bases) {
    const forms = [base.words];
    const last = base.words.at(-1) ?? '';
    if (base.words.length > 1 && /^\d+$/.test(last)) forms.push(base.words.slice(0, -1));
    for (const words of [...forms]) {
      const final = words.at(-1) ?? '';
      if (/^[a-z]{4,}s$/.test(final) && !final.endsWith('ss')) {
        forms.push([...words.slice(0, -1), final.slice(0, -1)]);
        if (final.endsWith('es')) forms.push([...words.slice(0, -1), final.slice(0, -2)]);
      }
    }
    for (const words of [...forms]) {
      const qualified = withoutTail(words, QUALIFYING_TAILS);
      if (qualified && isDecisiveEnding(qualified.join(''))) {
        forms.push(qualified);
        // "E-mail 2 - Value": the second e-mail.
        if (qualified.length > 1 && /^\d+$/.test(qualified.at(-1) ?? '')) forms.push(qualified.slice(0, -1));
      }
      // "E-mail addr.", "邮件地址": the address of an e-mail is the e-mail, not a street address.
      const addressed = withoutTail(words, ADDRESS_TAILS);
      if (addressed && endsWithEmailName(addressed)) forms.push(addressed);
      const located = withoutLead(words, LEADING_QUALIFIERS);
      if (located) forms.push(located);
      const connector = words.findIndex((word, index) => index > 0 && HEAD_FIRST_CONNECTORS.has(word));
      if (connector > 0 && isDecisiveEnding(words.slice(0, connector).join(''))) forms.push(words.slice(0, connector));
      const owned = withoutTail(words, OWNER_TAILS);
      if (owned && isDecisiveEnding(owned.join(''))) forms.push(owned);
    }
    for (const words of forms) variants.push({ words, penalty: base.penalty });
  }
  const seen = new Set<string>();
  return variants.filter(({ words }) => {
    const key = words.join('\u0000');
    if (words.length === 0 || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Typos and near-spellings ("Adress", "Emial", "Telphone"); confidence is the similarity itself. */
function fuzzyHits(text: string, vocabulary: FieldVocabulary): Hit[] {
  const length = [...text].length;
  if (length < MIN_FUZZY_LENGTH || length > MAX_FUZZY_LENGTH) return [];
  const bestByField = new Map<string, { score: number; confidence: number }>();
  let bestLookalike = 0;
  for (const target of vocabulary.fuzzyTargets) {
    const targetLength = [...target.text].length;
    if (Math.abs(targetLength - length) > Math.max(targetLength, length) * (1 - FUZZY_THRESHOLD)) continue;
    const score = similarity(text, target.text);
    if (target.field === null) {
      bestLookalike = Math.max(bestLookalike, score);
      continue;
    }
    const confidence = score * target.weight;
    const existing = bestByField.get(target.field);
    if (!existing || existing.confidence < confidence) bestByField.set(target.field, { score, confidence });
  }
  const hits: Hit[] = [];
  for (const [field, { score, confidence }] of bestByField) {
    if (score >= FUZZY_THRESHOLD && score > bestLookalike) hits.push({ field, confidence, source: 'fuzzy' });
  }
  return hits;
}

/**
 * A column whose header names a phone field may still end up in another one when that field is
 * taken ("Phone" and "Telephone" → phone and phone2): first a generic second phone, then the rest.
 */
function phoneFallbackHits(hits: readonly Hit[], vocabulary: FieldVocabulary): Hit[] {
  const top = hits[0];
  if (!top || vocabulary.fieldsByKey.get(top.field)?.type !== 'phone') return [];
  const claimed = new Set(hits.map((hit) => hit.field));
  const others = [...vocabulary.fieldsByKey.values()].filter((field) => field.type === 'phone' && !claimed.has(field.key));
  others.sort((a, b) => Number(vocabulary.standardKeys.get(b.key) === 'phone2') - Number(vocabulary.standardKeys.get(a.key) === 'phone2'));
  return others.map((field, position) => ({
    field: field.key,
    confidence: top.confidence * PHONE_FALLBACK_FACTOR - PER_LEADING_WORD_PENALTY * position,
    source: top.source,
  }));
}

/**
 * A list without a header whose column of seven-digit local numbers follows one of three-digit area codes, as the US
 * Do Not Call registry's files are ("201,2000001"): the numbers are the phone column (the import puts each row's area
 * code before its number, record-preparation.ts).
 */
function isLocalNumberBesideAreaCodes(input: MatchHeadersInput, index: number): boolean {
  const isHeaderless = (header: string | undefined) => header !== undefined && isGeneratedHeaderName(header);
  if (index === 0 || !isHeaderless(input.headers[index]) || !isHeaderless(input.headers[index - 1]) || input.samples.length === 0) return false;
  return input.samples.every((row) => /^\(?\d{3}\)?$/.test((row[index - 1] ?? '').trim()) && /^\d{3}[-. ]?\d{4}$/.test((row[index] ?? '').trim()));
}

function phoneHitsByValues(vocabulary: FieldVocabulary): Hit[] {
  return [...vocabulary.fieldsByKey.values()]
    .filter((field) => field.type === 'phone')
    .map((field, position) => ({ field: field.key, confidence: VALUES_CONFIDENCE.phone - PER_LEADING_WORD_PENALTY * position, source: 'values' }));
}

/** E-mail and phone columns are recognised by their values even under a header like "Column 3". */
function valueHits(header: string, values: readonly string[], hits: readonly Hit[], vocabulary: FieldVocabulary): Hit[] {
  const hitTypes = new Set(hits.map((hit) => vocabulary.fieldsByKey.get(hit.field)?.type));
  const fields = [...vocabulary.fieldsByKey.values()];
  const found: Hit[] = [];
  if (!hitTypes.has('email') && shareOfValues(values, isEmailValue) >= VALUES_SHARE) {
    fields
      .filter((field) => field.type === 'email')
      .forEach((field, position) =>
        found.push({ field: field.key, confidence: VALUES_CONFIDENCE.email - PER_LEADING_WORD_PENALTY * position, source: 'values' }),
      );
  }
  const isPhoneShaped = shareOfValues(values, (value) => isPhoneValue(value, { isStrict: true })) >= VALUES_SHARE;
  if (!hitTypes.has('phone') && isPhoneShaped && !isNotAPhoneHeader(header)) found.push(...phoneHitsByValues(vocabulary));
  return found;
}

/**
 * A stable key for a list of headers, to find the mapping saved for an earlier file with the same
 * headers. Headers are compared normalised and in any order, as a saved mapping goes by header.
 */
export function headerSignature(headers: string[]): string {
  const normalised = headers.map(normaliseHeader).sort();
  const digest = createHash('sha256').update(JSON.stringify(normalised)).digest('hex');
  return `h1:${digest}`;
}
