// The style sheet of the preview iframe. The iframe inherits the page's
// Content Security Policy, which allows inline styles only by hash, so
// index.html lists this text's SHA-256; tests/web.test.mjs checks they
// match. Change both together.

/** The CSP source expression for PREVIEW_CSS. */
export const PREVIEW_CSS_SHA256 = 'sha256-xFCwIKVPZvTgbiBOZokMAmVcVDKFTiIz3DH9/CdEoV0=';

export const PREVIEW_CSS = `:root{color-scheme:light dark;font:17px/1.6 Georgia,"Noto Serif","Songti SC",serif}
body{margin:0 auto;padding:1rem 1.25rem 3rem;max-width:40rem;overflow-wrap:anywhere}
h1{font-size:1.7rem;line-height:1.25}
img,video,iframe{max-width:100%;height:auto}
figure{margin:1.5rem 0}
figcaption{font-size:.85rem;opacity:.75}
pre{overflow:auto;padding:.75rem;background:rgba(127,127,127,.12)}
blockquote{margin-left:0;padding-left:1rem;border-left:3px solid rgba(127,127,127,.5)}
table{border-collapse:collapse}
td,th{border:1px solid rgba(127,127,127,.4);padding:.25rem .5rem}
a{color:#2a62c9}
@media (prefers-color-scheme:dark){a{color:#8ab4ff}}`;
