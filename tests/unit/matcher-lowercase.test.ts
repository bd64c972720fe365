/**
 * Text typed in lowercase (comments, search queries, machine transcripts) and without diacritics: names count there,
 * and only there, with the project's alias index and rules. Sentences are written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { page } from './project-matcher';

describe('names typed in lowercase', () => {
  it('count in a stretch typed all in lowercase, with or without diacritics', () => {
    // "turkey" in lowercase is the bird, even here (data/languages.yaml `lowercase-words`).
    expect(page('so the news is that azerbaijan signed a deal with turkey and the money goes through baku')).toEqual([
      ['azerbaijan', 'azerbaijan'],
      ['baku', 'baku'],
    ]);
    expect(page('Anonim · 2 saat əvvəl · dunen azerbaycan ve turkiye yine birlikde idi')).toEqual([
      ['azerbaycan', 'azerbaijan'],
      ['turkiye', 'turkiye'],
    ]);
  });

  it('do not count in a sentence that capitalises anything: there a lowercase word is a common word', () => {
    expect(page('We had roast turkey and georgia peaches with the neighbours from baku street.')).toEqual([]);
    expect(page('Then the news: azerbaijan signed a deal with turkey about baku.')).toEqual([]);
  });

  it('do not count in a stretch of fewer than four words (a tag, a slug)', () => {
    expect(page('tags · baku tbilisi · travel')).toEqual([]);
  });

  it('one or two words count only with another name typed in lowercase near: a lone one may be a common word', () => {
    // Kazakh writes the Azerbaijani language in lowercase, the same letters as the country's name in other languages.
    expect(page('Талаптар: орыс және ағылшын тілдерін білу; түрік немесе әзербайжан тілін білу артықшылық')).toEqual(
      [],
    );
    expect(page('we ordered the grilled black sea bass with lemon')).toEqual([]);
    expect(page('my uncle says the black sea cable will start in baku')).toEqual([
      ['black sea', 'black-sea'],
      ['baku', 'baku'],
    ]);
    // An ambiguous name (Georgia, also a US state) typed in lowercase vouches for nothing.
    expect(page('my uncle says the black sea cable will reach georgia')).toEqual([['georgia', 'georgia']]);
  });

  it('a capitalised name in another item does not vouch for a lowercase word', () => {
    expect(page('Bakı və Ankara', 'türk və azərbaycan dilini bilmək üstünlükdür')).toEqual([
      ['Bakı', 'baku'],
      ['Ankara', 'ankara'],
    ]);
  });

  it('a name of three words or more typed in lowercase counts alone', () => {
    expect(page('bakü tiflis ceyhan boru hattı')).toEqual([['bakü tiflis ceyhan', 'btc-pipeline']]);
  });

  it('acronyms of four letters or more count in lowercase, shorter ones (eu, btc) never', () => {
    expect(page('honestly socar is everywhere in baku these days')).toEqual([
      ['socar', 'socar'],
      ['baku', 'baku'],
    ]);
    expect(page('honestly the eu and btc are everywhere in baku these days')).toEqual([]);
    // STAR (the refinery) is a common word, `near` even when capitalised: in lowercase it is always the word.
    expect(page('the star of the show flew in from baku on friday')).toEqual([]);
  });

  it('a listed given name before a lowercase surname is a namesake', () => {
    expect(
      page('Ilham Aliyev and Recep Tayyip Erdoğan', 'my producer asks about bilal erdogan and the festival'),
    ).toEqual([
      ['Ilham Aliyev', 'ilham-aliyev'],
      ['Recep Tayyip Erdoğan', 'erdogan'],
    ]);
  });
});

describe('a slogan written with a comma', () => {
  it('is found without it too, as comments write it', () => {
    expect(page('TEBRIKLER KARDESLERIMIZE. TEK MILLET IKI DEVLET')).toEqual([
      ['TEK MILLET IKI DEVLET', 'one-nation-two-states'],
    ]);
  });
  it('while a comma between two names on a page keeps them two', () => {
    expect(page('Flights from Baku, Tbilisi and Ankara.')).toEqual([
      ['Baku', 'baku'],
      ['Tbilisi', 'tbilisi'],
      ['Ankara', 'ankara'],
    ]);
  });
});

describe("a country's name typed in lowercase in a language of the region", () => {
  it('counts in any text in Turkish, Azerbaijani, Russian and Armenian, where no common word shares it', () => {
    expect(page('Dün Ankara’dan döndük, kazakistandan gelen haberleri okudum.')).toContainEqual([
      'kazakistandan',
      'kazakhstan',
    ]);
    expect(page('Bakıda hər şey var, bəs ozbekistanda?')).toContainEqual(['ozbekistanda', 'uzbekistan']);
    expect(page('Сказал Иван: в узбекистане эту музыку знают.')).toContainEqual(['узбекистане', 'uzbekistan']);
  });

  it('still vouches for a short name typed in lowercase beside it', () => {
    expect(page('azerbaycan turkiye bir millet iki dovlet')).toEqual(
      expect.arrayContaining([
        ['azerbaycan', 'azerbaijan'],
        ['turkiye', 'turkiye'],
      ]),
    );
  });

  it('not in English, nor in the languages that write a people’s adjective as its country’s name', () => {
    // china is porcelain, turkey a bird
    expect(page('Mother kept the china in the cabinet, as Ankara officials later joked.')).not.toContainEqual(
      expect.arrayContaining(['china']),
    );
    // Kyrgyz and Kazakh: Chinese tea, the Azerbaijani language
    expect(page('Бул санда кытай чайы жана Бишкектен кабарлар.')).not.toContainEqual(expect.arrayContaining(['china']));
    expect(page('Астанада әзербайжан тілін үйрететін курс ашылды.')).not.toContainEqual(
      expect.arrayContaining(['azerbaijan']),
    );
  });

  it('bare before a lowercase word when it is formed with "land of" (-stan, -ston), whose people’s adjective is its stem', () => {
    // Sentences written for this test: Turkish, Azerbaijani, Kazakh, Kyrgyz, Uzbek, in chat lines typed in lowercase.
    expect(page('dün akşam geldik. ozbekistan ne guzel ulke ya, herkese tavsiye ederim')).toContainEqual([
      'ozbekistan',
      'uzbekistan',
    ]);
    expect(page('bizim kitap daha güzel. kazakistan ile ortak basılmıştı bence')).toContainEqual([
      'kazakistan',
      'kazakhstan',
    ]);
    expect(page('gələn ay qazaxıstan səfəri var. hamı gedir, biz də gedirik')).toContainEqual([
      'qazaxıstan',
      'kazakhstan',
    ]);
    expect(page('кеше өзбекстан туралы оқыдық. ал бүгін үйде отырамыз, сосын дүкенге')).toContainEqual([
      'өзбекстан',
      'uzbekistan',
    ]);
    expect(page('эртең казакстан менен оюн бар. баарыбыз барабыз, анан үйгө')).toContainEqual([
      'казакстан',
      'kazakhstan',
    ]);
    expect(page("o'tgan yili qozog'iston bo'ylab sayohat qildik. juda yoqdi, hammaga maslahat beraman")).toContainEqual(
      ["qozog'iston", 'kazakhstan'],
    );
  });

  it('while a name that is its people’s adjective too stays one before a lowercase word', () => {
    // The Azerbaijani language and Chinese tea; the Uzbek pilaf by the stem, which is no name of ours.
    expect(page('sabah azərbaycan dili dərsi var. hamı gəlsin, gecikməyin')).not.toContainEqual(
      expect.arrayContaining(['azerbaijan']),
    );
    expect(page('кеше қытай шайын іштік. ал бүгін үйде отырамыз, сосын дүкенге')).toEqual([]);
    expect(page('dün özbek plovu yaptık. çok güzel oldu, herkes beğendi')).toEqual([]);
  });

  it('not bare before a lowercase word, where it may be the people’s adjective', () => {
    expect(page('Sumqayıtda azərbaycan mətbəxi festivalı keçirildi.')).not.toContainEqual(
      expect.arrayContaining(['azerbaijan']),
    );
    expect(page('Sumqayıtda festival keçirildi, azərbaycanda ilk dəfə.')).toContainEqual([
      'azərbaycanda',
      'azerbaijan',
    ]);
  });
});

describe('a line typed informally: its sentences and items start in lowercase', () => {
  it('lets names typed in lowercase count, two of them vouching for each other, in every language', () => {
    expect(
      page('mehmet_k · 2 saat önce: dün akşam bakü’ye indik. yarın tiflise geçiyoruz, Allah kolaylık versin'),
    ).toEqual([
      // Bakü is labelled Turkish: its suffix after the apostrophe is part of the mark, as with Erdoğan'ın.
      ['bakü’ye', 'baku'],
      ['tiflise', 'tbilisi'],
    ]);
    expect(page('в прошлом году были в ташкенте и самарканде. советую всем, там очень красиво')).toEqual([
      ['ташкенте', 'tashkent'],
      ['самарканде', 'samarkand'],
    ]);
    expect(page("o'tgan hafta toshkentda edik. samarqandga ham bordik, juda chiroyli shahar")).toEqual([
      ['toshkentda', 'tashkent'],
      ['samarqandga', 'samarkand'],
    ]);
    expect(page('былтыр бишкекте болдук. эми ташкентке барабыз, анан үйгө')).toEqual([
      ['бишкекте', 'bishkek'],
      ['ташкентке', 'tashkent'],
    ]);
    expect(page('geçen ýyl aşgabatda bolduk. indi bakuwa gitjek, soňra öýe')).toEqual([
      ['aşgabatda', 'ashgabat'],
      ['bakuwa', 'baku'],
    ]);
    expect(
      page('we flew to baku last week. then took the train to tbilisi, highly recommend it. TIP: go in May'),
    ).toEqual([
      ['baku', 'baku'],
      ['tbilisi', 'tbilisi'],
    ]);
  });

  it("lets a country's name count alone there, in any language", () => {
    expect(page('anyone been to uzbekistan? thinking of going in may. any tips welcome')).toEqual([
      ['uzbekistan', 'uzbekistan'],
    ]);
    expect(page('biz ötən ay ozbekistanda idik. çox gözəl ölkədir, hamıya tövsiyə edirəm')).toEqual([
      ['ozbekistanda', 'uzbekistan'],
    ]);
  });

  it('lets a lone name count when the page has already marked what it names: a thread names what it is about', () => {
    expect(
      page(
        'Thread: Baku to Tbilisi by train',
        'reply from olga_k: agree about the ferry. took the train once, it was slow. dont park near the flame towers in baku, police tow everything',
      ),
    ).toEqual([
      ['Baku', 'baku'],
      ['Tbilisi', 'tbilisi'],
      ['baku', 'baku'],
    ]);
    expect(
      page(
        'Встреча в Ташкенте завершилась.',
        'ivan_77 · 5 мин назад: был в ташкенте прошлой весной. красиво, но жарко, советую ехать осенью',
      ),
    ).toContainEqual(['ташкенте', 'tashkent']);
    expect(
      page(
        'Бишкекте саммит башталды.',
        'азамат · 10 мүн мурун: бишкекте жашайм. бүгүн жолдор жабык, баары жөө басып жүрөт',
      ),
    ).toContainEqual(['бишкекте', 'bishkek']);
    expect(
      page('Шымкентте форум ашылды.', 'айдана_т · 3 сағат бұрын: шымкентте тұрамын. бүгін жол жабық, бәрі жаяу жүр'),
    ).toContainEqual(['шымкентте', 'shymkent']);
    expect(
      page(
        'Naxçıvanda festival başladı.',
        'Anonim · 2 saat əvvəl · dünən naxçıvanda idik. çox gözəl idi, hamıya tövsiyə edirəm',
      ),
    ).toContainEqual(['naxçıvanda', 'nakhchivan']);
    expect(
      page(
        'Samarqandda sammit o‘tdi.',
        "anvar_uz · 1 soat oldin: samarqandda yashayman. bugun yo'llar yopiq, hamma piyoda yuribdi",
      ),
    ).toContainEqual(['samarqandda', 'samarkand']);
  });

  it('but not before the page marks it, nor an ambiguous name, nor one a rule decides (a bare surname)', () => {
    // The line comes first: nothing above it said what "baku" is.
    expect(
      page(
        'reply from olga_k: agree about the ferry. took the train once, it was slow. dont park near the flame towers in baku, police tow everything',
        'Thread: Baku to Tbilisi by train',
      ),
    ).toEqual([
      ['Baku', 'baku'],
      ['Tbilisi', 'tbilisi'],
    ]);
    // Georgia is a US state too: the country named above says nothing of "georgia" in a comment.
    expect(
      page(
        'Georgia signed the deal with Azerbaijan.',
        'reply from tom: we drove through georgia last summer. peaches everywhere, highly recommend',
      ),
    ).toEqual([['Azerbaijan', 'azerbaijan']]);
    // A bare surname needs its own evidence, which a name marked above is not.
    expect(
      page('Tokayev Bakıya gəldi.', 'Anonim · 2 saat əvvəl · dünən gördüm onu. tokayev çox gülürdü, hamı sevindi'),
    ).toEqual([['Bakıya', 'baku']]);
  });

  it('not a lone city, which may be a word or a namesake', () => {
    expect(page('we flew to baku last week. highly recommend it, the food was great')).toEqual([]);
  });

  it('not a common word of the same letters, whatever the line', () => {
    expect(page('roast turkey and china plates for everyone. we loved it, thanks mum, see you in baku')).toEqual([]);
  });

  it("not a country's name bare before a noun, where it is the people's adjective, unless a name follows", () => {
    expect(page('кеше қытай шайын іштік. ал бүгін шымкентке барамыз, сосын үйге')).toEqual([]);
    // Chinese and Uzbek dishes: the adjective after "мен" is no name, so nothing follows қытай.
    expect(page('кеше қытай мен өзбек тағамдарын жедік. ал бүгін үйде отырамыз')).toEqual([]);
    // Uzbekistan is never an adjective (data/languages.yaml `land-suffixes`): China and Uzbekistan.
    expect(page('кеше қытай мен өзбекстан туралы оқыдық. ал бүгін үйде отырамыз')).toEqual([
      ['қытай', 'china'],
      ['өзбекстан', 'uzbekistan'],
    ]);
  });

  it('not in an edited line, whose sentences start with a capital', () => {
    const marks = page('The ferry takes a day. The crossing to baku is rough in winter, say Tbilisi officials.');
    expect(marks).toContainEqual(['Tbilisi', 'tbilisi']);
    expect(marks).not.toContainEqual(['baku', 'baku']);
  });
});
