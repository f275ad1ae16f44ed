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
