package article

import (
	"strings"
	"testing"
)

func TestDocumentBase(t *testing.T) {
	body := `<body><article><h1>Maps</h1><p>The survey office published new maps of the river this spring, drawn from the drone flights over the flood plain.</p><p><img src="relative/map.png" alt="map"><a href="sheet-2.html">Sheet two</a></p></article></body>`
	for _, tc := range []struct {
		name, head, url, want string
	}{
		{"no base", "", "https://news.example.org/a/story", "https://news.example.org/a/relative/map.png"},
		{"absolute base", `<base href="https://cdn.example.net/base/">`, "https://news.example.org/a/story", "https://cdn.example.net/base/relative/map.png"},
		{"relative base", `<base href="/static/">`, "https://news.example.org/a/story", "https://news.example.org/static/relative/map.png"},
		{"javascript base ignored", `<base href="javascript:alert(1)//">`, "https://news.example.org/a/story", "https://news.example.org/a/relative/map.png"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := CleanString("<html><head>"+tc.head+"</head>"+body+"</html>", Options{URL: tc.url})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(r.Content, `src="`+tc.want+`"`) {
				t.Errorf("image not resolved to %s:\n%s", tc.want, r.Content)
			}
		})
	}
}
