package corpustest

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"articleclean/internal/article"
)

// TestDefuddleCorpus measures the whole pipeline's Markdown against the
// Defuddle fixtures' expected Markdown. It needs the shared corpus, so it
// runs only with ARTICLECLEAN_CORPUS=1 (or a directory path); it reports,
// and fails only on errors, since other stages shape the result too.
// ARTICLECLEAN_CORPUS_DIFFS=n prints the first n differences.
func TestDefuddleCorpus(t *testing.T) {
	dir := os.Getenv("ARTICLECLEAN_CORPUS")
	if dir == "" {
		t.Skip("set ARTICLECLEAN_CORPUS=1 to measure against ../shared/corpus/defuddle beside the repository")
	}
	if dir == "1" {
		// The package directory is internal/render/corpustest; the
		// corpus sits beside the repository, as build.sh expects it.
		dir = filepath.Join("..", "..", "..", "..", "shared", "corpus", "defuddle")
	}
	raw, err := os.ReadFile(filepath.Join(dir, "truth.json"))
	if err != nil {
		t.Fatalf("reading truth: %v", err)
	}
	var truth map[string]struct {
		URL      string `json:"url"`
		Markdown string `json:"markdown"`
	}
	if err := json.Unmarshal(raw, &truth); err != nil {
		t.Fatalf("parsing truth: %v", err)
	}
	ids := make([]string, 0, len(truth))
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	diffs := 0
	fmt.Sscan(os.Getenv("ARTICLECLEAN_CORPUS_DIFFS"), &diffs)
	only := os.Getenv("ARTICLECLEAN_CORPUS_ONLY")
	match, total := 0, 0
	linesFound, linesAll := 0, 0
	missing := map[string]int{}
	var failed []string
	for _, id := range ids {
		if only != "" && !strings.Contains(id, only) {
			continue
		}
		want := normalizeMD(truth[id].Markdown)
		page, err := readGz(filepath.Join(dir, "pages", id+".html.gz"))
		if err != nil {
			t.Errorf("%s: %v", id, err)
			continue
		}
		total++
		res, err := cleanSafely(page, truth[id].URL)
		if err != nil {
			t.Logf("%s: %v", id, err)
			failed = append(failed, id)
			continue
		}
		got := normalizeMD(res.Markdown)
		if os.Getenv("ARTICLECLEAN_CORPUS_DUMP") != "" {
			t.Logf("=== %s content\n%s\n=== markdown\n%s", id, res.Content, res.Markdown)
		}
		found, all := lineRecall(want, got, missing)
		linesFound += found
		linesAll += all
		if got == want {
			match++
			continue
		}
		failed = append(failed, id)
		if diffs > 0 {
			diffs--
			t.Logf("=== %s\n%s", id, lineDiff(want, got))
		}
	}
	t.Logf("markdown exact match (normalised): %d / %d", match, total)
	t.Logf("expected lines found in output: %d / %d (%.1f%%)", linesFound, linesAll, 100*float64(linesFound)/float64(max(linesAll, 1)))
	if os.Getenv("ARTICLECLEAN_CORPUS_MISSING") != "" {
		for l, c := range missing {
			t.Logf("missing line (%d): %q", c, l)
		}
	}
	if os.Getenv("ARTICLECLEAN_CORPUS_LIST") != "" {
		t.Logf("mismatches: %s", strings.Join(failed, " "))
	}
}

func readGz(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return io.ReadAll(z)
}

// normalizeMD folds runs of blank lines, trims each line's trailing space
// and trims the whole.
func normalizeMD(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	var out []string
	blank := false
	for _, l := range lines {
		l = strings.TrimRight(l, " \t")
		if l == "" {
			blank = true
			continue
		}
		if blank && len(out) > 0 {
			out = append(out, "")
		}
		blank = false
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// lineDiff shows the first differing lines with a little context.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	var b strings.Builder
	for k := max(0, i-2); k < i+6; k++ {
		if k < len(w) {
			fmt.Fprintf(&b, "- %q\n", w[k])
		}
	}
	for k := max(0, i-2); k < i+6; k++ {
		if k < len(g) {
			fmt.Fprintf(&b, "+ %q\n", g[k])
		}
	}
	return b.String()
}

// lineRecall counts the expected lines that occur in got: a measure of
// the Markdown conventions that other stages' choices of content disturb
// less than exact matching does. Missing lines are tallied in missing.
func lineRecall(want, got string, missing map[string]int) (found, all int) {
	have := map[string]int{}
	for _, l := range strings.Split(got, "\n") {
		have[l]++
	}
	for _, l := range strings.Split(want, "\n") {
		if l == "" {
			continue
		}
		all++
		if have[l] > 0 {
			have[l]--
			found++
		} else {
			missing[l]++
		}
	}
	return found, all
}

// cleanSafely runs the pipeline, turning a panic of a stage still being
// built into an error so one page cannot stop the measurement.
func cleanSafely(page []byte, url string) (res article.Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	return article.Clean(page, article.Options{URL: url, Markdown: true})
}
