package meta

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"articleclean/internal/parse"
	"articleclean/internal/source"
)

// TestDateDebug prints every date source of the pages named in
// ARTICLECLEAN_DATEDEBUG (set/id, space separated), for studying misses.
func TestDateDebug(t *testing.T) {
	dir, list := os.Getenv("ARTICLECLEAN_CORPUS"), os.Getenv("ARTICLECLEAN_DATEDEBUG")
	if dir == "" || list == "" {
		t.Skip("ARTICLECLEAN_CORPUS or ARTICLECLEAN_DATEDEBUG not set")
	}
	dateKey := regexp.MustCompile(`(?i)"(date\w*|uploadDate|@type)"\s*:\s*("[^"]*"|\[[^\]]*\])`)
	for _, sid := range strings.Fields(list) {
		set, id, _ := strings.Cut(sid, "/")
		f, err := os.Open(filepath.Join(dir, set, "pages", id+".html.gz"))
		if err != nil {
			t.Fatal(err)
		}
		zr, _ := gzip.NewReader(f)
		raw, _ := io.ReadAll(zr)
		f.Close()
		src, _ := source.Read(raw, source.Options{})
		tree, _ := parse.Document(src.HTML)
		p := collect(tree)
		var truth map[string]struct{ Published, URL string }
		tb, _ := os.ReadFile(filepath.Join(dir, set, "truth.json"))
		_ = json.Unmarshal(tb, &truth)
		fmt.Printf("==== %s want %s url %s\n", sid, truth[id].Published, truth[id].URL)
		for _, b := range p.jsonld {
			for _, m := range dateKey.FindAllStringSubmatch(b, 20) {
				fmt.Printf("  LD %s=%s\n", m[1], m[2])
			}
		}
		for k, v := range p.metas {
			lk := strings.ToLower(k)
			if strings.Contains(lk, "date") || strings.Contains(lk, "time") || strings.Contains(lk, "publish") || strings.Contains(lk, "modified") {
				fmt.Printf("  META %s=%s\n", k, v)
			}
		}
		for k, v := range p.itemprops {
			if strings.HasPrefix(k, "date") {
				fmt.Printf("  ITEMPROP %s=%s\n", k, v)
			}
		}
		for _, x := range p.times {
			fmt.Printf("  TIME %d %v %q\n", x.seq, x.labeled, x.value)
		}
		for _, x := range p.datelines {
			fmt.Printf("  LINE %d %v %q\n", x.seq, x.labeled, x.value)
		}
		sh, ok := shownDate(p, dayFirst, time.Time{})
		fmt.Printf("  H1 at %d; SHOWN %v %v\n", p.headlineAt, sh.t, ok)
	}
}
