import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { STANDARD_FIELDS, type Target } from '../targets.js';
import { matchHeaders } from './header-matching.js';

// Real-world spellings of column headers, each matched on its own (as the only column of a file)
// against a target's standard fields. `null` means the column should be left unmapped.
// Many of these were written down before the synonym table was tuned; the misses are printed.
type Spelling = [header: string, expected: string | null];

const INDIVIDUAL: Spelling[] = [
  // names
  ['Name', 'name'], ['Full Name', 'name'], ['FULL_NAME', 'name'], ['Customer Name', 'name'],
  ['Cust. Name', 'name'], ['客户姓名', 'name'], ['姓名', 'name'], ['名字', 'name'], ['客戶名稱', 'name'],
  ['Contact Name', 'name'], ['联系人', 'name'], ['First Name', 'name'], ['Last Name', null],
  ['Middle Name', null], ['Nickname', null],
  // phones
  ['Phone', 'phone'], ['phone_number', 'phone'], ['Phone No.', 'phone'], ['TEL.', 'phone'],
  ['Tel', 'phone'], ['Telephone', 'phone'], ['Telephone Number', 'phone'], ['Contact Number', 'phone'],
  ['contact_no', 'phone'], ['Home Phone', 'phone'], ['Work Phone', 'phone'], ['Business Phone', 'phone'],
  ['Home Telephone', 'phone'], ['Tel (Office)', 'phone'], ['Landline', 'phone'], ['Phone #', 'phone'],
  ['电话', 'phone'], ['联系电话', 'phone'], ['电话号码', 'phone'], ['座机', 'phone'], ['固话', 'phone'],
  ['固定电话', 'phone'], ['電話', 'phone'], ['聯絡電話', 'phone'], ['联系方式', 'phone'],
  ['Primary Phone Number', 'phone'], ['Telphone', 'phone'], ['Phone1', 'phone'],
  // mobiles
  ['Mobile', 'mobile'], ['Mobile #', 'mobile'], ['Mobile Phone', 'mobile'], ['Cell Phone', 'mobile'],
  ['Cell', 'mobile'], ['CellPhone', 'mobile'], ['mobilePhone', 'mobile'], ['Mobile No.', 'mobile'],
  ['Mobile Phone No.', 'mobile'], ['Mobile Number', 'mobile'], ['Cell #', 'mobile'],
  ['手机', 'mobile'], ['手机号', 'mobile'], ['手机号码', 'mobile'], ['移动电话', 'mobile'],
  ['客户手机号', 'mobile'], ['手机号码(必填)', 'mobile'], ['联系人手机', 'mobile'], ['手機號碼', 'mobile'],
  ['行動電話', 'mobile'], ['Moblie', 'mobile'], ['Personal Mobile Number', 'mobile'], ['MSISDN', 'mobile'], ['携帯番号', 'mobile'],
  ['Моб. телефон', 'mobile'], ['Моб. тел.', 'mobile'], ['Сот. телефон', 'mobile'],
  // second phones
  ['Phone 2', 'phone2'], ['Other Phone', 'phone2'], ['Alternate Phone', 'phone2'],
  ['Secondary Phone Number', 'phone2'], ['备用电话', 'phone2'], ['电话2', 'phone2'], ['其他电话', 'phone2'],
  // e-mails
  ['Email', 'email'], ['Ｅｍａｉｌ', 'email'], ['E-Mail', 'email'], ['E-Mail Address', 'email'],
  ['EMAIL_ADDRESS', 'email'], ['e-mail addr.', 'email'], ['Customer E-mail', 'email'],
  ['Personal Email Address', 'email'], ['Mail', 'email'], ['Emial', 'email'], ['Emails', 'email'],
  ['邮箱', 'email'], ['电子邮件', 'email'], ['电子邮箱', 'email'], ['E-mail地址', 'email'],
  ['电子邮件地址', 'email'], ['電子郵件地址', 'email'], ['Email Opt Out', null],
  // fax
  ['Fax', 'fax'], ['Fax No.', 'fax'], ['Business Fax', 'fax'], ['传真', 'fax'], ['傳真號碼', 'fax'],
  // address
  ['Address', 'address'], ['Street Address', 'address'], ['Street Address Line 1', 'address'],
  ['Address Line 1', 'address'], ['Mailing Street', 'address'], ['Residential Addr', 'address'],
  ['Adress', 'address'], ['地址', 'address'], ['联系地址', 'address'], ['详细住址', 'address'],
  ['家庭住址', 'address'], ['通讯地址', 'address'],
  // city, state, zip, country
  ['City', 'city'], ['Mailing City', 'city'], ['Town/City', 'city'], ['城市', 'city'], ['所在城市', 'city'],
  ['城市名稱', 'city'],
  ['State', 'state'], ['Province', 'state'], ['State/Province', 'state'], ['State/Prov', 'state'],
  ['Mailing State/Province', 'state'], ['省份', 'state'], ['所在省', 'state'], ['County', null],
  ['Zip', 'zip'], ['ZIP Code', 'zip'], ['ZIPCODE', 'zip'], ['Zip/Postal Code', 'zip'], ['Postal Code', 'zip'],
  ['Post code', 'zip'], ['Postcode', 'zip'], ['Postal code/Zip', 'zip'], ['邮编', 'zip'], ['邮政编码', 'zip'],
  ['Country', 'country'], ['Country Name', 'country'], ['Country/Region', 'country'], ['国家', 'country'],
  ['國家', 'country'],
  // company, title
  ['Company', 'company'], ['Company Name', 'company'], ['公司名称', 'company'], ['公司', 'company'],
  ['单位', 'company'], ['单位名称', 'company'], ['工作单位', 'company'], ['Organisation', 'company'],
  ['Organization', 'company'], ['Employer', 'company'], ['Employer name', 'company'],
  ['Company / Organisation', 'company'], ['Account Name', 'company'], ['Compnay', 'company'],
  ['公司名稱', 'company'],
  ['Title', 'title'], ['Job Title', 'title'], ['Job title', 'title'], ['Position', 'title'],
  ['Designation', 'title'], ['职位', 'title'], ['职务', 'title'], ['职位名称', 'title'],
  // birthday, gender
  ['Birthday', 'birthday'], ['DOB', 'birthday'], ['D.O.B', 'birthday'], ['Date of Birth', 'birthday'],
  ['Date Of Birth', 'birthday'], ['Birth date (YYYY-MM-DD)', 'birthday'], ['Brithday', 'birthday'],
  ['生日', 'birthday'], ['出生日期', 'birthday'], ['出生年月', 'birthday'], ['Tgl Lahir', 'birthday'], ['Tgl. Lahir', 'birthday'],
  ['Gender', 'gender'], ['Sex', 'gender'], ['Gender (M/F)', 'gender'], ['性别', 'gender'],
  ['性别(男/女)', 'gender'], ['性別', 'gender'],
  // notes
  ['Note', 'note'], ['Notes', 'note'], ['Remarks', 'note'], ['Remarks/Notes', 'note'], ['Comment(s)', 'note'],
  ['Comments', 'note'], ['Memo', 'note'], ['Description', 'note'], ['备注', 'note'], ['备注信息', 'note'],
  ['客户备注', 'note'], ['備註', 'note'],
  // columns that are none of the fields
  ['Lead Source', null], ['Status', null], ['Lead Status', null], ['Owner', null], ['Created Date', null],
  ['ID', null], ['Do Not Call', null], ['Annual Revenue', null], ['No. of Employees', null], ['Rating', null],
  ['客户来源', null], ['负责人', null], ['创建时间', null], ['客户等级', null], ['QQ', null], ['微信', null],
  ['Skype ID', null], ['Age', null], ['部门', null], ['__proto__', null], ['constructor', null],
  // A second batch, written after the first round of tuning and not tuned for.
  ['Customer Phone #', 'phone'], ['Phone Number (Mobile)', 'mobile'], ['Mobile Tel.', 'mobile'],
  ['Home Tel No', 'phone'], ['Work Tel', 'phone'], ['Direct Line', 'phone'], ['E-mail 1', 'email'],
  ['Email (Work)', 'email'], ['Primary E-mail', 'email'], ['Mailing Address Line 1', 'address'],
  ['Address (Street)', 'address'], ['Home Street', 'address'], ['Zip Code (5 digits)', 'zip'],
  ['Post/Zip code', 'zip'], ['PostalCode', 'zip'], ['Postal_Code', 'zip'], ['Province/Region', 'state'],
  ['State Code', 'state'], ['Organization Name', 'company'], ['Company name (optional)', 'company'],
  ['Position/Title', 'title'], ['Birth Date', 'birthday'], ['Date of birth (dd/mm/yyyy)', 'birthday'],
  ['Sex (M/F)', 'gender'], ['Additional Notes', 'note'], ['Internal Notes', 'note'], ['Note 1', 'note'],
  ['客户电话', 'phone'], ['联系人电话', 'phone'], ['联系手机', 'mobile'], ['手机号码1', 'mobile'],
  ['客户邮箱', 'email'], ['联系人邮箱', 'email'], ['邮件地址', 'email'], ['出生年月日', 'birthday'],
  ['客户性别', 'gender'], ['公司全称', 'company'], ['所在单位', 'company'], ['职称', 'title'], ['省', 'state'],
  ['市', 'city'], ['邮政编号', 'zip'], ['国家/地区', 'country'], ['备注1', 'note'], ['手提電話', 'mobile'],
  ['電郵', 'email'], ['郵遞區號', 'zip'], ['職稱', 'title'], ['電話號碼', 'phone'],
  ['Lead Owner', null], ['Created Time', null], ['Modified By', null], ['Last Activity Time', null],
  ['Tag', null], ['Email Verified', null], ['Phone Type', null], ['Mobile Carrier', null],
  ['Unsubscribed', null], ['客户编号', null], ['订单号', null],
  // A third batch, written after the second round of tuning and left as it came out.
  ['Contact Phone No.', 'phone'], ['Mobile/Cell', 'mobile'], ['Cell No.', 'mobile'],
  ['Telephone (Home)', 'phone'], ['Fax Number', 'fax'], ['Email Address 2', 'email'], ['Work E-mail', 'email'],
  ['Street Address 1', 'address'], ['Residence Address', 'address'], ['Postal/ZIP', 'zip'], ['Zip+4', 'zip'],
  ['Town', 'city'], ['Prov.', 'state'], ['Nation', 'country'], ['Company/Organization', 'company'],
  ['Occupation', 'title'], ['Job Role', 'title'], ['Date of Birth (MM/DD/YYYY)', 'birthday'],
  ['Gender/Sex', 'gender'], ['Comments/Notes', 'note'], ['Other Notes', 'note'],
  ['联系人电话号码', 'phone'], ['手机号码（主）', 'mobile'], ['电子邮箱地址', 'email'], ['常住地址', 'address'],
  ['现居住地址', 'address'], ['所属省份', 'state'], ['地级市', 'city'], ['企业全称', 'company'],
  ['出生年月(yyyy-mm)', 'birthday'], ['性别（男/女）', 'gender'], ['备注说明', 'note'],
  ['联系电话(座机)', 'phone'], ['电话号码2', 'phone2'], ['手机2', 'mobile'],
  ['Last Modified', null], ['Account ID', null], ['客户状态', null], ['意向', null], ['Score', null],
  // A fourth batch (CRM exports and hand-made lists), written after the third round and not tuned for.
  ['Contact: Full Name', 'name'], ['Lead: Mobile', 'mobile'], ['Primary Contact Phone', 'phone'],
  ['Mobile phone number', 'mobile'], ['E-mail address (work)', 'email'], ['Email Addr', 'email'],
  ['Phone (work)', 'phone'], ['Tel. No.', 'phone'], ['Mailing Address', 'address'], ['Street', 'address'],
  ['Address 1', 'address'], ['City/Town', 'city'], ['State/Region', 'state'], ['ZIP/Postal code', 'zip'],
  ['Employer/Company', 'company'], ['Job Position', 'title'], ['Sex/Gender', 'gender'], ['Comment', 'note'],
  ['客户姓名(必填)', 'name'], ['手机号码（必填）', 'mobile'], ['联系人手机号', 'mobile'], ['办公室电话', 'phone'],
  ['电子邮件(选填)', 'email'], ['通信地址', 'address'], ['城市名称', 'city'], ['邮政编码(6位)', 'zip'],
  ['工作单位名称', 'company'], ['职位/职务', 'title'], ['出生日期(年-月-日)', 'birthday'], ['跟进备注', 'note'],
  ['Lead Score', null], ['Opt-in Date', null], ['Last Contacted', null], ['Assigned To', null],
  ['Twitter Handle', null], ['Record ID', null], ['客户来源渠道', null], ['录入时间', null], ['所属销售', null],
  ['微信号', null], ['身份证号', null], ['年龄', null],
];

// Lists made in other languages, typed with and without accents.
const OTHER_LANGUAGES: Spelling[] = [
  ['Nombre', 'name'], ['Nombre completo', 'name'], ['Teléfono', 'phone'], ['Telefono', 'phone'], ['TELÉFONO FIJO', 'phone'],
  ['Celular', 'mobile'], ['Móvil', 'mobile'], ['movil', 'mobile'], ['Correo electrónico', 'email'],
  ['correo electronico', 'email'], ['Dirección', 'address'], ['Direccion', 'address'], ['Ciudad', 'city'],
  ['Código postal', 'zip'], ['Codigo Postal', 'zip'], ['País', 'country'], ['Pais', 'country'], ['Empresa', 'company'],
  ['Cargo', 'title'], ['Fecha de nacimiento', 'birthday'], ['Sexo', 'gender'], ['Observaciones', 'note'],
  ['Nome completo', 'name'], ['Telefone', 'phone'], ['Celular', 'mobile'], ['Endereço', 'address'], ['Cidade', 'city'], ['UF', 'state'], ['顧客名', 'name'],
  ['CEP', 'zip'], ['Data de nascimento', 'birthday'],
  ['Nom', 'name'], ['Prénom', 'name'], ['Téléphone', 'phone'], ['Telephone portable', 'mobile'], ['Portable', 'mobile'],
  ['Courriel', 'email'], ['Adresse e-mail', 'email'], ['Adresse', 'address'], ['Ville', 'city'],
  ['Code postal', 'zip'], ['Société', 'company'], ['Date de naissance', 'birthday'], ['Commentaires', 'note'],
  ['Name', 'name'], ['Vorname', 'name'], ['Telefonnummer', 'phone'], ['Handy', 'mobile'], ['Handynummer', 'mobile'],
  ['E-Mail-Adresse', 'email'], ['Straße', 'address'], ['Strasse', 'address'], ['PLZ', 'zip'], ['Ort', 'city'],
  ['Firma', 'company'], ['Geburtsdatum', 'birthday'], ['Geschlecht', 'gender'], ['Bemerkungen', 'note'],
  ['Cellulare', 'mobile'], ['Indirizzo', 'address'], ['Città', 'city'], ['Citta', 'city'], ['Azienda', 'company'],
  ['Data di nascita', 'birthday'], ['Telefoonnummer', 'phone'], ['Woonplaats', 'city'], ['Bedrijfsnaam', 'company'],
  ['Ad Soyad', 'name'], ['Cep Telefonu', 'mobile'], ['E-posta', 'email'], ['Şehir', 'city'], ['Sehir', 'city'],
  ['ФИО', 'name'], ['Телефон', 'phone'], ['Мобильный телефон', 'mobile'], ['Электронная почта', 'email'],
  ['Адрес', 'address'], ['Город', 'city'], ['Số điện thoại', 'phone'], ['Họ và tên', 'name'], ['Địa chỉ', 'address'],
  ['Nama Lengkap', 'name'], ['Nomor HP', 'mobile'], ['Alamat', 'address'], ['이름', 'name'], ['전화번호', 'phone'],
  ['휴대폰', 'mobile'], ['이메일', 'email'], ['주소', 'address'],
  ['Apellidos', null], ['Nachname', null], ['Estado civil', null], ['Fecha de alta', null], ['Código cliente', null],
  // what a column holds comes first, whose it is after
  ['Teléfono del cliente', 'phone'], ['Telefono cliente', 'phone'], ['Email cliente', 'email'],
  ['Correo del contacto', 'email'], ['Telefone do contato', 'phone'], ['Dirección de la empresa', 'address'],
  ['Ciudad de residencia', 'city'], ['Telefono casa', 'phone'], ['Numero de cliente', null], ['Data de cadastro', null],
];

// Lists made in Nordic, Central and Eastern European, Greek, Hebrew, Arabic, Hindi and Thai (and more Japanese): typed
// with and without accents, Greek in capitals too, Arabic with and without the article and hamza.
const MORE_LANGUAGES: Spelling[] = [
  // Polish
  ['Imię i nazwisko', 'name'], ['Imie i nazwisko', 'name'], ['Imię', 'name'], ['Telefon', 'phone'], ['Numer telefonu', 'phone'],
  ['Telefon komórkowy', 'mobile'], ['Telefon komorkowy', 'mobile'], ['Adres e-mail', 'email'], ['Ulica', 'address'],
  ['Miasto', 'city'], ['Miejscowość', 'city'], ['Miejscowosc', 'city'], ['Województwo', 'state'], ['Kod pocztowy', 'zip'],
  ['Nazwa firmy', 'company'], ['Stanowisko', 'title'], ['Data urodzenia', 'birthday'], ['Płeć', 'gender'], ['Plec', 'gender'],
  ['PŁEĆ', 'gender'], ['Uwagi', 'note'], ['Telefon klienta', 'phone'], ['Faks', 'fax'],
  // Czech and Slovak
  ['Jméno a příjmení', 'name'], ['Jmeno a prijmeni', 'name'], ['Celé jméno', 'name'], ['Meno a priezvisko', 'name'],
  ['Telefonní číslo', 'phone'], ['Mobilní telefon', 'mobile'], ['Mobil', 'mobile'], ['E-mailová adresa', 'email'],
  ['Adresa', 'address'], ['Ulice', 'address'], ['Město', 'city'], ['Mesto', 'city'], ['Obec', 'city'], ['PSČ', 'zip'],
  ['PSC', 'zip'], ['Země', 'country'], ['Krajina', 'country'], ['Společnost', 'company'],
  ['Pozice', 'title'], ['Datum narození', 'birthday'], ['Dátum narodenia', 'birthday'], ['Pohlaví', 'gender'],
  ['Pohlavie', 'gender'], ['Poznámka', 'note'], ['Poznámky', 'note'],
  // Hungarian
  ['Név', 'name'], ['Teljes név', 'name'], ['Keresztnév', 'name'], ['Telefonszám', 'phone'], ['Mobilszám', 'mobile'],
  ['E-mail cím', 'email'], ['Email cim', 'email'], ['Cím', 'address'], ['Lakcím', 'address'], ['Város', 'city'],
  ['Település', 'city'], ['Megye', 'state'], ['Irányítószám', 'zip'], ['Iranyitoszam', 'zip'], ['Ország', 'country'],
  ['Cég', 'company'], ['Cégnév', 'company'], ['Beosztás', 'title'], ['Születési dátum', 'birthday'], ['Nem', 'gender'],
  ['Megjegyzés', 'note'], ['Megjegyzes', 'note'],
  // Romanian
  ['Nume', 'name'], ['Nume și prenume', 'name'], ['Nume si prenume', 'name'], ['Prenume', 'name'],
  ['Număr de telefon', 'phone'], ['Telefon mobil', 'mobile'], ['Adresă de e-mail', 'email'], ['Adresa de email', 'email'],
  ['Adresă', 'address'], ['Oraș', 'city'], ['Oras', 'city'], ['Localitate', 'city'], ['Județ', 'state'], ['Judet', 'state'],
  ['Cod poștal', 'zip'], ['Cod postal', 'zip'], ['Țară', 'country'], ['Tara', 'country'], ['Companie', 'company'],
  ['Funcție', 'title'], ['Data nașterii', 'birthday'], ['Sex', 'gender'], ['Observații', 'note'],
  ['Persoană de contact', 'name'],
  // Greek, with and without accents, in capitals
  ['Όνομα', 'name'], ['Ονομα', 'name'], ['ΟΝΟΜΑ', 'name'], ['Ονοματεπώνυμο', 'name'], ['ΟΝΟΜΑΤΕΠΩΝΥΜΟ', 'name'],
  ['Τηλέφωνο', 'phone'], ['ΤΗΛΕΦΩΝΟ', 'phone'], ['Τηλ.', 'phone'], ['Σταθερό', 'phone'], ['Κινητό', 'mobile'],
  ['Κινητό τηλέφωνο', 'mobile'], ['ΚΙΝΗΤΟ', 'mobile'], ['Email', 'email'], ['Διεύθυνση email', 'email'], ['Φαξ', 'fax'],
  ['Διεύθυνση', 'address'], ['ΔΙΕΥΘΥΝΣΗ', 'address'], ['Οδός', 'address'], ['ΟΔΟΣ', 'address'], ['Πόλη', 'city'],
  ['ΠΟΛΗ', 'city'], ['Νομός', 'state'], ['Τ.Κ.', 'zip'], ['Ταχυδρομικός κώδικας', 'zip'], ['Χώρα', 'country'],
  ['Εταιρεία', 'company'], ['Επωνυμία', 'company'], ['Θέση', 'title'], ['Ημερομηνία γέννησης', 'birthday'], ['Φύλο', 'gender'],
  ['Σημειώσεις', 'note'], ['Παρατηρήσεις', 'note'], ['Τηλέφωνο πελάτη', 'phone'],
  // Hebrew
  ['שם', 'name'], ['שם מלא', 'name'], ['שם לקוח', 'name'], ['שם פרטי', 'name'], ['טלפון', 'phone'], ['מספר טלפון', 'phone'],
  ["טל'", 'phone'], ['טלפון לקוח', 'phone'], ['נייד', 'mobile'], ['טלפון נייד', 'mobile'], ['פלאפון', 'mobile'],
  ['דוא"ל', 'email'], ['דוא״ל', 'email'], ['אימייל', 'email'], ['מייל', 'email'], ['כתובת דוא"ל', 'email'],
  ['כתובת מייל', 'email'], ['פקס', 'fax'], ['כתובת', 'address'], ['רחוב', 'address'], ['עיר', 'city'], ['יישוב', 'city'],
  ['מיקוד', 'zip'], ['ארץ', 'country'], ['מדינה', 'country'], ['חברה', 'company'], ['שם החברה', 'company'],
  ['תפקיד', 'title'], ['תאריך לידה', 'birthday'], ['מין', 'gender'], ['הערות', 'note'],
  // Arabic, with and without the article, hamza and ta marbuta
  ['الاسم', 'name'], ['اسم', 'name'], ['الاسم الكامل', 'name'], ['اسم العميل', 'name'], ['الاسم الأول', 'name'],
  ['الهاتف', 'phone'], ['هاتف', 'phone'], ['رقم الهاتف', 'phone'], ['هاتف العميل', 'phone'], ['الجوال', 'mobile'],
  ['رقم الجوال', 'mobile'], ['الموبايل', 'mobile'], ['الهاتف المحمول', 'mobile'], ['البريد الإلكتروني', 'email'],
  ['البريد الالكتروني', 'email'], ['الإيميل', 'email'], ['الفاكس', 'fax'], ['العنوان', 'address'], ['عنوان', 'address'],
  ['المدينة', 'city'], ['المدينه', 'city'], ['مدينة', 'city'], ['المحافظة', 'state'], ['الرمز البريدي', 'zip'],
  ['الدولة', 'country'], ['البلد', 'country'], ['الشركة', 'company'], ['اسم الشركة', 'company'],
  ['المسمى الوظيفي', 'title'], ['تاريخ الميلاد', 'birthday'], ['الجنس', 'gender'], ['ملاحظات', 'note'],
  // Thai
  ['ชื่อ', 'name'], ['ชื่อ-นามสกุล', 'name'], ['ชื่อ นามสกุล', 'name'], ['ชื่อลูกค้า', 'name'], ['โทรศัพท์', 'phone'],
  ['เบอร์โทร', 'phone'], ['เบอร์โทรศัพท์', 'phone'], ['มือถือ', 'mobile'], ['เบอร์มือถือ', 'mobile'], ['อีเมล', 'email'],
  ['อีเมล์', 'email'], ['แฟกซ์', 'fax'], ['ที่อยู่', 'address'], ['เมือง', 'city'], ['จังหวัด', 'state'],
  ['รหัสไปรษณีย์', 'zip'], ['ประเทศ', 'country'], ['บริษัท', 'company'], ['ตำแหน่ง', 'title'], ['วันเกิด', 'birthday'],
  ['เพศ', 'gender'], ['หมายเหตุ', 'note'],
  // Hindi, with and without the nukta
  ['नाम', 'name'], ['पूरा नाम', 'name'], ['ग्राहक का नाम', 'name'], ['फ़ोन', 'phone'], ['फोन', 'phone'],
  ['फोन नंबर', 'phone'], ['मोबाइल', 'mobile'], ['मोबाइल नंबर', 'mobile'], ['ईमेल', 'email'], ['ई-मेल', 'email'],
  ['पता', 'address'], ['शहर', 'city'], ['राज्य', 'state'], ['पिन कोड', 'zip'], ['पिनकोड', 'zip'], ['देश', 'country'],
  ['कंपनी', 'company'], ['कंपनी का नाम', 'company'], ['पदनाम', 'title'], ['जन्म तिथि', 'birthday'], ['लिंग', 'gender'],
  ['टिप्पणी', 'note'],
  // Ukrainian, its apostrophe typed as ' ’ or ʼ
  ["Ім'я", 'name'], ['Ім’я', 'name'], ['Імʼя', 'name'], ['ПІБ', 'name'], ['Номер телефону', 'phone'],
  ['Мобільний телефон', 'mobile'], ['Електронна пошта', 'email'], ['Адреса', 'address'], ['Місто', 'city'],
  ['Область', 'state'], ['Поштовий індекс', 'zip'], ['Країна', 'country'], ['Компанія', 'company'], ['Посада', 'title'],
  ['Дата народження', 'birthday'], ['Стать', 'gender'], ['Примітки', 'note'], ['Телефон клієнта', 'phone'],
  // Swedish, Danish, Norwegian, Finnish
  ['Namn', 'name'], ['Förnamn', 'name'], ['Telefonnummer', 'phone'], ['Tfn', 'phone'], ['Mobilnummer', 'mobile'],
  ['E-post', 'email'], ['E-postadress', 'email'], ['Adress', 'address'], ['Gatuadress', 'address'], ['Postnummer', 'zip'],
  ['Postort', 'city'], ['Land', 'country'], ['Företag', 'company'], ['Befattning', 'title'], ['Födelsedatum', 'birthday'],
  ['Kön', 'gender'], ['Anteckningar', 'note'],
  ['Navn', 'name'], ['Fornavn', 'name'], ['Tlf.', 'phone'], ['Mobil', 'mobile'], ['E-mail', 'email'], ['Adresse', 'address'],
  ['Postnr.', 'zip'], ['By', 'city'], ['Poststed', 'city'], ['Virksomhed', 'company'], ['Firmanavn', 'company'],
  ['Stilling', 'title'], ['Fødselsdato', 'birthday'], ['Fodselsdato', 'birthday'], ['Køn', 'gender'], ['Kjønn', 'gender'],
  ['Bemærkninger', 'note'], ['Merknader', 'note'],
  ['Nimi', 'name'], ['Etunimi', 'name'], ['Puhelin', 'phone'], ['Puhelinnumero', 'phone'], ['Matkapuhelin', 'mobile'],
  ['Sähköposti', 'email'], ['Sahkoposti', 'email'], ['Osoite', 'address'], ['Postinumero', 'zip'],
  ['Postitoimipaikka', 'city'], ['Kaupunki', 'city'], ['Maa', 'country'], ['Yritys', 'company'], ['Titteli', 'title'],
  ['Syntymäaika', 'birthday'], ['Sukupuoli', 'gender'], ['Lisätiedot', 'note'],
  // Japanese
  ['電話番号', 'phone'], ['お電話番号', 'phone'], ['携帯電話', 'mobile'], ['Eメール', 'email'], ['FAX番号', 'fax'],
  ['番地', 'address'], ['市町村', 'city'], ['会社', 'company'], ['勤務先', 'company'], ['肩書', 'title'],
  ['生年月日', 'birthday'], ['性別', 'gender'], ['備考', 'note'], ['コメント', 'note'],
  // columns that are none of the fields: family names (without a given name beside them), other names, identifiers,
  // ages, sources, and words that are a field in another language
  ['Nazwisko', null], ['Příjmení', null], ['Vezetéknév', null], ['Efternamn', null], ['Sukunimi', null],
  ['Επώνυμο', null], ['שם משפחה', null], ['اسم العائلة', null], ['นามสกุล', null], ['अंतिम नाम', null],
  ['Прізвище', null], ['Nume de familie', null], ['Drugie imię', null], ['Uživatelské jméno', null],
  ['Όνομα χρήστη', null], ['שם משתמש', null], ['اسم المستخدم', null], ['पिता का नाम', null], ['Anyja neve', null],
  ['Produktnamn', null], ['Numer klienta', null], ['מספר לקוח', null], ['رقم العميل', null], ['Kundnummer', null],
  ['PESEL', null], ['NIP', null], ['REGON', null], ['IČO', null], ['Personnummer', null], ['תעודת זהות', null],
  ['Wiek', null], ['Ηλικία', null], ['العمر', null], ['อายุ', null], ['Ålder', null], ['Źródło', null], ['מקור', null],
  ['Department', null], ['Dept', null], ['Departamento', 'state'],
  ['Kraj', null], ['Okres', null], ['Powiat', null], ['Δήμος', null], ['المنطقة', null], ['อำเภอ', null],
  ['صندوق البريد', null], ['Post', null], ['Poczta', null], ['フリガナ', null], ['Stav', null], ['Állapot', null],
];

const OTHER_TARGETS: Array<[Target, ...Spelling]> = [
  ['organization', 'Company Name', 'name'], ['organization', 'Account Name', 'name'],
  ['organization', 'Organization', 'name'], ['organization', '公司名称', 'name'],
  ['organization', 'Contact Person', 'contact'], ['organization', 'Contact Name', 'contact'],
  ['organization', '联系人', 'contact'], ['organization', 'Website URL', 'website'],
  ['organization', 'Web Site', 'website'], ['organization', '官网', 'website'],
  ['organization', '公司网址', 'website'], ['organization', 'Industry Sector', 'industry'], ['organization', 'Company Domain Name', 'website'],
  ['organization', '所属行业', 'industry'], ['organization', 'Main Phone', 'phone'],
  ['organization', 'Office Fax', 'fax'],
  ['mass-target', 'Mobile Phone', 'phone'], ['mass-target', '手机号码', 'phone'],
  ['mass-target', 'E-mail', 'email'],
  ['area-code', 'Area Code', 'prefix'], ['area-code', '区号', 'prefix'], ['area-code', '号段', 'prefix'],
  ['area-code', 'Prefix', 'prefix'], ['area-code', 'NPA-NXX', 'prefix'], ['area-code', '归属地', 'area'],
  ['area-code', 'Region', 'area'], ['area-code', 'Time Zone', 'timezone'], ['area-code', 'TZ', 'timezone'], ['area-code', 'Company', 'carrier'], ['area-code', 'RateCenter', 'city'], ['individual', 'Company', 'company'], ['individual', 'Company Name', 'company'],
  ['area-code', '时区', 'timezone'], ['area-code', '运营商', 'carrier'], ['area-code', 'Operator', 'carrier'],
  ['area-code', 'Carrier Name', 'carrier'], ['area-code', '省份', 'province'], ['area-code', 'State', 'province'],
  ['area-code', 'City', 'city'], ['area-code', '城市', 'city'], ['area-code', 'Country', 'country'],
  ['blacklist', 'Phone Number', 'number'], ['blacklist', '手机号码', 'number'], ['blacklist', 'DNC Number', 'number'],
  ['blacklist', 'Mobile', 'number'], ['blacklist', 'Tel', 'number'], ['blacklist', '号码', 'number'],
  ['blacklist', 'Reason', 'note'], ['blacklist', '备注', 'note'],
  ['whitelist', 'Telephone', 'number'], ['whitelist', 'MSISDN', 'number'],
  ['campaign-blacklist', 'Cell Phone', 'number'],
  ['did', 'DID', 'number'], ['did', 'DID Number', 'number'], ['did', '呼入号码', 'number'],
  ['did', 'Description', 'description'], ['did', '描述', 'description'], ['did', 'Campaign Name', 'campaign'],
  ['did', 'Project', 'campaign'], ['did', '活动名称', 'campaign'],
  ['organization', 'Nazwa firmy', 'name'], ['organization', 'Företagsnamn', 'name'], ['organization', 'שם החברה', 'name'],
  ['organization', 'اسم الشركة', 'name'], ['organization', '会社名', 'name'], ['organization', 'Επωνυμία', 'name'],
  ['organization', 'Osoba kontaktowa', 'contact'], ['organization', 'Kontaktperson', 'contact'],
  ['organization', 'איש קשר', 'contact'], ['organization', 'Yhteyshenkilö', 'contact'],
  ['organization', 'Υπεύθυνος επικοινωνίας', 'contact'], ['organization', 'Strona www', 'website'],
  ['organization', 'Hjemmeside', 'website'], ['organization', 'Ιστοσελίδα', 'website'], ['organization', 'אתר', 'website'],
  ['organization', 'الموقع الإلكتروني', 'website'], ['organization', 'เว็บไซต์', 'website'],
  ['organization', 'ホームページ', 'website'], ['organization', 'Weboldal', 'website'],
  ['organization', 'Branche', 'industry'], ['organization', "Secteur d'activité", 'industry'], ['organization', 'Rubro', 'industry'],
  ['organization', 'Settore', 'industry'], ['organization', 'Отрасль', 'industry'], ['organization', '업종', 'industry'],
  ['area-code', 'Miasto', 'city'], ['area-code', 'Kraj', null],
];

function fieldsOf(target: Exclude<Target, 'campaign'>) {
  return STANDARD_FIELDS[target];
}

function matchAlone(target: Exclude<Target, 'campaign'>, header: string): string | null {
  const [match] = matchHeaders({ headers: [header], samples: [], fields: fieldsOf(target) });
  return match?.field ?? null;
}

function assertAccuracy(rows: Array<[Exclude<Target, 'campaign'>, string, string | null]>, minimum: number): void {
  const misses = rows
    .map(([target, header, expected]) => ({ target, header, expected, actual: matchAlone(target, header) }))
    .filter((row) => row.actual !== row.expected);
  const accuracy = 1 - misses.length / rows.length;
  const list = misses.map((m) => `  ${m.target}: ${JSON.stringify(m.header)} → ${m.actual} (expected ${m.expected})`).join('\n');
  assert.ok(
    accuracy >= minimum,
    `${(accuracy * 100).toFixed(1)}% of ${rows.length} spellings right, below ${minimum * 100}%. Misses:\n${list}`,
  );
  // Visible in the test output so the figure can be tracked as the table grows.
  console.log(`${rows.length - misses.length}/${rows.length} right (${(accuracy * 100).toFixed(1)}%)${list ? `; misses:\n${list}` : ''}`);
}

describe('header spellings from real exports', () => {
  test('has a table of at least 80 English and 60 Chinese spellings for individual customers', () => {
    const chinese = INDIVIDUAL.filter(([header]) => /\p{Script=Han}/u.test(header)).length;
    assert.ok(INDIVIDUAL.length - chinese >= 80, `only ${INDIVIDUAL.length - chinese} English spellings`);
    assert.ok(chinese >= 60, `only ${chinese} Chinese spellings`);
  });

  test('maps at least 95% of the individual-customer spellings to the expected field', () => {
    assertAccuracy(INDIVIDUAL.map(([header, expected]) => ['individual', header, expected]), 0.95);
  });

  test('maps at least 90% of the spellings of lists made in other languages, accents typed or not', () => {
    assertAccuracy(OTHER_LANGUAGES.map(([header, expected]) => ['individual', header, expected]), 0.9);
  });

  test('maps at least 95% of the spellings of lists made in Nordic, Central European, Greek, Hebrew, Arabic, Hindi and Thai', () => {
    assertAccuracy(MORE_LANGUAGES.map(([header, expected]) => ['individual', header, expected]), 0.95);
  });

  test('maps at least 95% of the spellings for organization, mass-target, area-code, number lists and DIDs', () => {
    assertAccuracy(
      OTHER_TARGETS.map(([target, header, expected]) => [target as Exclude<Target, 'campaign'>, header, expected]),
      0.95,
    );
  });
});
