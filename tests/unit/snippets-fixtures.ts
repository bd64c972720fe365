/** Records shared by the snippets unit tests: realistic text, awkward characters, every field filled. */
import type { Snippet, SnippetV1 } from '../../lib/snippets/types';

export const V1_RECORDS: SnippetV1[] = [
  {
    id: '0b5c1f7e-1d1e-4c51-9d7b-2f8e0a6b1c01',
    text: 'The Baku–Tbilisi–Ceyhan pipeline carries Azerbaijani crude to the Mediterranean.',
    url: 'https://example.org/energy/btc',
    title: 'BTC at twenty',
    createdAt: 1_700_000_000_000,
    selector: {
      exact: 'The Baku–Tbilisi–Ceyhan pipeline carries',
      prefix: 'Background. ',
      suffix: ' Azerbaijani crude',
    },
    entityIds: ['btc-pipeline', 'azerbaijan'],
    note: 'Check the 2006 date.',
  },
  {
    id: '0b5c1f7e-1d1e-4c51-9d7b-2f8e0a6b1c02',
    text: 'Əliyev and Erdoğan met in Şuşa.',
    url: 'https://news.example.az/2021/06/15',
    title: '',
    createdAt: 1_623_750_000_000,
    selector: { exact: 'Əliyev and Erdoğan met in Şuşa.', prefix: '', suffix: '' },
    entityIds: [],
    note: '',
  },
];

export function snippet(overrides: Partial<Snippet> = {}): Snippet {
  return {
    id: 'a1b2c3d4-0000-4000-8000-000000000001',
    text: 'TANAP carries gas from Shah Deniz to Türkiye.',
    url: 'https://www.example.com/tanap?ref=1',
    title: 'Southern Gas Corridor, explained',
    createdAt: 1_710_000_000_000,
    updatedAt: 1_710_000_500_000,
    selector: {
      type: 'TextQuoteSelector',
      exact: 'TANAP carries gas',
      prefix: 'In short: ',
      suffix: ' from Shah Deniz',
    },
    entityIds: ['tanap', 'shah-deniz'],
    note: 'Line 1\nLine 2, with "quotes", commas; and =SUM(A1)',
    tags: ['energy', 'gas'],
    ...overrides,
  };
}
