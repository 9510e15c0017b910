import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { previewSource } from '../../src/imports/reading/index.js';
import { createFixtureFolder, expectAppError, readWhole } from './support/reading-fixtures.js';

// Customer lists as people type them, in the languages whose legacy encodings turn up in uploads.
const LISTS: Record<string, string[][]> = {
  simplifiedChinese: [
    ['姓名', '电话', '城市', '备注'],
    ['王小明', '13800138000', '北京市朝阳区', '老客户，请优先联系'],
    ['李静', '13912345678', '上海市浦东新区', '下午三点后回电'],
    ['张伟', '020-87654321', '广州市天河区', '已发送报价单'],
    ['陈思远', '0755-26543210', '深圳市南山区', '需要发票'],
    ['刘洋', '15012345678', '成都市武侯区', '对产品很感兴趣'],
    ['赵丽娟', '18611112222', '杭州市西湖区', '周末不要打电话'],
  ],
  traditionalChinese: [
    ['姓名', '電話', '城市', '備註'],
    ['陳美玲', '0912345678', '臺北市大安區', '老客戶，請優先聯絡'],
    ['林志強', '0223456789', '高雄市前鎮區', '下午三點後回電'],
    ['黃淑芬', '0987654321', '臺中市西屯區', '已寄送報價單'],
    ['吳建宏', '0933222111', '新竹市東區', '需要統一發票'],
    ['蔡雅婷', '0921555666', '臺南市東區', '對產品很有興趣'],
  ],
  japanese: [
    ['氏名', '電話番号', '住所', '備考'],
    ['山田太郎', '090-1234-5678', '東京都新宿区西新宿2-8-1', '午後に折り返し電話'],
    ['佐藤花子', '080-9876-5432', '大阪府大阪市北区梅田1-1', '見積書送付済み'],
    ['鈴木一郎', '03-1234-5678', '神奈川県横浜市中区', 'メールで連絡希望'],
    ['高橋美咲', '070-1111-2222', '愛知県名古屋市中村区', '平日のみ対応可能'],
    ['田中健太', '090-3333-4444', '福岡県福岡市博多区', 'カタログ送付希望'],
  ],
  korean: [
    ['이름', '전화번호', '도시', '비고'],
    ['김민준', '010-1234-5678', '서울특별시 강남구', '오후에 다시 전화'],
    ['이서연', '010-9876-5432', '부산광역시 해운대구', '견적서 발송 완료'],
    ['박지훈', '02-123-4567', '인천광역시 남동구', '이메일 연락 희망'],
    ['최수아', '010-5555-6666', '대구광역시 수성구', '주말에는 연락 금지'],
    ['정우진', '010-7777-8888', '대전광역시 유성구', '제품에 관심 많음'],
  ],
  westernEuropean: [
    ['Nom', 'Téléphone', 'Ville', 'Remarque'],
    ['Françoise Dupré', '+33 1 42 68 53 00', 'Besançon', 'Rappeler après 17h'],
    ['José Müller', '+49 30 901820', 'Düsseldorf', 'Größere Bestellung geplant'],
    ['Søren Ærø', '+45 33 12 34 56', 'Århus', 'Ønsker tilbud på køb'],
    ['Ana Núñez', '+34 91 123 45 67', 'Cádiz', 'Señora muy amable'],
    ['João Gonçalves', '+351 21 123 4567', 'Évora', 'Já é cliente'],
  ],
  centralEuropean: [
    ['Imię', 'Telefon', 'Miasto', 'Uwagi'],
    ['Łukasz Żółkiewski', '+48 22 123 45 67', 'Łódź', 'Zadzwonić po 17:00'],
    ['Małgorzata Wiśniewska', '+48 12 345 67 89', 'Kraków', 'Wysłać ofertę'],
    ['Paweł Dąbrowski', '+48 61 234 56 78', 'Poznań', 'Stały klient'],
    ['Jiří Dvořák', '+420 221 234 567', 'Brno', 'Volat dopoledne'],
  ],
  cyrillic: [
    ['ФИО', 'Телефон', 'Город', 'Примечание'],
    ['Иванов Иван Петрович', '+7 495 123-45-67', 'Москва', 'Перезвонить завтра'],
    ['Смирнова Ольга', '+7 812 765-43-21', 'Санкт-Петербург', 'Клиент просил скидку'],
    ['Кузнецов Алексей', '+7 383 222-33-44', 'Новосибирск', 'Не звонить вечером'],
    ['Попова Мария', '+7 343 555-66-77', 'Екатеринбург', 'Отправлено предложение'],
  ],
};

// Short lists (a header and two or three customers) in the code pages of the languages they are written in: too
// little text for chardet's statistics alone, whose first guess turned "Łukasz" into "£ukasz" and "Şehir" into "Þehir".
const SHORT_LISTS: Array<[language: string, encodings: string[], rows: string[][]]> = [
  ['Polish', ['windows-1250', 'iso-8859-2'], [['Imię i nazwisko', 'Telefon', 'Miasto'], ['Łukasz Żółć', '+48 22 123 45 67', 'Łódź'], ['Zofia Wójcik', '+48 601 234 567', 'Kraków']]],
  ['Czech', ['windows-1250', 'iso-8859-2'], [['Jméno', 'Telefon', 'Město'], ['Jiří Dvořák', '+420 221 234 567', 'Brno'], ['Růžena Nováková', '+420 602 123 456', 'Plzeň']]],
  ['Romanian', ['windows-1250', 'iso-8859-2'], [['Nume', 'Telefon', 'Oraş'], ['Ştefan Popescu', '+40 21 123 4567', 'Bucureşti'], ['Ioana Munteanu', '+40 264 123 456', 'Cluj-Napoca']]],
  ['Turkish', ['windows-1254', 'iso-8859-9'], [['Ad Soyad', 'Telefon', 'Şehir'], ['Şükrü Öztürk', '+90 532 123 45 67', 'İstanbul'], ['Ayşe Çağlar', '+90 312 123 45 67', 'Ankara'], ['Mehmet Yılmaz', '+90 232 765 43 21', 'İzmir']]],
  ['Greek', ['windows-1253', 'iso-8859-7'], [['Όνομα', 'Τηλέφωνο', 'Πόλη'], ['Γιώργος Παπαδόπουλος', '+30 21 0123 4567', 'Αθήνα'], ['Μαρία Νικολάου', '+30 694 123 4567', 'Θεσσαλονίκη']]],
  ['Hebrew', ['windows-1255', 'iso-8859-8'], [['שם', 'טלפון', 'עיר'], ['דוד כהן', '+972-52-123-4567', 'תל אביב'], ['שרה לוי', '+972 3 123 4567', 'ירושלים']]],
  // Hebrew's letters are where Greek and Cyrillic code pages keep small letters: "ωψδ μει" has not one capital.
  ['Hebrew (Haifa)', ['windows-1255', 'iso-8859-8'], [['שם', 'טלפון', 'עיר'], ['דוד כהן', '050-1234567', 'תל אביב'], ['שרה לוי', '03-1234567', 'חיפה']]],
  // The other way round: Greek and Russian all in small letters are not taken for Hebrew.
  ['Greek in small letters', ['windows-1253', 'iso-8859-7'], [['όνομα', 'τηλέφωνο', 'πόλη'], ['γιώργος παπαδόπουλος', '210 123 4567', 'αθήνα'], ['μαρία νικολάου', '6912345678', 'πάτρα']]],
  ['Russian in small letters', ['windows-1251'], [['фио', 'телефон', 'город'], ['иванов иван', '+7 495 123-45-67', 'москва'], ['петрова анна', '8 916 123-45-67', 'тверь']]],
  ['Arabic', ['windows-1256'], [['الاسم', 'الهاتف', 'المدينة'], ['محمد أحمد', '+971 50 123 4567', 'دبي'], ['فاطمة علي', '+966 55 123 4567', 'الرياض']]],
  ['Thai', ['windows-874'], [['ชื่อ', 'โทรศัพท์', 'เมือง'], ['สมชาย ใจดี', '+66 81 234 5678', 'กรุงเทพมหานคร'], ['สมหญิง รักไทย', '+66 2 123 4567', 'เชียงใหม่']]],
  ['Lithuanian', ['windows-1257', 'iso-8859-13'], [['Vardas', 'Telefonas', 'Miestas'], ['Jonas Petraitis', '+370 5 123 4567', 'Vilnius'], ['Žydrūnas Šimkus', '+370 37 123 456', 'Kaunas'], ['Aušra Čiurlionienė', '+370 46 555 666', 'Klaipėda']]],
  ['Ukrainian', ['koi8-u', 'windows-1251'], [['ПІБ', 'Телефон', 'Місто'], ['Шевченко Тарас', '+380 44 123 4567', 'Київ'], ['Ковальчук Олена', '+380 32 765 4321', 'Львів']]],
  ['Russian', ['ibm866'], [['ФИО', 'Телефон', 'Город'], ['Иванов Иван Петрович', '+7 495 123-45-67', 'Москва'], ['Смирнова Ольга', '+7 812 765-43-21', 'Санкт-Петербург']]],
  // Windows-1258 writes most tone marks apart from their vowel (toneMarksApart): read, they are composed again.
  ['Vietnamese', ['windows-1258'], [['Họ và tên', 'Số điện thoại', 'Địa chỉ'], ['Nguyễn Văn An', '0912 345 678', 'Hà Nội'], ['Trần Thị Bình', '0987 654 321', 'Thành phố Hồ Chí Minh'], ['Lê Hoàng Cường', '0901 234 567', 'Đà Nẵng']]],
  ['Icelandic', ['windows-1252'], [['Nafn', 'Sími', 'Bær'], ['Þórður Guðmundsson', '+354 555 1234', 'Reykjavík'], ['Sigríður Jónsdóttir', '+354 555 4321', 'Akureyri']]],
  ['German', ['macintosh'], [['Name', 'Telefon', 'Ort'], ['Jürgen Müller', '+49 30 901820', 'Düsseldorf'], ['Bärbel Schäfer', '+49 89 123456', 'München']]],
  // Excel's "CSV (MS-DOS)" and "Text (MS-DOS)" write the DOS code page of the Windows they run on.
  ['German (MS-DOS)', ['cp850', 'cp437'], [['Name', 'Telefon', 'Ort'], ['Jürgen Müller', '+49 30 901820', 'Düsseldorf'], ['Bärbel Schäfer', '+49 89 123456', 'München']]],
  ['French (MS-DOS)', ['cp850', 'cp437'], [['Nom', 'Téléphone', 'Ville'], ['Françoise Dupré', '+33 1 42 68 53 00', 'Besançon'], ['Zoé Lefèvre', '+33 4 91 55 12 34', 'Nîmes']]],
  ['Danish (MS-DOS)', ['cp850'], [['Navn', 'Telefon', 'By'], ['Søren Ærø', '+45 33 12 34 56', 'Århus'], ['Åse Jørgensen', '+45 86 12 34 56', 'Køge']]],
  ['Spanish (MS-DOS)', ['cp850', 'cp437'], [['Nombre', 'Teléfono', 'Ciudad'], ['Ana Núñez', '+34 91 123 45 67', 'Cádiz'], ['José Muñoz', '+34 93 765 43 21', 'Málaga']]],
];

const CASES: Array<[encoding: string, list: keyof typeof LISTS, expected: string]> = [
  ['utf-8', 'westernEuropean', 'utf-8'],
  ['utf-8', 'simplifiedChinese', 'utf-8'],
  ['utf-16le', 'simplifiedChinese', 'utf-16le'],
  ['utf-16be', 'japanese', 'utf-16be'],
  ['gb18030', 'simplifiedChinese', 'gb18030'],
  ['gbk', 'simplifiedChinese', 'gb18030'],
  ['big5', 'traditionalChinese', 'big5'],
  ['shift_jis', 'japanese', 'shift_jis'],
  ['euc-kr', 'korean', 'euc-kr'],
  ['windows-1252', 'westernEuropean', 'windows-1252'],
  ['iso-8859-1', 'westernEuropean', 'windows-1252'],
  ['iso-8859-2', 'centralEuropean', 'iso-8859-2'],
  ['windows-1250', 'centralEuropean', 'windows-1250'],
  // Excel for Mac saves "CSV" in Mac Roman, which chardet does not know.
  ['macintosh', 'westernEuropean', 'macintosh'],
  // Excel for Windows saves "CSV (MS-DOS)" in the DOS code page: 850 in Western Europe.
  ['cp850', 'westernEuropean', 'cp850'],
  ['windows-1251', 'cyrillic', 'windows-1251'],
  ['koi8-r', 'cyrillic', 'koi8-r'],
];

function csvText(rows: string[][]): string {
  return `${rows.map((row) => row.join(',')).join('\r\n')}\r\n`;
}

/** Vietnamese as Windows-1258 writes it: a letter with its other marks (ă, ê, ơ) and its tone mark apart, after it. */
function toneMarksApart(text: string): string {
  const tone = /[\u0300\u0301\u0303\u0309\u0323]/gu;
  return [...text].map((char) => {
    const tones = char.normalize('NFD').match(tone)?.join('') ?? '';
    return tones === '' ? char : char.normalize('NFD').replace(tone, '').normalize('NFC') + tones;
  }).join('');
}

const BOMS: Record<string, number[]> = { 'utf-8': [0xef, 0xbb, 0xbf], 'utf-16le': [0xff, 0xfe], 'utf-16be': [0xfe, 0xff] };

describe('CSV encodings', () => {
  const folder = createFixtureFolder();
  after(() => folder.remove());

  for (const [encoding, list, expected] of CASES) {
    const rows = LISTS[list] as string[][];
    const variants = BOMS[encoding] ? ['without BOM', 'with BOM'] : [''];
    for (const variant of variants) {
      test(`detects ${encoding} ${variant} (${list}) and decodes it exactly`, async () => {
        const bytes = iconv.encode(csvText(rows), encoding);
        const content = variant === 'with BOM' ? Buffer.concat([Buffer.from(BOMS[encoding] ?? []), bytes]) : bytes;
        const path = folder.write(`${encoding}-${list}-${variant.replace(' ', '-')}.csv`, content);
        const result = await readWhole(path);
        assert.equal(result.encoding, expected);
        assert.deepEqual([result.headers, ...result.records.map((record) => record.values)], rows);
        assert.ok(result.records.every((record) => record.error === undefined));
      });
    }
  }

  for (const [language, encodings, rows] of SHORT_LISTS) {
    for (const encoding of encodings) {
      test(`reads a short ${language} list in ${encoding} as written`, async () => {
        const text = encoding === 'windows-1258' ? toneMarksApart(csvText(rows)) : csvText(rows);
        const path = folder.write(`short-${language}-${encoding}.csv`, iconv.encode(text, encoding));
        const result = await readWhole(path);
        assert.deepEqual([result.headers, ...result.records.map((record) => record.values)], rows, `read as ${result.encoding}`);
      });
    }
  }

  for (const encoding of ['utf-32le', 'utf-32be']) {
    for (const withBom of [true, false]) {
      test(`detects ${encoding} ${withBom ? 'with' : 'without'} BOM`, async () => {
        const rows = LISTS['centralEuropean'] as string[][];
        const bytes = iconv.encode(csvText(rows), encoding, { addBOM: withBom });
        const result = await readWhole(folder.write(`${encoding}-${withBom}.csv`, bytes));
        assert.equal(result.encoding, encoding);
        assert.deepEqual([result.headers, ...result.records.map((record) => record.values)], rows);
      });
    }
  }

  test("reads a one-line list whose bytes fit two encodings in the team country's, unless chardet is sure of another", async () => {
    // "Ayşe Yılmaz … İstanbul" in Windows-1254 is "Ayþe Yýlmaz … Ýstanbul" in Windows-1252 (Icelandic letters all);
    // 氏名 in EUC-JP is 会叹 in GB18030; a Korean list's EUC-KR bytes are kanji in EUC-JP.
    const cases: Array<[rows: string[][], encoding: string, country: string]> = [
      [[['Ad Soyad', 'Telefon', 'Şehir'], ['Ayşe Yılmaz', '+90 212 123 45 67', 'İstanbul']], 'windows-1254', 'TR'],
      [[['氏名', '電話番号', '住所'], ['山田太郎', '03-1234-5678', '東京都千代田区']], 'euc-jp', 'JP'],
      [[['姓名', '电话', '城市'], ['张三', '13800138000', '北京']], 'gbk', 'CN'],
      [[['이름', '전화번호', '도시'], ['김철수', '010-1234-5678', '서울']], 'euc-kr', 'JP'],
      // Shift_JIS read as GB18030 gives characters no standard counts as common: the country does not overrule that.
      [[['氏名', '電話番号', '住所'], ['山田太郎', '03-1234-5678', '東京都千代田区']], 'shift_jis', 'CN'],
      [LISTS['westernEuropean'] as string[][], 'windows-1252', 'TR'],
      // All in small letters and without ы, ь, э, ю or я, a Russian list reads cleanly as Hebrew too: a Russian team's is Russian.
      [[['фио', 'телефон', 'город'], ['иванов иван', '+7 495 123-45-67', 'москва'], ['петров олег', '+7 812 765-43-21', 'омск']], 'windows-1251', 'RU'],
    ];
    for (const [rows, encoding, country] of cases) {
      const path = folder.write(`country-${encoding}-${country}.csv`, iconv.encode(csvText(rows), encoding));
      const result = await readWhole(path, { country });
      assert.deepEqual([result.headers, ...result.records.map((record) => record.values)], rows, `${encoding} for ${country}, read as ${result.encoding}`);
    }
  });

  test('reads a file in ISO-2022-JP (JIS), the escapes kept across chunks, and reports bytes JIS does not allow', async () => {
    // 氏名,電話 / 山田,03-1234-5678 in JIS: escape sequences switch between ASCII and JIS X 0208.
    const jis = Buffer.from('\x1b$B;aL>\x1b(B,\x1b$BEEOC\x1b(B\r\n\x1b$B;3ED\x1b(B,03-1234-5678\r\n', 'latin1');
    const small = await readWhole(folder.write('jis.csv', jis));
    assert.equal(small.encoding, 'iso-2022-jp');
    assert.deepEqual([small.headers, ...small.records.map((record) => record.values)], [['氏名', '電話'], ['山田', '03-1234-5678']]);

    // Past the first 128 KiB chunk: a name whose two-byte codes the chunk's end cuts in the middle is read whole.
    const rows = [Buffer.from('\x1b$B;aL>\x1b(B,phone\r\n', 'latin1')];
    for (let i = 0; i < 12_000; i++) rows.push(Buffer.from(`\x1b$B;3ED\x1b(B ${i},03-1234-5678\r\n`, 'latin1'));
    const big = await readWhole(folder.write('jis-big.csv', Buffer.concat(rows)));
    assert.equal(big.records.length, 12_000);
    assert.ok(big.records.every((record, i) => record.values[0] === `山田 ${i}` && record.error === undefined));

    // A byte JIS X 0208 does not allow (0x80) fails its record, named, and not the others.
    const damaged = Buffer.concat([jis, Buffer.from('\x1b$B;3\x80\x1b(B,03-9999-0000\r\n\x1b$BEE\x1b(B,03-1111-2222\r\n', 'latin1')]);
    const read = await readWhole(folder.write('jis-damaged.csv', damaged));
    assert.match(read.records[1]?.error ?? '', /not valid iso-2022-jp/);
    assert.equal(read.records[2]?.error, undefined);
    assert.deepEqual(read.records[2]?.values, ['電', '03-1111-2222']);
  });

  test('detects the encoding from bytes far into a big file, not only its head', async () => {
    const lines = ['name,city'];
    for (let i = 0; i < 20_000; i++) lines.push(`Customer ${i},Springfield`);
    lines.push('Renée Müller,Besançon');
    const path = folder.write('late-accents.csv', iconv.encode(`${lines.join('\n')}\n`, 'windows-1252'));
    const result = await readWhole(path);
    assert.equal(result.encoding, 'windows-1252');
    assert.deepEqual(result.records[result.records.length - 1]?.values, ['Renée Müller', 'Besançon']);
  });

  test('reads the file in the encoding the user chose instead of the detected one', async () => {
    const rows = LISTS['simplifiedChinese'] as string[][];
    const path = folder.write('override.csv', iconv.encode(csvText(rows), 'gbk'));
    const detected = await previewSource(path);
    assert.equal(detected.encoding, 'gb18030');
    const chosen = await readWhole(path, { encoding: 'big5' });
    assert.equal(chosen.encoding, 'big5');
    assert.notDeepEqual(chosen.headers, rows[0]);
    const chosenRight = await readWhole(path, { encoding: 'GBK' });
    assert.equal(chosenRight.encoding, 'gbk');
    assert.deepEqual(chosenRight.headers, rows[0]);
  });

  test('refuses an encoding name it cannot read, naming what it can', async () => {
    const path = folder.write('plain.csv', 'a,b\n1,2\n');
    await expectAppError(readWhole(path, { encoding: 'klingon-8' }), 'ENCODING_INVALID', /'klingon-8' is not an encoding that can be read\. Use a name such as utf-8/);
  });

  test('reports bytes invalid in UTF-8 on the record that holds them, and reads the rest', async () => {
    const lines = ['name,city'];
    for (let i = 1; i <= 50; i++) lines.push(`Françoise ${i},Besançon`);
    const text = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
    const at = text.indexOf('Françoise 30,');
    const damaged = Buffer.concat([text.subarray(0, at + 4), Buffer.from([0xff]), text.subarray(at + 4)]);
    const path = folder.write('damaged-utf8.csv', damaged);
    for (const options of [{}, { encoding: 'utf-8' }]) {
      const result = await readWhole(path, options);
      assert.equal(result.encoding, 'utf-8');
      const failed = result.records.filter((record) => record.error !== undefined);
      assert.deepEqual(failed.map((record) => record.line), [31]);
      assert.match(failed[0]?.error ?? '', /^Line 31 contains bytes that are not valid utf-8/);
      assert.equal(result.records.filter((record) => record.values.join().includes('\uFFFD')).length, 1);
      assert.deepEqual(result.records[0]?.values, ['Françoise 1', 'Besançon']);
    }
  });

  test('reports a broken GB18030 sequence on its record when the user chose that encoding', async () => {
    const rows = LISTS['simplifiedChinese'] as string[][];
    const bytes = iconv.encode(csvText(rows), 'gb18030');
    const at = bytes.indexOf(iconv.encode('张伟', 'gb18030'));
    const damaged = Buffer.concat([bytes.subarray(0, at), Buffer.from([0x81, 0x2c]), bytes.subarray(at)]);
    const result = await readWhole(folder.write('damaged-gb.csv', damaged), { encoding: 'gb18030' });
    assert.deepEqual(result.records.filter((record) => record.error !== undefined).map((record) => record.line), [4]);
    assert.deepEqual(result.records[4]?.values, rows[5]);
  });
});
