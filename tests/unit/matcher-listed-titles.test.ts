/**
 * A quoted title in a listing is told by the listing's shape, not by a word of its kind (listed-titles.ts): a TV or
 * radio guide's programme after its time of day, a book list's entry after its author's name. The blurb after the
 * title still names real places. Sentences in no evaluation page, in each language, with the shapes that must not
 * count: a quoted sentence after a time, quoted names that go on as a sentence's subject.
 */
import { describe, expect, it } from 'vitest';
import { ids } from './project-matcher';

describe('a quoted programme after its time of day, as a TV or radio guide lists it', () => {
  it('drops the title’s names and keeps the blurb’s, in every language', () => {
    expect(ids('09:00 «Aşgabat agşamlary» — Aşgabatda täze seýilgäh açyldy.')).toEqual(['ashgabat']);
    expect(ids('21:30 "Bakı axşamları": Bakıda yeni park açılıb.')).toEqual(['baku']);
    expect(ids('18:00 · «Астана кеші»: Астанада жаңа театр ашылды.')).toEqual(['astana']);
    expect(ids('20.45 "İstanbul Geceleri" — İstanbul’da yeni bir müze açıldı.')).toEqual(['istanbul']);
    expect(ids('20:00 · «Երևանյան գիշերներ» — Երևանում նոր թատրոն է բացվել։')).toEqual(['yerevan']);
    expect(ids('21:00 · „თბილისის ღამეები“ — თბილისში ახალი თეატრი გაიხსნა.')).toEqual(['tbilisi']);
    expect(ids('21:00 "Baku by Night": the story of Baku’s oil boom.')).toEqual(['baku']);
  });
  it('drops an organisation’s name inside a programme’s title, with a subtitle after a colon', () => {
    expect(ids('20:00 · «Türki döwletleriň guramasy: geljege nazar» — Astanada geçirilen sammit.')).toEqual(['astana']);
  });
  it('keeps quoted names that a sentence goes on from, and a quoted sentence after a time', () => {
    expect(ids('10:20 «Газпром» и «КазМунайГаз» подписали соглашение в Москве.')).toEqual([
      'gazprom',
      'kazmunaygaz',
      'moscow',
    ]);
    expect(ids('12:05 — «Баку готов к миру», — заявил Ильхам Алиев.')).toEqual(['baku', 'ilham-aliyev']);
    expect(ids('12:05 — «Готов ли Баку к миру?» Алиев ответил.')).toEqual(['baku']);
    expect(ids('11:30 «Qazaqstan, alğa!» — Qazaqstan qūramasy jeñdı.')).toEqual(['kazakhstan', 'kazakhstan']);
  });
  it('reads no time in a number that is no time of day', () => {
    expect(ids('Табло 25:30 «Баку сегодня» — и Ташкент.')).toEqual(['baku', 'tashkent']);
    expect(ids('Табло 12:75 «Баку сегодня» — и Ташкент.')).toEqual(['baku', 'tashkent']);
  });
});

describe('a quoted title after its author’s name, as a book list writes an entry', () => {
  it('drops the title’s names and keeps the description’s', () => {
    expect(ids('Ayşe Kaya. "Semerkant Günlüğü" — Semerkant’ta geçen bir roman.')).toEqual(['samarkand']);
    expect(ids('Peter Hopkirk. "The Road to Tashkent" (on Tashkent in 1918)')).toEqual(['tashkent']);
    expect(ids('Ольга Петрова. «Дети Туркестана» — о семье из Самарканда')).toEqual(['samarkand']);
  });
  it('keeps a quotation after a sentence that ends with a person’s name', () => {
    expect(ids('Сегодня выступил Ильхам Алиев. «Азербайджан готов к миру» — эти слова облетели мир.')).toEqual([
      'ilham-aliyev',
      'azerbaijan',
    ]);
  });
});

describe('the kind of work in parentheses after an article or a year, as an encyclopedia writes it', () => {
  it('drops the title and keeps the next mention', () => {
    expect(ids('Samarkand (the novel) · Samarkand is a city in Uzbekistan.')).toEqual(['samarkand', 'uzbekistan']);
    expect(ids('Baku (2008 film). Baku hosted the festival.')).toEqual(['baku']);
  });
  it('keeps a name whose parentheses name another place', () => {
    expect(ids('We drove to Baku (and Tbilisi) in May.')).toEqual(['baku', 'tbilisi']);
  });
});
