// reader.js drives reader.html: it fetches the page background.js captured,
// cleans it with the articleclean module (WebAssembly in a Web Worker, so a
// huge page leaves this tab responsive) and shows the article.
//
// The article's markup is inserted as HTML into this page without a
// sandboxed frame. That is safe by construction: result.content has passed
// the cleaner's sanitizer (an allow-list with no scripts, event handlers,
// forms, frames except known video players, or javascript: addresses), and
// this page's policy (script-src 'self') would refuse inline script anyway.

import { cleanArticle, version } from './lib/articleclean.js';
import { outputOf as outputOfResult, copyText, download as downloadResult, timeElement } from './lib/outputs.js';

const MESSAGE_GET = 'articleclean:get-page';
const SESSION_PREFIX = 'page:';
const THEME_KEY = 'theme';
const THEMES = ['auto', 'light', 'dark'];

// A tab the person opened on purpose may wait longer than the module's
// default for a huge page.
const CALL_TIMEOUT_MS = 60000;

// Reading speeds for the reading-time estimate: words per minute for
// space-separated scripts, characters per minute for CJK text, which has no
// spaces (commonly quoted averages for adult silent reading).
const WORDS_PER_MINUTE = 230;
const CJK_CHARS_PER_MINUTE = 400;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]/g;

const $ = (id) => document.getElementById(id);
const els = {
  busy: $('busy'), busyText: $('busy-text'), error: $('error'), status: $('status'),
  article: $('article'), site: $('site'), title: $('title'), meta: $('meta'), content: $('content'),
  original: $('original'), footer: $('footer'), theme: $('theme'),
};

let result = null; // the cleaned article, for copy and download

wire();
main().catch((err) => fail(err?.message ?? String(err)));

function wire() {
  document.querySelectorAll('[data-copy]').forEach((b) => b.addEventListener('click', () => copy(b)));
  document.querySelectorAll('[data-download]').forEach((b) => b.addEventListener('click', () => download(b.dataset.download)));
  els.theme.addEventListener('click', cycleTheme);
  chrome.storage.local.get(THEME_KEY).then((v) => applyTheme(v?.[THEME_KEY]), () => applyTheme('auto'));
}

async function main() {
  const id = new URLSearchParams(location.search).get('id');
  if (!id) {
    fail('Open a web page, then press the articleclean button in the toolbar (or right-click the page and choose "Open in reader view").');
    return;
  }
  const page = await takePage(id);
  if (!page) {
    fail('This page is no longer available to the reader view (the browser was restarted, or the page was very large). Open the original page and press the toolbar button again.');
    return;
  }
  showOriginal(page.url);
  if (page.error) {
    fail(page.error);
    return;
  }
  document.title = page.title ? `${page.title} (reader view)` : 'Reader view';
  els.busyText.textContent = `Cleaning ${formatSize(page.html.length)}…`;
  const options = { markdown: true, timeout: CALL_TIMEOUT_MS };
  // The cleaner accepts only http(s) base addresses; other pages (file:,
  // data:) keep their relative links as they are.
  if (/^https?:\/\//i.test(page.url ?? '')) options.url = page.url;
  const t0 = performance.now();
  const r = await cleanArticle(page.html, options);
  const ms = performance.now() - t0;
  result = r;
  show(r, page);
  const v = await version().catch(() => '');
  els.footer.textContent = footerText(r, ms, v);
}

// takePage asks the service worker first (it holds every page, however big,
// while it runs), then the session storage copy (which survives the worker
// being stopped, for pages that fit its quota).
async function takePage(id) {
  try {
    const page = await chrome.runtime.sendMessage({ type: MESSAGE_GET, id });
    if (page) return page;
  } catch {
    // No listener yet (the worker is starting): the stored copy answers.
  }
  const key = SESSION_PREFIX + id;
  const stored = await chrome.storage.session.get(key);
  return stored?.[key] ?? null;
}

function show(r, page) {
  els.busy.hidden = true;
  els.error.hidden = true;
  const title = r.title || page.title || '';
  document.title = title ? `${title} (reader view)` : 'Reader view';
  els.title.textContent = title || '(no title found)';
  if (r.lang) els.article.lang = r.lang; else els.article.removeAttribute('lang');
  if (r.dir) els.article.dir = r.dir; else els.article.removeAttribute('dir');
  els.site.textContent = r.siteName || hostOf(r.url || page.url);
  els.site.hidden = els.site.textContent === '';

  const parts = [];
  if (r.byline) parts.push(textSpan(r.byline, 'byline'));
  if (r.publishedTime) parts.push(timeElement(r.publishedTime));
  const rt = readingTime(r.textContent);
  if (rt) parts.push(textSpan(rt, 'reading-time'));
  els.meta.replaceChildren();
  parts.forEach((p, i) => {
    if (i > 0) els.meta.append(' · ');
    els.meta.append(p);
  });
  els.meta.hidden = parts.length === 0;

  els.content.innerHTML = r.content;
  els.article.hidden = false;
  document.querySelectorAll('[data-copy], [data-download]').forEach((b) => { b.disabled = false; });
  els.status.textContent = `Reader view ready: ${title}`;
}

function showOriginal(url) {
  if (!/^(https?|file):/i.test(url ?? '')) return;
  els.original.href = url;
  els.original.hidden = false;
}

function fail(message) {
  els.busy.hidden = true;
  els.error.textContent = message;
  els.error.hidden = false;
}

function textSpan(text, cls) {
  const s = document.createElement('span');
  s.className = cls;
  s.textContent = text;
  return s;
}


function readingTime(text) {
  if (!text) return null;
  const cjk = (text.match(CJK) ?? []).length;
  const words = (text.replace(CJK, ' ').match(/\S+/g) ?? []).length;
  const minutes = Math.max(1, Math.round(words / WORDS_PER_MINUTE + cjk / CJK_CHARS_PER_MINUTE));
  return `${minutes} min read`;
}

function hostOf(url) {
  try {
    const u = new URL(url);
    return /^https?:$/.test(u.protocol) ? u.hostname.replace(/^www\./, '') : '';
  } catch {
    return '';
  }
}

function footerText(r, ms, v) {
  const removed = r.removed ?? {};
  const time = ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
  return `Cleaned by articleclean ${v} in ${time} on this computer · removed ${removed.ads ?? 0} ads, ` +
    `${removed.trackers ?? 0} trackers, ${removed.elements ?? 0} clutter elements`;
}

function applyTheme(theme) {
  const t = THEMES.includes(theme) ? theme : 'auto';
  if (t === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = t;
  els.theme.textContent = `Theme: ${t}`;
  els.theme.setAttribute('aria-label', t === 'auto' ? 'Colour theme: follow the system' : `Colour theme: ${t}`);
}

function cycleTheme() {
  const now = document.documentElement.dataset.theme ?? 'auto';
  const next = THEMES[(THEMES.indexOf(now) + 1) % THEMES.length];
  applyTheme(next);
  chrome.storage.local.set({ [THEME_KEY]: next }).catch(() => {
    // Not remembering the choice is acceptable.
  });
}

function formatSize(n) {
  return n < 1024 ? `${n} characters` : n < 1048576 ? `${(n / 1024).toFixed(0)} K characters` : `${(n / 1048576).toFixed(1)} M characters`;
}

function outputOf(kind) { return outputOfResult(result, kind); }
async function copy(button) {
  await copyText(outputOf(button.dataset.copy), button);
  els.status.textContent = `${button.getAttribute('aria-label')}: copied`;
}
function download(kind) { downloadResult(result, kind); }
