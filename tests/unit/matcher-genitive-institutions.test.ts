/**
 * A city's or a country's name in the Turkic genitive before a university's, an institute's, an academy's, a
 * museum's or a library's name is that institution's, not the place (things-named-after.ts `inGenitiveOfAName`,
 * data/languages.yaml `genitive-endings` and `genitive-heads`), as the Armenian and Georgian genitive is. Sentences
 * in no evaluation page, with the genitives that must stay the place's: its streets, its state bodies.
 */
import { describe, expect, it } from 'vitest';
import { ids } from './project-matcher';

describe('a place’s name in the Turkic genitive before an institution’s name', () => {
  it('drops it before the capitalised words of a university’s or an institute’s name, and keeps the next mention', () => {
    expect(ids('Tələbələr Bakının Dövlət Universitetində toplaşıb, sonra Bakıda gəzib.')).toEqual(['baku']);
    expect(ids('Azərbaycanın Dillər Universiteti yeni proqram açıb.')).toEqual([]);
    expect(ids('Aşgabadyň Halkara Uniwersiteti täze bina açdy, Aşgabatda dabara boldy.')).toEqual(['ashgabat']);
    expect(ids('Türkmenistanyň Döwlet Medeniýet Instituty konsert berdi.')).toEqual([]);
    expect(ids('İstanbul’un Teknik Üniversitesi yeni kampüs açtı; İstanbul’da yağmur var.')).toEqual(['istanbul']);
  });
  it('keeps it before a lowercase word, an office and a state body, which are the place’s own', () => {
    expect(ids('Bakının küçələri genişlənir.')).toEqual(['baku']);
    expect(ids('Azərbaycanın Mərkəzi Bankı faizi saxladı.')).toEqual(['azerbaijan']);
    expect(ids('Azərbaycanın Xarici İşlər Nazirliyi bəyanat yayıb.')).toEqual(['azerbaijan']);
    expect(ids('Türkmenistanyň Prezidenti çykyş etdi.')).toEqual(['turkmenistan']);
    expect(ids('Türkiye’nin Ankara Büyükelçiliği açıklama yaptı.')).toEqual(['turkiye', 'ankara']);
  });
});
