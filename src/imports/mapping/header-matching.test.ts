import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { STANDARD_FIELDS, type FieldDefinition } from '../targets.js';
import { headerSignature, matchHeaders, type ColumnMatch } from './header-matching.js';

const individual = STANDARD_FIELDS.individual;

function fieldsOf(matches: ColumnMatch[]): Array<string | null> {
  return matches.map((match) => match.field);
}

function match(headers: string[], options: { samples?: string[][]; fields?: readonly FieldDefinition[]; saved?: Map<string, string | null> } = {}) {
  return matchHeaders({ headers, samples: options.samples ?? [], fields: options.fields ?? individual, saved: options.saved });
}

/** Rows of samples from columns of values. */
function rowsOf(...columns: string[][]): string[][] {
  const height = Math.max(...columns.map((column) => column.length));
  return Array.from({ length: height }, (_, row) => columns.map((column) => column[row] ?? ''));
}

function assertNoFieldTwice(matches: ColumnMatch[]): void {
  const fields = matches.map((m) => m.field).filter((field) => field !== null);
  assert.equal(new Set(fields).size, fields.length, `a field was chosen twice: ${JSON.stringify(fields)}`);
}

describe('matchHeaders: how each column is matched', () => {
  test("a list without a header of area codes and seven-digit numbers (the US Do Not Call registry's) has its numbers as the phone", () => {
    const samples = rowsOf(['201', '201', '415'], ['2000001', '200-0002', '5550134']);
    assert.deepEqual(fieldsOf(match(['Column 1', 'Column 2'], { samples, fields: STANDARD_FIELDS.blacklist })), [null, 'number']);
    // Not with a header, nor beside a column of anything but area codes.
    assert.deepEqual(fieldsOf(match(['Id', 'Code'], { samples, fields: STANDARD_FIELDS.blacklist })), [null, null]);
    assert.deepEqual(fieldsOf(match(['Column 1', 'Column 2'], { samples: rowsOf(['1', '2', '3'], ['2000001', '2000002', '5550134']), fields: STANDARD_FIELDS.blacklist })), [null, null]);
  });

  test("a Country Code column of calling codes (+971) is not the customer's country; one of country codes (MX) is", () => {
    assert.deepEqual(fieldsOf(match(['Name', 'Country Code', 'Mobile'], { samples: rowsOf(['Ali', 'Raj'], ['+971', '91'], ['50 123 4567', '98765 43210']) })), ['name', null, 'mobile']);
    assert.deepEqual(fieldsOf(match(['Name', 'Country Code', 'Mobile'], { samples: rowsOf(['Ana', 'Ben'], ['MX', 'DE'], ['55 1234 5678', '030 1234567']) })), ['name', 'country', 'mobile']);
    // Vicidial's list: "phone_code" (1, 44) beside "phone_number" was a mobile number, and failed every record.
    const vicidial = match(['phone_code', 'phone_number', 'first_name', 'last_name', 'country_code', 'alt_phone'], { samples: rowsOf(['1', '44'], ['4155550161', '7911123456'], ['Ann', 'Bo'], ['Lee', 'Chen'], ['USA', 'GBR'], ['', '']) });
    assert.deepEqual(fieldsOf(vicidial), [null, 'phone', 'name', 'name', 'country', 'phone2']);
  });

  test('an e-mail address column is the e-mail or nothing, never the street address', () => {
    assert.deepEqual(fieldsOf(match(['cust_email_addr', 'Name'])), ['email', 'name']);
    assert.deepEqual(fieldsOf(match(['Email', 'Email Address 2', 'Street'])), ['email', null, 'address']);
    assert.deepEqual(fieldsOf(match(['邮箱', '邮件地址'])), ['email', null]);
    assert.deepEqual(fieldsOf(match(['Address', 'Email Address'])), ['address', 'email']);
  });

  test("maps Outlook's contact export: its Department is the company's, not a French département (a region)", () => {
    const headers = ['Title', 'First Name', 'Middle Name', 'Last Name', 'Suffix', 'Company', 'Department', 'Job Title', 'Business Street',
      'Business City', 'Business State', 'Business Postal Code', 'Business Country/Region', 'Home Street', 'Home City', 'Home State',
      'Home Postal Code', 'Home Country/Region', 'Business Fax', 'Business Phone', 'Business Phone 2', 'Home Phone', 'Mobile Phone',
      'Other Phone', 'Birthday', 'E-mail Address', 'E-mail 2 Address', 'Gender', 'Notes', 'Web Page'];
    const fields = fieldsOf(match(headers));
    assert.deepEqual(Object.fromEntries(headers.map((header, index) => [header, fields[index]]).filter(([, field]) => field !== null)), {
      'First Name': 'name', 'Middle Name': 'name', 'Last Name': 'name', Company: 'company', 'Job Title': 'title', 'Business Street': 'address',
      'Business City': 'city', 'Business State': 'state', 'Business Postal Code': 'zip', 'Business Country/Region': 'country', 'Business Fax': 'fax',
      'Business Phone': 'phone', 'Mobile Phone': 'mobile', 'Other Phone': 'phone2', Birthday: 'birthday', 'E-mail Address': 'email',
      Gender: 'gender', Notes: 'note',
    });
    assert.deepEqual(fieldsOf(match(['Name', 'Dept', 'Phone'])), ['name', null, 'phone']);
    assert.deepEqual(fieldsOf(match(['Nom', 'Département', 'Téléphone'])), ['name', 'state', 'phone']);
  });

  test('reads the abbreviated column names of a database export (FRST_NM, PHN_NBR, ADDR_LINE_2, ZIP_CD, BIRTH_DT)', () => {
    const headers = ['CUST_ID', 'FRST_NM', 'LST_NM', 'PHN_NBR', 'MBL_NBR', 'EMAIL_ADDR', 'ADDR_LINE_1', 'ADDR_LINE_2', 'CITY_NM', 'state_cd', 'ZIP_CD',
      'CNTRY_CD', 'BIRTH_DT', 'GNDR_CD', 'LAST_UPD_DT'];
    assert.deepEqual(fieldsOf(match(headers)), [
      null, 'name', 'name', 'phone', 'mobile', 'email', 'address', 'address', 'city', 'state', 'zip', 'country', 'birthday', 'gender', null,
    ]);
    assert.deepEqual(fieldsOf(match(['cust_nm', 'cust_phone_no'])), ['name', 'phone']);
  });

  test("reads a template's numbered columns (1. Name, 02 - Phone, 3) E-mail)", () => {
    assert.deepEqual(fieldsOf(match(['1. Name', '02 - Phone', '3) E-mail', '4.Address'])), ['name', 'phone', 'email', 'address']);
    // A number after the name is a second one of the field.
    assert.deepEqual(fieldsOf(match(['Name', 'Phone', 'Phone 2'])), ['name', 'phone', 'phone2']);
  });

  test('gives the mobile to a column that says so over a messenger\'s number, which is the mobile only when alone', () => {
    assert.deepEqual(fieldsOf(match(['Contact Person', 'Tel. (Office)', 'Tel. (Mobile)', 'WhatsApp'])), ['name', 'phone', 'mobile', 'phone2']);
    assert.deepEqual(fieldsOf(match(['Name', 'WhatsApp'])), ['name', 'mobile']);
  });

  test("an Outlook export's e-mail display name is no name of the person, and its second street line joins the street", () => {
    const headers = ['First Name', 'Last Name', 'Business Street', 'Business Street 2', 'Business Street 3', 'Business City', 'Home Street',
      'Home Street 2', 'Business Phone', 'E-mail Address', 'E-mail Type', 'E-mail Display Name', 'E-mail 2 Address', 'E-mail 2 Display Name'];
    assert.deepEqual(fieldsOf(match(headers)), [
      'name', 'name', 'address', 'address', 'address', 'city', null, null, 'phone', 'email', null, null, null, null,
    ]);
    // A list's own display name is the person's name.
    assert.deepEqual(fieldsOf(match(['Display Name', 'Email', 'Phone'])), ['name', 'email', 'phone']);
    assert.deepEqual(fieldsOf(match(['Email Name', 'Email'])), [null, 'email']);
    // The lines of a home address, when that is the address mapped.
    assert.deepEqual(fieldsOf(match(['Name', 'Home Street', 'Home Street 2', 'Work Street 2', 'Phone'])), ['name', 'address', 'address', null, 'phone']);
  });

  test('a second address line, a suite or a house number joins the address column, and never stands for an address alone', () => {
    assert.deepEqual(fieldsOf(match(['Customer Name', 'Contact No.', 'Address Line 1', 'Address Line 2', 'Landmark', 'City', 'Pincode'])),
      ['name', 'phone', 'address', 'address', 'address', 'city', 'zip']);
    assert.deepEqual(fieldsOf(match(['Nachname', 'Vorname', 'Straße', 'Hausnummer', 'PLZ', 'Ort', 'Telefon'])),
      ['name', 'name', 'address', 'address', 'zip', 'city', 'phone']);
    assert.deepEqual(fieldsOf(match(['Name', 'House No.', 'Street', 'Apt/Suite', 'Phone'])), ['name', 'address', 'address', 'address', 'phone']);
    assert.deepEqual(fieldsOf(match(['Name', 'Hausnummer', 'Suite', 'Phone'])), ['name', null, null, 'phone']);
    assert.deepEqual(fieldsOf(match(['Name', 'No.', 'Unit', 'Address', 'Phone'])), ['name', null, null, 'address', 'phone']);
    const saved = new Map<string, string | null>([['Address 2', null]]);
    assert.deepEqual(fieldsOf(match(['Address', 'Address 2'], { saved })), ['address', null]);
  });

  test('maps whole header rows of lists made in French, Portuguese, Italian and Korean', () => {
    assert.deepEqual(fieldsOf(match(['Nom complet', 'Téléphone portable', 'Courriel', 'Adresse postale', 'Ville', 'Code postal', 'Commentaire'])),
      ['name', 'mobile', 'email', 'address', 'city', 'zip', 'note']);
    assert.deepEqual(fieldsOf(match(['Nome', 'Telefone', 'Celular', 'E-mail', 'Endereço', 'CEP', 'Observação'])),
      ['name', 'phone', 'mobile', 'email', 'address', 'zip', 'note']);
    assert.deepEqual(fieldsOf(match(['Nominativo', 'Cellulare', 'Indirizzo', 'CAP', 'Note'])), ['name', 'mobile', 'address', 'zip', 'note']);
    assert.deepEqual(fieldsOf(match(['이름', '휴대폰', '주소', '시/도', '우편번호'])), ['name', 'mobile', 'address', 'state', 'zip']);
  });

  test('maps whole header rows of lists made in Polish, Greek, Hebrew, Arabic, Thai, Hindi, Swedish and Japanese', () => {
    assert.deepEqual(fieldsOf(match(['Imię i nazwisko', 'Telefon', 'Telefon komórkowy', 'Adres e-mail', 'Ulica', 'Miasto', 'Kod pocztowy', 'Kraj'])),
      ['name', 'phone', 'mobile', 'email', 'address', 'city', 'zip', null]);
    assert.deepEqual(fieldsOf(match(['ΟΝΟΜΑΤΕΠΩΝΥΜΟ', 'ΤΗΛΕΦΩΝΟ', 'ΚΙΝΗΤΟ', 'Email', 'ΔΙΕΥΘΥΝΣΗ', 'ΠΟΛΗ', 'Τ.Κ.', 'ΠΑΡΑΤΗΡΗΣΕΙΣ'])),
      ['name', 'phone', 'mobile', 'email', 'address', 'city', 'zip', 'note']);
    assert.deepEqual(fieldsOf(match(['שם מלא', 'טלפון', 'נייד', 'דוא"ל', 'כתובת', 'עיר', 'מיקוד', 'ארץ', 'הערות'])),
      ['name', 'phone', 'mobile', 'email', 'address', 'city', 'zip', 'country', 'note']);
    assert.deepEqual(fieldsOf(match(['الاسم', 'رقم الهاتف', 'رقم الجوال', 'البريد الالكتروني', 'العنوان', 'المدينه', 'البلد', 'ملاحظات'])),
      ['name', 'phone', 'mobile', 'email', 'address', 'city', 'country', 'note']);
    assert.deepEqual(fieldsOf(match(['Ad Soyad', 'Telefon', 'Şehir', 'İl', 'Posta Kodu', 'Not'])), ['name', 'phone', 'city', 'state', 'zip', 'note']);
    assert.deepEqual(fieldsOf(match(['ชื่อ-นามสกุล', 'เบอร์โทรศัพท์', 'เบอร์มือถือ', 'อีเมล', 'ที่อยู่', 'จังหวัด', 'รหัสไปรษณีย์', 'หมายเหตุ'])),
      ['name', 'phone', 'mobile', 'email', 'address', 'state', 'zip', 'note']);
    assert.deepEqual(fieldsOf(match(['नाम', 'फोन नंबर', 'मोबाइल नंबर', 'ईमेल', 'पता', 'शहर', 'राज्य', 'पिन कोड', 'पिता का नाम'])),
      ['name', 'phone', 'mobile', 'email', 'address', 'city', 'state', 'zip', null]);
    assert.deepEqual(fieldsOf(match(['Namn', 'Telefon', 'Mobil', 'E-post', 'Adress', 'Postnummer', 'Postort', 'Land', 'Titel'])),
      ['name', 'phone', 'mobile', 'email', 'address', 'zip', 'city', 'country', 'title']);
    assert.deepEqual(fieldsOf(match(['氏名', 'フリガナ', '電話番号', '携帯電話', 'メールアドレス', '郵便番号', '都道府県', '市区町村', '番地', '会社名', '備考'])),
      ['name', null, 'phone', 'mobile', 'email', 'zip', 'state', 'city', 'address', 'company', 'note']);
  });

  test('reads an e-mail address in other languages as the e-mail, never the street address', () => {
    assert.deepEqual(fieldsOf(match(['Munkahelyi e-mail cím', 'Cím'])), ['email', 'address']);
    assert.deepEqual(fieldsOf(match(['Osoite', 'Sähköposti osoite'])), ['address', 'email']);
    assert.deepEqual(fieldsOf(match(['Email', 'E-post adress'])), ['email', null]);
  });

  test('matches a key or label after normalisation exactly, with confidence 1', () => {
    const [email, phone2] = match(['  Ｅｍａｉｌ ', 'PHONE_2']);
    assert.deepEqual(email, { header: '  Ｅｍａｉｌ ', index: 0, field: 'email', confidence: 1, source: 'exact' });
    assert.deepEqual(phone2, { header: 'PHONE_2', index: 1, field: 'phone2', confidence: 1, source: 'exact' });
  });

  test('matches a synonym with confidence 0.95', () => {
    const [tel, mobile] = match(['Tel.', '手机号码']);
    assert.deepEqual([tel?.field, tel?.confidence, tel?.source], ['phone', 0.95, 'synonym']);
    assert.deepEqual([mobile?.field, mobile?.confidence, mobile?.source], ['mobile', 0.95, 'synonym']);
  });

  test('matches a misspelt header by similarity, with the similarity as confidence', () => {
    // (not "Adress", which is Swedish)
    const [address] = match(['Adrress']);
    assert.equal(address?.field, 'address');
    assert.equal(address?.source, 'fuzzy');
    assert.ok(address.confidence >= 0.8 && address.confidence < 0.95, String(address.confidence));
  });

  test('leaves a header alone that is only a typo away from a field but means something else', () => {
    assert.deepEqual(fieldsOf(match(['County', 'Status', 'Last Name'])), [null, null, null]);
  });

  test("maps NANPA's area code report onto the area-code target: NPA_ID is the prefix", () => {
    const headers = ['NPA_ID', 'type_of_code', 'LOCATION', 'COUNTRY', 'STATUS', 'TIME_ZONE', 'AREA_SERVED'];
    assert.deepEqual(fieldsOf(match(headers, { fields: STANDARD_FIELDS['area-code'] })), ['prefix', null, 'area', 'country', null, 'timezone', null]);
    assert.deepEqual(fieldsOf(match(['NPA', 'Area Served'], { fields: STANDARD_FIELDS['area-code'] })), ['prefix', 'area']);
  });

  test('gives an unmatched column no field, no confidence and no source', () => {
    assert.deepEqual(match(['Lead Source']), [{ header: 'Lead Source', index: 0, field: null, confidence: 0, source: null }]);
  });

  test('keeps the order, headers and count of the columns, empty headers included', () => {
    const headers = ['', 'Phone', '   ', 'Name'];
    const matches = match(headers);
    assert.deepEqual(matches.map((m) => [m.header, m.index]), headers.map((header, index) => [header, index]));
    assert.deepEqual(fieldsOf(matches), [null, 'phone', null, 'name']);
  });

  test('only chooses fields of the target', () => {
    assert.deepEqual(fieldsOf(match(['Fax', 'Company', 'E-mail'], { fields: STANDARD_FIELDS['mass-target'] })), [null, 'name', 'email']);
    assert.deepEqual(fieldsOf(match(['Email Address'], { fields: STANDARD_FIELDS['area-code'] })), [null]);
  });

  test('matches a campaign’s custom fields by key, label and the synonyms of the label', () => {
    const fields: FieldDefinition[] = [
      { key: 'policy_no', label: 'Policy Number', type: 'text' },
      { key: 'mobile_no', label: '手机号', type: 'phone' },
      { key: 'renewal_date', label: 'Renewal', type: 'date' },
    ];
    const matches = match(['POLICY NUMBER', '手机号码', 'renewal_date', 'Cell Phone'], { fields });
    assert.deepEqual(fieldsOf(matches), ['policy_no', 'mobile_no', 'renewal_date', null]);
    assert.equal(matches[1]?.source, 'synonym');
  });

  test('reads a Salesforce contact export', () => {
    const headers = [
      'Contact ID', 'Salutation', 'First Name', 'Last Name', 'Title', 'Account Name', 'Mailing Street', 'Mailing City',
      'Mailing State/Province', 'Mailing Zip/Postal Code', 'Mailing Country', 'Phone', 'Fax', 'Mobile', 'Home Phone',
      'Other Phone', 'Email', 'Birthdate', 'Description', 'Email Opt Out', 'Lead Source',
    ];
    assert.deepEqual(fieldsOf(match(headers)), [
      null, null, 'name', 'name', 'title', 'company', 'address', 'city', 'state', 'zip', 'country', 'phone', 'fax',
      'mobile', null, 'phone2', 'email', 'birthday', 'note', null, null,
    ]);
  });

  test('reads an Outlook contacts export: its country is no state because it is also called a region, its Title (Mr., Dr.) no job title', () => {
    const headers = [
      'First Name', 'Middle Name', 'Last Name', 'Title', 'Company', 'Business Street', 'Business City', 'Business State',
      'Business Postal Code', 'Business Country/Region', 'Business Phone', 'Mobile Phone', 'Home Phone', 'Business Fax',
      'E-mail Address', 'Birthday', 'Notes', 'Web Page', 'Job Title', 'Gender',
    ];
    assert.deepEqual(fieldsOf(match(headers)), [
      'name', 'name', 'name', null, 'company', 'address', 'city', 'state', 'zip', 'country', 'phone', 'mobile', 'phone2',
      'fax', 'email', 'birthday', 'note', null, 'title', 'gender',
    ]);
  });

  test('reads a Google Contacts export: each "… - Value" is its field, each "… - Label" (which kind) nothing', () => {
    const headers = [
      'First Name', 'Last Name', 'Birthday', 'Notes', 'E-mail 1 - Label', 'E-mail 1 - Value', 'Phone 1 - Label', 'Phone 1 - Value',
      'Phone 2 - Type', 'Phone 2 - Value', 'Address 1 - Formatted', 'Address 1 - City', 'Address 1 - Postal Code', 'Organization Name',
    ];
    assert.deepEqual(fieldsOf(match(headers)), [
      'name', 'name', 'birthday', 'note', null, 'email', null, 'phone', null, 'phone2', 'address', 'city', 'zip', 'company',
    ]);
  });

  test("reads Google Contacts' region as the state and its organization's title as the title, not the empty Occupation", () => {
    const headers = ['Name', 'Occupation', 'Organization 1 - Name', 'Organization 1 - Title', 'Address 1 - Region', 'Address 1 - Country'];
    const samples = rowsOf(['Ann Lee', 'Bo Chen'], ['', ''], ['Corp Inc', 'Acme'], ['Manager', 'Buyer'], ['CA', 'NY'], ['US', 'US']);
    assert.deepEqual(fieldsOf(match(headers, { samples })), ['name', null, 'company', 'title', 'state', 'country']);
  });

  test('of two columns claiming a field about as strongly, the one with values takes it; an empty one keeps a clear claim', () => {
    const samples = rowsOf(['', '', ''], ['(415) 555-0134', '(415) 555-0135', '(415) 555-0136']);
    // The empty one falls back to the next phone field, as a second phone column does.
    assert.deepEqual(fieldsOf(match(['Phone', 'Telephone'], { samples })), ['phone2', 'phone']);
    assert.deepEqual(fieldsOf(match(['Phone', 'Telephone'])), ['phone', 'phone2']);
    // An empty "Email" against a column whose values merely look like e-mails: the name decides.
    const emails = rowsOf(['', ''], ['ann@example.com', 'bo@example.com']);
    assert.deepEqual(fieldsOf(match(['Email', 'Extra'], { samples: emails })), ['email', null]);
  });

  test("gives phone2 to Outlook's filled Home Phone rather than its empty Other Phone, and not to a column the user decided", () => {
    const headers = ['First Name', 'Last Name', 'Business Phone', 'Home Phone', 'Mobile Phone', 'Other Phone'];
    const samples = rowsOf(['John', 'Ann'], ['Public', 'Lee'], ['(425) 555-0100', ''], ['(425) 555-0150', '(415) 555-0134'], ['(425) 555-0111', ''], ['', '']);
    assert.deepEqual(fieldsOf(match(headers, { samples })), ['name', 'name', 'phone', 'phone2', 'mobile', null]);
    // Without values to go by, the names decide, as before.
    assert.deepEqual(fieldsOf(match(headers)), ['name', 'name', 'phone', null, 'mobile', 'phone2']);
    // A saved mapping stands.
    assert.deepEqual(fieldsOf(match(headers, { samples, saved: new Map([['Other Phone', 'phone2']]) })), ['name', 'name', 'phone', null, 'mobile', 'phone2']);
  });

  test('goes by a bracket that names a field: "Phone (Mobile)" is the mobile, "Company (Name)" the company', () => {
    assert.deepEqual(fieldsOf(match(['Name', 'Phone (Home)', 'Phone (Mobile)', 'Phone (Work)', 'Email (Work)'])), ['name', 'phone', 'mobile', 'phone2', 'email']);
    assert.deepEqual(fieldsOf(match(['Phone', 'Phone (Mobile)'])), ['phone', 'mobile']);
    assert.deepEqual(fieldsOf(match(['Company (Name)', 'Name', 'Tel (Fax)'])), ['company', 'name', 'fax']);
  });

  test('reads a Chinese CRM export', () => {
    const headers = ['客户编号', '客户名称', '联系人', '手机', '电话', '邮箱', '公司名称', '职务', '省份', '城市', '详细地址', '邮编', '性别', '生日', '客户来源', '负责人', '备注'];
    assert.deepEqual(fieldsOf(match(headers)), [
      null, 'name', null, 'mobile', 'phone', 'email', 'company', 'title', 'state', 'city', 'address', 'zip', 'gender',
      'birthday', null, null, 'note',
    ]);
    assert.deepEqual(fieldsOf(match(headers, { fields: STANDARD_FIELDS.organization })).slice(1, 7), [
      'name', 'contact', 'mobile', 'phone', 'email', null,
    ]);
  });
});

describe('matchHeaders: a name split over columns', () => {
  test('sends a given and a family name (and a middle one) to the name, which joins them', () => {
    assert.deepEqual(fieldsOf(match(['Email', 'Last Name', 'First Name', 'Phone'])), ['email', 'name', 'name', 'phone']);
    assert.deepEqual(fieldsOf(match(['Nom', 'Prénom', 'Téléphone'])), ['name', 'name', 'phone']);
    assert.deepEqual(fieldsOf(match(['Nombre', 'Apellidos', 'Teléfono'])), ['name', 'name', 'phone']);
    assert.deepEqual(fieldsOf(match(['Given Name', 'Middle Name', 'Family Name'])), ['name', 'name', 'name']);
    assert.deepEqual(fieldsOf(match(['Jméno', 'Příjmení', 'Telefon'])), ['name', 'name', 'phone']);
    assert.deepEqual(fieldsOf(match(['Nume', 'Prenume', 'Telefon'])), ['name', 'name', 'phone']);
    assert.deepEqual(fieldsOf(match(['Όνομα', 'Επώνυμο', 'Κινητό'])), ['name', 'name', 'mobile']);
    assert.deepEqual(fieldsOf(match(['שם פרטי', 'שם משפחה', 'נייד'])), ['name', 'name', 'mobile']);
    assert.deepEqual(fieldsOf(match(['الاسم الأول', 'اسم العائلة', 'الجوال'])), ['name', 'name', 'mobile']);
    assert.deepEqual(fieldsOf(match(['ชื่อ', 'นามสกุล', 'มือถือ'])), ['name', 'name', 'mobile']);
    assert.deepEqual(fieldsOf(match(['Прізвище', "Ім'я", 'По батькові'])), ['name', 'name', 'name']);
    assert.deepEqual(fieldsOf(match(['Förnamn', 'Efternamn', 'Mobil'])), ['name', 'name', 'mobile']);
    assert.deepEqual(fieldsOf(match(['Etunimi', 'Sukunimi', 'Puhelin'])), ['name', 'name', 'phone']);
    assert.deepEqual(fieldsOf(match(['पहला नाम', 'अंतिम नाम', 'मोबाइल'])), ['name', 'name', 'mobile']);
    // Turkish, Indonesian, Croatian/Serbian and Swahili lists: the surname was left out, or no name taken at all.
    assert.deepEqual(fieldsOf(match(['Adı', 'Soyadı', 'Telefon', 'E-posta'])), ['name', 'name', 'phone', 'email']);
    assert.deepEqual(fieldsOf(match(['İsim', 'Soyisim', 'Cep Telefonu'])), ['name', 'name', 'mobile']);
    assert.deepEqual(fieldsOf(match(['Nama Depan', 'Nama Belakang', 'Telepon'])), ['name', 'name', 'phone']);
    assert.deepEqual(fieldsOf(match(['Ime', 'Prezime', 'Telefon'])), ['name', 'name', 'phone']);
    assert.deepEqual(fieldsOf(match(['Jina la Kwanza', 'Jina la Mwisho', 'Namba ya Simu', 'Barua Pepe'])), ['name', 'name', 'phone', 'email']);
  });

  test('sends the parts of a Hungarian or Vietnamese name to the name too (the import joins them family name first)', () => {
    assert.deepEqual(fieldsOf(match(['Vezetéknév', 'Keresztnév', 'Telefon'])), ['name', 'name', 'phone']);
    assert.deepEqual(fieldsOf(match(['Họ', 'Tên đệm', 'Tên', 'Điện thoại'])), ['name', 'name', 'name', 'phone']);
    assert.deepEqual(fieldsOf(match(['Vezetéknév', 'Telefon'])), [null, 'phone']);
  });

  test('sends a Japanese, Chinese or Korean name in two columns (姓 and 名, 성씨 and 이름) to the name; 名 or 이름 alone is the name', () => {
    assert.deepEqual(fieldsOf(match(['姓', '名', '携帯電話', 'メールアドレス'])), ['name', 'name', 'mobile', 'email']);
    assert.deepEqual(fieldsOf(match(['姓氏', '名', '手机号码'])), ['name', 'name', 'mobile']);
    assert.deepEqual(fieldsOf(match(['성씨', '이름', '휴대폰'])), ['name', 'name', 'mobile']);
    assert.deepEqual(fieldsOf(match(['이름', '휴대폰'])), ['name', 'mobile']);
    assert.deepEqual(fieldsOf(match(['姓', '電話番号'])), [null, 'phone']);
  });

  test('leaves the parts alone beside a column of whole names, or when only one part is there', () => {
    assert.deepEqual(fieldsOf(match(['Name', 'Given Name', 'Family Name'])), ['name', null, null]);
    assert.deepEqual(fieldsOf(match(['First Name', 'Phone'])), ['name', 'phone']);
    assert.deepEqual(fieldsOf(match(['Last Name', 'Phone'])), [null, 'phone']);
  });

  test('keeps what a saved mapping decided for a part', () => {
    const saved = new Map<string, string | null>([['Last Name', null]]);
    assert.deepEqual(fieldsOf(match(['First Name', 'Last Name'], { saved })), ['name', null]);
  });

  test("gives an organization's split contact name to its contact person, not to the organization's name", () => {
    const matches = match(['Company', 'First Name', 'Last Name'], { fields: STANDARD_FIELDS.organization });
    assert.deepEqual(fieldsOf(matches), ['name', 'contact', 'contact']);
    // Without a company column too: the person's first name is no organization's name.
    assert.deepEqual(fieldsOf(match(['First Name', 'Last Name', 'Phone'], { fields: STANDARD_FIELDS.organization })), ['contact', 'contact', 'phone']);
  });
});

describe('matchHeaders: each field takes at most one column', () => {
  test('sends two phone-like columns to phone and a second phone field', () => {
    assert.deepEqual(fieldsOf(match(['Phone', 'Telephone'])), ['phone', 'phone2']);
    assert.deepEqual(fieldsOf(match(['Tel', 'Cell'])), ['phone', 'mobile']);
    assert.deepEqual(fieldsOf(match(['Phone', 'Phone'])), ['phone', 'phone2']);
    assert.deepEqual(fieldsOf(match(['Mobile', 'Mobile 2'])), ['mobile', 'phone2']);
    assert.deepEqual(fieldsOf(match(['电话', '联系电话', '座机'])), ['phone', 'phone2', 'mobile']);
  });

  test('lets the stronger claim win and the loser fall to its next-best field', () => {
    const [telephone, phone] = match(['Telephone', 'Phone']);
    assert.deepEqual([phone?.field, phone?.confidence, phone?.source], ['phone', 1, 'exact']);
    assert.equal(telephone?.field, 'phone2');
    assert.ok(telephone.confidence < 0.95);
  });

  test('gives a tie to the leftmost column', () => {
    assert.deepEqual(fieldsOf(match(['Home Phone', 'Work Phone'], { fields: STANDARD_FIELDS['mass-target'] })), ['phone', null]);
    assert.deepEqual(fieldsOf(match(['Email 1', 'Email 2'])), ['email', null]);
  });

  test('leaves a column unmapped when every field it could take is taken', () => {
    assert.deepEqual(fieldsOf(match(['Phone', 'Mobile', 'Phone 2', 'Other Phone', 'Telephone'])), ['phone', 'mobile', 'phone2', null, null]);
  });

  test('never chooses a field twice, whatever the headers (but the parts of a name)', () => {
    const headers = ['Phone', 'phone', 'TEL', 'Mobile', 'cell', 'E-mail', 'Email', 'mail', 'Name', 'Full Name', '姓名', 'Adress', 'Address', 'Note', 'Notes'];
    const samples = rowsOf(...headers.map(() => ['+1 415 555 2671', 'someone@example.com']));
    assertNoFieldTwice(match(headers, { samples }));
    assertNoFieldTwice(match([...headers].reverse()));
    const withParts = match(['First Name', ...headers, 'Last Name'], { samples });
    assertNoFieldTwice(withParts);
    assert.deepEqual([withParts[0]?.field, withParts.at(-1)?.field], [null, null]);
  });
});

describe('matchHeaders: values', () => {
  const emails = ['ann@example.com', 'bo@example.org', '', 'chen.wei@example.cn', 'dee@example.co.uk'];
  const phones = ['+1 (415) 555-2671', '13800138000', '020-8765 4321', '', '0755 2345 6789'];

  test('recognises a column of e-mails under a meaningless header', () => {
    const [, column3] = match(['Name', 'Column 3'], { samples: rowsOf(['Ann', 'Bo', 'Chen', 'Dee', 'Eve'], emails) });
    assert.equal(column3?.field, 'email');
    assert.equal(column3?.source, 'values');
    assert.ok(column3.confidence >= 0.6 && column3.confidence <= 0.7);
  });

  test('recognises columns of phone numbers as phone, then mobile, then phone2', () => {
    const matches = match(['Column 1', 'Column 2', 'Column 3', 'Column 4'], { samples: rowsOf(phones, phones, phones, phones) });
    assert.deepEqual(fieldsOf(matches), ['phone', 'mobile', 'phone2', null]);
    assert.ok(matches.slice(0, 3).every((m) => m.source === 'values'));
  });

  test('gives a number list’s phone column to its number field', () => {
    assert.deepEqual(fieldsOf(match(['A', 'B'], { samples: rowsOf(phones, ['spam', 'fraud']), fields: STANDARD_FIELDS.blacklist })), ['number', null]);
  });

  test('wants at least 80% of the non-empty values to agree', () => {
    const mixed = ['ann@example.com', 'not given', 'bo@example.org', 'n/a', 'chen@example.cn'];
    assert.deepEqual(fieldsOf(match(['Column 3'], { samples: rowsOf(mixed) })), [null]);
    assert.deepEqual(fieldsOf(match(['Column 3'], { samples: rowsOf(['', '', '']) })), [null]);
  });

  test('does not take identifiers or amounts for phone numbers', () => {
    const ids = ['10000001', '10000002', '10000003'];
    const longIds = ['4000123456', '4000123457', '4000123458'];
    assert.deepEqual(fieldsOf(match(['Column 1'], { samples: rowsOf(ids) })), [null]);
    assert.deepEqual(fieldsOf(match(['Customer ID', '订单编号'], { samples: rowsOf(longIds, longIds) })), [null, null]);
  });

  test('lets a header beat the values of another column', () => {
    const matches = match(['Column 1', 'Email'], { samples: rowsOf(emails, emails) });
    assert.deepEqual(fieldsOf(matches), [null, 'email']);
  });
});

describe('matchHeaders: saved mappings', () => {
  test('uses the saved field with confidence 1, over any automatic match', () => {
    const saved = new Map<string, string | null>([['Mobile', 'phone2'], ['Phone', null]]);
    const matches = match(['Phone', 'Mobile', 'Cell'], { saved });
    assert.deepEqual(matches, [
      { header: 'Phone', index: 0, field: null, confidence: 1, source: 'saved' },
      { header: 'Mobile', index: 1, field: 'phone2', confidence: 1, source: 'saved' },
      { header: 'Cell', index: 2, field: 'mobile', confidence: 0.95, source: 'synonym' },
    ]);
  });

  test('finds the saved entry of a header spelt slightly differently', () => {
    const saved = new Map<string, string | null>([['E-Mail Address', 'note']]);
    assert.deepEqual(fieldsOf(match(['email address'], { saved })), ['note']);
  });

  test('ignores a saved field the target no longer has', () => {
    const saved = new Map<string, string | null>([['Phone', 'dial_phone']]);
    const [phone] = match(['Phone'], { saved });
    assert.deepEqual([phone?.field, phone?.source], ['phone', 'exact']);
  });

  test('keeps a field saved for two headers on the leftmost, the other matched as usual', () => {
    const saved = new Map<string, string | null>([['Tel', 'phone'], ['Phone', 'phone']]);
    assert.deepEqual(fieldsOf(match(['Tel', 'Phone'], { saved })), ['phone', 'phone2']);
  });

  test('keeps every column saved for one text field, which the import joins (the same list imported again)', () => {
    const saved = new Map<string, string | null>([['First Name', 'name'], ['Middle Name', 'name'], ['Last Name', 'name'], ['Phone', 'phone']]);
    assert.deepEqual(fieldsOf(match(['First Name', 'Middle Name', 'Last Name', 'Phone'], { saved })), ['name', 'name', 'name', 'phone']);
    const chosen = new Map<string, string | null>([['Given', 'name'], ['Surname', 'name'], ['Street', 'address'], ['Unit', 'address']]);
    assert.deepEqual(fieldsOf(match(['Given', 'Surname', 'Street', 'Unit', 'Name'], { saved: chosen })), ['name', 'name', 'address', 'address', null]);
  });
});

describe('matchHeaders: hostile headers', () => {
  const hostile = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

  test('treats object-prototype names as plain unmatched headers', () => {
    const matches = match(hostile, { samples: rowsOf(...hostile.map(() => ['x'])) });
    assert.deepEqual(fieldsOf(matches), hostile.map(() => null));
  });

  test('accepts a saved mapping for a __proto__ header', () => {
    const saved = new Map<string, string | null>([['__proto__', 'note'], ['constructor', null]]);
    assert.deepEqual(fieldsOf(match(['__proto__', 'constructor'], { saved })), ['note', null]);
    assert.equal(({} as Record<string, unknown>).note, undefined);
  });

  test('copes with very long headers and odd characters', () => {
    const [long, odd] = match(['Phone '.repeat(500), '☎️ 📧 \u0000 \uFEFF']);
    assert.equal(long?.field, 'phone');
    assert.equal(odd?.field, null);
  });
});

describe('headerSignature', () => {
  test('is the same for the same headers whatever their case, spacing, width or order', () => {
    const signature = headerSignature(['Name', 'E-mail', 'Mobile #']);
    assert.equal(headerSignature(['  NAME', 'Ｅｍａｉｌ', 'mobile']), signature);
    assert.equal(headerSignature(['mobile', 'name', 'email']), signature);
  });

  test('differs for different headers, an extra column or a repeated one', () => {
    const signature = headerSignature(['Name', 'Email']);
    assert.notEqual(headerSignature(['Name', 'Phone']), signature);
    assert.notEqual(headerSignature(['Name', 'Email', '']), signature);
    assert.notEqual(headerSignature(['Name', 'Email', 'Email']), signature);
    assert.notEqual(headerSignature(['NameEmail']), signature);
  });

  test('is a short stable string', () => {
    assert.match(headerSignature(['Name', 'Email']), /^h1:[0-9a-f]{64}$/);
    assert.equal(headerSignature([]), headerSignature([]));
  });
});
