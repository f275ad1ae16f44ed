// Package benchpages gives the benchmarks their inputs: a fixed sample of
// pages from the shared evaluation corpus (../shared/corpus, read in place)
// and synthetic article-like pages of any size. The Go benchmarks
// (internal/article, internal/benchpeer) and the browser benchmark
// (tests/bench/bench.mjs, which follows the same sampling rule) measure the
// same pages, so their figures can be set side by side.
package benchpages

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Page is one benchmark input.
type Page struct {
	Name string // set/file for corpus pages, synthetic-SIZE otherwise
	URL  string // the address to pass as the base, when known
	HTML []byte
}

// sampleQuota is how many pages each corpus set contributes at most, so
// the sample (about 235 pages) mixes every set instead of being mostly the
// large wcxb-dev set. chinese-dev is small and taken whole.
var sampleQuota = map[string]int{
	"readability": 50,
	"defuddle":    50,
	"wcxb-dev":    100,
	"chinese-dev": 35,
}

// CorpusDir finds ../shared/corpus from a directory inside the repository
// (tests run in their package's directory), or "" when it is absent. The
// ARTICLECLEAN_CORPUS environment variable overrides the search.
func CorpusDir() string {
	if d := os.Getenv("ARTICLECLEAN_CORPUS"); d != "" {
		return d
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for range 6 {
		c := filepath.Join(dir, "..", "shared", "corpus")
		if st, err := os.Stat(c); err == nil && st.IsDir() {
			return c
		}
		dir = filepath.Dir(dir)
	}
	return ""
}

// Sample reads the fixed sample from root: in each set, the pages sorted by
// file name and every step-th one taken, step = max(1, n/quota).
func Sample(root string) ([]Page, error) {
	sets := make([]string, 0, len(sampleQuota))
	for s := range sampleQuota {
		sets = append(sets, s)
	}
	slices.Sort(sets)
	var out []Page
	for _, set := range sets {
		dir := filepath.Join(root, set, "pages")
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue // a missing set only shrinks the sample
		}
		var names []string
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".html.gz") {
				names = append(names, e.Name())
			}
		}
		slices.Sort(names)
		step := max(1, len(names)/sampleQuota[set])
		for i := 0; i < len(names) && i/step < sampleQuota[set]; i += step {
			b, err := readGzip(filepath.Join(dir, names[i]))
			if err != nil {
				return nil, err
			}
			out = append(out, Page{Name: set + "/" + strings.TrimSuffix(names[i], ".html.gz"), HTML: b})
		}
	}
	return out, nil
}

func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("benchpages: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("benchpages: %s: %w", path, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("benchpages: %s: %w", path, err)
	}
	return b, nil
}

// words are the filler vocabulary of synthetic pages: common English words
// so that text scoring sees ordinary prose with commas and full stops.
var words = strings.Fields(`the of and to in is that for it as was with be by on not he this are or
his from at which but have an they you were her she there been one all we their has would when
what will more if no out so said up its about into than them can only other new some could time
these two may then do first any my now such like our over man me even most made after also did
many before must through back years where much your way well down should because each just those
people how too little state good very make world still own see men work long get here between both
life being under never day same another know while last might us great old year off come since
against go came right used take three`)

// SizeLabels are the synthetic page sizes the benchmarks report, and their
// byte counts.
var SizeLabels = []struct {
	Label string
	Bytes int
}{
	{"10KB", 10 << 10}, {"100KB", 100 << 10}, {"1MB", 1 << 20}, {"10MB", 10 << 20},
}

// Synthetic builds an article-like page of about size bytes: a head with
// metadata and JSON-LD, navigation, a sidebar with ads, an article of
// headed sections (paragraphs with links and emphasis, figures, lists,
// quotes), comments and a footer, and a script. The same size always gives
// the same page (a fixed linear congruential sequence picks the words).
func Synthetic(size int) []byte {
	var b bytes.Buffer
	b.Grow(size + 4096)
	seed := uint32(12345)
	next := func(n int) int {
		seed = seed*1664525 + 1013904223
		return int(seed>>8) % n
	}
	sentence := func() {
		n := 8 + next(14)
		for i := range n {
			w := words[next(len(words))]
			switch {
			case i == 0:
				w = strings.ToUpper(w[:1]) + w[1:]
			case next(17) == 0:
				w = `<a href="/topic/` + w + `">` + w + `</a>`
			case next(23) == 0:
				w = "<em>" + w + "</em>"
			}
			b.WriteString(w)
			if i < n-1 {
				if next(9) == 0 {
					b.WriteByte(',')
				}
				b.WriteByte(' ')
			}
		}
		b.WriteString(". ")
	}
	b.WriteString(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A long report on synthetic things | Example News</title>
<meta property="og:title" content="A long report on synthetic things"><meta name="author" content="Ada Writer">
<meta property="article:published_time" content="2024-03-05T10:00:00Z"><link rel="stylesheet" href="/site.css">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"A long report on synthetic things","datePublished":"2024-03-05T10:00:00Z","author":{"@type":"Person","name":"Ada Writer"}}</script>
<script>window.dataLayer=[];function track(){dataLayer.push(arguments)}</script></head><body>
<header class="site-header"><nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="layout"><aside class="sidebar"><div class="ad ad-slot" id="ad-top"><span>Advertisement</span><img src="https://ads.example.net/pixel.gif?id=1" width="1" height="1"></div>
<ul class="related"><li><a href="/a">Related story one</a></li><li><a href="/b">Related story two</a></li></ul></aside>
<main><article class="post"><h1>A long report on synthetic things</h1><p class="byline">By <a rel="author" href="/ada">Ada Writer</a>, <time datetime="2024-03-05">5 March 2024</time></p>
`)
	tail := `</article><section class="comments"><h3>Comments</h3><div class="comment"><p>Great read, thanks.</p></div></section></main></div>
<footer class="site-footer"><p>© Example News</p><ul><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li></ul></footer>
<script src="/app.js"></script></body></html>
`
	for section := 1; b.Len()+len(tail) < size; section++ {
		b.WriteString("<h2>Section " + strconv.Itoa(section) + "</h2>\n")
		for p := 0; p < 4+next(4) && b.Len()+len(tail) < size; p++ {
			b.WriteString("<p>")
			for range 2 + next(5) {
				sentence()
			}
			b.WriteString("</p>\n")
		}
		switch section % 4 {
		case 0:
			b.WriteString(`<figure><img src="/img/photo-` + strconv.Itoa(section) + `.jpg" alt="A photo" width="800" height="450"><figcaption>A caption for the photo.</figcaption></figure>` + "\n")
		case 1:
			b.WriteString("<ul><li>One point to note</li><li>Another point</li><li>A third point</li></ul>\n")
		case 2:
			b.WriteString("<blockquote><p>")
			sentence()
			b.WriteString("</p></blockquote>\n")
		case 3:
			b.WriteString(`<div class="ad-inline advertisement"><p>Sponsored</p><a href="https://ads.example.net/click?x=1"><img src="https://ads.example.net/banner.png"></a></div>` + "\n")
		}
	}
	b.WriteString(tail)
	return b.Bytes()
}
