// Guesses a column's field type (for "Import & Start") from its header words and sampled values.

import type { FieldType } from '../targets.js';
import { splitHeaderWords } from './header-normalisation.js';
import {
  isAddressValue,
  isCompactDateValue,
  isDateValue,
  isEmailValue,
  isNumberValue,
  isPhoneValue,
  isSerialDateValue,
  nonEmptyValues,
  shareOfValues,
} from './value-patterns.js';

/** Share of values that must fit a type to decide it from values alone. */
const DECIDING_SHARE = 0.8;
/** Addresses are free text, so fewer of them need to look like one. */
const ADDRESS_SHARE = 0.6;
/** Share of values that must agree with the type a header names; below it the values decide. */
const AGREEING_SHARE = 0.5;

/** Columns of identifiers or amounts: their digits are not phone numbers. */
const NOT_A_PHONE_WORDS: ReadonlySet<string> = new Set([
  'id', 'code', 'zip', 'postcode', 'amount', 'qty', 'quantity', 'price', 'total', 'account', 'order', 'invoice',
  'sku', 'serial', 'ssn',
]);
const NOT_A_PHONE_HAN = /编号|編號|金额|金額|订单|訂單|身份证|身份證|证件|證件|账号|帳號|邮编|郵編|数量|數量|价格|價格/u;

export function isNotAPhoneHeader(header: string): boolean {
  return splitHeaderWords(header).some((word) => NOT_A_PHONE_WORDS.has(word)) || NOT_A_PHONE_HAN.test(header);
}

type HeaderWords = { latin: readonly string[]; han: readonly string[] };

/** Checked in this order, so "Fax Number" is a fax, "Email Address" an email, "Phone No" a phone. */
const TYPE_WORDS: ReadonlyArray<[Exclude<FieldType, 'text'>, HeaderWords]> = [
  ['email', { latin: ['email', 'mail', 'emailaddress'], han: ['邮箱', '邮件', '电邮', '郵箱', '郵件', '電郵', 'メール'] }],
  ['fax', { latin: ['fax', 'facsimile', 'telefax'], han: ['传真', '傳真'] }],
  [
    'phone',
    {
      latin: ['phone', 'tel', 'telephone', 'mobile', 'cell', 'cellphone', 'cellular', 'landline', 'handphone', 'whatsapp', 'msisdn', 'dnc', 'did'],
      han: ['电话', '手机', '座机', '固话', '電話', '手機', '号码', '號碼'],
    },
  ],
  ['address', { latin: ['address', 'street', 'addr'], han: ['地址', '住址', '街道', '住所'] }],
  [
    'date',
    {
      latin: ['date', 'dob', 'birthday', 'birthdate', 'born', 'dated', 'created', 'updated', 'modified'],
      han: ['日期', '生日', '出生', '时间', '時間', '年月', '日期'],
    },
  ],
  [
    'number',
    {
      latin: ['amount', 'qty', 'quantity', 'count', 'age', 'price', 'total', 'score', 'revenue', 'balance', 'salary', 'income', 'cost', 'sum', 'points', 'percent', 'rate'],
      han: ['金额', '金額', '数量', '數量', '年龄', '年齡', '价格', '價格', '余额', '餘額', '次数', '积分', '收入', '总计', '合计', '分数'],
    },
  ],
];

export function detectColumnType(header: string, values: string[]): FieldType {
  const present = nonEmptyValues(values);
  const named = typeNamedByHeader(header);
  if (named && (present.length === 0 || valuesAgreeWith(named, present))) return named;
  return typeFromValues(present, { isPhonePossible: !isNotAPhoneHeader(header) });
}

function typeNamedByHeader(header: string): Exclude<FieldType, 'text'> | undefined {
  const words = splitHeaderWords(header);
  const latinWords = new Set<string>();
  // "E-mail" splits into "e" + "mail": join neighbouring words too.
  for (let i = 0; i < words.length; i++) {
    latinWords.add(words[i]!);
    if (i + 1 < words.length) latinWords.add(words[i]! + words[i + 1]!);
  }
  const text = header.normalize('NFKC');
  for (const [type, named] of TYPE_WORDS) {
    if (named.latin.some((word) => latinWords.has(word)) || named.han.some((word) => text.includes(word))) return type;
  }
  // "The day of …" in Chinese and Japanese: 登録日, 作成日, 到期日, 入职日 (not a weekday or a holiday).
  if (HAN_DAY_OF.test(text.trim())) return 'date';
  return undefined;
}

const HAN_DAY_OF = /\p{Script=Han}(?<!星期|[曜节節假休])日$/u;

function valuesAgreeWith(type: Exclude<FieldType, 'text'>, values: readonly string[]): boolean {
  switch (type) {
    case 'email':
      return shareOfValues(values, isEmailValue) >= AGREEING_SHARE;
    case 'phone':
    case 'fax':
      return shareOfValues(values, (value) => isPhoneValue(value)) >= AGREEING_SHARE;
    case 'date':
      return shareOfValues(values, (value) => isDateValue(value) || isCompactDateValue(value) || isSerialDateValue(value)) >= AGREEING_SHARE;
    case 'number':
      return shareOfValues(values, isNumberValue) >= AGREEING_SHARE;
    case 'address':
      // Any free text can be an address; only values that are plainly something else disagree.
      return shareOfValues(values, (value) => isEmailValue(value) || isNumberValue(value) || isDateValue(value)) < AGREEING_SHARE;
  }
}

function typeFromValues(values: readonly string[], options: { isPhonePossible: boolean }): FieldType {
  if (values.length === 0) return 'text';
  if (shareOfValues(values, isEmailValue) >= DECIDING_SHARE) return 'email';
  if (shareOfValues(values, isDateValue) >= DECIDING_SHARE) return 'date';
  const phoneShare = shareOfValues(values, (value) => isPhoneValue(value, { isStrict: true }));
  if (options.isPhonePossible && phoneShare >= DECIDING_SHARE) return 'phone';
  if (shareOfValues(values, isNumberValue) >= DECIDING_SHARE) return 'number';
  if (shareOfValues(values, isAddressValue) >= ADDRESS_SHARE) return 'address';
  return 'text';
}
