// synthetic.mjs builds the same synthetic article-like pages as Go's
// internal/benchpages.Synthetic (same vocabulary, same number sequence, same
// markup), so the browser and native benchmarks time identical inputs.

const WORDS = [
  'the', 'of', 'and', 'to', 'in', 'is', 'that', 'for', 'it', 'as', 'was', 'with', 'be', 'by', 'on', 'not', 'he', 'this', 'are', 'or', 'his', 'from', 'at', 'which', 'but', 'have', 'an', 'they', 'you', 'were', 'her', 'she', 'there', 'been', 'one', 'all', 'we', 'their', 'has', 'would', 'when', 'what', 'will', 'more', 'if', 'no', 'out', 'so', 'said', 'up', 'its', 'about', 'into', 'than', 'them', 'can', 'only', 'other', 'new', 'some', 'could', 'time', 'these', 'two', 'may', 'then', 'do', 'first', 'any', 'my', 'now', 'such', 'like', 'our', 'over', 'man', 'me', 'even', 'most', 'made', 'after', 'also', 'did', 'many', 'before', 'must', 'through', 'back', 'years', 'where', 'much', 'your', 'way', 'well', 'down', 'should', 'because', 'each', 'just', 'those', 'people', 'how', 'too', 'little', 'state', 'good', 'very', 'make', 'world', 'still', 'own', 'see', 'men', 'work', 'long', 'get', 'here', 'between', 'both', 'life', 'being', 'under', 'never', 'day', 'same', 'another', 'know', 'while', 'last', 'might', 'us', 'great', 'old', 'year', 'off', 'come', 'since', 'against', 'go', 'came', 'right', 'used', 'take', 'three',
];

const HEAD = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A long report on synthetic things | Example News</title>
<meta property="og:title" content="A long report on synthetic things"><meta name="author" content="Ada Writer">
<meta property="article:published_time" content="2024-03-05T10:00:00Z"><link rel="stylesheet" href="/site.css">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"A long report on synthetic things","datePublished":"2024-03-05T10:00:00Z","author":{"@type":"Person","name":"Ada Writer"}}</script>
<script>window.dataLayer=[];function track(){dataLayer.push(arguments)}</script></head><body>
<header class="site-header"><nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="layout"><aside class="sidebar"><div class="ad ad-slot" id="ad-top"><span>Advertisement</span><img src="https://ads.example.net/pixel.gif?id=1" width="1" height="1"></div>
<ul class="related"><li><a href="/a">Related story one</a></li><li><a href="/b">Related story two</a></li></ul></aside>
<main><article class="post"><h1>A long report on synthetic things</h1><p class="byline">By <a rel="author" href="/ada">Ada Writer</a>, <time datetime="2024-03-05">5 March 2024</time></p>
`;

const TAIL = `</article><section class="comments"><h3>Comments</h3><div class="comment"><p>Great read, thanks.</p></div></section></main></div>
<footer class="site-footer"><p>© Example News</p><ul><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li></ul></footer>
<script src="/app.js"></script></body></html>
`;

/** An article-like page of about size bytes (UTF-8; all ASCII). */
export function synthetic(size) {
  const parts = [];
  let len = 0;
  const write = (s) => { parts.push(s); len += s.length; };
  let seed = 12345;
  const next = (n) => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return (seed >>> 8) % n;
  };
  const sentence = () => {
    const n = 8 + next(14);
    for (let i = 0; i < n; i++) {
      let w = WORDS[next(WORDS.length)];
      if (i === 0) w = w[0].toUpperCase() + w.slice(1);
      else if (next(17) === 0) w = `<a href="/topic/${w}">${w}</a>`;
      else if (next(23) === 0) w = `<em>${w}</em>`;
      write(w);
      if (i < n - 1) {
        if (next(9) === 0) write(',');
        write(' ');
      }
    }
    write('. ');
  };
  write(HEAD);
  for (let section = 1; len + TAIL.length < size; section++) {
    write(`<h2>Section ${section}</h2>\n`);
    for (let p = 0; p < 4 + next(4) && len + TAIL.length < size; p++) {
      write('<p>');
      for (let k = 2 + next(5); k > 0; k--) sentence();
      write('</p>\n');
    }
    switch (section % 4) {
      case 0:
        write(`<figure><img src="/img/photo-${section}.jpg" alt="A photo" width="800" height="450"><figcaption>A caption for the photo.</figcaption></figure>\n`);
        break;
      case 1:
        write('<ul><li>One point to note</li><li>Another point</li><li>A third point</li></ul>\n');
        break;
      case 2:
        write('<blockquote><p>');
        sentence();
        write('</p></blockquote>\n');
        break;
      default:
        write('<div class="ad-inline advertisement"><p>Sponsored</p><a href="https://ads.example.net/click?x=1"><img src="https://ads.example.net/banner.png"></a></div>\n');
    }
  }
  write(TAIL);
  return parts.join('');
}
