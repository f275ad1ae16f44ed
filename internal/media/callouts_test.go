package media

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestCallouts(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{
			"bootstrap alert with heading",
			`<div class="alert alert-info"><p class="alert-heading">Important</p><p>Read this.</p></div>`,
			`<blockquote title="info"><p><strong>Important</strong></p><p>Read this.</p></blockquote>`,
		},
		{
			"bootstrap alert without title",
			`<div class="alert alert-warning"><p>Careful.</p></div>`,
			`<blockquote title="warning"><p>Careful.</p></blockquote>`,
		},
		{
			"admonition with a bare kind token and a content wrapper",
			`<div class="admonition tip"><div class="admonition-title">Helpful</div><div class="admonition-content"><p>Save time.</p></div></div>`,
			`<blockquote title="tip"><p><strong>Helpful</strong></p><p>Save time.</p></blockquote>`,
		},
		{
			"obsidian data-callout",
			`<div data-callout="faq" class="callout"><div class="callout-title"><div class="callout-title-inner">Why?</div></div><div class="callout-content"><p>Because.</p></div></div>`,
			`<blockquote title="faq"><p><strong>Why?</strong></p><p>Because.</p></blockquote>`,
		},
		{
			"callout without a kind is a note",
			`<aside class="callout"><p>Plain.</p></aside>`,
			`<blockquote title="note"><p>Plain.</p></blockquote>`,
		},
		{
			"a colourless alert is not a callout",
			`<div class="alert"><p>Box.</p></div>`,
			`<div class="alert"><p>Box.</p></div>`,
		},
		{
			"a word in the class is not a kind",
			`<div class="alert alert-dismissible"><p>Box.</p></div>`,
			`<div class="alert alert-dismissible"><p>Box.</p></div>`,
		},
		{
			"a large callout-named section stays",
			`<div class="callout"><p>` + strings.Repeat("word ", 600) + `</p></div>`,
			`<div class="callout">`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body, _ := resolve(t, tt.in)
			var b strings.Builder
			for c := body.FirstChild; c != nil; c = c.NextSibling {
				if err := html.Render(&b, c); err != nil {
					t.Fatal(err)
				}
			}
			if !strings.Contains(b.String(), tt.want) {
				t.Errorf("got  %s\nwant %s", b.String(), tt.want)
			}
		})
	}
}

// TestMayNameContainer checks the allocation-free pre-check against the
// lower-cased lookup it stands in for.
func TestMayNameContainer(t *testing.T) {
	for k := range calloutContainers {
		if len(k) > containerNameMax {
			t.Errorf("container name %q is longer than containerNameMax", k)
		}
	}
	for _, class := range []string{"", "box", "Callout", "x  ADMONITION y", "markdown-alert-note", "alertx", "ALERT", "a-very-long-class-name-beyond-the-buffer", "callöut", "Markdown-Alert"} {
		want := false
		for _, tok := range strings.Fields(strings.ToLower(class)) {
			_, ok := calloutContainers[tok]
			want = want || ok
		}
		if got := mayNameContainer(class); got != want {
			t.Errorf("mayNameContainer(%q) = %v, want %v", class, got, want)
		}
	}
}
