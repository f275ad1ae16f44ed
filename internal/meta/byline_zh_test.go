package meta

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestNameLineByline(t *testing.T) {
	text := strings.Repeat("春天的河水涨得很快，村里的人都到岸边去看，孩子们在堤上跑来跑去。", 6)
	tests := []struct {
		name, body, want string
	}{
		{"name under a bold headline", `<p align="center"><strong>河边的春天</strong></p><hr><p> 林远<br><br>` + text + `</p>`, "林远"},
		{"a label wins", `<p><b>河边的春天</b></p><p>林远<br></p><p>作者：周青</p><p>` + text + `</p>`, "周青"},
		{"a sentence runs on", `<p><b>河边的春天</b></p><p>春天来了 <i>河水</i> 涨了</p><p>` + text + `</p>`, ""},
		{"no headline above", `<p>林远<br>` + text + `</p>`, ""},
		{"a menu item", `<ul><li><b>栏目</b></li><li><a href="/">首页</a></li></ul><p>` + text + `</p>`, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(`<html><head><title>显示</title></head><body>` + tc.body + `</body></html>`))
			if err != nil {
				t.Fatal(err)
			}
			if got := Read(doc, nil, Hints{}).Byline; got != tc.want {
				t.Errorf("Byline = %q, want %q", got, tc.want)
			}
		})
	}
}
