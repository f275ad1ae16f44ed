// Command eval runs articleclean over the evaluation corpora and prints, per
// set, our body, snippet and metadata scores beside the peers' numbers from
// BASELINES.md; it takes set (or corpus) directories and writes per-page
// results to a JSON file.
//
//	go run ./internal/eval/cmd/eval [flags] [CORPUS_DIR ...]
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"articleclean/internal/eval"
)

type config struct {
	corpus  string
	out     string
	compare string
	page    string
	sets    []string
	limit   int
	workers int
	timeout time.Duration
	dirs    []string
}

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "eval:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	cfg, err := parseFlags(args)
	if err != nil {
		return err
	}
	dirs, err := setDirs(cfg)
	if err != nil {
		return err
	}
	// Read the earlier results first: -compare may name the -out file.
	var earlier []eval.PageResult
	if cfg.compare != "" && cfg.page == "" {
		if earlier, err = eval.ReadResults(cfg.compare); err != nil {
			return err
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	opts := eval.Options{Workers: cfg.workers, Timeout: cfg.timeout, KeepText: cfg.page != ""}
	var all []eval.PageResult
	var sets []*eval.Set
	shown := 0
	start := time.Now()
	for _, dir := range dirs {
		set, err := eval.LoadSet(dir)
		if err != nil {
			return err
		}
		if cfg.page != "" {
			if !selectPage(set, cfg.page) {
				continue
			}
		} else if cfg.limit > 0 && len(set.Pages) > cfg.limit {
			set.Pages = set.Pages[:cfg.limit]
		}
		res := eval.Run(ctx, set, opts)
		if cfg.page != "" {
			for i, p := range set.Pages {
				if err := eval.WritePage(stdout, p, res[i]); err != nil {
					return err
				}
				shown++
			}
			continue
		}
		sets = append(sets, set)
		all = append(all, res...)
		if ctx.Err() != nil {
			break
		}
	}
	if cfg.page != "" {
		if shown == 0 {
			return fmt.Errorf("no page %q in %s", cfg.page, strings.Join(dirs, ", "))
		}
		return nil
	}
	if len(sets) == 0 {
		return errors.New("no set selected")
	}
	baselines := loadBaselines(cfg.corpus, dirs)
	for _, set := range sets {
		var rs []eval.PageResult
		for _, r := range all {
			if r.Set == set.Name {
				rs = append(rs, r)
			}
		}
		if err := eval.WriteSetReport(stdout, set, rs, baselines); err != nil {
			return err
		}
	}
	if err := writeJSON(cfg.out, all); err != nil {
		return err
	}
	if earlier != nil {
		if err := eval.Compare(stdout, earlier, all); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "\n%d pages in %s with %d workers; per-page results in %s\n",
		len(all), time.Since(start).Round(time.Millisecond), workers(cfg.workers), cfg.out)
	return ctx.Err()
}

func parseFlags(args []string) (config, error) {
	var cfg config
	var sets string
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.StringVar(&cfg.corpus, "corpus", "", "corpus root holding the set directories (default ../shared/corpus from the repository root)")
	fs.StringVar(&cfg.out, "out", "eval-results.json", "per-page results file")
	fs.StringVar(&cfg.compare, "compare", "", "an earlier per-page results file: print each set's and page type's scores beside it, and the pages that moved most")
	fs.StringVar(&cfg.page, "page", "", "show one page (ID or SET/ID): our text beside its truth")
	fs.StringVar(&sets, "set", "", "comma-separated set names to run")
	fs.IntVar(&cfg.limit, "limit", 0, "run at most N pages per set")
	fs.IntVar(&cfg.workers, "workers", 0, "pages at once (default: one per CPU)")
	fs.DurationVar(&cfg.timeout, "timeout", eval.DefaultTimeout, "per-page time limit")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	if sets != "" {
		for s := range strings.SplitSeq(sets, ",") {
			if s = strings.TrimSpace(s); s != "" {
				cfg.sets = append(cfg.sets, s)
			}
		}
	}
	cfg.dirs = fs.Args()
	if cfg.corpus == "" && len(cfg.dirs) == 0 {
		root, err := repoRoot()
		if err != nil {
			return cfg, err
		}
		cfg.corpus = filepath.Join(root, "..", "shared", "corpus")
	}
	return cfg, nil
}

// setDirs resolves the arguments (set directories or corpus roots) to set
// directories, filtered by -set and by the SET/ part of -page.
func setDirs(cfg config) ([]string, error) {
	roots := cfg.dirs
	if len(roots) == 0 {
		roots = []string{cfg.corpus}
	}
	var dirs []string
	for _, r := range roots {
		if eval.IsSetDir(r) {
			dirs = append(dirs, r)
			continue
		}
		found, err := eval.FindSets(r)
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("%s holds no set (no truth.json)", r)
		}
		dirs = append(dirs, found...)
	}
	want := cfg.sets
	if set, _, ok := strings.Cut(cfg.page, "/"); ok {
		want = append(want, set)
	}
	if len(want) == 0 {
		return dirs, nil
	}
	var out []string
	for _, d := range dirs {
		if slices.Contains(want, filepath.Base(filepath.Clean(d))) {
			out = append(out, d)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no set named %s", strings.Join(want, ", "))
	}
	return out, nil
}

// selectPage keeps only the page named by id ("ID" or "SET/ID").
func selectPage(set *eval.Set, id string) bool {
	if _, rest, ok := strings.Cut(id, "/"); ok {
		id = rest
	}
	for _, p := range set.Pages {
		if p.ID == id {
			set.Pages = []eval.Page{p}
			return true
		}
	}
	return false
}

// loadBaselines reads BASELINES.md from the corpus root, or beside the set
// directories; the peers' numbers are optional.
func loadBaselines(corpus string, dirs []string) []eval.Baseline {
	candidates := []string{}
	if corpus != "" {
		candidates = append(candidates, filepath.Join(corpus, "BASELINES.md"))
	}
	for _, d := range dirs {
		candidates = append(candidates, filepath.Join(filepath.Dir(filepath.Clean(d)), "BASELINES.md"))
	}
	for _, c := range candidates {
		if b, err := os.ReadFile(c); err == nil {
			return eval.ParseBaselines(string(b))
		}
	}
	return nil
}

// repoRoot asks git for the repository root, else walks up to go.mod.
func repoRoot() (string, error) {
	if out, err := exec.Command("git", "rev-parse", "--show-toplevel").Output(); err == nil {
		if root := strings.TrimSpace(string(out)); root != "" {
			return root, nil
		}
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("finding the repository root: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("finding the repository root: no go.mod above the working directory; pass -corpus")
		}
		dir = parent
	}
}

func writeJSON(path string, results []eval.PageResult) error {
	b, err := json.MarshalIndent(results, "", " ")
	if err != nil {
		return fmt.Errorf("encoding results: %w", err)
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("writing results: %w", err)
	}
	return nil
}

func workers(n int) int {
	if n <= 0 {
		return runtime.NumCPU()
	}
	return n
}
