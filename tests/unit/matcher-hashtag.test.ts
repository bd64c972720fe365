/** Names run together with other words in hashtags, with the project's alias index and rules. */
import { describe, expect, it } from 'vitest';
import { page } from './project-matcher';

describe('a name that starts a hashtag', () => {
  it('ends where a number begins', () => {
    expect(page('Bu il festival Naxçıvanda olsun. #TEKNOFEST2026')).toContainEqual(['TEKNOFEST', 'teknofest']);
    expect(page('Bapkerı qatysty. #Bışkek2026')).toEqual([['Bışkek', 'bishkek']]);
  });

  it('ends where the next capitalised word begins, unless the name is also a common word', () => {
    expect(page('Photos from the trip: #travelgram #BakuNext #TurkeyTrot')).toEqual([['Baku', 'baku']]);
  });

  it('does not end inside a word outside a hashtag, nor before a lowercase letter', () => {
    expect(page('Bakunext and Baku2026 are brand names; so is #Bakunext.')).toEqual([]);
  });
});
