/**
 * The case forms and suffix chains a name takes in each language of the fact base, written from each language's
 * grammar (not from the evaluation pages), checked with the project's alias index and rules: every form must be
 * marked, whole, as its entity. A person is written in full (a bare surname needs evidence, which other tests cover);
 * a name that counts only near another (`near`) stands beside an unambiguous one.
 */
import { describe, expect, it } from 'vitest';
import { page } from './project-matcher';

/** Each form, alone in a sentence (with `company`, another text of the page), must be marked whole as `entity`. */
function expectMarked(entity: string, forms: readonly string[], company?: string) {
  const missed = forms.filter((form) => {
    const texts = company ? [`${form}.`, company] : [`${form}.`];
    return !page(...texts).some(([words, id]) => words === form && id === entity);
  });
  expect(missed, `${entity}: forms not marked`).toEqual([]);
}

describe('Kazakh in the Latin alphabet: vowel harmony and the consonant after the stem pick each ending', () => {
  it('after a back vowel, a nasal, a voiceless consonant, a sonorant and a neutral vowel', () => {
    expectMarked('astana', ['Astananyñ', 'Astanağa', 'Astanada', 'Astanadan', 'Astanany', 'Astanamen', 'Astanadağy']);
    expectMarked('kazakhstan', ['Qazaqstannyñ', 'Qazaqstanğa', 'Qazaqstanda', 'Qazaqstannan', 'Qazaqstandy']);
    expectMarked('bishkek', ['Bişkektıñ', 'Bişkekke', 'Bişkekte', 'Bişkekten', 'Bişkektı', 'Bişkekpen', 'Bişkektegı']);
    expectMarked('mugodzhar-range', ['Mūğaljardyñ', 'Mūğaljarğa', 'Mūğaljarda', 'Mūğaljardan', 'Mūğaljarmen']);
    expectMarked('tbilisi', ['Tbilisiniñ', 'Tbilisige', 'Tbiliside', 'Tbilisiden', 'Tbilisini']);
  });
  it('a possessive name (Kaspi teñızı) takes n before its case; "our" takes its own cases', () => {
    expectMarked('caspian-sea', ['Kaspi teñızınıñ', 'Kaspi teñızıne', 'Kaspi teñızınde', 'Kaspi teñızınen']);
    expectMarked('kazakhstan', ['Qazaqstanymyz', 'Qazaqstanymyzdyñ', 'Qazaqstanymyzğa', 'Qazaqstanymyzda']);
  });
  it('the 2018 alphabet with acute accents (ý for у, sh for ш) is read as well as the 2021 one', () => {
    expectMarked('europe', ['Eýropada', 'Eýropanyń', 'Eýropaǵa'], 'Qazaqstan');
    expectMarked('bishkek', ['Bishkekte', 'Bishkektiń']);
    expectMarked('middle-east', ['Taıaý Shyǵysta', 'Taıaý Shyǵystyń']);
  });
});

describe('Kazakh and Kyrgyz in Cyrillic', () => {
  it('Kazakh "our" and "like", and the possessive of a name with its cases', () => {
    expectMarked('kazakhstan', ['Қазақстанымыз', 'Қазақстанымыздың', 'Қазақстанымызға', 'Қазақстандай']);
    expectMarked('kazakhstan', ['Қазақстан Республикасына', 'Қазақстан Республикасында', 'Қазақстан Республикасының']);
  });
  it('Kyrgyz four-way harmony after every kind of stem, and "our" with its cases', () => {
    expectMarked('kazakhstan', ['Казакстандын', 'Казакстанга', 'Казакстанда', 'Казакстандан', 'Казакстандагы']);
    expectMarked('turkiye', ['Түркиянын', 'Түркияга', 'Түркияда', 'Түркиядан', 'Түркияны', 'Түркиядагы']);
    expectMarked('tian-shan', ['Теңир-Тоонун', 'Теңир-Тоого', 'Теңир-Тоодо', 'Теңир-Тоодон', 'Теңир-Тоодогу']);
    expectMarked('turkic-world', ['Түрк дүйнөсүнүн', 'Түрк дүйнөсүнө', 'Түрк дүйнөсүндө', 'Түрк дүйнөсүндөгү']);
    expectMarked('sadyr-japarov', ['Садыр Жапаровдун', 'Садыр Жапаровго', 'Садыр Жапаровду', 'Садыр Жапаровдон']);
    expectMarked('kyrgyzstan', ['Кыргызстаныбыз', 'Кыргызстаныбыздын', 'Кыргызстаныбызга', 'Кыргызстандай']);
  });
});

describe('Turkmen', () => {
  it('a final e or i becomes ä in the dative, a voiceless consonant voices before a vowel', () => {
    expectMarked('turkiye', ['Türkiýäniň', 'Türkiýä', 'Türkiýede', 'Türkiýeden', 'Türkiýäni', 'Türkiýedäki']);
    expectMarked('tbilisi', ['Tbilisiniň', 'Tbilisä', 'Tbiliside', 'Tbilisiden', 'Tbilisini', 'Tbilisidäki']);
    expectMarked('ashgabat', ['Aşgabadyň', 'Aşgabada', 'Aşgabatda', 'Aşgabatdan', 'Aşgabady', 'Aşgabatdaky']);
    expectMarked('bishkek', ['Bişkegiň', 'Bişkege', 'Bişkekde', 'Bişkekden', 'Bişkegi', 'Bişkekdäki']);
  });
  it('after a rounded vowel in a longer word the suffix is written with y or i', () => {
    expectMarked('istanbul', ['Stambulyň', 'Stambuly', 'Stambula', 'Stambulda']);
  });
  it('-daky/-däki "in" takes the plural, "those in"', () => {
    expectMarked('ashgabat', ['Aşgabatdakylar', 'Aşgabatdaky']);
    expectMarked('turkiye', ['Türkiýedäkiler', 'Türkiýedäki']);
  });
  it('a possessive name takes n before its case; "our" takes its cases', () => {
    expectMarked('caspian-sea', ['Hazar deňziniň', 'Hazar deňzine', 'Hazar deňzinde', 'Hazar deňzindäki']);
    expectMarked('turkmenistan', ['Türkmenistanymyz', 'Türkmenistanymyzyň', 'Türkmenistanymyza', 'Türkmenistanymyzda']);
  });
});

describe('Turkish and Azerbaijani suffix chains', () => {
  it('Turkish: n after a possessive, "the ones in", "the one of", "our" with its cases', () => {
    expectMarked('caspian-sea', ["Hazar Denizi'ndeki", 'Hazar Denizindeki', "Hazar Denizi'nden"]);
    expectMarked('georgia', ["Gürcistan'dakiler", "Gürcistan'ın", "Gürcistan'la"]);
    expectMarked('turkiye', ["Türkiye'ninki", 'Türkiyemiz', 'Türkiyemizin', 'Türkiyemize', 'Türkiyemizde']);
    expectMarked('bishkek', ["Bişkek'te", "Bişkek'ten", 'Bişkekte', "Bişkek'teki"]);
  });
  it('Azerbaijani: buffer letters after a vowel, "our" with its cases, "the ones in"', () => {
    expectMarked('baku', ['Bakının', 'Bakıya', 'Bakıda', 'Bakıdan', 'Bakını', 'Bakıyla', 'Bakıdakı', 'Bakıdır']);
    expectMarked('azerbaijan', ['Azərbaycanımız', 'Azərbaycanımızın', 'Azərbaycanımıza', 'Azərbaycanımızda']);
    expectMarked('azerbaijan', ['Azərbaycandakılar', 'Azərbaycanınkı']);
    expectMarked('shusha', ['Şuşamız', 'Şuşamızın', 'Şuşamıza', 'Şuşanın', 'Şuşaya'], 'Azərbaycan');
    expectMarked('caspian-sea', ['Xəzər dənizinin', 'Xəzər dənizinə', 'Xəzər dənizində', 'Xəzər dənizindəki']);
  });
  it('Azerbaijani "up to": the dative and an invariant -dək, after a vowel (with y) and a consonant', () => {
    expectMarked('baku', ['Bakıyadək']);
    expectMarked('moscow', ['Moskvayadək']);
    expectMarked('tashkent', ['Daşkəndədək']);
    expectMarked('shusha', ['Şuşayadək'], 'Azərbaycan');
    // -dək follows the dative only: "Bakıdək" is no form of Baku.
    expect(page('Bakıdək.')).toEqual([]);
  });
});

describe('a derived word is not the name', () => {
  it('a language named after its country (Turkish -CA) is not the country', () => {
    expect(page('Toplantıda Çince ve Rusça konuşuldu.')).toEqual([]);
    expect(page('Qonaqlar Azərbaycanca danışırdı.')).toEqual([]);
  });
});

describe('Uzbek: the cases after "our", in both alphabets', () => {
  it('Latin and Cyrillic', () => {
    expectMarked('uzbekistan', ['Oʻzbekistonimiz', 'Oʻzbekistonimizning', 'Oʻzbekistonimizga', 'Oʻzbekistonimizda']);
    expectMarked('uzbekistan', ['Ўзбекистонимиз', 'Ўзбекистонимизнинг', 'Ўзбекистонимизда', 'Ўзбекистондаги']);
    expectMarked('turkiye', ['Turkiyamiz', 'Turkiyaning', 'Turkiyadagi']);
  });
  it('"up to" (-gacha) and the dative, with k after k and q after q; "those in" (-dagilar)', () => {
    expectMarked('tashkent', ['Toshkentgacha', 'Toshkentga', 'Toshkentdagilar', 'TOSHKENTDAGILAR']);
    expectMarked('tashkent', ['Тошкентгача', 'Тошкентдагилар']);
    expectMarked('bishkek', ['Bishkekkacha', 'Bishkekka', 'Бишкеккача']);
    expectMarked('iraq', ['Iroqqacha', 'Iroqqa', 'Ироққача']);
    expectMarked('turkiye', ['Turkiyagacha', 'Туркиягача']);
    // A demonym is another word (Toshkentlik, a person from Tashkent), and -gacha alone is no name.
    expect(page('Toshkentlik mehmonlar keldi.')).toEqual([]);
  });
});

describe('Georgian', () => {
  it('the cases and postpositions after a vowel stem and after a dropped ი, with the long dative', () => {
    expectMarked('georgia', ['საქართველომ', 'საქართველოს', 'საქართველოდ', 'საქართველოში', 'საქართველოსთან']);
    expectMarked('russia', ['რუსეთმა', 'რუსეთის', 'რუსეთით', 'რუსეთად', 'რუსეთიდან', 'რუსეთამდე', 'რუსეთსა']);
  });
  it('the particle -ც "also" after any form, with ა after a consonant', () => {
    expectMarked('georgia', ['საქართველოც', 'საქართველომაც', 'საქართველოშიც', 'საქართველოსაც']);
    expectMarked('russia', ['რუსეთიც', 'რუსეთმაც', 'რუსეთსაც', 'რუსეთშიც']);
    expectMarked('putin', ['ვლადიმერ პუტინმაც']);
  });
  it('an adjective agrees with its noun: no ი in the dative and adverbial, -მა in the ergative', () => {
    expectMarked('black-sea', ['შავ ზღვაში', 'შავ ზღვას', 'შავმა ზღვამ', 'შავ ზღვამდე', 'შავი ზღვის', 'შავი ზღვიდან']);
    expectMarked('central-asia', ['ცენტრალურ აზიაში', 'ცენტრალურ აზიასთან', 'ცენტრალური აზიის']);
    expectMarked('karabakh', ['მთიან ყარაბაღში', 'მთიან ყარაბაღს', 'მთიანი ყარაბაღის']);
  });
});

describe('Armenian', () => {
  it('after a consonant, after a vowel (with յ), and a final ու that is վ before a vowel', () => {
    expectMarked('armenia', ['Հայաստանը', 'Հայաստանի', 'Հայաստանին', 'Հայաստանում', 'Հայաստանից', 'Հայաստանով']);
    expectMarked('moscow', ['Մոսկվան', 'Մոսկվայի', 'Մոսկվային', 'Մոսկվայում', 'Մոսկվայից', 'Մոսկվայով']);
    expectMarked('baku', ['Բաքուն', 'Բաքվի', 'Բաքվին', 'Բաքվում', 'Բաքվից', 'Բաքվով']);
    expectMarked('ottoman-empire', ['Օսմանյան կայսրության', 'Օսմանյան կայսրությունում', 'Օսմանյան կայսրությամբ']);
  });
});

describe('Russian', () => {
  it("a man's name in -ь, and a name of two parts joined by a hyphen that both decline", () => {
    expectMarked('ataturk', ['Мустафы Кемаля', 'Мустафе Кемалю', 'Мустафой Кемалем', 'Мустафе Кемале']);
    expectMarked('enver-pasha', ['Энвера-паши', 'Энверу-паше', 'Энвером-пашой']);
  });
  it('a noun in -ь of either gender, and an adjective with a soft ending', () => {
    expectMarked('israel', ['Израиля', 'Израилю', 'Израилем', 'Израиле']);
    expectMarked('turkic-common-market', ['тюркского общего рынка', 'тюркскому общему рынку', 'тюркском общем рынке']);
  });
  it('a name in the plural: every case, the genitive with the ending its stem takes', () => {
    expectMarked('bolsheviks', ['большевиков', 'большевикам', 'большевиками', 'большевиках']);
    expectMarked('young-turks', ['младотурок', 'младотуркам', 'младотурками', 'младотурках']);
    expectMarked('kazan-tatars', ['казанских татар', 'казанским татарам', 'казанскими татарами', 'казанских татарах']);
  });
  it('a singular name does not take plural endings, nor a capitalised name in -и that does not decline', () => {
    expect(page('Тбилисов.')).toEqual([]);
    expect(page('Бакуов.')).toEqual([]);
  });
});

describe('a port named with its port word, in any case', () => {
  it('the port word in its case forms in each language', () => {
    expectMarked('aktau-port', ['Aktau limanına', "Aktau Limanı'ndan", 'Aktau limanında'], "Kazakistan'ın");
    expect(page('Тасымал Ақтау портына жетті.')).toContainEqual(['Ақтау', 'aktau-port']);
    expect(page('Tasymal Aqtaý portyna jetti.')).toContainEqual(['Aqtaý', 'aktau-port']);
    expect(page('Танкер вышел из порта Актау.')).toContainEqual(['Актау', 'aktau-port']);
    expect(page('Նավթը Ջեյհանի նավահանգստում է։')).toContainEqual(['Ջեյհանի', 'port-of-ceyhan']);
    expect(page('ნავთობი ჯეიჰანის პორტამდე მიდის.')).toContainEqual(['ჯეიჰანის', 'port-of-ceyhan']);
  });
  it('without a port word in its clause the town is not the port', () => {
    expect(page('Ջեյհան քաղաքում անձրև է։').map(([, id]) => id)).not.toContain('port-of-ceyhan');
    expect(page('Aqtaý qalasynda jañbyr jaudy.').map(([, id]) => id)).not.toContain('aktau-port');
  });
});

describe('"those in" a place: the locative adjective in the plural, in each Turkic language that writes it solid', () => {
  it('Uzbek -dagilar, Kazakh -дағылар, Kyrgyz -дагылар, Turkmen -dakylar, in any case the line is typed in', () => {
    expectMarked('tashkent', ['Toshkentdagilar', 'Тошкентдагилар', 'TOSHKENTDAGILAR']);
    expectMarked('samarkand', ['Samarqanddagilar']);
    expectMarked('astana', ['Астанадағылар', 'Astanadağylar']);
    expectMarked('shymkent', ['Шымкенттегілер']);
    expectMarked('bishkek', ['Бишкектегилер']);
    expectMarked('ashgabat', ['Aşgabatdakylar']);
  });
  it('not when the word goes on past the ending, nor on a word that is no name', () => {
    expect(page('Toshkentdagilarcha gapirdi.')).toEqual([]);
    expect(page('Qishloqdagilar bilmaydi.')).toEqual([]);
  });
});

describe('Turkish Bakü, labelled Turkish: its suffixes after an apostrophe, written solid, or typed without ü', () => {
  it('takes the front-vowel endings of ü in each spelling', () => {
    expectMarked('baku', ["Bakü'ye", 'Baküye', 'Bakünün', 'Bakü’deki', 'Bakuye', 'Bakude', 'Bakuden', 'Bakunun']);
  });
  it('in a comment typed in lowercase with another name near, and never in a handle', () => {
    expect(page('mehmet_k · 2 saat önce: bakuden yeni dondum. tiflise de gittik, harika')).toEqual([
      ['bakuden', 'baku'],
      ['tiflise', 'tbilisi'],
    ]);
    expect(page('@baku_girl · 1 saat önce: tesekkurler, cok guzel yazi. herkes okusun bence')).toEqual([]);
  });
});
