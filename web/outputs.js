// outputs.js: what the page and the extension's reader both show of a
// result: its three outputs (HTML, Markdown, text) to copy or download, and
// its date. Shared by web/app.js and web/extension/reader.js.

/** The output of `result` named by `kind`: 'html', 'markdown' or 'text'. */
export function outputOf(result, kind) {
  if (!result) return '';
  if (kind === 'html') return result.content;
  if (kind === 'markdown') return result.markdown ?? '';
  return result.textContent;
}

/**
 * Copies `text`, falling back to a hidden textarea where the Clipboard API
 * refuses (no permission, focus elsewhere, not a secure context), and shows
 * "Copied" on `button` for a moment.
 */
export async function copyText(text, button) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const ta = document.createElement('textarea');
    ta.value = text;
    document.body.append(ta);
    ta.select();
    document.execCommand('copy');
    ta.remove();
  }
  if (button) {
    const was = button.textContent;
    button.textContent = 'Copied';
    setTimeout(() => { button.textContent = was; }, 1200);
  }
}

const FILE_TYPES = { html: ['text/html', 'html'], markdown: ['text/markdown', 'md'], text: ['text/plain', 'txt'] };

/** Saves the `kind` output of `result` as a file named after its title. */
export function download(result, kind) {
  const [type, ext] = FILE_TYPES[kind];
  let body = outputOf(result, kind);
  if (kind === 'html') {
    const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
    const lang = result?.lang ? ` lang="${esc(result.lang)}"` : '';
    body = `<!DOCTYPE html>\n<html${lang}>\n<meta charset="utf-8">\n<title>${esc(result?.title)}</title>\n` +
      `<h1>${esc(result?.title)}</h1>\n${body}\n</html>\n`;
  }
  const blob = new Blob([body], { type: `${type};charset=utf-8` });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `${slug(result?.title) || 'article'}.${ext}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

/** A file-name-safe form of a title. */
export function slug(s) {
  return String(s ?? '').normalize('NFKC').replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80);
}

/**
 * A <time> element for an ISO 8601 date, shown in the reader's locale; with
 * `withTime`, the time of day too when the date carries one.
 */
export function timeElement(iso, { withTime = false } = {}) {
  const t = document.createElement('time');
  t.dateTime = iso;
  const d = new Date(iso);
  const timeStyle = withTime && iso.includes('T') ? 'short' : undefined;
  t.textContent = Number.isNaN(d.getTime())
    ? iso
    : new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle }).format(d);
  return t;
}
