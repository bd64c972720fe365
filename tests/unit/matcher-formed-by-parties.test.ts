/**
 * A council, an agreement or a process of ours named by the chain of its parties before a head is that thing over the
 * whole name, in either order of the parties and in every language that has the head; the countries and towns inside
 * it are not marked as themselves (data/entities/formed-by-parties.yaml, data/languages.yaml `formed-names`).
 * Sentences in no evaluation page.
 */
import { describe, expect, it } from 'vitest';
import { page } from './project-matcher';

const ids = (text: string) => page(text).map(([, id]) => id);

describe('a thing of ours named by its parties and a head', () => {
  it('is the council, in every language that has the head and either order', () => {
    expect(page('The Kazakhstan–Azerbaijan Business Council met in Almaty.')).toContainEqual([
      'Kazakhstan–Azerbaijan Business Council',
      'azerbaijan-kazakhstan-business-council',
    ]);
    expect(ids('Qazaxıstan-Azərbaycan İşgüzar Şurasının iclası keçirildi.')).toEqual([
      'azerbaijan-kazakhstan-business-council',
    ]);
    expect(ids('Қазақстан-Әзербайжан іскерлік кеңесі отырыс өткізді.')).toEqual([
      'azerbaijan-kazakhstan-business-council',
    ]);
    expect(ids('Turkiya–Oʻzbekiston Oliy darajadagi strategik hamkorlik kengashi yigʻilishi boʻldi.')).toEqual([
      'turkiye-uzbekistan-high-level-strategic-cooperation-council',
    ]);
    expect(ids('Azərbaycan-Türkiyə Yüksək Səviyyəli Strateji Əməkdaşlıq Şurasının iclası keçirildi.')).toEqual([
      'az-tr-high-level-strategic-cooperation-council',
    ]);
  });
  it('is the agreement or the process, and never the country inside it', () => {
    expect(ids('The Turkmenistan–Türkiye natural gas memorandum was extended.')).toEqual([
      'turkiye-turkmenistan-gas-mou-2024',
    ]);
    expect(ids('Türkmənistan-Türkiyə qaz memorandumu uzadıldı.')).toEqual(['turkiye-turkmenistan-gas-mou-2024']);
    expect(ids('Analysts expect the Turkmenistan–Iran–Azerbaijan gas swap to grow.')).toEqual(['turkmen-gas-swap']);
    expect(ids('Ermənistan-Türkiyə normallaşma prosesi davam edir.')).toEqual(['turkiye-armenia-normalization']);
    expect(ids('Հայաստան-Թուրքիա կարգավորման գործընթացը շարունակվում է։')).toEqual(['turkiye-armenia-normalization']);
    expect(ids('The Turkestan–Shusha twinning was signed in 2022.')).toEqual(['shusha-turkestan-twin-cities']);
  });
  it('leaves the parties themselves where no head follows, or another head does', () => {
    expect(ids('Türkmenistan ile Türkiye gaz konusunu görüştü.')).toEqual(['turkmenistan', 'turkiye']);
    expect(ids('Azərbaycan-Qazaxıstan münasibətləri inkişaf edir.')).toEqual(['azerbaijan', 'kazakhstan']);
  });
});
