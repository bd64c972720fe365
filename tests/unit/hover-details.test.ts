import { describe, expect, it } from 'vitest';
import { asked, createDetailsCache } from '../../page/hover-details';
import type { EntityDetails } from '../../lib/messaging/messages';

const details = (id: string) => ({ entity: { id } }) as unknown as EntityDetails;
/** Lets every promise already settled deliver its answer. */
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the card details cache', () => {
  it('peek gives nothing while the answer is on its way, and the details as soon as it has come', async () => {
    let answer!: (d: EntityDetails) => void;
    const cache = createDetailsCache(() => asked(new Promise((r) => (answer = r))));
    const got = cache.get('a');
    expect(cache.peek('a')).toBeUndefined();
    answer(details('a'));
    await got;
    expect(cache.peek('a')).toEqual(details('a'));
  });

  it('a request made before the cache (the first card, asked while the card stage loaded) is used, not asked again', async () => {
    const early = asked(Promise.resolve(details('a')));
    await settle();
    const fetched: string[] = [];
    const cache = createDetailsCache(
      (id) => (fetched.push(id), asked(Promise.resolve(details(id)))),
      new Map([['a', early]]),
    );
    // Read before any turn of the event loop: the card about to render gets its details at once.
    expect(cache.peek('a')).toEqual(details('a'));
    expect(await cache.get('a')).toEqual(details('a'));
    expect(fetched).toEqual([]);
  });

  it('a failed request is dropped, so the next card asks again', async () => {
    const fetched: string[] = [];
    let fail = true;
    const cache = createDetailsCache((id) => {
      fetched.push(id);
      return asked(fail ? Promise.reject(new Error('background restarted')) : Promise.resolve(details(id)));
    });
    await expect(cache.get('a')).rejects.toThrow('background restarted');
    expect(cache.peek('a')).toBeUndefined();
    fail = false;
    expect(await cache.get('a')).toEqual(details('a'));
    expect(fetched).toEqual(['a', 'a']);
  });

  it('an entity unknown to the background (null) is no details to show', async () => {
    const cache = createDetailsCache(() => asked(Promise.resolve(null)));
    await cache.get('x');
    expect(cache.peek('x')).toBeUndefined();
  });
});
