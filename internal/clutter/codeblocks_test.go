package clutter

import "testing"

func TestCodeBlocks(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // substrings of the cleaned page
		not      []string // substrings that must be gone
	}{
		{
			name: "gutter table beside the code",
			in: `<figure class="highlight sh"><table><tr><td class="gutter"><pre>1<br>2</pre></td>` +
				`<td class="code"><pre><span>echo a</span><br><span>echo b</span></pre></td></tr></table></figure>`,
			want: []string{`<pre><code class="language-sh">echo a` + "\n" + `echo b</code></pre>`},
			not:  []string{"<table", "gutter"},
		},
		{
			name: "table that is not a gutter stays",
			in:   `<table><tr><td>Year</td><td><pre>x</pre></td></tr></table>`,
			want: []string{"<table", "Year"},
		},
		{
			name: "numbers marked as a gutter inside the code",
			in:   "<div class=\"highlight\"><pre><span class=\"lineno\">1</span>import os\n<span class=\"lineno\">2</span>print(1)</pre></div>",
			want: []string{"<pre><code>import os\nprint(1)</code></pre>"},
		},
		{
			name: "unselectable numbers inside the code",
			in:   "<pre><code class=\"language-python\"><span style=\"user-select: none\">1</span>p = 1\n<span style=\"user-select: none\">2</span>q = 2</code></pre>",
			want: []string{"<pre><code class=\"language-python\">p = 1\nq = 2</code></pre>"},
		},
		{
			name: "rows whose first element counts up",
			in:   `<pre><div><span>1</span><div>alpha</div></div><div><span>2</span><div>beta</div></div></pre>`,
			want: []string{"<pre><code>alpha\nbeta</code></pre>"},
		},
		{
			name: "rows not counting up are code",
			in:   `<pre><div><span>7</span><div>alpha</div></div><div><span>3</span><div>beta</div></div></pre>`,
			want: []string{"7\nalpha\n3\nbeta"},
		},
		{
			name: "language label bar inside the block",
			in:   "<pre><code class=\"hljs\"><div class=\"header\"><span>bash</span></div><div>echo hi\nls</div></code></pre>",
			want: []string{"<pre><code class=\"language-bash\">echo hi\nls</code></pre>"},
		},
		{
			name: "language label bar beside the block",
			in:   "<div><div class=\"bar\"><span>java</span></div><div><pre><code class=\"language-java\">int x;</code></pre></div></div>",
			want: []string{"int x;"},
			not:  []string{">java<"},
		},
		{
			name: "a heading naming the language stays",
			in:   "<h4>Python</h4><pre><code>x = 1</code></pre>",
			want: []string{"<h4>Python</h4>"},
		},
		{
			name: "language from an attribute",
			in:   `<pre data-language="yaml"><code>a: 1</code></pre>`,
			want: []string{`class="language-yaml"><code>a: 1</code></pre>`},
		},
		{
			name: "plain text declares no language",
			in:   `<figure class="highlight plaintext"><pre>foo</pre></figure>`,
			want: []string{`<pre>foo</pre>`},
			not:  []string{"language-"},
		},
		{
			name: "a wrapper's other class is no language",
			in:   `<code class="highlight-wrap"><pre><code>npm i</code></pre></code>`,
			not:  []string{"language-wrap"},
		},
		{
			name: "code shown as a block becomes pre",
			in:   "<code class=\"hl lean block\">\n  <span>def</span><span> </span><span>m</span> := 1\n</code>",
			want: []string{"<code class=\"language-lean\">def m := 1</code></pre>"},
		},
		{
			name: "inline code stays inline",
			in:   `<p>Use <code>ls</code> here.</p>`,
			want: []string{`<p>Use <code>ls</code> here.</p>`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := clean(t, tt.in, Options{})
			checkMarkup(t, got, tt.want, tt.not)
		})
	}
}
