package sanitize

import (
	"strings"
	"testing"
)

func TestDropImages(t *testing.T) {
	in := `<figure><img src="https://example.org/a.jpg" alt="A"><figcaption>Caption</figcaption></figure><p>Text <img src="https://example.org/b.png"></p>`
	kept := run(t, in, Options{})
	if strings.Count(kept, "<img") != 2 {
		t.Fatalf("images kept by default: got %s", kept)
	}
	dropped := run(t, in, Options{DropImages: true})
	if strings.Contains(dropped, "<img") || strings.Contains(dropped, "example.org") {
		t.Errorf("DropImages left an image or its address: %s", dropped)
	}
	if !strings.Contains(dropped, "Caption") || !strings.Contains(dropped, "Text") {
		t.Errorf("DropImages removed text: %s", dropped)
	}
}

func TestCodeLanguage(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`<pre><code class="hljs language-go">x</code></pre>`, `<pre><code class="language-go">x</code></pre>`},
		{`<pre><code data-lang="rust">x</code></pre>`, `<pre><code class="language-rust">x</code></pre>`},
		{`<pre class="lang-py">x</pre>`, `<pre class="language-py">x</pre>`},
		{`<pre><code class="plain">x</code></pre>`, `<pre><code>x</code></pre>`},
	} {
		if got := run(t, tc.in, Options{}); got != tc.want {
			t.Errorf("%s\n got  %s\n want %s", tc.in, got, tc.want)
		}
	}
}
