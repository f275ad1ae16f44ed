package meta_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"articleclean/internal/meta"
	"articleclean/internal/parse"
	"articleclean/internal/source"
)

// TestCorpus measures Read against the shared evaluation corpora. It runs
// only when ARTICLECLEAN_CORPUS names the corpus directory, since the pages
// are not part of the repository. ARTICLECLEAN_MISSES=FILE writes every
// mismatch there for study.
func TestCorpus(t *testing.T) {
	dir := os.Getenv("ARTICLECLEAN_CORPUS")
	if dir == "" {
		t.Skip("ARTICLECLEAN_CORPUS not set")
	}
	var misses bytes.Buffer
	for _, set := range []string{"readability", "defuddle", "wcxb-dev", "chinese-dev"} {
		raw, err := os.ReadFile(filepath.Join(dir, set, "truth.json"))
		if err != nil {
			t.Fatalf("reading truth: %v", err)
		}
		var truth map[string]struct {
			URL, Title, Byline, Published string
			PT                            string `json:"page_type"`
			// Pointers tell a null (expect nothing) from an absent key
			// (not compared); only the readability set gives them.
			Lang, Dir, Excerpt optional
			SiteName           optional `json:"siteName"`
		}
		if err := json.Unmarshal(raw, &truth); err != nil {
			t.Fatalf("truth of %s: %v", set, err)
		}
		ids := make([]string, 0, len(truth))
		for id := range truth {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		var n, tHave, tOK, bHave, bOK, dHave, dOK, aHave, aOK int
		var extra [4]struct{ have, ok int }
		var total time.Duration
		for _, id := range ids {
			tr := truth[id]
			md, elapsed, err := readPage(filepath.Join(dir, set, "pages", id+".html.gz"), tr.URL)
			if err != nil {
				t.Errorf("%s/%s: %v", set, id, err)
				continue
			}
			total += elapsed
			n++
			if tr.Title != "" {
				tHave++
				if tr.PT == "article" {
					aHave++
				}
				if fold(tr.Title) == fold(md.Title) {
					tOK++
					if tr.PT == "article" {
						aOK++
					}
				} else {
					fmt.Fprintf(&misses, "%s/%s TITLE want %q got %q\n", set, id, fold(tr.Title), md.Title)
				}
			}
			if tr.Byline != "" {
				bHave++
				if fold(tr.Byline) == fold(md.Byline) {
					bOK++
				} else {
					fmt.Fprintf(&misses, "%s/%s BYLINE want %q got %q\n", set, id, fold(tr.Byline), md.Byline)
				}
			}
			// Readability's own null lang or siteName expects nothing; the
			// excerpt falls back to the first paragraph in the article
			// stage, so only a description meta read here is compared.
			for i, f := range []struct {
				name string
				want optional
				got  string
			}{{"EXCERPT", tr.Excerpt, md.Excerpt}, {"SITE", tr.SiteName, md.SiteName}, {"LANG", tr.Lang, md.Lang}, {"DIR", tr.Dir, md.Dir}} {
				if !f.want.present || set != "readability" || (i == 0 && f.got == "") {
					continue
				}
				extra[i].have++
				if fold(f.want.value) == fold(f.got) {
					extra[i].ok++
				} else {
					fmt.Fprintf(&misses, "%s/%s %s want %q got %q\n", set, id, f.name, fold(f.want.value), f.got)
				}
			}
			if tr.Published != "" {
				dHave++
				got := ""
				if !md.Published.IsZero() {
					got = md.Published.RFC3339()
				}
				if day(tr.Published) != "" && day(tr.Published) == day(got) {
					dOK++
				} else {
					fmt.Fprintf(&misses, "%s/%s DATE want %q got %q\n", set, id, tr.Published, got)
				}
			}
		}
		t.Logf("%-12s pages %4d  title %4d/%4d %.3f (articles %.3f)  byline %4d/%4d %.3f  published %4d/%4d %.3f  mean %v",
			set, n, tOK, tHave, rate(tOK, tHave), rate(aOK, aHave), bOK, bHave, rate(bOK, bHave), dOK, dHave, rate(dOK, dHave), total/time.Duration(max(n, 1)))
		if set == "readability" {
			t.Logf("%-12s excerpt (where a meta gives one) %d/%d %.3f  siteName %d/%d %.3f  lang %d/%d %.3f  dir %d/%d %.3f", set,
				extra[0].ok, extra[0].have, rate(extra[0].ok, extra[0].have), extra[1].ok, extra[1].have, rate(extra[1].ok, extra[1].have),
				extra[2].ok, extra[2].have, rate(extra[2].ok, extra[2].have), extra[3].ok, extra[3].have, rate(extra[3].ok, extra[3].have))
		}
	}
	if f := os.Getenv("ARTICLECLEAN_MISSES"); f != "" {
		if err := os.WriteFile(f, misses.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func readPage(path, pageURL string) (meta.Metadata, time.Duration, error) {
	f, err := os.Open(path)
	if err != nil {
		return meta.Metadata{}, 0, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return meta.Metadata{}, 0, err
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return meta.Metadata{}, 0, err
	}
	src, err := source.Read(raw, source.Options{})
	if err != nil {
		return meta.Metadata{}, 0, err
	}
	tree, err := parse.Document(src.HTML)
	if err != nil {
		return meta.Metadata{}, 0, err
	}
	var base *url.URL
	if pageURL != "" {
		base, _ = url.Parse(pageURL)
	}
	start := time.Now()
	md := meta.Read(tree, base, meta.Hints{Title: src.Feed.Title, URL: src.Feed.URL, Published: src.Feed.Published})
	return md, time.Since(start), nil
}

// optional is a truth field that may be absent (not compared), null
// (expects nothing) or a string.
type optional struct {
	present bool
	value   string
}

func (o *optional) UnmarshalJSON(b []byte) error {
	o.present = true
	if string(b) == "null" {
		return nil
	}
	if err := json.Unmarshal(b, &o.value); err != nil {
		return fmt.Errorf("truth field: %w", err)
	}
	return nil
}

func fold(s string) string { return strings.Join(strings.Fields(s), " ") }

// day returns the calendar day of a date written as ISO 8601 or like
// "2005-5-7 21:23:57".
func day(s string) string {
	s = strings.TrimSpace(s)
	f := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == 'T' || r == ' ' || r == '/' })
	if len(f) < 3 || len(f[0]) != 4 {
		return ""
	}
	p := func(x string) string {
		if len(x) == 1 {
			return "0" + x
		}
		return x
	}
	return f[0] + "-" + p(f[1]) + "-" + p(f[2])
}

func rate(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
