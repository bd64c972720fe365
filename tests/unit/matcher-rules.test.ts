/**
 * Morphology by rule and disambiguation beyond `near`, with the project's alias index and rules
 * (data/matching-rules.json). Sentences here are written for these tests, not taken from the evaluation set.
 */
import { describe, expect, it } from 'vitest';
import type { AliasIndex } from '../../lib/factbase/types';
import type { MatchingRules } from '../../lib/factbase/matching-rules';
import { ids, index, matcher, page, rules } from './project-matcher';
import { newPageContext } from '../../lib/matcher/index';
import { compilePatterns, precompileForms } from '../../lib/matcher/patterns';

/** Working out every alias's forms takes a second or more on a loaded machine; these tests do it on purpose. */
const SLOW_MS = 60_000;

describe('precompiled forms (facts:build)', { timeout: SLOW_MS }, () => {
  it('are what the rules give today: facts:build was run after the last change to the morphology', () => {
    expect(rules.forms).toEqual(precompileForms(index, rules));
  });
  it('give the same patterns as working the forms out at build time', () => {
    const strip = (ps: ReturnType<typeof compilePatterns>) =>
      ps.map((p) => ({ text: p.text, alias: p.alias, endings: p.endings?.list ?? null }));
    expect(strip(compilePatterns(index, rules))).toEqual(strip(compilePatterns(index, { ...rules, forms: undefined })));
  });
  it('are ignored for an alias they were not made for', () => {
    // An alias whose stem is shorter than it (Россия → росси-), changed: its table entry no longer fits.
    const j = index.aliases.findIndex(([text]) => text === 'Россия');
    const other: AliasIndex = {
      ...index,
      aliases: index.aliases.map((a, i) => (i === j ? ['Россиян', a[1], a[2]] : a)),
    };
    const pick = (r: MatchingRules) => compilePatterns(other, r).find((p) => p.alias === j)!;
    expect(pick(rules).endings?.list).toEqual(pick({ ...rules, forms: undefined }).endings?.list);
    expect(pick(rules).text).not.toBe(compilePatterns(index, rules).find((p) => p.alias === j)!.text);
  });
});

describe('evidence for the card, and namesakes the page does not tell apart', () => {
  const notes = (...texts: string[]) =>
    matcher
      .findInPage(texts, newPageContext())
      .flat()
      .map((m) => ({ id: index.entities[m.entity]![0], why: m.why, or: m.or?.map((e) => index.entities[e]![0]) }));
  it('names the evidence in the page’s own words', () => {
    expect(notes('Cumhurbaşkanı Erdoğan konuştu.')).toEqual([
      { id: 'erdogan', why: 'after “Cumhurbaşkanı”', or: undefined },
    ]);
    expect(notes('Ilham Aliyev spoke.', 'Later Aliyev left.')[1]).toEqual({
      id: 'ilham-aliyev',
      why: 'named in full earlier on the page',
      or: undefined,
    });
  });
  it('offers both namesakes when only a title both held names them, and one when the page named him', () => {
    expect(notes('President Aliyev said.')).toEqual([
      { id: 'ilham-aliyev', why: 'after “President”', or: ['heydar-aliyev'] },
    ]);
    expect(notes('Prezident Berdimuhamedow çykyş etdi.')).toEqual([
      { id: 'serdar-berdimuhamedov', why: 'after “Prezident”', or: ['gurbanguly-berdimuhamedov'] },
    ]);
    expect(notes('Heydar Aliyev signed it in 1994.', 'President Aliyev said.')[1]).toEqual({
      id: 'heydar-aliyev',
      why: 'named in full earlier on the page',
      or: undefined,
    });
  });
  it('offers both when the page named both in full before a bare surname: the last named is only likelier', () => {
    const page = [
      'President Serdar Berdimuhamedov took the salute beside his father, Gurbanguly Berdimuhamedov.',
      'Berdimuhamedov then said gas exports would double.',
    ];
    expect(notes(...page)[2]).toEqual({
      id: 'gurbanguly-berdimuhamedov',
      why: 'named in full earlier on the page',
      or: ['serdar-berdimuhamedov'],
    });
    // Across batches too: the page context remembers who was named in full.
    const context = newPageContext();
    matcher.findInPage(['Ilham Aliyev laid flowers at the grave of Heydar Aliyev.'], context);
    const [later] = matcher.findInPage(['Aliyev later met the press.'], context)[0]!;
    expect(later).toMatchObject({ why: 'named in full earlier on the page', or: [expect.any(Number)] });
  });
});

describe('namesakes told apart by the page’s date', () => {
  const dated = (date: string | undefined, ...texts: string[]) =>
    matcher
      .findInPage(texts, { ...newPageContext(), ...(date ? { date } : {}) })
      .flat()
      .map((m) => ({ id: index.entities[m.entity]![0], why: m.why, or: m.or?.map((e) => index.entities[e]![0]) }));
  it('gives a title both held to the one in office in the page’s year', () => {
    expect(dated('1998-05-14', 'President Aliyev signed the contract.')).toEqual([
      { id: 'heydar-aliyev', why: 'in office in 1998, the page’s date', or: undefined },
    ]);
    expect(dated('2024-02-08', 'Президент Алиев подписал указ.')).toEqual([
      { id: 'ilham-aliyev', why: 'in office in 2024, the page’s date', or: undefined },
    ]);
    expect(dated('2015-10-01', 'Prezident Berdimuhamedow çykyş etdi.')).toEqual([
      { id: 'gurbanguly-berdimuhamedov', why: 'in office in 2015, the page’s date', or: undefined },
    ]);
  });
  it('does not let the date pick for a bare surname after both were named in full: the card offers both', () => {
    // Who held the office in 2025 says nothing of whom "Berdimuhamedov" means here ("the elder Berdimuhamedov" is
    // the father on a page dated in the son's term): the one named last is offered first, with the other.
    const page = [
      'President Serdar Berdimuhamedov took the salute beside his father, Gurbanguly Berdimuhamedov.',
      'Berdimuhamedov then said gas exports would double.',
    ];
    expect(dated('2025-12-12', ...page)[2]).toEqual({
      id: 'gurbanguly-berdimuhamedov',
      why: 'named in full earlier on the page',
      or: ['serdar-berdimuhamedov'],
    });
  });
  it('still offers both when the page has no date, or both held the office that year', () => {
    const both = { id: 'ilham-aliyev', why: 'after “President”', or: ['heydar-aliyev'] };
    expect(dated(undefined, 'President Aliyev said.')).toEqual([both]);
    expect(dated('2003-06-01', 'President Aliyev said.')).toEqual([both]);
  });
  it('lets the page’s own evidence decide before its date', () => {
    expect(dated('2024-02-08', 'Heydar Aliyev signed it in 1994.', 'President Aliyev said.')[1]).toMatchObject({
      id: 'heydar-aliyev',
      why: 'named in full earlier on the page',
    });
  });
});

describe('morphology by rule', () => {
  it('declines every word of a Russian name, adjectives agreeing with the noun', () => {
    expect(page('поставки по Южному газовому коридору и Каспийскому трубопроводному консорциуму')).toEqual([
      ['Южному газовому коридору', 'southern-gas-corridor'],
      ['Каспийскому трубопроводному консорциуму', 'cpc'],
    ]);
    expect(ids('в Шанхайской организации сотрудничества')).toEqual(['sco']);
  });
  it('declines every part of a Russian personal name', () => {
    expect(page('встреча с Ильхамом Алиевым')).toEqual([['Ильхамом Алиевым', 'ilham-aliyev']]);
  });
  it('adds Turkish and Azerbaijani suffixes by vowel harmony, with or without an apostrophe', () => {
    expect(ids('Azerbaycan’dan ve Azerbaycandan')).toEqual(['azerbaijan', 'azerbaijan']);
    expect(ids('Bakıya, Bakıdan, Bakının')).toEqual(['baku', 'baku', 'baku']);
    // front harmony: Əliyevə is the dative; Əliyeva (back vowel) is not a form of the name
    expect(ids('Prezident İlham Əliyevə', 'Əliyeva')).toEqual(['ilham-aliyev']);
  });
  it('adds Kazakh and Kyrgyz case endings', () => {
    expect(ids('Қазақстанның', 'Кыргызстандын')).toEqual(['kazakhstan', 'kyrgyzstan']);
  });
  it('rounds the Kyrgyz low vowel after о, ө and ү, not after у', () => {
    // dative and locative after the possessive: уюм-у-на (у: а), өрөөн-ү-нө (ү: ө), коридор-го (о: о)
    expect(ids('Шанхай кызматташтык уюмуна кошулду.', 'Фергана өрөөнүнө жол', 'Орто коридорго')).toEqual([
      'sco',
      'ferghana-valley',
      'middle-corridor',
    ]);
    expect(ids('Шанхай кызматташтык уюмуно')).toEqual([]);
  });
  it('reads every Uzbek apostrophe the same', () => {
    for (const form of ['Oʻzbekistonda', 'O‘zbekistonda', "O'zbekistonda", 'O`zbekistonda', 'O’zbekistonda'])
      expect(ids(form), form).toEqual(['uzbekistan']);
  });
  it('takes Armenian case endings and the article, Georgian endings', () => {
    expect(ids('Հայաստանում', 'Թուրքիայի', 'საქართველოში', 'თურქეთის')).toEqual([
      'armenia',
      'turkiye',
      'georgia',
      'turkiye',
    ]);
  });
  it('changes Armenian and Georgian stems inside the word by rule', () => {
    // Armenian ու → վ before a vowel, -ություն → -ությ- in the instrumental; Georgian syncope (დერეფანი → დერეფნ-).
    expect(ids('Պատվիրակությունը Բաքվից մեկնեց։')).toEqual(['baku']);
    expect(ids('Եվրոպական միությամբ համաձայնագիր')).toEqual(['european-union']);
    expect(ids('ტვირთი შუა დერეფნიდან გადის.')).toEqual(['middle-corridor']);
    // Armenian -գիր → -գր- before a vowel: a treaty's or declaration's name in the genitive and instrumental.
    expect(ids('Սևրի պայմանագրի տարելիցը', 'Շուշիի հռչակագրով')).toEqual(['treaty-of-sevres', 'shusha-declaration']);
  });
  it('treats a hyphen, a space or nothing inside a compound alike', () => {
    expect(ids('Nagorno Karabakh', 'Nagorno-Karabakh', 'Şahdəniz')).toEqual(['karabakh', 'karabakh', 'shah-deniz']);
  });
});

describe('disambiguation', () => {
  it('gives a surname after another given name to someone else, and the bare surname after it too', () => {
    expect(ids('Forward Rustam Aliyev scored twice. Aliyev has now scored nine goals.')).toEqual([]);
  });
  it('takes a given name that opens a sentence for someone else’s, unless the page writes that word in lowercase', () => {
    // "Rustam" opens the sentence, further down the page than the president's name: it is a given name, so neither
    // "Rustam Aliyev" nor the bare "Aliyev" after it is the president.
    const match = 'The home side pressed from the first whistle and the visitors rarely left their own half. '.repeat(
      6,
    );
    expect(
      ids('President Ilham Aliyev opened the stadium.', match, 'Rustam Aliyev scored twice. Aliyev now leads.'),
    ).toEqual(['ilham-aliyev']);
    // "Then" is an ordinary word where the page writes "then" too, and "Later" one where the president was named a
    // sentence before: the bare surname after either is still the president.
    expect(ids('Ilham Aliyev arrived and then spoke.', match, 'Then Aliyev left.')).toEqual([
      'ilham-aliyev',
      'ilham-aliyev',
    ]);
    expect(ids('Ilham Aliyev spoke.', 'Later Aliyev left.')).toEqual(['ilham-aliyev', 'ilham-aliyev']);
  });
  it('reads a title before a name of ours before the surname ("Президент Азербайджана Алиев")', () => {
    expect(page('Президент Туркменистана Бердымухамедов открыл порт.')).toEqual([
      ['Туркменистана', 'turkmenistan'],
      ['Бердымухамедов', 'serdar-berdimuhamedov'],
    ]);
  });
  it('does not take the Tatars of Kazan or Crimea, or their politics, for Ersin Tatar', () => {
    const tatar = (...texts: string[]) => page(...texts).filter(([, id]) => id === 'ersin-tatar');
    // Both in one batch, as a long document arrives: the one Tatar named in full must not claim the others.
    expect(
      tatar(
        'The revival began among the Kazan Tatars, and Tatar political influence was resisted. Crimean Tatar leaders agreed.',
        'Years later the president of the Turkish Republic of Northern Cyprus, Ersin Tatar, visited Baku.',
        'Mr. Tatar, the Turkish Cypriot leader, met the press in Baku; the Tatar community of Crimea sent a letter.',
      ),
    ).toEqual([
      ['Ersin Tatar', 'ersin-tatar'],
      ['Tatar', 'ersin-tatar'],
    ]);
  });
  it('needs evidence for a bare surname: a full mention or a title', () => {
    expect(ids('Aliyev met the delegation.')).toEqual([]);
    expect(ids('President Ilham Aliyev arrived.', 'Aliyev met the delegation.')).toEqual([
      'ilham-aliyev',
      'ilham-aliyev',
    ]);
  });
  it('tells two people of one surname apart by the last full mention, and offers neither without one', () => {
    expect(ids('Heydar Aliyev founded the party. Aliyev died in 2003.')).toEqual(['heydar-aliyev', 'heydar-aliyev']);
    expect(ids('Two leaders named Berdimuhamedov')).toEqual([]);
  });
  it('needs specific evidence for an alias that is also a common word or a company', () => {
    expect(ids('Bayraktar drones flew over the border.')).toEqual(['bayraktar-tb2']);
    expect(ids('Minister Alparslan Bayraktar spoke. Bayraktar said gas prices would fall.')).toEqual([
      'alparslan-bayraktar',
      'alparslan-bayraktar',
    ]);
  });
  it('drops a name that means a club or an agency close by', () => {
    expect(ids('Qarabağ FK won 3-0 in Baku.')).toEqual(['baku']);
  });
  it('drops a name after a word that makes it something else', () => {
    expect(ids('East Turkestan and Kazakhstan')).toEqual(['kazakhstan']);
  });
  it('drops a name before a word that makes it something else: a drone family’s name before another model’s', () => {
    expect(ids('Bayraktar TB3 ve Bayraktar Kızılelma drone ihracatını artırdı.')).toEqual([]);
    expect(ids('Байрактар Кызылэлма — новый беспилотник.')).toEqual([]);
    // The family's name alone, with the evidence a drone needs, is still the TB2.
    expect(ids('Bayraktar drones and the Bayraktar were seen over the UAV base.')).toEqual([
      'bayraktar-tb2',
      'bayraktar-tb2',
    ]);
  });
  it('reads a common given name before a surname as someone else’s, even right after the person was named', () => {
    // The caption opens with the wife's name just after the president's full name.
    expect(
      ids('Recep Tayyip Erdoğan konuştu.', 'Emine Erdoğan, dün İstanbul’da bir kooperatifi ziyaret etti.'),
    ).toEqual(['erdogan', 'istanbul']);
    // An ordinary word opening the sentence still reads as one.
    expect(ids('İlham Əliyev qonaqları qəbul edib. Görüşdə Əliyev bildirib ki, yol açıqdır.')).toEqual([
      'ilham-aliyev',
      'ilham-aliyev',
    ]);
  });
  it('reads a name that is also a surname as a namesake’s after a common given name, but not a place’s', () => {
    // An idea's and a drone's names as people's surnames: a byline, the maker's family.
    expect(ids('Zeynep Turan yeni kitabını Ankara’da tanıttı.')).toEqual(['ankara']);
    expect(ids('Haluk Bayraktar fuarda drone satışlarını anlattı.')).toEqual([]);
    // A place after a given name is someone in that place; a name of ours before is not a given name.
    expect(ids('Ayşe Bakü’ye gitti, Ankara’dan döndü.')).toEqual(['baku', 'ankara']);
    expect(ids('Cumhurbaşkanı Erdoğan Baykar’ı ziyaret etti.')).toEqual(['erdogan', 'baykar']);
    // A name of ours that is also a given name, before a surname: the city's old name written solid.
    expect(ids('Ильхам Алиев прибыл в Москву. Борец Нурсултан Алиев победил.')).toEqual(['ilham-aliyev', 'moscow']);
  });
  it('drops a person’s name that names a thing named after them, in any language', () => {
    // Full names and bare surnames, the "named after" word after the name or before it, and inflected names.
    expect(ids('We landed at Heydar Aliyev International Airport and drove to Baku.')).toEqual(['baku']);
    expect(ids('Qonaqları Heydər Əliyev adına Beynəlxalq Aeroportda qarşıladılar.')).toEqual([]);
    expect(ids('Рейсы из аэропорта имени Гейдара Алиева задерживаются.')).toEqual([]);
    expect(ids('Nursultan Nazarbayev founded Nazarbayev University in Astana.')).toEqual(['nazarbayev', 'astana']);
    expect(ids('Islom Karimov nomidagi universitet yangi bino ochdi.')).toEqual([]);
    // A word of the list in lowercase that only heads a proper name (the reader is at the airport) leaves the person.
    expect(ids('Recep Tayyip Erdoğan havalimanında konuştu.')).toEqual(['erdogan']);
    // Punctuation between the name and the word: the sentence goes on to something else.
    expect(ids('We met Ilham Aliyev. Airport workers were on strike.')).toEqual(['ilham-aliyev']);
  });
  it('drops a city’s name that names the region or university named after it, or a quoted club or cinema', () => {
    expect(ids('Samarqand viloyatida yangi mehmonxonalar ochildi. Samarqandda esa sammit boʻldi.')).toEqual([
      'samarkand',
    ]);
    expect(ids('Baku State University opened a new faculty in Baku.')).toEqual(['baku']);
    expect(ids('Кинотеатр «Москва» закрыт на ремонт. В Москве шёл дождь.')).toEqual(['moscow']);
    expect(ids('«Dinamo Tbilisi» — «Torpedo Kutaisi» 2:1')).toEqual([]);
    // A quoted sentence is not a name: its city is the city.
    expect(ids('Erdoğan: "Bakü bizim de başkentimiz" dedi.')).toEqual(['baku']);
  });
  it('drops a city’s name before “international” only as written or in a genitive, not inflected otherwise', () => {
    // The airport or the fair named after the city; an international event held in it.
    expect(ids('Aşgabat halkara howa menzilinde uçar gondy. Aşgabatda halkara sergi açyldy.')).toEqual(['ashgabat']);
    expect(ids('Samarqand xalqaro turizm markazi ochildi. Samarqandda xalqaro anjuman boʻldi.')).toEqual(['samarkand']);
    expect(ids('Ankara Uluslararası Fuarı açıldı; Ankara’da Uluslararası Konferans sürüyor.')).toEqual(['ankara']);
    // Georgian puts the city in the genitive before its university; a state visit in Baku is in Baku.
    expect(ids('ბაქოს სახელმწიფო უნივერსიტეტი. ბაქოში სახელმწიფო ვიზიტი.')).toEqual(['baku']);
  });
  it('drops a country’s name that names its airline, railway or race, or a quoted ship or hotel', () => {
    expect(ids('Azerbaijan Airlines adds flights; the Azerbaijan Grand Prix stays in September.')).toEqual([]);
    expect(ids('Паром «Азербайджан» сел на мель у берегов Туркменистана.')).toEqual(['turkmenistan']);
    expect(ids('Qazaqstan Temır Joly jaña vagondar satyp aldy.')).toEqual([]);
    // The state words after a city's name are a country's own: a state visit. The state oil fund's own name, in
    // capitals, is a longer name (longer-name.ts); "airlines" in lowercase heads none.
    expect(ids('Shavkat Mirziyoyev Turkiyaga davlat tashrifi bilan bordi.')).toContain('turkiye');
    expect(ids('Azerbaijan State Oil Fund and Azerbaijan airlines staff.')).toEqual(['azerbaijan']);
  });
  it('follows an acronym the page spells out as something else', () => {
    expect(ids('The Communist Party of China (CPC) met in Tashkent. The CPC said nothing.')).toEqual([
      'china',
      'tashkent',
    ]);
    expect(ids('The Caspian Pipeline Consortium (CPC) carries Kazakh oil; the CPC said.')).toEqual([
      'cpc',
      'cpc',
      'cpc',
    ]);
  });
  it('reads an ending written solid onto an acronym, in lowercase, and an expansion in quotation marks', () => {
    expect(ids('Toshkentda MDHning sammiti boʻldi.')).toEqual(['tashkent', 'cis']);
    expect(ids('ТМУнун саммити Бишкекте өттү.')).toEqual(['ots', 'bishkek']);
    // Capitals after the acronym are more letters of another word, not an ending.
    expect(ids('Toshkentda MDHLAR yigʻildi.')).toEqual(['tashkent']);
    expect(ids('Anlaşma “Trans-Anadolu Doğal Gaz Boru Hattı” (TANAP) için imzalandı; TANAP büyüyor.')).toEqual([
      'tanap',
      'tanap',
      'tanap',
    ]);
  });
  it('says which evidence decided, for the card', () => {
    const [m] = matcher
      .findInPage(['Minister Alparslan Bayraktar spoke. Bayraktar said so.'], newPageContext())[0]!
      .slice(1);
    expect(m!.why).toMatch(/earlier|title|after/);
  });
});
