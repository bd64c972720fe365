/** Names inside web addresses, e-mail addresses and handles, with the project's alias index and rules. */
import { describe, expect, it } from 'vitest';
import { insideAddressOrHandle } from '../../lib/matcher/web-address';
import { page } from './project-matcher';

describe('a name inside an address or a handle', () => {
  it('is not marked in a web address, with or without www', () => {
    expect(page('Bakıda satılıq mənzil: www.ornek.az/elan/baki-heyder-aliyev-2-otaq')).toEqual([['Bakıda', 'baku']]);
    expect(page('Ətraflı: https://example.org/Azerbaijan/Baku-guide and tbilisi.example.ge/Tbilisi')).toEqual([]);
  });

  it('is not marked in an e-mail address or a domain', () => {
    expect(page('Write to press@Turkmenistan.example or visit Azerbaijan.travel for Baku tours.')).toEqual([
      ['Baku', 'baku'],
    ]);
  });

  it('is not marked in a handle joined by "@" or "_"', () => {
    expect(page('Reply from @Azerbaijan_Traveller about Tbilisi: Kazakhstan_2030 is a slogan.')).toEqual([
      ['Tbilisi', 'tbilisi'],
    ]);
  });

  it('is marked beside a dash, a slash or a dot that is no address', () => {
    expect(page('The Baku-Tbilisi-Ceyhan line runs through Azerbaijan/Georgia. Ankara.')).toEqual([
      ['Baku-Tbilisi-Ceyhan', 'btc-pipeline'],
      ['Azerbaijan', 'azerbaijan'],
      ['Georgia', 'georgia'],
      ['Ankara', 'ankara'],
    ]);
    expect(page('г.Баку и Т.И.Алиев')).toContainEqual(['Баку', 'baku']);
  });
});

describe('insideAddressOrHandle', () => {
  const at = (text: string, name: string) => {
    const start = text.indexOf(name);
    return insideAddressOrHandle(text, start, start + name.length);
  };
  it('reads the run of text around the name, not the sentence', () => {
    expect(at('see www.x.az/Baku now', 'Baku')).toBe(true);
    expect(at('see Baku.az now', 'Baku')).toBe(true);
    expect(at('see x.az. Baku/Ganja now', 'Baku')).toBe(false);
    expect(at('in Baku. Then', 'Baku')).toBe(false);
    expect(at('in Baku.\nThen', 'Baku')).toBe(false);
  });
  it("reads a site's name of joined words that ends in a domain as the address, even a long domain", () => {
    expect(at('via eurasia-daily.example · 3h', 'eurasia')).toBe(true);
    expect(at('see baku-travel.network for tips', 'baku')).toBe(true);
    expect(at('the Baku-Tbilisi line. Then', 'Baku')).toBe(false);
    expect(at('the Baku-Tbilisi line.Then', 'Baku')).toBe(false);
  });
});
