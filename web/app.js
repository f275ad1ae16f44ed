// app.js drives index.html: it gathers input (pasted text, a file's bytes,
// a fetched page or the sample), calls articleclean.js in its worker and
// shows the result. No framework and no request leaves the page except the
// user's own Fetch.

import { load, cleanArticle } from './articleclean.js';
import { PREVIEW_CSS, PREVIEW_CSS_SHA256 } from './preview-style.js';
import { outputOf as outputOfResult, copyText, download as downloadResult, timeElement } from './outputs.js';

const $ = (id) => document.getElementById(id);
const els = {
  url: $('url'), fetch: $('fetch'), html: $('html'), drop: $('drop'), note: $('source-note'),
  file: $('file'), sample: $('sample'), clean: $('clean'), busy: $('busy'), busyText: $('busy-text'),
  status: $('status'), error: $('error'), result: $('result'), title: $('result-title'), meta: $('meta'),
  removed: $('removed'), preview: $('preview'), explain: $('explain'), explainBody: $('explain-body'),
  version: $('version'),
  opts: { extract: $('opt-extract'), images: $('opt-images'), keepClasses: $('opt-classes'), markdown: $('opt-markdown') },
  out: { html: $('out-html'), markdown: $('out-markdown'), text: $('out-text') },
};

// A longer limit than the library default: a person waiting on a huge page
// prefers a slow answer to none.
const CALL_TIMEOUT_MS = 30000;
const OPTIONS_KEY = 'articleclean.options';

// Reading speeds for the reading-time estimate: words per minute for
// space-separated scripts, characters per minute for CJK text, which has no
// spaces (commonly quoted averages for adult silent reading).
const WORDS_PER_MINUTE = 230;
const CJK_CHARS_PER_MINUTE = 400;

// Bytes from a file or a fetch are kept as bytes, so the cleaner can honour
// the page's own charset; editing the text switches back to the text.
let bytesInput = null; // {bytes: Uint8Array, name: string}
let last = null; // the last result, for copy and download

restoreOptions();
wire();
load({ worker: true })
  .then(({ version }) => { els.version.textContent = version; })
  .catch((err) => showError(`Could not start the cleaner: ${err.message}`));

function wire() {
  els.clean.addEventListener('click', run);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run();
    }
  });
  els.sample.addEventListener('click', loadSample);
  els.fetch.addEventListener('click', fetchPage);
  els.url.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      fetchPage();
    }
  });
  els.html.addEventListener('input', () => setBytes(null));
  els.file.addEventListener('change', () => {
    const f = els.file.files?.[0];
    if (f) readFile(f);
    els.file.value = '';
  });
  for (const type of ['dragenter', 'dragover']) {
    els.drop.addEventListener(type, (e) => {
      e.preventDefault();
      els.drop.classList.add('dragging');
    });
  }
  for (const type of ['dragleave', 'drop']) {
    els.drop.addEventListener(type, () => els.drop.classList.remove('dragging'));
  }
  els.drop.addEventListener('drop', (e) => {
    const f = e.dataTransfer?.files?.[0];
    if (f) {
      e.preventDefault();
      readFile(f);
    }
  });
  for (const box of Object.values(els.opts)) box.addEventListener('change', saveOptions);
  wireTabs();
  document.querySelectorAll('[data-copy]').forEach((b) => b.addEventListener('click', () => copy(b)));
  document.querySelectorAll('[data-download]').forEach((b) => b.addEventListener('click', () => download(b.dataset.download)));
}

function restoreOptions() {
  try {
    const saved = JSON.parse(localStorage.getItem(OPTIONS_KEY) ?? '{}');
    for (const [k, box] of Object.entries(els.opts)) {
      if (typeof saved[k] === 'boolean') box.checked = saved[k];
    }
  } catch {
    // Storage may be disabled or hold junk; the defaults in the page stand.
  }
}

function saveOptions() {
  try {
    localStorage.setItem(OPTIONS_KEY, JSON.stringify(Object.fromEntries(
      Object.entries(els.opts).map(([k, box]) => [k, box.checked]),
    )));
  } catch {
    // Not remembering options is acceptable.
  }
}

function setBytes(input) {
  bytesInput = input;
  els.note.hidden = input === null;
  if (input) {
    els.note.textContent = `Using the bytes of ${input.name} (${formatSize(input.bytes.byteLength)}), so its own character set is honoured. Edit the text to clean the text instead.`;
  }
}

async function readFile(file) {
  clearError();
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    els.html.value = previewText(bytes);
    setBytes({ bytes, name: file.name });
    els.status.textContent = `Loaded ${file.name}.`;
  } catch (err) {
    showError(`Could not read ${file.name}: ${err.message}`);
  }
}

// previewText shows bytes in the text box; legacy charsets may look wrong
// there, but the bytes themselves are what gets cleaned.
function previewText(bytes) {
  return new TextDecoder('utf-8').decode(bytes);
}

async function loadSample() {
  clearError();
  for (const name of ['sample.txt', 'sample.html']) {
    try {
      const resp = await fetch(name, { cache: 'no-store' });
      if (!resp.ok) continue;
      els.html.value = await resp.text();
      setBytes(null);
      els.status.textContent = `Loaded the sample (${name}). Press Clean.`;
      els.clean.focus();
      return;
    } catch {
      // try the next one
    }
  }
  showError('The sample is missing from this copy of the page.');
}

async function fetchPage() {
  clearError();
  const raw = els.url.value.trim();
  let url;
  try {
    url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
  } catch {
    showError('Enter a full web address starting with https:// first.');
    els.url.focus();
    return;
  }
  els.fetch.disabled = true;
  els.status.textContent = `Fetching ${url.href}…`;
  try {
    const resp = await fetch(url, { credentials: 'omit', redirect: 'follow', referrerPolicy: 'no-referrer' });
    if (!resp.ok) throw new Error(`the site answered HTTP ${resp.status}`);
    const bytes = new Uint8Array(await resp.arrayBuffer());
    els.html.value = previewText(bytes);
    setBytes({ bytes, name: url.hostname });
    els.status.textContent = `Fetched ${formatSize(bytes.byteLength)} from ${url.hostname}. Press Clean.`;
  } catch (err) {
    els.status.textContent = '';
    if (err instanceof TypeError) {
      // fetch reports a CORS refusal and an unreachable host the same way.
      showError(`${url.hostname} does not allow other pages to read it (or could not be reached). ` +
        'Use the articleclean browser extension on that page, or save the page (Ctrl+S) and open the file here.');
    } else {
      showError(`Could not fetch the page: ${err.message}`);
    }
  } finally {
    els.fetch.disabled = false;
  }
}

function currentOptions() {
  const options = {
    extract: els.opts.extract.checked,
    keepClasses: els.opts.keepClasses.checked,
    images: els.opts.images.checked ? 'keep' : 'drop',
    markdown: els.opts.markdown.checked,
    explain: true,
    timeout: CALL_TIMEOUT_MS,
  };
  const url = els.url.value.trim();
  if (url) options.url = url;
  return options;
}

let running = false;

async function run() {
  if (running) return;
  clearError();
  const input = bytesInput ? bytesInput.bytes : els.html.value;
  if (typeof input === 'string' && input.trim() === '') {
    showError('Paste some HTML, choose a file, or try the sample first.');
    els.html.focus();
    return;
  }
  running = true;
  els.clean.disabled = true;
  els.busy.hidden = false;
  els.result.setAttribute('aria-busy', 'true');
  els.status.textContent = 'Cleaning…';
  const t0 = performance.now();
  const tick = setInterval(() => {
    els.busyText.textContent = `Cleaning… ${((performance.now() - t0) / 1000).toFixed(1)} s`;
  }, 200);
  try {
    const result = await cleanArticle(input, currentOptions());
    const ms = performance.now() - t0;
    last = result;
    show(result);
    els.status.textContent = `Cleaned in ${ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`}.`;
  } catch (err) {
    els.status.textContent = '';
    showError(err instanceof TypeError ? `Bad input: ${err.message}` : err.message);
  } finally {
    clearInterval(tick);
    running = false;
    els.clean.disabled = false;
    els.busy.hidden = true;
    els.busyText.textContent = 'Cleaning…';
    els.result.removeAttribute('aria-busy');
  }
}

function show(r) {
  els.result.hidden = false;
  els.title.textContent = r.title || '(no title found)';
  if (r.lang) els.title.lang = r.lang; else els.title.removeAttribute('lang');
  if (r.dir) els.title.dir = r.dir; else els.title.removeAttribute('dir');

  els.meta.replaceChildren();
  const add = (label, value) => {
    if (value === null || value === undefined || value === '') return;
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    if (value instanceof Node) dd.append(value); else dd.textContent = value;
    els.meta.append(dt, dd);
  };
  add('By', r.byline);
  add('Site', r.siteName);
  add('Published', r.publishedTime ? timeElement(r.publishedTime, { withTime: true }) : null);
  add('Reading time', readingTime(r.textContent));
  add('Address', r.url ? readableURL(r.url) : null);

  els.removed.replaceChildren();
  const labels = { ads: 'ads', trackers: 'trackers', elements: 'clutter elements', attributes: 'attributes', params: 'tracking parameters' };
  for (const [k, label] of Object.entries(labels)) {
    const li = document.createElement('li');
    const n = document.createElement('strong');
    n.textContent = String(r.removed?.[k] ?? 0);
    li.append(n, ` ${label} removed`);
    els.removed.append(li);
  }

  els.preview.srcdoc = previewDocument(r);
  els.out.html.textContent = r.content;
  els.out.text.textContent = r.textContent;
  els.out.markdown.textContent = typeof r.markdown === 'string'
    ? r.markdown
    : 'Turn on the Markdown option and clean again to get Markdown.';
  showRemovals(r.removals);
}

// previewDocument wraps the (already sanitized) article in a document whose
// own policy forbids everything but images and the one style sheet; the
// iframe's empty sandbox also forbids scripts, forms and same-origin access.
// Links are already absolute (the cleaner resolves them), and the inherited
// page policy forbids <base> anyway.
function previewDocument(r) {
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const lang = r.lang ? ` lang="${esc(r.lang)}"` : '';
  const dir = r.dir ? ` dir="${esc(r.dir)}"` : '';
  return `<!DOCTYPE html><html${lang}${dir}><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src https: http: data:; style-src '${PREVIEW_CSS_SHA256}'">` +
    `<meta name="referrer" content="no-referrer"><style>${PREVIEW_CSS}</style></head>` +
    `<body><article><h1>${esc(r.title || '')}</h1>${r.content}</article></body></html>`;
}

// readableURL shows percent-encoded non-ASCII addresses as people write them.
function readableURL(u) {
  try {
    return decodeURI(u);
  } catch {
    return u;
  }
}


function readingTime(text) {
  if (!text) return null;
  const cjk = (text.match(/[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]/g) ?? []).length;
  const words = (text.replace(/[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]/g, ' ').match(/\S+/g) ?? []).length;
  const minutes = Math.max(1, Math.round(words / WORDS_PER_MINUTE + cjk / CJK_CHARS_PER_MINUTE));
  return `${minutes} min`;
}

function showRemovals(list) {
  els.explainBody.replaceChildren();
  if (!Array.isArray(list) || list.length === 0) {
    const p = document.createElement('p');
    p.textContent = Array.isArray(list) ? 'Nothing was removed.' : 'No details available.';
    els.explainBody.append(p);
    return;
  }
  const byKind = new Map();
  for (const rm of list) byKind.set(rm.kind, (byKind.get(rm.kind) ?? 0) + 1);
  const summary = document.createElement('p');
  summary.textContent = [...byKind].map(([k, n]) => `${n} ${k}`).join(' · ');
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const h of ['Kind', 'Rule', 'Where']) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = h;
    head.append(th);
  }
  const body = table.createTBody();
  for (const rm of list) {
    const row = body.insertRow();
    row.insertCell().textContent = rm.kind;
    row.insertCell().textContent = rm.rule;
    const code = document.createElement('code');
    code.textContent = rm.path;
    row.insertCell().append(code);
  }
  els.explainBody.append(summary, table);
}

function wireTabs() {
  const tabs = [...document.querySelectorAll('[role="tab"]')];
  const select = (tab) => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      $(t.getAttribute('aria-controls')).hidden = !on;
    }
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => select(tab));
    tab.addEventListener('keydown', (e) => {
      const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      if (!step) return;
      const next = tabs[(i + step + tabs.length) % tabs.length];
      select(next);
      next.focus();
    });
  });
}

function formatSize(n) {
  return n < 1024 ? `${n} bytes` : n < 1048576 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1048576).toFixed(1)} MB`;
}

function showError(msg) {
  els.error.textContent = msg;
  els.error.hidden = false;
}

function clearError() {
  els.error.hidden = true;
  els.error.textContent = '';
}

function outputOf(kind) { return outputOfResult(last, kind); }
function copy(button) { return copyText(outputOf(button.dataset.copy), button); }
function download(kind) { downloadResult(last, kind); }
