/**
 * Our own institutions and buildings named after a person or a place reach their own card, in the forms each language
 * names them, and the person inside is not marked (data/entities/institutions-by-language.yaml). Sentences in no
 * evaluation page.
 */
import { describe, expect, it } from 'vitest';
import { page } from './project-matcher';

const only = (text: string, id: string, words: string) => expect(page(text)).toContainEqual([words, id]);
const ids = (text: string) => page(text).map(([, id]) => id);

describe('a mausoleum named after a person', () => {
  it('is the mausoleum, the head after the name or before it, in every language', () => {
    only('Туристы осмотрели мавзолей Ахмеда Ясави утром.', 'yasawi-mausoleum', 'мавзолей Ахмеда Ясави');
    only('Реставраторы закончили работы в мавзолее Ясави.', 'yasawi-mausoleum', 'мавзолее Ясави');
    only('Мектеп оқушылары Ясауи кесенесіне барды.', 'yasawi-mausoleum', 'Ясауи кесенесіне');
    only('Oqushylar Iasaui kesenesınde boldy.', 'yasawi-mausoleum', 'Iasaui kesenesınde');
    only('Ziyaretçiler Yesevi Türbesi önünde sıraya girdi.', 'yasawi-mausoleum', 'Yesevi Türbesi');
    only('Nümayəndə heyəti Əhməd Yəsəvi məqbərəsini ziyarət etdi.', 'yasawi-mausoleum', 'Əhməd Yəsəvi məqbərəsini');
    only('Sayyohlar Yassaviy maqbarasida suratga tushdi.', 'yasawi-mausoleum', 'Yassaviy maqbarasida');
    only('Саёҳатчилар Яссавий мақбарасини кўрди.', 'yasawi-mausoleum', 'Яссавий мақбарасини');
    only('Окуучулар Ясави күмбөзүнө барышты.', 'yasawi-mausoleum', 'Ясави күмбөзүнө');
  });
  it('never marks the person inside it', () => {
    expect(ids('Туристы осмотрели мавзолей Ахмеда Ясави утром.')).not.toContain('ahmet-yesevi');
    expect(ids('Sayyohlar Xoja Ahmad Yassaviy maqbarasiga bordi.')).toEqual(['yasawi-mausoleum']);
  });
});

describe('a university named after a person or a name in quotation marks', () => {
  it('is the university, with "named after" forms, in every language', () => {
    only('Студенты университета имени Ясави сдали экзамены.', 'ahmet-yesevi-university', 'университета имени Ясави');
    only('Ол Ясауи атындағы университетте оқиды.', 'ahmet-yesevi-university', 'Ясауи атындағы университетте');
    only('O, Yassaviy universitetida dars beradi.', 'ahmet-yesevi-university', 'Yassaviy universitetida');
    only('Qardaşım Əhməd Yəsəvi Universitetində oxuyur.', 'ahmet-yesevi-university', 'Əhməd Yəsəvi Universitetində');
    only(
      'Hoca Ahmet Yesevi Üniversitesi yeni fakülte açtı.',
      'ahmet-yesevi-university',
      'Hoca Ahmet Yesevi Üniversitesi',
    );
    only(
      'Ол Сүлеймен Демирел атындағы университетті бітірді.',
      'sdu-kazakhstan',
      'Сүлеймен Демирел атындағы университетті',
    );
  });
  it('reads a quoted name with its head in any quotation marks', () => {
    only('Ал «Манас» университетинде окуйт.', 'manas-university', '«Манас» университетинде');
    only('Ал "Манас" университетинде окуйт.', 'manas-university', '"Манас" университетинде');
    only('Ол „Манас“ университетінде оқиды.', 'manas-university', '„Манас“ университетінде');
    only('Студенты университета «Манас» приехали в Бишкек.', 'manas-university', 'университета «Манас»');
    only('Käbirleri Manas uniwersitetinde okaýar.', 'manas-university', 'Manas uniwersitetinde');
  });
});

describe('a children’s centre named after a composer', () => {
  it('is the centre in Azerbaijani, Kazakh, Russian and Turkish', () => {
    only(
      'Füzulidə Kurmanqazı adına Uşaq Yaradıcılıq Mərkəzi açılır.',
      'kurmangazy-centre-fuzuli',
      'Kurmanqazı adına Uşaq Yaradıcılıq Mərkəzi',
    );
    only(
      'Физулиде Құрманғазы атындағы балалар шығармашылығын дамыту орталығы салынады.',
      'kurmangazy-centre-fuzuli',
      'Құрманғазы атындағы балалар шығармашылығын дамыту орталығы',
    );
    only(
      'В Физули строят Центр развития детского творчества имени Курмангазы.',
      'kurmangazy-centre-fuzuli',
      'Центр развития детского творчества имени Курмангазы',
    );
    only(
      'Füzuli’de Kurmangazı Çocuk Yaratıcılığını Geliştirme Merkezi kuruluyor.',
      'kurmangazy-centre-fuzuli',
      'Kurmangazı Çocuk Yaratıcılığını Geliştirme Merkezi',
    );
  });
});
