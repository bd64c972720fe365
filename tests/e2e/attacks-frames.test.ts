/**
 * Attack pages with frames (issue 22): a cross-origin ad frame rides the save-selection command, forges or overhears
 * the Esc relay between frames, and another site's about:blank, about:srcdoc and sandboxed frames fish for passages
 * saved elsewhere. Two servers on different ports are two origins: site A (`server`) and site B (`other`). Every attack
 * is the pages' own script; the reader's input comes only from the harness (`hover`, `click`, `press`).
 * Each test failed against the build before the fix (see the commit that added it).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsersUnderTest } from '../../automation/browsers';
import { borrowLensBrowser } from '../../automation/shared-browser';
import { sleep, waitInPage, type LensBrowser, type LensPage } from '../../automation/lens-browser';
import { startStaticServer, type StaticServer } from '../../automation/static-server';
import { contentMessages, contentMessagesReach, countedAfterReaderEscape, extensionState } from './attacks-tools';
import { changeSettings } from './cards-driver';
import { CardPage } from './pages/card-page';
import { LibraryPage } from './pages/library-page';
import { saveVia, selectText } from './snippets-driver';

/** What the ad frame reports to its parent (tests/e2e/fixtures/attacks/ad-frame.html). */
interface AdReport {
  messages: string[];
  keys: string[];
  selection: string;
  forged: number;
  /** Whether the frame's document has focus. */
  focused: boolean;
  /** How many `report` commands it has answered. */
  asked: number;
}

let server: StaticServer;
let other: StaticServer;
beforeAll(async () => {
  server = await startStaticServer();
  other = await startStaticServer();
});
afterAll(async () => {
  await server?.close();
  await other?.close();
});

/** Site A's article with site B's ad frame in it, once both are up (the frame reports every 200 ms). */
function framedArticleUrl(): string {
  return `${server.url('/attacks/framed-article.html')}#frame=${encodeURIComponent(other.url('/attacks/ad-frame.html'))}`;
}

async function openFramedArticle(lens: LensBrowser): Promise<CardPage> {
  const page = new CardPage(await lens.openPage(framedArticleUrl()));
  await page.waitForMarks(3);
  await adReport(page.page);
  return page;
}

function adReport(page: LensPage): Promise<AdReport> {
  return waitInPage(page, () => (window as unknown as { __ad: AdReport | null }).__ad, "the ad frame's report");
}

function tellAd(page: LensPage, command: 'select' | 'forge-escape' | 'report'): Promise<void> {
  return page.evaluate((adCommand) => {
    document.querySelector<HTMLIFrameElement>('#ad')!.contentWindow!.postMessage({ adCommand }, '*');
  }, command);
}

/**
 * What the ad frame has heard, in a report it made after every message the top page posted to it so far: the test
 * asks for one from the top window, and one window's messages to another arrive in the order they were posted. So a
 * relay word the top page's content script had posted to the frame (in the same window) is in it, without a sleep.
 */
async function adHeardSoFar(page: LensPage): Promise<AdReport> {
  const asked = (await adReport(page)).asked;
  await tellAd(page, 'report');
  return waitInPage(
    page,
    (asked) => {
      const ad = (window as unknown as { __ad: AdReport }).__ad;
      return ad.asked > asked ? ad : null;
    },
    "the ad frame's answer",
    10_000,
    asked,
  );
}

/**
 * A real click inside the ad frame, below its text (with no card in the way): focus moves into the frame, as a
 * reader's click would move it.
 */
async function clickIntoAd(page: LensPage): Promise<void> {
  const at = await page.evaluate(() => {
    const r = document.querySelector('#ad')!.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.bottom - 20 };
  });
  await page.click(at.x, at.y);
  await waitInPage(page, () => (window as unknown as { __ad: AdReport }).__ad.focused, 'focus in the ad frame');
}

describe.each(browsersUnderTest())('%s: frames cannot ride, forge or overhear', (name) => {
  let lens: LensBrowser;
  beforeAll(async () => {
    lens = await borrowLensBrowser(name);
  });
  afterAll(async () => {
    await lens?.close();
  });

  it("save-selection saves the reader's selection only, not the ad frame's script-made one", async () => {
    const page = await openFramedArticle(lens);
    await tellAd(page.page, 'select');
    await waitInPage(
      page.page,
      () => /evil\.example/.test((window as unknown as { __ad: AdReport }).__ad.selection),
      "the ad frame's own selection",
    );
    const before = (await extensionState(lens)).snippets;
    const sentBefore = await contentMessages(lens);
    const chosen = await selectText(page.page, 'p2');
    await saveVia(lens, 'command', framedArticleUrl());
    await page.waitForAnyToast('the saved toast');
    // The ad frame still held its selection when the command came.
    expect((await adReport(page.page)).selection).toMatch(/evil\.example/);
    // Had the ad frame answered the command too, it would have sent its save as the command reached it: before the
    // reader's Esc in that frame, which is counted after it. One save was sent, the top page's.
    await clickIntoAd(page.page);
    const sent = await countedAfterReaderEscape(lens, page.page, sentBefore);
    expect(sent['save-snippet'] ?? 0).toBe((sentBefore['save-snippet'] ?? 0) + 1);
    const lib = await LibraryPage.open(lens);
    const records = (await lib.records()) ?? [];
    await lib.close();
    expect(records.filter((r) => /evil\.example/.test(String(r.text)))).toEqual([]);
    expect(records.length).toBe(before + 1);
    expect(records.some((r) => String(r.text) === chosen.replace(/\s+/g, ' ').trim())).toBe(true);
    await page.close();
  });

  it("a cross-origin frame's forged Esc (relay messages, made-up key presses) does not close the top page's card", async () => {
    const page = await openFramedArticle(lens);
    const [mark] = await page.marks();
    const escapes = async () => (await contentMessages(lens))['escape-pressed'] ?? 0;
    const start = await escapes();
    await page.hoverUntilCard(mark!);
    await tellAd(page.page, 'forge-escape');
    // Eleven rounds of forging while the card is open. The ad's report that says so was posted after them, so the top
    // page has had each forged relay word by then.
    await waitInPage(
      page.page,
      () => (window as unknown as { __ad: AdReport }).__ad.forged > 10,
      'eleven rounds of forging',
    );
    expect(await page.isOpen()).toBe(true);

    // The relay itself works: with focus in the ad frame, the reader's own Esc there closes the top page's card.
    await page.press('Escape');
    await page.hover(5, 5);
    await page.waitForNoCard();
    await clickIntoAd(page.page);
    await page.hoverUntilCard(mark!, null, { fromBelow: 60 });
    await page.press('Escape');
    await waitInPage(
      page.page,
      () => (window as unknown as { __ad: AdReport }).__ad.keys.includes('Escape'),
      'Esc in the ad',
    );
    await page.waitForNoCard();
    // The background heard the reader's two Esc presses only: a forged one the ad frame's content script had taken
    // would have been sent before the reader's Esc there, which closed the card through the background.
    expect((await escapes()) - start).toBe(2);
    await page.close();
  });

  it("a frame without a card hears nothing of the reader's Esc; nothing leaves a page where the lens is off", async () => {
    const page = await openFramedArticle(lens);
    const [mark] = await page.marks();
    const sent = async () => (await contentMessages(lens))['escape-pressed'] ?? 0;
    const start = await sent();
    // Esc with a card open in the top page, then with none.
    await page.hoverUntilCard(mark!);
    await page.closeWithEscape();
    await page.press('Escape');
    const heard = await adHeardSoFar(page.page);
    expect(heard.messages).toEqual([]);
    expect(heard.keys).toEqual([]);
    // The top page told the background (only), once per press: counted once its marks come back below, after
    // everything the page sent before.
    await contentMessagesReach(lens, ['escape-pressed'], start + 2);

    // Site off: the page's Esc goes nowhere.
    const marks = (await page.marks()).length;
    await changeSettings(lens, { disabledSites: ['127.0.0.1'] });
    try {
      await page.waitForNoMarks();
      await page.press('Escape');
      await page.press('Escape');
      expect((await adHeardSoFar(page.page)).messages).toEqual([]);
    } finally {
      await changeSettings(lens, { disabledSites: [] });
    }
    // The site on again: the page reads its text afresh, and its marks come back with the matcher's answer. Every
    // message the page sent before that (any Esc of the four) has reached the background by then.
    await page.waitForMarks(marks);
    expect((await sent()) - start).toBe(2);
    await page.close();
  });

  it('passages saved on one page are painted there only: never in about:blank, about:srcdoc or sandboxed frames of another site', async () => {
    const passage = 'Gas from the Caspian reaches Türkiye through TANAP';
    const saved = server.url('/attacks/article.html');
    const now = Date.now();
    const record = (url: string) => ({
      id: randomUUID(),
      text: passage,
      url,
      title: 'Saved passage',
      createdAt: now,
      updatedAt: now,
      selector: { type: 'TextQuoteSelector', exact: passage, prefix: '', suffix: '' },
      entityIds: [],
      note: '',
      tags: [],
    });
    // What the reader saved: from site A's page, and (as the build before the fix stored them) from frames without an
    // address of their own.
    const lib = await LibraryPage.open(lens);
    const snippets = [record(saved), record('about:blank'), record('about:srcdoc')];
    // Schema version 2 (records as in version 3), which the build before the fix also read.
    const file = { format: 'caspian-lens/snippets', version: 2, exportedAt: new Date(now).toISOString() };
    await lib.provideFile('Import…', 'saved.json', JSON.stringify({ ...file, count: 3, snippets }));
    expect(await lib.banner()).toMatch(/Imported 3 snippets/);
    await lib.close();

    // On the page it was saved from, the passage is painted again.
    const home = new CardPage(await lens.openPage(saved));
    await home.waitForSnippetPainted('the saved passage painted on its own page');
    await home.close();

    // Site B guesses the passage in frames of its own, where the lens runs (their marks show it) and finds nothing.
    const page = await lens.openPage(
      `${other.url('/attacks/blank-frames.html')}#passage=${encodeURIComponent(passage)}`,
    );
    const top = new CardPage(page);
    const painted = async () => ({
      blank: await top.inFrame('#blank').paintCounts(),
      srcdoc: await top.inFrame('#srcdoc').paintCounts(),
      // The sandboxed frame's own count, which the fixture reports (the top page cannot reach into it).
      sandboxed: (await page.evaluate(
        () =>
          (window as unknown as { __sandboxed: { report: number; marks: number; snippets: number } | null })
            .__sandboxed,
      )) ?? { report: 0, marks: 0, snippets: 0 },
    });
    const started = Date.now();
    let seen = await painted();
    while (Date.now() - started < 20_000 && !(seen.blank.marks && seen.srcdoc.marks)) {
      await sleep(200);
      seen = await painted();
    }
    // No wait for a painting that would follow the marks: the passages saved from a frame's page come with its stage's
    // start and are painted there, before its marks (page/start-lens.ts). The sandboxed frame, where no lens runs,
    // is read in a report it made after the other two frames were marked.
    const marked = seen.sandboxed.report;
    await waitInPage(
      page,
      (after) => ((window as unknown as { __sandboxed: { report: number } | null }).__sandboxed?.report ?? 0) > after,
      "the sandboxed frame's next report",
      10_000,
      marked,
    );
    seen = await painted();
    console.log(`${name}: frames on site B`, JSON.stringify(seen));
    expect(seen.blank.marks).toBeGreaterThan(0);
    expect(seen.srcdoc.marks).toBeGreaterThan(0);
    // Neither browser runs content scripts in a sandboxed about:srcdoc frame (an opaque origin): nothing is there to
    // paint. A sandboxed frame with a web address is refused by its origin (tests/unit/background-guards.test.ts).
    expect([seen.blank.snippets, seen.srcdoc.snippets, seen.sandboxed.snippets]).toEqual([0, 0, 0]);
    await page.close();
  });
});
