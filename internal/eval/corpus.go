package eval

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Field is a truth value that may be absent, null or a string. The
// Readability set's expected metadata uses null to mean "must be empty",
// which is not the same as having no such truth at all.
type Field struct {
	Present bool // the key is in truth.json (even with null)
	Null    bool
	Value   string
}

// UnmarshalJSON accepts a string, null, or a list of strings (joined with
// ", ", as some truth gives several authors).
func (f *Field) UnmarshalJSON(b []byte) error {
	f.Present = true
	b = bytes.TrimSpace(b)
	switch {
	case bytes.Equal(b, []byte("null")):
		f.Null = true
		return nil
	case len(b) > 0 && b[0] == '[':
		var list []string
		if err := json.Unmarshal(b, &list); err != nil {
			return fmt.Errorf("truth field list: %w", err)
		}
		f.Value = strings.Join(list, ", ")
		return nil
	}
	if err := json.Unmarshal(b, &f.Value); err != nil {
		return fmt.Errorf("truth field: %w", err)
	}
	return nil
}

// Has reports whether the truth gives a non-empty value.
func (f Field) Has() bool { return strings.TrimSpace(f.Value) != "" }

// Truth is one page's entry in truth.json.
type Truth struct {
	URL        Field    `json:"url"`
	Title      Field    `json:"title"`
	Byline     Field    `json:"byline"`
	Published  Field    `json:"published"`
	Lang       Field    `json:"lang"`
	Dir        Field    `json:"dir"`
	Excerpt    Field    `json:"excerpt"`
	SiteName   Field    `json:"siteName"`
	Body       Field    `json:"body"`
	Markdown   Field    `json:"markdown"`
	PageType   Field    `json:"page_type"`
	With       []string `json:"with"`
	Without    []string `json:"without"`
	Readerable *bool    `json:"readerable"`
}

// Page is one page of a set: where its bytes are and what the truth says.
type Page struct {
	Set   string
	ID    string
	Path  string // SET/pages/ID.html.gz
	Truth Truth
}

// Set is one corpus set.
type Set struct {
	Name  string
	Dir   string
	Pages []Page
	// BodyFromMarkdown is true when the set has no `body` truth and its
	// body is derived from the `markdown` truth instead.
	BodyFromMarkdown bool
	// BodyTruth is true when pages are scored with the body metric.
	BodyTruth bool
	// ExpectedStyle is true when the truth follows Readability's expected
	// metadata, where null means the value must be empty.
	ExpectedStyle bool
}

// IsSetDir reports whether dir holds a truth.json.
func IsSetDir(dir string) bool {
	st, err := os.Stat(filepath.Join(dir, "truth.json"))
	return err == nil && !st.IsDir()
}

// FindSets lists the set directories directly under root, sorted by name.
func FindSets(root string) ([]string, error) {
	entries, err := os.ReadDir(root)
	if err != nil {
		return nil, fmt.Errorf("listing corpus %s: %w", root, err)
	}
	var dirs []string
	for _, e := range entries {
		if d := filepath.Join(root, e.Name()); e.IsDir() && IsSetDir(d) {
			dirs = append(dirs, d)
		}
	}
	return dirs, nil
}

// LoadSet reads dir/truth.json; pages are listed in ID order, their bytes
// are read later by ReadPage.
func LoadSet(dir string) (*Set, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "truth.json"))
	if err != nil {
		return nil, fmt.Errorf("reading truth: %w", err)
	}
	var truth map[string]Truth
	if err := json.Unmarshal(raw, &truth); err != nil {
		return nil, fmt.Errorf("parsing %s/truth.json: %w", dir, err)
	}
	s := &Set{Name: filepath.Base(filepath.Clean(dir)), Dir: dir}
	hasBody, hasMarkdown := false, false
	for _, t := range truth {
		hasBody = hasBody || t.Body.Has()
		hasMarkdown = hasMarkdown || t.Markdown.Has()
		s.ExpectedStyle = s.ExpectedStyle || t.Readerable != nil
	}
	s.BodyTruth = hasBody || hasMarkdown
	s.BodyFromMarkdown = !hasBody && hasMarkdown
	for id, t := range truth {
		if s.BodyFromMarkdown {
			t.Body = Field{Present: t.Markdown.Present, Value: MarkdownText(t.Markdown.Value)}
		}
		s.Pages = append(s.Pages, Page{
			Set: s.Name, ID: id, Truth: t,
			Path: filepath.Join(dir, "pages", id+".html.gz"),
		})
	}
	sort.Slice(s.Pages, func(i, j int) bool { return s.Pages[i].ID < s.Pages[j].ID })
	return s, nil
}

// maxPageBytes bounds a decompressed page, so a corrupt file cannot take
// all memory.
const maxPageBytes = 64 << 20

// ReadPage returns the page's raw bytes, gunzipped.
func ReadPage(p Page) ([]byte, error) {
	f, err := os.Open(p.Path)
	if err != nil {
		return nil, fmt.Errorf("opening page: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("gunzip %s: %w", p.Path, err)
	}
	b, err := io.ReadAll(io.LimitReader(zr, maxPageBytes))
	if err != nil {
		return nil, fmt.Errorf("gunzip %s: %w", p.Path, err)
	}
	return b, nil
}
