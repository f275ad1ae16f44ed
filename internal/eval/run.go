package eval

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"articleclean/internal/article"
)

// DefaultTimeout is how long one page may take before it is reported as
// over time; Go cannot stop a running call, so the page is abandoned and
// counted as errored while the run goes on.
const DefaultTimeout = 10 * time.Second

// CleanFunc extracts the article from a page's raw bytes.
type CleanFunc func(input []byte, url string) (article.Result, error)

// ReaderableFunc is the cheap readerable check.
type ReaderableFunc func(input []byte, url string) (bool, error)

// Options tune Run.
type Options struct {
	// Workers is how many pages run at once; 0 means one per CPU.
	Workers int
	// Timeout per page; 0 means DefaultTimeout.
	Timeout time.Duration
	// KeepText keeps each page's extraction in PageResult.Output.
	KeepText bool
	// Clean and Readerable default to article.Clean and
	// article.IsReaderable; tests replace them.
	Clean      CleanFunc
	Readerable ReaderableFunc
}

// PageResult is one page's scores, as written to the per-page JSON file.
type PageResult struct {
	ID       string `json:"id"`
	Set      string `json:"set"`
	PageType string `json:"page_type,omitempty"`

	Scored    bool    `json:"scored"` // the page has body truth
	Precision float64 `json:"p"`
	Recall    float64 `json:"r"`
	F1        float64 `json:"f1"`
	// NoPrecision and NoRecall mark a page left out of the macro mean of
	// precision (nothing extracted) or recall (empty truth), so that tools
	// reading the per-page file can average the way the report does.
	NoPrecision bool `json:"no_p,omitempty"`
	NoRecall    bool `json:"no_r,omitempty"`
	// Body keeps the benchmark's counts for the macro average.
	Body BodyScore `json:"-"`

	Snippets SnippetCounts `json:"snippets"`

	// Metadata matches are null when the truth has nothing to compare.
	TitleOK      *bool `json:"title_ok"`
	BylineOK     *bool `json:"byline_ok"`
	DateOK       *bool `json:"date_ok"`
	ExcerptOK    *bool `json:"excerpt_ok,omitempty"`
	SiteNameOK   *bool `json:"site_name_ok,omitempty"`
	LangOK       *bool `json:"lang_ok,omitempty"`
	DirOK        *bool `json:"dir_ok,omitempty"`
	ReaderableOK *bool `json:"readerable_ok,omitempty"`

	MS       float64 `json:"ms"`
	TimedOut bool    `json:"timed_out,omitempty"`
	Error    string  `json:"error,omitempty"`

	// Output is the extraction itself, kept only with Options.KeepText.
	Output *article.Result `json:"-"`
}

// Errored reports whether the page failed (error, panic or timeout).
func (r PageResult) Errored() bool { return r.Error != "" }

func (o Options) withDefaults() Options {
	if o.Workers <= 0 {
		o.Workers = runtime.NumCPU()
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.Clean == nil {
		o.Clean = func(b []byte, url string) (article.Result, error) {
			return article.Clean(b, article.Options{URL: url})
		}
	}
	if o.Readerable == nil {
		o.Readerable = func(b []byte, url string) (bool, error) {
			return article.IsReaderable(b, article.Options{URL: url})
		}
	}
	return o
}

// Run scores every page of the set with a pool of workers; results come
// back in the set's page order. It stops early (returning what it has) when
// ctx is cancelled.
func Run(ctx context.Context, set *Set, opts Options) []PageResult {
	opts = opts.withDefaults()
	results := make([]PageResult, len(set.Pages))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range opts.Workers {
		wg.Go(func() {
			for i := range jobs {
				results[i] = runPage(set, set.Pages[i], opts)
			}
		})
	}
feed:
	for i := range set.Pages {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	return results
}

type outcome struct {
	res        article.Result
	readerable *bool
	err        error
	elapsed    time.Duration
}

func runPage(set *Set, p Page, opts Options) PageResult {
	r := PageResult{ID: p.ID, Set: p.Set, PageType: p.Truth.PageType.Value}
	input, err := ReadPage(p)
	if err != nil {
		r.Error = err.Error()
		score(&r, set, p.Truth, outcome{})
		return r
	}
	url := p.Truth.URL.Value
	done := make(chan outcome, 1) // buffered: an abandoned page must not block
	go func() { done <- extractGuarded(input, url, set.ExpectedStyle, opts) }()
	timer := time.NewTimer(opts.Timeout)
	defer timer.Stop()
	var out outcome
	select {
	case out = <-done:
	case <-timer.C:
		r.TimedOut = true
		out = outcome{err: fmt.Errorf("timed out after %s", opts.Timeout), elapsed: opts.Timeout}
	}
	r.MS = float64(out.elapsed) / float64(time.Millisecond)
	if out.err != nil {
		// A failed page is scored as an empty extraction: that is what
		// the reader gets.
		r.Error = out.err.Error()
		out = outcome{}
	}
	score(&r, set, p.Truth, out)
	if opts.KeepText {
		r.Output = &out.res
	}
	return r
}

// extractGuarded runs the extraction, turning a panic into an error so one
// bad page cannot end the run.
func extractGuarded(input []byte, url string, readerable bool, opts Options) (out outcome) {
	start := time.Now()
	defer func() {
		if v := recover(); v != nil {
			out.elapsed = time.Since(start)
			out.err = fmt.Errorf("panic: %v\n%s", v, debug.Stack())
		}
	}()
	out.res, out.err = opts.Clean(input, url)
	// Only Clean is timed, as the peers' times are for extraction alone.
	out.elapsed = time.Since(start)
	if out.err != nil {
		out.err = fmt.Errorf("clean: %w", out.err)
		return out
	}
	if readerable {
		ok, err := opts.Readerable(input, url)
		if err != nil {
			out.err = fmt.Errorf("isReaderable: %w", err)
			return out
		}
		out.readerable = &ok
	}
	return out
}

func score(r *PageResult, set *Set, t Truth, out outcome) {
	res := out.res
	if set.BodyTruth {
		r.Scored = true
		r.Body = ScoreBody(t.Body.Value, res.TextContent)
		r.Precision, r.Recall, r.F1 = r.Body.Precision, r.Body.Recall, r.Body.F1
		r.NoPrecision, r.NoRecall = !r.Body.HasPrecision, !r.Body.HasRecall
	}
	r.Snippets = ScoreSnippets(t.With, t.Without, res.TextContent)
	if t.Title.Has() {
		r.TitleOK = boolPtr(SameText(t.Title.Value, res.Title))
	}
	if t.Byline.Has() {
		r.BylineOK = boolPtr(SameText(t.Byline.Value, res.Byline))
	}
	if _, ok := NormDate(t.Published.Value); ok {
		r.DateOK = boolPtr(SameDate(t.Published.Value, res.PublishedTime))
	}
	r.ExcerptOK = matchExtra(t.Excerpt, res.Excerpt, set.ExpectedStyle)
	r.SiteNameOK = matchExtra(t.SiteName, res.SiteName, set.ExpectedStyle)
	r.LangOK = matchExtra(t.Lang, res.Lang, set.ExpectedStyle)
	r.DirOK = matchExtra(t.Dir, res.Dir, set.ExpectedStyle)
	if t.Readerable != nil && out.readerable != nil {
		r.ReaderableOK = boolPtr(*t.Readerable == *out.readerable)
	}
}

// matchExtra compares excerpt, siteName, lang and dir. In Readability-style
// truth a key that is present with null expects an empty value; elsewhere
// only non-empty truth is compared.
func matchExtra(f Field, got string, expectedStyle bool) *bool {
	switch {
	case expectedStyle && f.Present:
		return boolPtr(SameText(f.Value, got))
	case f.Has():
		return boolPtr(SameText(f.Value, got))
	}
	return nil
}

func boolPtr(b bool) *bool { return &b }
