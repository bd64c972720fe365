/**
 * Armenian and Georgian as their grammar writes our names: Georgian compounds, syncope and -ვით "like", a name
 * written without its nominative ი; Armenian in the classical spelling and the Western cases the diaspora's press
 * writes, the -polis names' syncope; names each press uses; and a city's genitive before the head of a thing in that
 * city. Sentences written for this test from each language's grammar, in no evaluation page.
 */
import { describe, expect, it } from 'vitest';
import { classicalSpelling } from '../../lib/factbase/classical-spellings';
import { page } from './project-matcher';

/** Each form, alone in a sentence (with `company`, another text of the page), must be marked whole as `entity`. */
function expectMarked(entity: string, forms: readonly string[], company?: string) {
  const missed = forms.filter((form) => {
    const texts = company ? [`${form}.`, company] : [`${form}.`];
    return !page(...texts).some(([words, id]) => words === form && id === entity);
  });
  expect(missed, `${entity}: forms not marked`).toEqual([]);
}

/** The [words, entity] marks of one sentence. */
const marks = (text: string) => page(text);

describe('Georgian', () => {
  it('the first member of a hyphenated compound has no ი, and each member is its own name', () => {
    expect(marks('სომხეთ-საქართველოს საზღვარზე რიგები გაიზარდა.')).toEqual([
      ['სომხეთ', 'armenia'],
      ['საქართველოს', 'georgia'],
    ]);
    expect(marks('თურქეთ-აზერბაიჯანის სამხედრო წვრთნები დაიწყო.')).toEqual([
      ['თურქეთ', 'turkiye'],
      ['აზერბაიჯანის', 'azerbaijan'],
    ]);
  });
  it("a route's chain with its first members bare, and the last in syncope (ნახჭევანი → ნახჭევნის)", () => {
    expect(marks('ყარს-ნახჭევნის რკინიგზის მშენებლობა გაგრძელდება.')).toContainEqual([
      'ყარს-ნახჭევნის',
      'kars-nakhchivan-railway',
    ]);
  });
  it('syncope of a city in -ანი before the endings that start with a vowel', () => {
    expectMarked('yerevan', ['ერევნის', 'ერევნით', 'ერევნიდან', 'ერევანში', 'ერევანმა']);
    expectMarked('nakhchivan', ['ნახიჭევნის', 'ნახიჭევანში', 'ნახიჭევნიდან']);
    expect(marks('ყარს-ნახიჭევნის რკინიგზა.')).toEqual([['ყარს-ნახიჭევნის', 'kars-nakhchivan-railway']]);
  });
  it('-ვით "like", after a consonant stem and after a vowel', () => {
    expectMarked('russia', ['რუსეთივით']);
    expectMarked('georgia', ['საქართველოსავით']);
  });
  it('a bare stem inside a longer word is no mark (a demonym, an adjective)', () => {
    expect(marks('ირანელი და თურქი სტუდენტები რუსეთული ენის კურსზე არიან.')).toEqual([]);
  });
});

describe('Armenian: classical spelling and Western cases', () => {
  it('the classical spelling is derived from the reformed one by the reform’s rules', () => {
    const rules = {
      vowels: 'աեէըիոօ',
      rewrites: [
        { reformed: 'յու', classical: 'իւ', after: 'consonant' as const },
        { reformed: 'յա', classical: 'եա', after: 'consonant' as const },
        { reformed: 'եվ', classical: 'եւ', at: 'word-start' as const },
      ],
    };
    expect(classicalSpelling('Խորհրդային Միություն', rules)).toBe('Խորհրդային Միութիւն');
    expect(classicalSpelling('Միացյալ Նահանգներ', rules)).toBe('Միացեալ Նահանգներ');
    expect(classicalSpelling('Եվրասիական', rules)).toBe('Եւրասիական');
    // after a vowel, յա stays (Հայաստան), and so does an acronym
    expect(classicalSpelling('Հայաստան', rules)).toBe('Հայաստան');
    expect(classicalSpelling('ԵԱՏՄ', rules)).toBe('ԵԱՏՄ');
  });
  it('names in the classical spelling with its cases (միութեան, միութեամբ, -ներու)', () => {
    expectMarked('soviet-union', ['Խորհրդային Միութիւն', 'Խորհրդային Միութեան', 'Խորհրդային Միութենէն']);
    expectMarked('united-states', ['Միացեալ Նահանգներ', 'Միացեալ Նահանգներու', 'Միացեալ Նահանգներէն']);
    expectMarked('ottoman-empire', ['Օսմանեան կայսրութեան', 'Օսմանեան կայսրութեամբ']);
    expectMarked('eaeu', ['Եւրասիական տնտեսական միութեան']);
  });
  it('the Western ablative -էն and the classical genitive -իոյ of a name in -իա', () => {
    expectMarked('armenia', ['Հայաստանէն']);
    expectMarked('turkiye', ['Թուրքիայէն', 'Թուրքիոյ']);
    expectMarked('russia', ['Ռուսիոյ', 'Ռուսիայէն', 'Ռուսաստանէն']);
    expectMarked('syria', ['Սուրիոյ', 'Սուրիայի']);
  });
  it('the Western names of foreign places', () => {
    expectMarked('baku', ['Պաքու', 'Պաքուն']);
    expectMarked('azerbaijan', ['Ազրպէյճանի', 'Ատրպէյճանէն']);
    expectMarked('moscow', ['Մոսկուայի']);
  });
  it('a -polis name loses its ի before a vowel (Պոլիս → Պոլսում), with the classical genitive', () => {
    expectMarked('istanbul', ['Պոլիս', 'Պոլսում', 'Պոլսից', 'Պոլսոյ', 'Կոստանդնուպոլսի', 'Կոստանդնուպոլսում']);
  });
});

describe('names the Armenian and Georgian press use', () => {
  it('a city by its name before a renaming', () => {
    expectMarked('tbilisi', ['Թիֆլիսում', 'ტფილისში']);
    expectMarked('yerevan', ['Էրիվանի', 'ერივანში']);
    expectMarked('izmir', ['Զմյուռնիայի', 'Զմիւռնիոյ', 'სმირნაში']);
    expectMarked('astana', ['Ակմոլայում', 'ცელინოგრადში']);
  });
  it('Transcaucasia and Middle Asia, the names of the Russian and Soviet years', () => {
    expectMarked('south-caucasus', ['Անդրկովկասը', 'Անդրկովկասում', 'ამიერკავკასიაში']);
    expectMarked('central-asia', ['Միջին Ասիայի', 'შუა აზიაში']);
  });
  it('a state by its full name, in its cases', () => {
    expectMarked('united-states', ['Ամերիկայի Միացյալ Նահանգների', 'Միացյալ Նահանգներից']);
    expectMarked('united-states', ['შეერთებული შტატების', 'შეერთებულმა შტატებმა', 'ამერიკის შეერთებულ შტატებში']);
  });
  it('an acronym with its case after a hyphen (ԵՄ-ին), near another name', () => {
    expect(marks('Վրաստանը ձգտում է անդամակցել ԵՄ-ին։')).toContainEqual(['ԵՄ', 'european-union']);
  });
  it('a war, a civil war and an idea, in both languages', () => {
    expectMarked('syrian-civil-war', ['Սիրիայի քաղաքացիական պատերազմի', 'სირიის სამოქალაქო ომში']);
    expectMarked('first-karabakh-war', ['առաջին ղարաբաղյան պատերազմից', 'პირველი ყარაბაღის ომის']);
    expectMarked('cold-war', ['սառը պատերազմի', 'ცივი ომის']);
    expectMarked('turkiye-armenia-normalization', ['հայ-թուրքական կարգավորման']);
  });
  it('a leader in full, and the bare surname after the full name', () => {
    expect(marks('Վլադիմիր Լենինի դիմանկարը։ Լենինը 1920-ին…')).toEqual([
      ['Վլադիմիր Լենինի', 'vladimir-lenin'],
      ['Լենինը', 'vladimir-lenin'],
    ]);
    expectMarked('ataturk', ['მუსტაფა ქემალ ათათურქმა', 'Մուստաֆա Քեմալ Աթաթուրքի']);
  });
  it('a drone by its family name only with a drone word near, in both languages', () => {
    expect(marks('Ադրբեջանը գնել է Բայրաքթար անօդաչու սարքեր։')).toContainEqual(['Բայրաքթար', 'bayraktar-tb2']);
    expect(marks('ბაირაქტარი დრონები უკრაინაში.')).toContainEqual(['ბაირაქტარი', 'bayraktar-tb2']);
    expect(marks('Բայրաքթար ընտանիքը Ստամբուլում է։')).toEqual([['Ստամբուլում', 'istanbul']]);
  });
  it('a people, a pipeline and a leader in full', () => {
    expectMarked('kurds', ['քրդերը', 'քրդերի', 'ქურთები', 'ქურთებმა', 'ქურთების'], 'Թուրքիա');
    expectMarked('tap', ['Տրանսադրիատիկ գազատարով']);
    expectMarked('mirziyoyev', ['Շավկաթ Միրզիյոևը', 'Շավկաթ Միրզիյոևի']);
  });
  it('a name that is also a common word counts only near another name (Georgian შუშა, glass)', () => {
    expect(marks('შუშის ბოთლები და ჭიქები გაიყიდა.')).toEqual([]);
    expect(marks('ალიევი შუშაში ჩავიდა, აზერბაიჯანის ქალაქში.')).toContainEqual(['შუშაში', 'shusha']);
  });
});

describe("a city's genitive before the head of a thing in the city is that thing's name", () => {
  it('its zoo, reservoir, botanical garden, boulevard: no mark of the city', () => {
    expect(marks('თბილისის ზოოპარკში ახალი ვოლიერი გაიხსნა.')).toEqual([]);
    expect(marks('თბილისის ზღვაზე ნავით სეირნობა აკრძალულია.')).toEqual([]);
    expect(marks('Երևանի կենդանաբանական այգին վերաբացվեց։')).toEqual([]);
    expect(marks('Երևանի ջրամբարում ջրի մակարդակն իջել է։')).toEqual([]);
    expect(marks('ბათუმის ბულვარზე კონცერტი გაიმართა, ბაქოს ბულვარზეც.')).toEqual([]);
  });
  it('the city itself in a case other than the genitive, and a sea by its own name', () => {
    expect(marks('თბილისში ზოოპარკი ღიაა.')).toEqual([['თბილისში', 'tbilisi']]);
    expect(marks('კასპიის ზღვაზე შტორმია.')).toEqual([['კასპიის ზღვაზე', 'caspian-sea']]);
    expect(marks('შავი ზღვის სანაპიროზე შტორმია.')).toEqual([['შავი ზღვის', 'black-sea']]);
  });
  it("a Georgian name in -ა keeps it before every ending but the genitive's and instrumental's", () => {
    expectMarked('caspian-sea', ['კასპიის', 'კასპიაში', 'კასპიაზე', 'კასპიიდან'], 'ბაქო');
    // კასპია is never კასპის, the genitive of the town of Kaspi
    expect(marks('ბაქოდან კასპის მუნიციპალიტეტამდე.')).toEqual([['ბაქოდან', 'baku']]);
    expect(marks('ასტანს და ასტანში.')).toEqual([]);
    expectMarked('astana', ['ასტანის', 'ასტანაში', 'ასტანამ', 'ასტანიდან', 'ასტანით']);
  });
  it("a treaty by the city it was signed in, a carpet's pattern by its town, a train by the towns it links", () => {
    expect(marks('Կարսի և Մոսկվայի պայմանագրերը կնքվել են 1921-ին։')).toEqual([]);
    expect(marks('გორგი შუშის ორნამენტით და ბაქოს ხალიჩა.')).toEqual([]);
    expect(marks('Երևան-Բաքու գնացքը չի գործում։')).toEqual([]);
    expect(marks('ბაქო–თბილისის მატარებელი გადადო.')).toEqual([]);
    // the cities themselves in a sentence of their own
    expect(marks('Մոսկվայում պայմանագիր կնքվեց։')).toEqual([['Մոսկվայում', 'moscow']]);
  });
  it('a street, a boulevard, named after a person or a place is no mention of them', () => {
    expect(marks('თბილისში, აზერბაიჯანის პროსპექტზე.')).toEqual([['თბილისში', 'tbilisi']]);
    expect(marks('ანკარაში, ათათურქის ბულვარზე, კაფე გაიხსნა.')).toEqual([['ანკარაში', 'ankara']]);
    expect(marks('ბაქოში, ჰეიდარ ალიევის სანაპიროზე.')).toEqual([['ბაქოში', 'baku']]);
  });
});
