/**
 * Things named after a person, a place or a country, category by category in the region's languages
 * (data/named-after.yaml), and the words after a name that keep it the place's or the person's. Sentences in no
 * evaluation page: other names, other heads, other languages.
 */
import { describe, expect, it } from 'vitest';
import { ids } from './project-matcher';

describe('an order, a medal or a prize named after a person', () => {
  it('drops the person before the award’s possessive head in each Turkic language', () => {
    expect(ids('Alimə Heydər Əliyev ordeni verildi.')).toEqual([]);
    expect(ids('Ustozga Islom Karimov ordeni topshirildi.')).toEqual([]);
    expect(ids('Oğan Nursultan Nazarbaev ordenı berıldı.')).toEqual([]);
    expect(ids('Оған Нұрсұлтан Назарбаев медалі берілді.')).toEqual([]);
    expect(ids('Ага Касым-Жомарт Токаев сыйлыгы ыйгарылды.')).toEqual([]);
    expect(ids('Сизга Шавкат Мирзиёев мукофоти берилди.')).toEqual([]);
    expect(ids('Oňa Gurbanguly Berdimuhamedow ordeni berildi.')).toEqual([]);
    expect(ids('Yazara Atatürk ödülü verildi.')).toEqual([]);
  });
  it('drops the person after a Russian award’s head, and before an English or a genitive one', () => {
    expect(ids('Ему вручили орден Гейдара Алиева.')).toEqual([]);
    // The one given the award stands in the dative, the one it is named after in the genitive.
    expect(ids('Путин вручил орден Касым-Жомарту Токаеву.')).toContain('tokayev');
    expect(ids('She won the Kassym-Jomart Tokayev Trophy and the Shavkat Mirziyoyev Scholarship.')).toEqual([]);
    expect(ids('Հեյդար Ալիևի մրցանակ')).toEqual([]);
    expect(ids('ჰეიდარ ალიევის ორდენი გადასცეს.')).toEqual([]);
  });
});

describe('a dish, a bread or a drink named after a place', () => {
  it('drops the place before the food’s head, and keeps the same place in a sentence of its own', () => {
    expect(ids('Bishkek palovi emas, Toshkentda tushlik.')).toEqual(['tashkent']);
    expect(ids('Самарқанд наны мен Шымкент сырасы.')).toEqual([]);
    expect(ids('Ankara kebabı, Bakı paxlavası, Aşgabat palowy.')).toEqual([]);
    expect(ids('A glass of Tbilisi wine and a Moscow mule in Yerevan.')).toEqual(['yerevan']);
    expect(ids('Երևանի կոնյակ', 'თბილისის ლუდი')).toEqual([]);
    expect(ids('Бишкек палоосу жана Ташкент наны.')).toEqual([]);
  });
});

describe('a breed named after a place', () => {
  it('drops the place before the breed’s head', () => {
    expect(ids('Qarabağ atı yarışda qalib gəldi.')).toEqual([]);
    expect(ids('The Karabakh horse is a mountain breed.')).toEqual([]);
    expect(ids('Qorabog‘ oti va Samarqand zoti.')).toEqual([]);
    expect(ids('ყარაბაღის ცხენი')).toEqual([]);
  });
});

describe('a street, a square or a neighbourhood named after a person, a place or a country', () => {
  it('drops the name before the street’s head in each language', () => {
    expect(ids('Kassym-Jomart Tokayev Embankment and Ankara Lane are closed.')).toEqual([]);
    expect(ids('Азербайджан көчөсү, Ташкент мәхәлләсі, Türkiye mahallesi')).toEqual([]);
    expect(ids('Samarqand mahallasi, Toshkent ko‘prigi')).toEqual([]);
    expect(ids('მოსკოვის გამზირი, ჰეიდარ ალიევის სანაპირო')).toEqual([]);
    expect(ids('Երևանի թաղամաս')).toEqual([]);
  });
  it('drops the person after a Russian street’s, square’s or park’s head', () => {
    expect(ids('Встреча на площади Ататюрка, у набережной Гейдара Алиева, в сквере Нурсултана Назарбаева.')).toEqual(
      [],
    );
  });
});

describe('a venue named after a person or a place', () => {
  it('drops the name before a capitalised head, or any head in a script without capitals', () => {
    expect(ids('Shavkat Mirziyoyev Hospital and the Tbilisi Gallery')).toEqual([]);
    expect(ids('Ankara Garı ve Atatürk Türbesi')).toEqual([]);
    expect(ids('Şuşa Türbəsi, Bakı Vağzalı')).toEqual([]);
    expect(ids('Шымкент әуежайы мен Бишкек вокзалы')).toEqual([]);
    expect(ids('ბაქოს სადგური და თბილისის ბაზარი')).toEqual([]);
    expect(ids('мавзолей Ататюрка и гимназия Нурсултана Назарбаева')).toEqual([]);
  });
  it('keeps a person before a lowercase word of the sentence, which is no name’s head', () => {
    // "to Heydar Aliyev's museum": the person, in a sentence about him.
    expect(ids('Naxçıvanda Heydər Əliyev muzeyinə gəldik.')).toEqual(['nakhchivan', 'heydar-aliyev']);
    expect(ids('Ilham Aliyev forumu açıb.')).toEqual(['ilham-aliyev']);
  });
});

describe('a ship, a company, a team or a festival named after a name', () => {
  it('drops the name before the ship’s or ferry’s head', () => {
    expect(ids('Heydər Əliyev bərəsi və Türkmenistan gämisi limana girdi.')).toEqual([]);
    expect(ids('теплоход Гейдар Алиев и паром Мустафа Кемаль')).toEqual([]);
  });
  it('drops the name before the company’s, the factory’s or the bank’s head', () => {
    expect(ids('Тошкент заводи, Бишкек компаниясы, Samarkand Brewery, Bakı Şirkəti')).toEqual([]);
  });
  it('drops a place before a team’s or a club’s head, and keeps a country’s national team', () => {
    expect(ids('Tashkent United lost; Бишкек командасы утту.')).toEqual([]);
    expect(ids('Qazaqstan komandasy jeñdı.')).toEqual(['kazakhstan']);
  });
  it('drops the name before the festival’s or the fair’s head', () => {
    expect(ids('Bakı sərgisi, Toshkent yarmarkasi, Երևանի ցուցահանդես, Tbilisi Fair')).toEqual([]);
  });
});

describe('a brand named after a place, a train named after a name, a district named after a region or a country', () => {
  it('drops the place before the brand’s head', () => {
    expect(ids('Samarqand brendi va Бишкек бренди, the Tbilisi brand')).toEqual([]);
  });
  it('drops the name before the train’s head', () => {
    expect(ids('Ankara Ekspresi, Тошкент экспресси, the Baku Express')).toEqual([]);
  });
  it('drops a region’s or a country’s name before a district’s head, and keeps a town’s', () => {
    expect(ids('Bakının Xəzər rayonu, Qazaxıstan rayonu.')).toEqual(['baku']);
    expect(ids('Kəlbəcər rayonu, Şuşa rayonu.')).toEqual(['kelbajar', 'shusha']);
  });
});

describe('a foundation named after a name, and a newspaper’s, a magazine’s or a channel’s quoted title', () => {
  it('drops the name before a foundation’s head, past a word of its own name', () => {
    expect(ids('Qazaxıstan Təhsil Fondu və Bishkek Foundation kömək etdi.')).toEqual([]);
  });
  it('drops the names of a periodical’s or a channel’s title, its word after it or, in Russian, before it', () => {
    expect(ids('«Қазақстан жастары» газеті мен "Türkiye Ekonomi" dergisi yazdı.')).toEqual([]);
    expect(ids('Журнал «Экономика Узбекистана и мира» вышел.')).toEqual([]);
  });
  it('keeps a quotation after a Turkic paper’s word, which is the paper quoting someone', () => {
    expect(ids('"Xalq" qəzeti "Qazaxıstan güclüdür" yazdı.')).toEqual(['kazakhstan']);
  });
});

describe('the words after a name that mean the place or the person itself', () => {
  it('keeps a city before its own word for city, capital, people, economy or weather, in each language', () => {
    expect(ids('Bakı şəhəri, Ankara şehri, Toshkent shahri, Aşgabat howasy')).toEqual([
      'baku',
      'ankara',
      'tashkent',
      'ashgabat',
    ]);
    expect(ids('Шымкент қаласы, Бишкек шаары, Тошкент аҳолиси, Shymkent qalasy')).toEqual([
      'shymkent',
      'bishkek',
      'tashkent',
      'shymkent',
    ]);
    expect(ids('Երևան քաղաքը, თბილისის მოსახლეობა, the Baku city council')).toEqual(['yerevan', 'tbilisi', 'baku']);
  });
  it('keeps a country before its president, government, economy, army or border', () => {
    expect(ids('Qazaxıstan prezidenti, Türkiye ekonomisi, Azərbaycan iqtisadiyyatı')).toEqual([
      'kazakhstan',
      'turkiye',
      'azerbaijan',
    ]);
    expect(ids('Қазақстан үкіметі, Ўзбекистон армияси, Qyrğyzstan şekarasy')).toEqual([
      'kazakhstan',
      'uzbekistan',
      'kyrgyzstan',
    ]);
    expect(ids('столица Казахстана, Հայաստանի կառավարություն, საქართველოს პრეზიდენტი')).toEqual([
      'kazakhstan',
      'armenia',
      'georgia',
    ]);
  });
});
