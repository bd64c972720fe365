/**
 * Attack pages (issue 22): a page's own scripts, with no real input, try to act for the reader, silence the extension
 * or learn what it knows. Each test is one item of the issue and failed against the build before the fix (see the
 * commit that added it). Real input comes only from the harness (`hover`, `click`, `press`: trusted events).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsersUnderTest, launchLensBrowser } from '../../automation/browsers';
import { borrowLensBrowser } from '../../automation/shared-browser';
import { waitInPage, type LensBrowser } from '../../automation/lens-browser';
import { startStaticServer, type StaticServer } from '../../automation/static-server';
import { actionsIn, contentMessages, countedAfterReaderEscape, extensionIdOf, extensionState } from './attacks-tools';
import { recordHoverSteps } from './cards-driver';
import { CardPage } from './pages/card-page';

let server: StaticServer;
beforeAll(async () => {
  server = await startStaticServer();
});
afterAll(async () => {
  await server?.close();
});

/** An attack page once at least `marks` marks are painted (the page's own script runs beside the content script). */
async function openAttackPage(lens: LensBrowser, path = '/attacks/article.html', marks = 3): Promise<CardPage> {
  const page = new CardPage(await lens.openPage(server.url(path)));
  await page.waitForMarks(marks);
  return page;
}

describe.each(browsersUnderTest())('%s: only real input acts', (name) => {
  let lens: LensBrowser;
  beforeAll(async () => {
    lens = await borrowLensBrowser(name);
  });
  afterAll(async () => {
    await lens?.close();
  });

  it('a synthetic Alt+Shift+M (next name) opens no card and moves no focus', async () => {
    const page = await openAttackPage(lens);
    await recordHoverSteps(page.page);
    await page.page.evaluate(() => {
      for (const [key, code] of [
        ['M', 'KeyM'],
        ['N', 'KeyN'],
      ]) {
        const init = { key, code, altKey: true, shiftKey: true, bubbles: true, cancelable: true };
        for (let i = 0; i < 3; i++) {
          document.dispatchEvent(new KeyboardEvent('keydown', init));
          document.body.dispatchEvent(new KeyboardEvent('keydown', init));
        }
      }
    });
    // The real chord still works, and its card is the only one the hover machine was asked to open: a synthetic
    // chord taken would have opened its own first (held while the card's code loads, replayed in order) and moved
    // focus into it (a card the keyboard opens takes focus), so no wait for "long enough" is needed.
    await page.press('Alt+Shift+KeyM');
    await page.waitForHost('the card from the real chord');
    await page.waitForCard();
    expect((await page.hoverSteps()).filter((step) => step.event === 'open')).toHaveLength(1);
    await page.close();
  });

  it('synthetic pointer moves and taps over a mark open no card', async () => {
    const page = await openAttackPage(lens);
    const sentBefore = await contentMessages(lens);
    const [mark] = await page.marks();
    await page.page.evaluate(
      async ({ x, y }) => {
        const target = document.elementFromPoint(x, y) ?? document.body;
        const init = { clientX: x, clientY: y, bubbles: true, composed: true, pointerId: 7, isPrimary: true };
        const end = performance.now() + 1_200;
        while (performance.now() < end) {
          target.dispatchEvent(new PointerEvent('pointermove', { ...init, pointerType: 'mouse' }));
          target.dispatchEvent(new MouseEvent('mousemove', init));
          await new Promise((r) => setTimeout(r, 30));
        }
        for (const pointerType of ['touch', 'mouse']) {
          target.dispatchEvent(new PointerEvent('pointerdown', { ...init, pointerType }));
          target.dispatchEvent(new PointerEvent('pointerup', { ...init, pointerType }));
          target.dispatchEvent(new MouseEvent('click', init));
        }
      },
      { x: mark!.x, y: mark!.y },
    );
    // No card without its code: had a move or a tap been taken, the card's stage would have been asked for before the
    // reader's Esc, which reaches the background after it.
    const sent = await countedAfterReaderEscape(lens, page.page, sentBefore);
    expect(sent['load-card-stage'] ?? 0).toBe(sentBefore['load-card-stage'] ?? 0);
    expect(await page.isOpen()).toBe(false);
    await page.close();
  });

  it("synthetic pointer, touch and key events over marks do not even load the card's code", async () => {
    const page = await openAttackPage(lens);
    const loads = async () => (await contentMessages(lens))['load-card-stage'] ?? 0;
    const sentBefore = await contentMessages(lens);
    const before = sentBefore['load-card-stage'] ?? 0;
    const marks = await page.marks();
    await page.page.evaluate(
      async (points) => {
        const end = performance.now() + 1_500;
        while (performance.now() < end) {
          for (const { x, y } of points) {
            const target = document.elementFromPoint(x, y) ?? document.body;
            const init = { clientX: x, clientY: y, bubbles: true, composed: true, pointerId: 7, isPrimary: true };
            for (const type of ['pointerover', 'pointerenter', 'pointermove', 'pointerdown', 'pointerup'])
              for (const pointerType of ['mouse', 'touch', 'pen'])
                target.dispatchEvent(new PointerEvent(type, { ...init, pointerType, altKey: true }));
            for (const type of ['mouseover', 'mousemove', 'mousedown', 'mouseup', 'click'])
              target.dispatchEvent(new MouseEvent(type, { ...init, altKey: true }));
            // Alt and Shift going down start loading the card for the shortcut, for the reader's own keys only.
            for (const key of ['Alt', 'Shift'])
              document.dispatchEvent(
                new KeyboardEvent('keydown', { key, altKey: true, shiftKey: true, bubbles: true }),
              );
          }
          await new Promise((r) => setTimeout(r, 30));
        }
      },
      marks.slice(0, 4).map(({ x, y }) => ({ x, y })),
    );
    // Asked for before the reader's Esc, a load would be counted by the time that Esc is.
    expect((await countedAfterReaderEscape(lens, page.page, sentBefore))['load-card-stage'] ?? 0).toBe(before);
    // Nothing of the card reached the page either: no host element.
    expect(await page.hasHost()).toBe(false);
    // The reader's own pointer loads it.
    await page.hoverUntilCard(marks[0]!);
    expect(await loads()).toBe(before + 1);
    await page.close();
  });

  it("the card's buttons refuse synthetic clicks: nothing saved, hidden, switched off or opened", async () => {
    const page = await openAttackPage(lens);
    const before = await extensionState(lens);
    const marks = await page.marks();
    await page.hoverUntilCard(marks[0]!);
    const sentBefore = await contentMessages(lens);
    // The page presses every button of the card, "More" first so its hidden actions appear, several times over.
    const pressed = await page.pressEveryButtonByScript();
    // It reached them (the test build's root is open): the defence is the buttons', not the page's ignorance.
    expect(pressed.join('|')).toMatch(/Save snippet/);
    // Every action goes through the background, at the press: none was sent before the reader's Esc, which is counted.
    const sent = await countedAfterReaderEscape(lens, page.page, sentBefore);
    expect(actionsIn(sent)).toEqual(actionsIn(sentBefore));
    const after = await extensionState(lens);
    expect(after.snippets).toBe(before.snippets);
    expect(after.settings).toBe(before.settings);
    expect(after.tabs).toBe(before.tabs);
    expect((await page.marks()).length).toBe(marks.length);
    await page.close();
  });

  it('a real click on the same buttons still works (Save snippet)', async () => {
    const page = await openAttackPage(lens);
    const before = await extensionState(lens);
    const [mark] = await page.marks();
    await page.hoverUntilCard(mark!);
    const at = await page.buttonAt('Save snippet');
    await page.click(at.x, at.y);
    await page.waitForText('Saved', 'Saved');
    expect((await extensionState(lens)).snippets).toBe(before.snippets + 1);
    await page.close();
  });
});

describe.each(browsersUnderTest())('%s: the page cannot stop or fingerprint the content script', (name) => {
  let lens: LensBrowser;
  beforeAll(async () => {
    lens = await launchLensBrowser(name, { build: 'production' });
  });
  afterAll(async () => {
    await lens?.close();
  });

  it("echoing WXT's start-up announcement (or forging its event with the known id) does not switch the lens off", async () => {
    const page = await openAttackPage(lens, `/attacks/echo-startup.html#id=${extensionIdOf(lens)}`, 2);
    // The lens runs (its marks are painted): five more forged start-up events, each heard by every listener as it is
    // dispatched, reach it while it runs.
    const seen = () => page.page.evaluate(() => (window as unknown as { __seen: { echoed: number } }).__seen.echoed);
    const running = await seen();
    await waitInPage(
      page.page,
      (after) => (window as unknown as { __seen: { echoed: number } }).__seen.echoed >= after + 5,
      'five forged start-up events while the lens runs',
      10_000,
      running,
    );
    expect(await seen()).toBeGreaterThan(0);
    // Still alive: new text is scanned and marked, and a real hover opens a card.
    await page.page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'late';
      p.textContent = 'Later that day, Ilham Aliyev spoke in Baku about TANAP and the Middle Corridor.';
      document.body.append(p);
    });
    expect(await page.waitForMarksIn('late', 'marks in the text added after the attack')).toBeGreaterThan(0);
    await page.close();
  });

  it('a page learns no extension id and gets no start-up message', async () => {
    const page = await openAttackPage(lens);
    const messages = await page.page.evaluate(
      () => (window as unknown as { __seen: { messages: string[] } }).__seen.messages,
    );
    const id = extensionIdOf(lens);
    expect(messages.filter((m) => m.includes(id) || /content-script-started/.test(m))).toEqual([]);
    await page.close();
  });

  it("no page event carries what the extension found or what the reader opened; the card's root is closed", async () => {
    const page = await openAttackPage(lens);
    // Ask, as a page could, for the scan report again.
    await page.page.evaluate(() => document.dispatchEvent(new CustomEvent('lens-report-request')));
    const [mark] = await page.marks();
    await page.hover(mark!.x, mark!.y);
    // A card opened (the host exists and holds focusable content), but the page cannot see into it.
    await page.waitForHost('the card host');
    // The card on screen, as any page can find it: a point of the viewport that hits its host. Then the frame it is
    // painted in and the task after that frame, where the test build announces a shown card (page/hover-card.ts
    // reportTiming): queued after the card's own, this page's frame callback and task run after it.
    await waitInPage(
      page.page,
      () => {
        const host = document.querySelector('lens-card-host');
        for (let y = 4; y < innerHeight; y += 16)
          for (let x = 4; x < innerWidth; x += 16) if (host && document.elementFromPoint(x, y) === host) return true;
        return false;
      },
      'the card on screen',
    );
    await page.page.evaluate(
      () =>
        new Promise<null>((done) =>
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => done(null);
            channel.port2.postMessage(null);
          }),
        ),
    );
    expect(await page.rootOpen()).toBe(false);
    const events = await page.page.evaluate(
      () => (window as unknown as { __seen: { events: string[] } }).__seen.events,
    );
    expect(events).toEqual([]);
    await page.close();
  });
});
