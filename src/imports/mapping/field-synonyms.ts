// What real exports (Salesforce, HubSpot, Zoho, Excel lists, Chinese and Japanese CRMs) call each standard field, and
// what lists made in Spanish, Portuguese, French, German, Italian, Dutch, Swedish, Danish, Norwegian, Finnish, Polish,
// Czech, Slovak, Hungarian, Romanian, Greek, Turkish, Russian, Ukrainian, Hebrew, Arabic, Hindi, Thai, Vietnamese,
// Indonesian and Korean call the common ones.
// Spellings are compared after normaliseHeader, so case, spaces, punctuation, accents on Latin and Greek letters (ł, ø
// and ı too), Arabic hamza and vowel marks and the Devanagari nukta do not matter here: one spelling serves both.

export const STANDARD_FIELD_KEYS = [
  'name', 'phone', 'mobile', 'phone2', 'email', 'fax', 'address', 'city', 'state', 'zip', 'country',
  'company', 'title', 'birthday', 'gender', 'note', 'contact', 'website', 'industry', 'number',
  'description', 'campaign', 'prefix', 'area', 'province', 'timezone', 'carrier',
] as const;
export type StandardFieldKey = (typeof STANDARD_FIELD_KEYS)[number];

/**
 * - synonyms: the header means this field (confidence 0.95).
 * - related: the header means this field when the closer one is not a field of the target, e.g.
 *   "Company" is the organization's `name` but the individual's `company` (0.9).
 * - partial: the header holds part of this field, e.g. "First Name" for `name`, or what is mostly it, e.g. "WhatsApp"
 *   for `mobile` (0.7).
 */
export type FieldSynonyms = {
  synonyms: readonly string[];
  related?: readonly string[];
  partial?: readonly string[];
};

const PHONE = [
  'Phone', 'Tel', 'Tel.', 'Telephone', 'Phone Number', 'Phone No', 'Phone No.', 'Phone #', 'Tel No',
  'Tel Number', 'Telephone Number', 'Telephone No', 'Contact Number', 'Contact No', 'Contact Phone',
  'Contact Phone Number', 'Contact Tel', 'Landline', 'Land Line', 'Landline Number', 'Home Phone',
  'Home Tel', 'Work Phone', 'Office Phone', 'Office Tel', 'Business Phone', 'Company Phone',
  'Primary Phone', 'Main Phone', 'Day Phone', 'Daytime Phone', 'Phone 1', 'Tel 1', 'Telephone 1',
  'Customer Phone', 'Lead Phone', 'Phone Num', 'Ph', 'Ph No', 'Voice', 'Direct Line', 'Direct Dial', 'DDI',
  '电话', '联系电话', '电话号码', '座机', '座机号码', '固话', '固定电话', '办公电话', '家庭电话',
  '联系号码', '客户电话', '电话1', '联系电话1', '单位电话', '公司电话', '住宅电话',
  '電話', '聯絡電話', '聯繫電話', '電話號碼', '市話', '電話番号',
  'Teléfono', 'Número de Teléfono', 'Teléfono Fijo', 'Fijo', 'Telefone', 'Telefone Fixo', 'Número de Telefone',
  'Numéro de Téléphone', 'Téléphone Fixe', 'Telefon', 'Telefonnummer', 'Rufnummer',
  'Festnetz', 'Festnetznummer', 'Numero di Telefono', 'Telefono Fisso', 'Telefoon', 'Telefoonnummer',
  'Telefon Numarası', 'Телефон', 'Номер Телефона', 'Номер Телефону', 'Điện Thoại', 'Số Điện Thoại', 'Telepon',
  'Nomor Telepon', 'No Telp', 'No Telepon', 'Simu', 'Namba ya Simu', 'Nambari ya Simu', '전화', '전화번호', '연락처', '自宅電話', 'お電話番号',
  'Tfn', 'Tlf', 'Tlf. nr.', 'Telefonnr', 'Puhelin', 'Puhelinnumero', 'Puh.',
  'Numer Telefonu', 'Nr Telefonu', 'Nr Tel.', 'Telefon Stacjonarny', 'Telefonní Číslo', 'Číslo Telefonu',
  'Telefónne Číslo', 'Telefonszám', 'Număr de Telefon', 'Nr. Telefon', 'Nr. de Telefon', 'Telefon Fix',
  'Τηλέφωνο', 'Αριθμός Τηλεφώνου', 'Τηλ.', 'Σταθερό', 'Σταθερό Τηλέφωνο',
  'טלפון', 'מספר טלפון', "טל'", 'الهاتف', 'هاتف', 'رقم الهاتف', 'رقم هاتف', 'الهاتف الثابت', 'التليفون', 'تليفون',
  'फ़ोन', 'फ़ोन नंबर', 'दूरभाष', 'टेलीफोन', 'โทรศัพท์', 'เบอร์โทร', 'เบอร์โทรศัพท์', 'หมายเลขโทรศัพท์', 'โทร',
];

const MOBILE = [
  'Mobile', 'Cell', 'Cellphone', 'Cell Phone', 'Mobile Phone', 'Mobile No', 'Mobile No.', 'Mobile #',
  'Mobile Number', 'Mobile Phone Number', 'Mobile Tel', 'Cell Number', 'Cell No', 'Cell #',
  'Cellular', 'Cellular Phone', 'Handphone', 'Hand Phone', 'HP', 'HP No', 'Mob', 'Mob No',
  'Personal Mobile', 'Mobile 1', 'Cell 1', 'SMS Number', 'MSISDN', 'MSISDN Number',
  '手机', '手机号', '手机号码', '移动电话', '手提电话', '联系手机', '客户手机', '手机1', '手机号1',
  '移动号码', '手机电话', '手機', '手機號', '手機號碼', '行動電話', '流動電話', '携帯', '携帯電話', '携帯番号', '携帯電話番号',
  'Móvil', 'Teléfono Móvil', 'Celular', 'Número de Celular', 'Número de Móvil', 'Telemóvel', 'Telefone Celular',
  'Portable', 'Téléphone Portable', 'Numéro de Portable', 'Mobil', 'Handy', 'Handynummer', 'Mobilnummer',
  'Mobiltelefon', 'Mobilfunknummer', 'Cellulare', 'Numero di Cellulare', 'Mobiel', 'Mobiele Nummer', 'GSM',
  'GSM Nummer', 'Cep Telefonu', 'Cep Tel', 'Мобильный', 'Мобильный Телефон', 'Сотовый', 'Мобільний',
  'Мобільний Телефон', 'Di Động', 'Số Di Động', 'Nomor HP', 'No HP', 'Nomor Handphone', '휴대폰', '휴대전화', '핸드폰',
  '휴대폰번호', 'Mobilnr', 'Matkapuhelin', 'Matkapuhelinnumero',
  'Telefon Komórkowy', 'Komórka', 'Tel. Kom.', 'Nr Komórki', 'Numer Komórki', 'Mobilní Telefon', 'Mobilní Číslo',
  'Mobilný Telefón', 'Mobilné Číslo', 'Mobilszám', 'Mobiltelefonszám', 'Telefon Mobil',
  'Κινητό', 'Κινητό Τηλέφωνο', 'Αριθμός Κινητού',
  'נייד', 'טלפון נייד', 'מספר נייד', 'פלאפון', 'סלולרי', 'טלפון סלולרי',
  'الجوال', 'جوال', 'رقم الجوال', 'رقم جوال', 'الموبايل', 'موبايل', 'رقم الموبايل', 'المحمول', 'محمول', 'رقم المحمول',
  'الهاتف المحمول', 'هاتف محمول', 'मोबाइल', 'मोबाइल नंबर', 'मोबाईल', 'มือถือ', 'เบอร์มือถือ', 'โทรศัพท์มือถือ',
  'เบอร์โทรศัพท์มือถือ',
];

const EMAIL = [
  'Email', 'E-mail', 'Email Address', 'E-mail Address', 'Mail', 'Mail Address', 'Email ID',
  'Primary Email', 'Work Email', 'Personal Email', 'Business Email', 'Contact Email', 'Customer Email',
  'Email 1', 'E Mail', 'Emailaddress', 'Internet Address', 'Barua Pepe',
  '邮箱', '邮件', '电子邮件', '电子邮箱', '邮箱地址', '电子邮件地址', '电邮', '邮件地址', '联系邮箱',
  '電子郵件', '電子郵箱', '郵箱', '電郵', 'メール', 'メールアドレス',
  'Correo', 'Correo Electrónico', 'Correo-e', 'E-mail (correo)', 'Courriel', 'Adresse E-mail', 'Adresse Courriel',
  'Adresse Électronique', 'E-Mail-Adresse', 'Mailadresse', 'Posta Elettronica', 'Indirizzo Email', 'E-mailadres',
  'E-posta', 'E-posta Adresi', 'Почта', 'Электронная Почта', 'Эл. Почта', 'Пошта', 'Електронна Пошта', 'Ел. Пошта',
  'Thư Điện Tử', 'Surel', 'Emel', '이메일', '전자우편', 'Eメール', 'Eメールアドレス', '電子メール',
  'E-post', 'E-postadress', 'E-postadresse', 'Sähköposti', 'Sähköpostiosoite',
  'Adres E-mail', 'E-mailová Adresa', 'E-mail Cím', 'Adresă de E-mail', 'Adresă E-mail',
  'Ηλεκτρονικό Ταχυδρομείο', 'Ηλ. Ταχυδρομείο', 'Διεύθυνση Email', 'Διεύθυνση Ηλεκτρονικού Ταχυδρομείου',
  'דוא"ל', 'אימייל', 'מייל', 'דואר אלקטרוני', 'כתובת דוא"ל', 'כתובת מייל', 'כתובת אימייל',
  'البريد الإلكتروني', 'بريد إلكتروني', 'عنوان البريد الإلكتروني', 'الإيميل', 'إيميل',
  'ईमेल', 'ईमेल आईडी', 'ईमेल पता', 'อีเมล', 'อีเมล์', 'ที่อยู่อีเมล',
];

/** A company's name in other languages: the company field, and related to an organization's name. */
const COMPANY_NAME = [
  'Empresa', 'Razón Social', 'Nombre de la Empresa', 'Société', 'Raison Sociale', 'Entreprise', 'Firma', 'Firmenname',
  'Unternehmen', 'Azienda', 'Ragione Sociale', 'Bedrijf', 'Bedrijfsnaam', 'Şirket', 'Şirket Adı', 'Компания',
  'Организация', 'Компанія', 'Організація', 'Назва Компанії', 'Công Ty', 'Perusahaan', '회사', '회사명',
  '会社名', '会社', '企業名', '法人名',
  'Företag', 'Företagsnamn', 'Bolag', 'Virksomhed', 'Firmanavn', 'Bedrift', 'Selskap', 'Yritys', 'Yrityksen Nimi',
  'Nazwa Firmy', 'Společnost', 'Název Firmy', 'Název Společnosti', 'Spoločnosť', 'Názov Firmy', 'Názov Spoločnosti',
  'Cég', 'Cégnév', 'Cég Neve', 'Vállalat', 'Companie', 'Societate', 'Denumire Firmă', 'Nume Firmă', 'Nume Companie',
  'Εταιρεία', 'Επωνυμία', 'Επωνυμία Εταιρείας', 'Όνομα Εταιρείας', 'חברה', 'שם חברה', 'שם החברה',
  'الشركة', 'شركة', 'اسم الشركة', 'कंपनी', 'कम्पनी', 'कंपनी का नाम', 'บริษัท', 'ชื่อบริษัท',
];

/** The person to speak to, in other languages: the contact field, and related to a name. */
const CONTACT_PERSON = [
  'Persona de Contacto', 'Contacto', 'Ansprechpartner', 'Interlocuteur', 'Contatto', 'Contactpersoon', 'Kontaktperson',
  'Yhteyshenkilö', 'Osoba Kontaktowa', 'Kontaktní Osoba', 'Kontaktná Osoba', 'Kapcsolattartó', 'Persoană de Contact',
  'Υπεύθυνος Επικοινωνίας', 'Πρόσωπο Επικοινωνίας', 'Контактна Особа', 'איש קשר', 'جهة الاتصال', 'اسم جهة الاتصال',
  'संपर्क व्यक्ति', 'ผู้ติดต่อ', 'ชื่อผู้ติดต่อ', '担当者名', 'ご担当者名',
];

export const FIELD_SYNONYMS: Readonly<Record<StandardFieldKey, FieldSynonyms>> = {
  name: {
    synonyms: [
      'Name', 'Full Name', 'Customer Name', 'Client Name', 'Lead Name', 'Person Name', 'Display Name',
      'Customer Full Name', 'Name of Customer', 'Customer', 'Client', 'Lead', 'Names', 'Contact Full Name',
      '姓名', '名字', '全名', '客户姓名', '客户名', '客户名称', '客户', '名称', '姓名全称', '真实姓名',
      '用户姓名', '客户全名', '客戶名稱', '客戶姓名', '客戶', '氏名', '名前', 'お名前', '顧客名', '顧客氏名', 'Cust Name', 'Cust. Name',
      'Nombre', 'Nombre Completo', 'Nombre y Apellidos', 'Nombre del Cliente', 'Cliente', 'Nome', 'Nome Completo',
      'Nome do Cliente', 'Nom', 'Nom Complet', 'Nom et Prénom', 'Nom du Client', 'Vollständiger Name', 'Kundenname',
      'Kunde', 'Nome e Cognome', 'Naam', 'Volledige Naam', 'Klantnaam', 'Ad Soyad', 'Adı Soyadı', 'Müşteri Adı',
      'ФИО', 'Имя', 'Клиент', "Ім'я", 'ПІБ', "Повне Ім'я", "Прізвище, Ім'я, По Батькові", "Прізвище та Ім'я",
      "Ім'я та Прізвище", 'Họ Tên', 'Họ và Tên', 'Tên', 'Tên Khách Hàng', 'Nama', 'Nama Lengkap',
      'Nama Pelanggan', '이름', '성명', '고객명', 'Nominativo', 'Nome Cliente', 'フルネーム',
      'Namn', 'Fullständigt Namn', 'Kundnamn', 'Navn', 'Fulde Navn', 'Fuldt Navn', 'Fullt Navn', 'Kundenavn', 'Nimi',
      'Koko Nimi', 'Asiakkaan Nimi', 'Imię i Nazwisko', 'Nazwisko i Imię', 'Jméno', 'Jméno a Příjmení',
      'Příjmení a Jméno', 'Celé Jméno', 'Meno', 'Meno a Priezvisko', 'Celé Meno', 'Név', 'Teljes Név', 'Ügyfél Neve',
      'Nume', 'Nume și Prenume', 'Nume Complet', 'Nume Client',
      'Όνομα', 'Ονοματεπώνυμο', 'Πλήρες Όνομα', 'Όνομα Πελάτη', 'שם', 'שם מלא', 'שם לקוח', 'שם הלקוח',
      'الاسم', 'اسم', 'الاسم الكامل', 'الاسم بالكامل', 'اسم العميل', 'नाम', 'पूरा नाम', 'ग्राहक का नाम',
      'ชื่อ', 'ชื่อ-นามสกุล', 'ชื่อ-สกุล', 'ชื่อและนามสกุล', 'ชื่อลูกค้า',
    ],
    related: [
      'Contact Name', 'Contact', 'Contact Person', '联系人', '联系人姓名', '联系人名称', '聯絡人',
      // an organization's name is its company name
      'Company', 'Company Name', 'Organization', 'Organisation', 'Organization Name', 'Organisation Name',
      'Account Name', 'Business Name', '公司', '公司名称', '企业名称', '单位名称', '公司名', '公司名稱',
      ...CONTACT_PERSON,
      ...COMPANY_NAME,
    ],
    partial: [
      'First Name', 'Firstname', 'Given Name', 'Forename', 'First', '名', 'Primer Nombre', 'Prénom', 'Vorname',
      'Primeiro Nome', 'Voornaam', 'Adı', 'Förnamn', 'Fornavn', 'Etunimi', 'Imię', 'Křestní Jméno', 'Krstné Meno',
      'Keresztnév', 'Utónév', 'Prenume', 'Μικρό Όνομα', 'שם פרטי', 'الاسم الأول', 'पहला नाम', 'ชื่อจริง',
    ],
  },
  phone: {
    synonyms: PHONE,
    related: ['Number', 'Phone/Mobile', 'Tel/Mobile', '号码', '联系方式', '聯絡方式', 'Contact Info', ...MOBILE],
  },
  // A messenger's number is mostly the mobile, but a column that says "Mobile" is surer of it.
  mobile: { synonyms: MOBILE, related: ['Mobile 2', 'Cell 2', '手机2', '手机号2'], partial: ['WhatsApp', 'WhatsApp Number', 'WhatsApp No', 'Viber'] },
  phone2: {
    synonyms: [
      'Phone 2', 'Phone2', 'Tel 2', 'Telephone 2', 'Other Phone', 'Alternate Phone', 'Alternative Phone',
      'Alt Phone', 'Secondary Phone', 'Second Phone', 'Additional Phone', 'Backup Phone', 'Extra Phone',
      'Other Number', 'Alternate Number', 'Alternative Number', 'Secondary Number', 'Other Tel',
      'Phone Number 2', 'Contact Number 2', 'Asst Phone', 'Assistant Phone',
      '电话2', '电话二', '联系电话2', '备用电话', '备用号码', '其他电话', '其它电话', '第二电话', '其他号码',
      '其他联系电话', '备用联系电话', '電話2', '備用電話', '其他電話', '电话号码2', '座机2',
    ],
    related: ['Mobile 2', 'Cell 2', '手机2', '手机号2', '备用手机', 'Phone 3', '电话3'],
  },
  email: { synonyms: EMAIL },
  fax: {
    synonyms: [
      'Fax', 'Fax Number', 'Fax No', 'Fax No.', 'Fax #', 'Facsimile', 'Business Fax', 'Office Fax',
      'Home Fax', 'Work Fax', 'Fax Phone', 'Telefax', 'Company Fax',
      '传真', '传真号码', '传真号', '传真电话', '传真机', '傳真', '傳真號碼', 'ファックス', 'ファックス番号', 'ファクス',
      'FAX番号', 'Faks', 'Faksi', 'Numer Faksu', 'Факс', 'Φαξ', 'פקס', 'فاكس', 'الفاكس', 'رقم الفاكس', 'फ़ैक्स',
      'แฟกซ์', 'โทรสาร',
    ],
  },
  address: {
    synonyms: [
      'Address', 'Street', 'Street Address', 'Address Line 1', 'Address 1', 'Street 1', 'Street Line 1',
      'Mailing Address', 'Mailing Street', 'Billing Address', 'Billing Street', 'Shipping Street',
      'Home Address', 'Postal Address', 'Residential Address', 'Full Address', 'Addr', 'Address1',
      'Business Address', 'Office Address', 'Company Address', 'Physical Address', 'Location Address',
      'Dirección', 'Domicilio', 'Endereço', 'Morada', 'Adresse', 'Anschrift', 'Straße', 'Strasse', 'Straße und Hausnummer',
      'Adresse Postale', 'Adresse Complète', 'Dirección Postal', 'Endereço Completo', 'Rue', 'Indirizzo', 'Adres', 'Straat', 'Адрес', 'Địa Chỉ', 'Alamat', '주소',
      'Адреса', 'Вулиця', 'Adress', 'Gatuadress', 'Postadress', 'Utdelningsadress', 'Postadresse', 'Gateadresse', 'Osoite',
      'Katuosoite', 'Lähiosoite', 'Postiosoite', 'Ulica', 'Adres Zamieszkania', 'Adresa', 'Ulice', 'Cím', 'Lakcím', 'Utca',
      'Utca, Házszám', 'Stradă', 'Διεύθυνση', 'Οδός', 'Διεύθυνση Κατοικίας', 'כתובת', 'רחוב', 'العنوان', 'عنوان',
      'الشارع', 'पता', 'ที่อยู่', '番地',
      '地址', '住址', '联系地址', '详细地址', '家庭住址', '家庭地址', '通讯地址', '通信地址', '居住地址',
      '街道', '街道地址', '收货地址', '所在地址', '地址1', '公司地址', '办公地址', '单位地址', '住所',
      '联系人地址', '客户地址', '地址詳情', '聯絡地址', '通訊地址', '住所地址',
    ],
  },
  city: {
    synonyms: [
      'City', 'Town', 'City/Town', 'Town/City', 'Suburb', 'Locality', 'Municipality', 'Mailing City',
      'Billing City', 'Shipping City', 'City Name', 'Rate Center', 'Rate Centre',
      'Ciudad', 'Localidad', 'Municipio', 'Población', 'Cidade', 'Ville', 'Commune', 'Stadt', 'Ort',
      'Wohnort', 'Città', 'Comune', 'Località', 'Stad', 'Plaats', 'Woonplaats', 'Şehir', 'Город', 'Місто',
      'Населений Пункт', 'Thành Phố', 'Kota', '도시', 'Postort', 'By', 'Poststed', 'Kaupunki', 'Postitoimipaikka',
      'Paikkakunta', 'Kunta', 'Miasto', 'Miejscowość', 'Město', 'Obec', 'Város', 'Település', 'Helység', 'Oraș',
      'Localitate', 'Πόλη', 'עיר', 'יישוב', 'ישוב', 'المدينة', 'مدينة', 'शहर', 'नगर', 'เมือง', '市町村',
      '城市', '市', '所在城市', '所在市', '城市名称', '地级市', '城市名', '所属城市', '城市/地区',
      '市区町村', '都市',
    ],
  },
  state: {
    synonyms: [
      'State', 'Province', 'Region', 'State/Province', 'Province/State', 'State/Region',
      'State or Province', 'Prefecture', 'Territory', 'Mailing State', 'Mailing State/Province',
      'Billing State', 'Billing State/Province', 'State/Province/Region', 'Prov',
      // Google Contacts' "Address 1 - Region" (a bare "Region" is as often a sales region: no variant of it counts)
      'Address Region', 'Mailing Region', 'Billing Region', 'Shipping Region',
      'Provincia', 'Departamento', 'Estado/Província', 'UF', 'Département', 'Bundesland', 'Regione',
      'Provincie', 'Область', 'Регион', 'Регіон', 'Tỉnh', 'Tỉnh/Thành Phố', 'Provinsi', '시/도', '시도',
      'Län', 'Fylke', 'Maakunta', 'Województwo', 'Megye', 'Județ', 'Νομός', 'Περιφέρεια', 'المحافظة', 'محافظة',
      'الولاية', 'राज्य', 'จังหวัด', 'İl',
      '省', '省份', '州', '所在省份', '所在省', '省/直辖市', '省市', '省/自治区', '省份/直辖市',
      '省/州', '所属省份', '都道府県',
    ],
  },
  zip: {
    synonyms: [
      'Zip', 'Zip Code', 'Zipcode', 'ZIP+4', 'Postal Code', 'Postcode', 'Post Code', 'Postal',
      'Postal/Zip Code', 'Zip/Postal Code', 'Zip/Postal', 'Postal Zip', 'Mailing Zip/Postal Code',
      'Mailing Zip', 'Mailing Postal Code', 'Billing Zip/Postal Code', 'Billing Zip', 'PIN Code',
      'Pincode', 'Zip/Postcode', 'Postcode/Zip',
      'Código Postal', 'CP', 'CEP', 'Code Postal', 'PLZ', 'Postleitzahl', 'CAP', 'Codice Postale',
      'Posta Kodu', 'Индекс', 'Почтовый Индекс', 'Індекс', 'Поштовий Індекс', 'Mã Bưu Điện', 'Kode Pos', '우편번호',
      'Postnummer', 'Postnr', 'Postinumero', 'Kod Pocztowy', 'PSČ', 'Irányítószám', 'Irsz', 'Cod Poștal',
      'Ταχυδρομικός Κώδικας', 'Τ.Κ.', 'מיקוד', 'الرمز البريدي', 'पिन कोड', 'รหัสไปรษณีย์',
      '邮编', '邮政编码', '邮政编号', '邮码', '郵遞區號', '郵政編碼', '郵編', '郵便番号',
    ],
  },
  country: {
    synonyms: [
      'Country', 'Country Name', 'Nation', 'Country/Region', 'Country or Region', 'Mailing Country',
      'Billing Country', 'Shipping Country',
      'País', 'Pays', 'Land', 'Paese', 'Nazione', 'Ülke', 'Страна', 'Країна', 'Quốc Gia', 'Negara', '국가',
      '国家', '国家/地区', '国家或地区', '国别', '國家', '國家/地區', '国', '国名',
      'Maa', 'Země', 'Krajina', 'Ország', 'Țară', 'Χώρα', 'ארץ', 'الدولة', 'دولة', 'البلد', 'بلد', 'देश',
      'ประเทศ',
    ],
    // מדינה is a country, and the state of a country that has states
    related: ['Nationality', 'Country Code', '国籍', '國籍', 'מדינה'],
  },
  company: {
    synonyms: [
      'Company', 'Company Name', 'Organisation', 'Organization', 'Organization Name', 'Organisation Name',
      'Employer', 'Employer Name', 'Account Name', 'Business Name', 'Firm', 'Corporation', 'Work Unit',
      'Workplace', 'Company/Account', 'Org', 'Org Name', 'Institution',
      '公司', '单位', '公司名称', '单位名称', '工作单位', '企业', '企业名称', '所在公司', '公司名',
      '所属公司', '机构', '机构名称', '公司名稱', '機構', '單位', '公司全称', '企业全称', '单位全称', '勤務先',
      ...COMPANY_NAME, 'Compañía', 'Società',
    ],
  },
  title: {
    synonyms: [
      'Title', 'Job Title', 'Position', 'Job Position', 'Role', 'Job Role', 'Designation', 'Job',
      'Position Title', 'Job Name',
      // Google Contacts' "Organization 1 - Title" (a bare "… Title" may be a book's or a salutation: no variant counts)
      'Organization Title', 'Organisation Title', 'Company Title',
      '职位', '职务', '头衔', '职称', '岗位', '職位', '職稱', '職務', '役職',
      'Cargo', 'Puesto', 'Poste', 'Fonction', 'Funktion', 'Berufsbezeichnung', 'Posizione', 'Ruolo', 'Functie',
      'Unvan', 'Должность', 'Посада', 'Chức Vụ', 'Jabatan', '직위', '직책', '役職名', '肩書', '肩書き',
      'Titel', 'Befattning', 'Yrkestitel', 'Stilling', 'Tittel', 'Jobtitel', 'Titteli', 'Tehtävänimike', 'Stanowisko',
      'Pozice', 'Funkce', 'Pracovní Pozice', 'Pozícia', 'Funkcia', 'Beosztás', 'Munkakör', 'Pozíció', 'Θέση',
      'Θέση Εργασίας', 'תפקיד', 'المسمى الوظيفي', 'الوظيفة', 'المنصب', 'पद', 'पदनाम', 'ตำแหน่ง',
    ],
    related: ['Occupation', 'Profession', '职业', '職業'],
  },
  birthday: {
    synonyms: [
      'Birthday', 'Birth Date', 'Birthdate', 'Date of Birth', 'DOB', 'D.O.B.', 'Born', 'Birth Day',
      'Bday', 'Date of Birth (DOB)', 'Birth',
      '生日', '出生日期', '出生年月', '出生年月日', '出生日', '出生时间', '生辰', '誕生日', '生年月日',
      'Fecha de Nacimiento', 'Cumpleaños', 'Data de Nascimento', 'Date de Naissance', 'Anniversaire',
      'Geburtsdatum', 'Geburtstag', 'Data di Nascita', 'Geboortedatum', 'Doğum Tarihi', 'Дата Рождения',
      'Дата Народження', 'Ngày Sinh', 'Tanggal Lahir', '생년월일', '생일',
      'Födelsedatum', 'Födelsedag', 'Fødselsdato', 'Fødselsdag', 'Syntymäaika', 'Syntymäpäivä', 'Data Urodzenia',
      'Datum Narození', 'Dátum Narodenia', 'Születési Dátum', 'Születési Idő', 'Születésnap', 'Data Nașterii',
      'Data de Naștere', 'Ημερομηνία Γέννησης', 'תאריך לידה', 'יום הולדת', 'تاريخ الميلاد', 'تاريخ الولادة',
      'जन्म तिथि', 'जन्म दिनांक', 'วันเกิด', 'วันเดือนปีเกิด',
    ],
  },
  gender: {
    synonyms: [
      'Gender', 'Sex', 'M/F', 'Male/Female', '性别', '性別', '男女', '男/女', 'Sexo', 'Género', 'Sexe',
      'Genre', 'Geschlecht', 'Sesso', 'Genere', 'Geslacht', 'Cinsiyet', 'Пол', 'Стать', 'Giới Tính', 'Jenis Kelamin',
      '성별', 'Kön', 'Kjønn', 'Sukupuoli', 'Płeć', 'Pohlaví', 'Pohlavie', 'Nem', 'Neme', 'Φύλο', 'מין', 'מגדר', 'الجنس',
      'लिंग', 'เพศ',
    ],
  },
  note: {
    synonyms: [
      'Note', 'Notes', 'Remark', 'Remarks', 'Comment', 'Comments', 'Memo', 'Memos', 'Annotation',
      'Observations', 'Additional Info', 'Additional Information', 'Customer Notes', 'Call Notes',
      '备注', '備註', '备注信息', '附注', '附言', '注释', '备忘', '留言', '备注说明', '備考', 'メモ',
      'Notas', 'Nota', 'Observaciones', 'Observación', 'Comentarios', 'Comentario', 'Observações', 'Observação', 'Remarques', 'Commentaire',
      'Commentaires', 'Bemerkung', 'Bemerkungen', 'Notiz', 'Notizen', 'Kommentar', 'Anmerkungen', 'Osservazioni',
      'Opmerkingen', 'Opmerking', 'Not', 'Notlar', 'Açıklama', 'Примечание', 'Комментарий', 'Примітка', 'Примітки', 'Коментар', 'Ghi Chú',
      'Catatan', 'Keterangan', '비고', '메모', '備考欄', 'コメント', '特記事項',
      'Anteckningar', 'Kommentarer', 'Övrigt', 'Bemærkninger', 'Noter', 'Merknader', 'Notater', 'Lisätiedot',
      'Huomautukset', 'Kommentit', 'Uwagi', 'Notatki', 'Komentarz', 'Poznámka', 'Poznámky', 'Komentář', 'Megjegyzés',
      'Megjegyzések', 'Observații', 'Mențiuni', 'Comentarii', 'Σημειώσεις', 'Παρατηρήσεις', 'Σχόλια', 'הערות', 'הערה',
      'ملاحظات', 'ملاحظة', 'الملاحظات', 'टिप्पणी', 'टिप्पणियाँ', 'หมายเหตุ',
    ],
    related: ['Description', 'Details', 'Desc', 'Reason', '描述', '说明', '說明', '详情', '原因'],
  },
  contact: {
    synonyms: [
      'Contact', 'Contact Name', 'Contact Person', 'Primary Contact', 'Main Contact', 'Key Contact',
      'Contact Full Name', 'Person in Charge', 'PIC', 'Attention', 'Attn', 'Contact Person Name',
      '联系人', '联系人姓名', '联系人名称', '聯絡人', '聯繫人', '联络人', '对接人', '担当者',
      ...CONTACT_PERSON, 'Referente', 'Yetkili', 'Контактное Лицо', 'Người Liên Hệ', '담당자',
    ],
  },
  website: {
    synonyms: [
      'Website', 'Web Site', 'URL', 'Web', 'Homepage', 'Home Page', 'Website URL', 'Web Address',
      'Company Website', 'Site', 'WWW', 'Web Page', 'Company URL', 'Domain', 'Domain Name', 'Company Domain Name', 'Company Domain', 'Website Domain',
      '网址', '网站', '官网', '公司网址', '主页', '公司网站', '官方网站', '網址', '網站',
      'Sitio Web', 'Página Web', 'Site Web', 'Site Internet', 'Webseite', 'Internetseite', 'Sito Web', 'Sito',
      'Web Sitesi', 'Сайт', 'Веб-сайт', 'Trang Web', '웹사이트', '홈페이지', 'ホームページ', 'ウェブサイト',
      'Webbplats', 'Hemsida', 'Hjemmeside', 'Websted', 'Nettside', 'Nettsted', 'Verkkosivut', 'Kotisivu', 'Kotisivut',
      'Strona WWW', 'Strona Internetowa', 'Webové Stránky', 'Webová Stránka', 'Weboldal', 'Honlap', 'Webcím',
      'Ιστοσελίδα', 'Ιστότοπος', 'אתר', 'אתר אינטרנט', 'الموقع الإلكتروني', 'موقع الويب', 'वेबसाइट', 'เว็บไซต์',
    ],
  },
  industry: {
    synonyms: [
      'Industry', 'Sector', 'Business Type', 'Vertical', 'Industry Type', 'Industry Sector',
      '行业', '所属行业', '行业类别', '行业类型', '行業', '所屬行業', '業種',
      'Branche', 'Wirtschaftszweig', 'Industrie', 'Secteur', "Secteur d'activité", "Secteur d'activite", 'Industria',
      'Sector de Actividad', 'Rubro', 'Setor', 'Ramo de Atividade', 'Settore', 'Sektor', 'Branża', 'Odvětví', 'Iparág',
      'Sektör', 'Отрасль', 'Галузь', 'Ngành', 'Ngành Nghề', 'Industri', '업종', '산업',
    ],
  },
  number: {
    synonyms: [
      'Number', 'Phone Number', 'Phone', 'Telephone Number', 'Tel', 'Mobile', 'Mobile Number',
      'Caller ID', 'CLI', 'ANI', 'DID', 'DID Number', 'Blocked Number', 'Blacklist Number',
      'Blacklisted Number', 'DNC', 'DNC Number', 'Whitelist Number', 'Inbound Number', 'Phone No',
      'Number to Block', 'Do Not Call Number', 'MSISDN',
      '号码', '电话号码', '电话', '手机号', '手机号码', '黑名单号码', '白名单号码', '呼入号码',
      '主叫号码', '被叫号码', '中继号码', '号码/电话', '號碼',
    ],
    related: [...PHONE, ...MOBILE],
  },
  description: {
    synonyms: [
      'Description', 'Desc', 'Descr', 'Details', 'Label', 'Remark', 'Remarks', 'Note', 'Notes',
      'Comment', 'Comments', 'Purpose',
      '描述', '说明', '备注', '描述信息', '用途', '說明', '備註',
    ],
  },
  campaign: {
    synonyms: [
      'Campaign', 'Campaign Name', 'Project', 'Project Name', 'Campaign ID',
      '活动', '活动名称', '项目', '项目名称', '营销活动', '外呼活动', '外呼任务', '呼叫活动', '活動',
    ],
  },
  prefix: {
    synonyms: [
      'Prefix', 'Area Code', 'Dial Code', 'Dialing Code', 'Number Prefix', 'Phone Prefix', 'Code',
      'Number Segment', 'NPA', 'NPA ID', 'NPA Code', 'NPA-NXX', 'NPANXX', 'Calling Code', 'Area Prefix',
      '区号', '号段', '前缀', '号码段', '号码前缀', '长途区号', '電話區號', '區號', '號段',
    ],
  },
  area: {
    synonyms: [
      'Area', 'Region', 'Location', 'District', 'Area Name', 'Region Name', 'Area Served', 'Service Area', 'Coverage Area',
      '地区', '区域', '归属地', '号码归属地', '地区名称', '所属地区', '地域', '地區', '區域', '歸屬地',
    ],
  },
  province: {
    synonyms: [
      'Province', 'State', 'Prov', 'Province/State', 'State/Province', 'Province Name',
      '省', '省份', '所属省份', '省/直辖市', '州', '省/州', '省份名称',
    ],
  },
  timezone: {
    synonyms: [
      'Time Zone', 'Timezone', 'TZ', 'Time Zone Name', 'UTC Offset', 'GMT Offset', 'IANA Time Zone',
      '时区', '時區', 'タイムゾーン',
    ],
  },
  carrier: {
    synonyms: [
      'Carrier', 'Operator', 'Network', 'Network Operator', 'Mobile Carrier', 'ISP', 'Provider',
      'Service Provider', 'Telco', 'Carrier Name', 'Mobile Operator', 'Company', 'Company Name', 'OCN Name', 'Telephone Company',
      '运营商', '運營商', '电信运营商', '网络运营商', '服务商', '電信商',
    ],
  },
};

/**
 * Words too generic to decide a field on their own when they end a longer header ("Product Name",
 * "Account Number", "Job Type"); they still match when they are the whole header.
 */
export const GENERIC_HEAD_WORDS: readonly string[] = [
  'name', 'names', 'number', 'no', 'num', 'nr', 'code', 'date', 'mail', 'contact', 'area', 'title', 'type',
  'status', 'id', 'line', 'info', 'site', 'web', 'job', 'role', 'client', 'customer', 'lead', 'account',
  'business', 'first', 'region', 'location', 'label', 'details', 'desc', 'born', 'birth', 'voice', 'network',
  'provider', 'operator', 'org', 'project', 'ph', 'hp', 'mob', 'pic', 'attention', 'attn', 'firm',
  'cliente', 'clientes', 'kunde', 'kunden', 'klant', 'numero', 'nummer', 'codigo', 'codice', 'fecha', 'data', 'datum',
  'tipo', 'typ', 'estado', 'nome', 'nom', 'nombre', 'namn', 'navn', 'nimi', 'imię', 'jméno', 'meno', 'név', 'nume',
  'όνομα', 'नाम',
  '号码', '名称', '名字', '编号', '日期', '时间', '类型', '状态', '联系人', '单位', '项目', '活动', '任务',
  '用途', '说明', '描述', '客户', '企业', '地区', '区域', '机构', '号段', '前缀',
];

/**
 * Field names that exports also use for something else: Outlook's "Title" is Mr. or Dr., beside its "Job Title"; the
 * Swedish and Danish "Titel" is the job title, the German one Dr. or Prof. As
 * a header such a name counts as a related name (0.9), so a column with a more telling name ("Job Title", 0.95) wins.
 */
export const AMBIGUOUS_FIELD_NAMES: readonly string[] = ['Title', 'Titel'];

/**
 * Headers that mean none of our fields but sit one typo away from one ("County" / "Country",
 * "Status" / "State"); fuzzy matching leaves them alone.
 */
export const LOOKALIKE_HEADERS: readonly string[] = [
  'County', 'Status', 'Stats', 'Stage', 'Last Name', 'Middle Name', 'Nickname', 'User Name', 'Username', 'Surname', 'Family Name', 'Lastname',
  // a Polish company number (Region); the family name (اسم العميل, the customer's name)
  'REGON', 'اسم العائلة',
  // a company's department (Outlook's and most CRMs' exports), not the French département (a region)
  'Department', 'Dept',
];
