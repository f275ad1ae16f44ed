// background.js is the extension's service worker (a background script in
// Firefox). It takes a tab, asks the tab for its HTML and address, and opens
// reader.html with them; the toolbar button, its keyboard shortcut and the
// context-menu item all go through openReader.
//
// It never cleans anything and never loads WebAssembly into the page: many
// sites' Content Security Policy forbids WebAssembly (and the page must not
// see or tamper with our code), so the only thing that runs in the page is
// capturePage, which returns strings. The cleaning runs in reader.html, an
// extension page whose policy allows 'wasm-unsafe-eval'.
//
// It is a classic script, not a module, so its functions are globals of the
// worker: tests/extension.test.mjs calls onActionClicked and onMenuClicked
// directly with the article's tab, which is exactly what a click does.

const MENU_ID = 'articleclean-open-reader';
const MESSAGE_GET = 'articleclean:get-page';
const SESSION_PREFIX = 'page:';

// Hand-overs kept in memory and in chrome.storage.session. A reader tab reads
// its page once when it loads (and again on reload), so only the newest few
// are worth keeping; more would only hold memory.
const KEEP_PAGES = 4;

// chrome.storage.session holds 10 MB in all (Chromium's QUOTA_BYTES, counted
// as UTF-8 JSON). A page bigger than this share is handed over through
// memory only: it survives as long as this worker does, which covers the
// reader tab's first load; the session copy only helps when the worker was
// stopped in between (idle workers stop after about 30 s).
const SESSION_MAX_BYTES = 6 * 1024 * 1024;

// The service worker's memory: id → captured page. The worker may be stopped
// at any time, so chrome.storage.session is the copy that lasts.
const pages = new Map();

chrome.runtime.onInstalled.addListener(() => {
  // removeAll first: onInstalled also fires on update, and creating an id
  // that exists is an error.
  chrome.contextMenus.removeAll(() => {
    chrome.contextMenus.create({
      id: MENU_ID,
      title: 'Open in reader view',
      contexts: ['page', 'selection'],
    });
  });
});

chrome.action.onClicked.addListener(onActionClicked);
chrome.contextMenus.onClicked.addListener(onMenuClicked);

/** The toolbar button (and its shortcut, Alt+Shift+R). */
function onActionClicked(tab) {
  return openReader(tab).catch((err) => console.error('articleclean:', err));
}

/** The "Open in reader view" context-menu item. */
function onMenuClicked(info, tab) {
  if (info?.menuItemId !== MENU_ID || !tab) return Promise.resolve();
  return openReader(tab).catch((err) => console.error('articleclean:', err));
}

chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  // Only our own pages may ask: there are no content scripts and no
  // externally_connectable, but the check costs nothing.
  if (!msg || msg.type !== MESSAGE_GET || sender.id !== chrome.runtime.id) return false;
  if (sender.url && !sender.url.startsWith(chrome.runtime.getURL(''))) return false;
  sendResponse(pages.get(String(msg.id)) ?? null);
  return false;
});

/**
 * Captures the tab's page and opens it in a reader tab next to it. When the
 * page cannot be read (browser pages, the extension store, file: pages
 * without "Allow access to file URLs"), the reader tab says why.
 *
 * @param {chrome.tabs.Tab} tab
 * @returns {Promise<{id: string, readerTabId: number|undefined}>}
 */
async function openReader(tab) {
  if (!tab || typeof tab.id !== 'number') throw new TypeError('openReader needs a tab with an id');
  let page;
  try {
    const [injection] = await chrome.scripting.executeScript({
      target: { tabId: tab.id },
      func: capturePage,
    });
    const got = injection?.result;
    if (!got || typeof got.html !== 'string') throw new Error('the page returned no HTML');
    page = { html: got.html, url: got.url, title: got.title };
  } catch (err) {
    page = { error: cannotReadMessage(tab, err), url: tab.url ?? '', title: tab.title ?? '' };
  }
  page.at = Date.now();
  const id = await handOver(page);
  const reader = await chrome.tabs.create({
    url: chrome.runtime.getURL(`reader.html?id=${encodeURIComponent(id)}`),
    index: typeof tab.index === 'number' ? tab.index + 1 : undefined,
    openerTabId: tab.id,
    windowId: tab.windowId,
    active: true,
  });
  return { id, readerTabId: reader?.id };
}

// capturePage runs inside the article's tab (an isolated world: it sees the
// DOM, not the page's scripts). It must be self-contained: executeScript
// sends its source text, not its closure. The DOM as it is now, not the
// bytes the server sent, is what the person is reading, including what the
// page's scripts added.
function capturePage() {
  const doctype = document.doctype ? `<!DOCTYPE ${document.doctype.name}>\n` : '';
  return {
    html: doctype + document.documentElement.outerHTML,
    url: location.href,
    title: document.title,
  };
}

function cannotReadMessage(tab, err) {
  const url = tab.url ?? '';
  if (/^file:/i.test(url)) {
    return 'The extension may not read files on this computer. Turn on "Allow access to file URLs" ' +
      'in the extension\'s details (chrome://extensions), then try again.';
  }
  const why = err?.message ? ` (${err.message})` : '';
  return `The browser does not let extensions read this page${why}. Browser pages, the extension store ` +
    'and other extensions\' pages are off limits; on a normal web page, press the toolbar button again.';
}

async function handOver(page) {
  const id = crypto.randomUUID();
  pages.set(id, page);
  while (pages.size > KEEP_PAGES) pages.delete(pages.keys().next().value);
  try {
    await keepInSession(id, page);
  } catch (err) {
    // The memory copy still serves the reader tab's first load.
    console.warn('articleclean: page kept in memory only:', err?.message ?? err);
  }
  return id;
}

async function keepInSession(id, page) {
  const bytes = utf8Length(page.html ?? '') + utf8Length(page.url ?? '') + utf8Length(page.title ?? '');
  const stored = await chrome.storage.session.get(null);
  const old = Object.keys(stored)
    .filter((k) => k.startsWith(SESSION_PREFIX))
    .sort((a, b) => (stored[a]?.at ?? 0) - (stored[b]?.at ?? 0));
  if (bytes > SESSION_MAX_BYTES) {
    return;
  }
  const drop = old.slice(0, Math.max(0, old.length - (KEEP_PAGES - 1)));
  if (drop.length) await chrome.storage.session.remove(drop);
  try {
    await chrome.storage.session.set({ [SESSION_PREFIX + id]: page });
  } catch {
    // Over quota with older pages still stored: they matter less than this one.
    await chrome.storage.session.remove(old);
    await chrome.storage.session.set({ [SESSION_PREFIX + id]: page });
  }
}

// utf8Length counts without encoding (a big page would be copied for
// nothing): storage quotas count UTF-8 bytes.
function utf8Length(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { n += 4; i++; } else n += 3;
  }
  return n;
}
