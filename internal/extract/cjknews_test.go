package extract

import (
	"strings"
	"testing"

	"articleclean/internal/parse"
)

func TestIsZhMetaLine(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"2019-03-08 09:15更新 来源：晨光日报 发表评论", true},
		{"发布时间： 08/03/2019 - 09:15", true},
		{"2019-03-08 09:15更新 来源：转载 第1页/共2页 << 上一页 | 下一页 >>", true},
		{"第2页/共3页", true},
		{"来源：晨光日报", false},            // the story's own credit line, often kept
		{"编辑：林小雨", false},             // likewise
		{"2019年3月8日", false},          // a notice's signature date
		{"2019年3月8日，小镇的桥通车了。", false}, // prose
		{"", false},
		{"Updated 2019-03-08 09:15", false},
	}
	for _, tc := range tests {
		if got := isZhMetaLine(tc.text); got != tc.want {
			t.Errorf("isZhMetaLine(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestArticleRemovesZhMetaLine(t *testing.T) {
	para := "<p>" + strings.Repeat("小镇的石桥在一个多雨的夏天里重新修好，全村人每天都去河边看工程的进展，孩子们也跟着大人一起数着日子。", 4) + "</p>"
	doc, err := parse.Document(`<html><body><div class="content"><table><tr><td>2019-03-08 09:15更新 来源：晨光日报</td><td><a href="#c">发表评论</a></td></tr></table>` +
		para + `<p>保留：2019年3月8日，石桥正式通车。</p>` + para + `<p>第1页/共1页 &lt;&lt; 上一页 | 下一页 &gt;&gt;</p></div></body></html>`)
	if err != nil {
		t.Fatal(err)
	}
	checkText(t, Article(doc, Options{}), []string{"保留", "小镇的石桥"}, []string{"发表评论", "晨光日报", "上一页"})
}

func TestArticleRemovesTitleLine(t *testing.T) {
	para := "<p>" + strings.Repeat("小镇的石桥在一个多雨的夏天里重新修好，全村人每天都去河边看工程的进展，孩子们也跟着大人一起数着日子。", 4) + "</p>"
	page := `<html><body><div class="main"><table><tr><td><div class="title">小镇石桥重新通车(图)</div></td></tr></table>` +
		para + `<p>保留这一段。</p>` + para + `</div></body></html>`
	for _, title := range []string{"小镇石桥重新通车(图)", "小镇石桥重新通车(图)--晨光新闻"} {
		doc, err := parse.Document(page)
		if err != nil {
			t.Fatal(err)
		}
		checkText(t, Article(doc, Options{Title: title}), []string{"保留", "小镇的石桥"}, []string{"通车(图)"})
	}
	// An English product's name opening the text stays.
	doc, err := parse.Document(`<html><body><div class="main"><div class="name">Garden Hose Reel</div><p>` +
		strings.Repeat("The reel holds thirty metres of hose and winds it back with a steady crank. ", 6) + `</p></div></body></html>`)
	if err != nil {
		t.Fatal(err)
	}
	checkText(t, Article(doc, Options{Title: "Garden Hose Reel | Shop"}), []string{"Garden Hose Reel", "steady crank"}, nil)
}

func TestArticleRemovesZhNotice(t *testing.T) {
	para := "<p>" + strings.Repeat("小镇的石桥在一个多雨的夏天里重新修好，全村人每天都去河边看工程的进展，孩子们也跟着大人一起数着日子。", 4) + "</p>"
	doc, err := parse.Document(`<html><body><div class="content">` + para + `<p>保留：版权声明这个词出现在正文里也无妨。</p>` + para +
		`<div><span><p><b>版权声明：</b></p><p>本网所有作品，未经书面授权不得转载。</p><p>联系电话：010-12345678</p></span></div></div></body></html>`)
	if err != nil {
		t.Fatal(err)
	}
	checkText(t, Article(doc, Options{}), []string{"保留", "小镇的石桥"}, []string{"不得转载", "联系电话"})
}

func TestArticleRemovesForms(t *testing.T) {
	para := "<p>" + strings.Repeat("The river crossing was rebuilt over a long, wet summer, and the village watched every step of it. ", 5) + "</p>"
	// An old table layout, where the form sits in the article's cell; the
	// clutter stage has taken the form's fields before extraction.
	doc, err := parse.Document(`<html><body><table><tr><td>` + para + `<p>KEPT the bridge opened.</p>` + para +
		`<form action="/post-comment" method="post"><p><label>Your name, as others will see it</label></p>` +
		`<p><small>(You may use these tags in what you write: a, b, i)</small></p></form></td></tr></table></body></html>`)
	if err != nil {
		t.Fatal(err)
	}
	checkText(t, Article(doc, Options{}), []string{"KEPT", "river crossing"}, []string{"Your name", "these tags"})

	// A form wrapping the whole page (ASP.NET) holds the article.
	doc, err = parse.Document(`<html><body><form id="pageForm" action="/page"><div class="post">` + para + `<p>KEPT the bridge opened.</p>` + para + `</div></form></body></html>`)
	if err != nil {
		t.Fatal(err)
	}
	checkText(t, Article(doc, Options{}), []string{"KEPT", "river crossing"}, nil)
}

func TestIsZhReporterLine(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"本报记者 林远 周青", true},
		{"晨光日报记者 林远", true},
		{"本报实习生林远 周青", true},
		{"记者：你通过什么渠道获取信息？", false},
		{"三年前，一位记者采访了他", false},
		{"本报记者", false},
	}
	for _, tc := range tests {
		if got := isZhReporterLine(tc.text); got != tc.want {
			t.Errorf("isZhReporterLine(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestArticleRemovesZhHeadLines(t *testing.T) {
	para := "<p>" + strings.Repeat("小镇的石桥在一个多雨的夏天里重新修好，全村人每天都去河边看工程的进展，孩子们也跟着大人一起数着日子。", 4) + "</p>"
	doc, err := parse.Document(`<html><body><div class="content"><p>【春节走基层】</p><p>晨光日报记者 林远 周青</p>` +
		para + `<p>保留这一段。</p>` + para + `<p>本报记者 何山</p></div></body></html>`)
	if err != nil {
		t.Fatal(err)
	}
	checkText(t, Article(doc, Options{}), []string{"保留", "小镇的石桥", "何山"}, []string{"春节走基层", "林远"})
}

func TestIsDateLineWeekday(t *testing.T) {
	// Old blog themes print the weekday before the date.
	for _, text := range []string{"Saturday, March 9th, 2019 10:56 am", "Monday 2019-03-11"} {
		if !isDateLine(text) {
			t.Errorf("isDateLine(%q) = false, want true", text)
		}
	}
	if isDateLine("Saturday in the park, 2019") {
		t.Errorf("isDateLine accepted a sentence")
	}
}

func TestIsBlogFurniture(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"(本文发表于首页杂谈, 已被阅读52次)", true},
		{"《河边的春天》已有3条评论", true},
		{"发表评论", true},
		{"Trackback URL: /wp-trackback.php?p=12", true},
		{"这篇文章已被阅读了很多次", false},
		{"我们在河边评论了一下午。", false},
	}
	for _, tc := range tests {
		if got := isBlogFurniture(tc.text); got != tc.want {
			t.Errorf("isBlogFurniture(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestArticleRemovesBlogFurniture(t *testing.T) {
	para := "<p>" + strings.Repeat("小镇的石桥在一个多雨的夏天里重新修好，全村人每天都去河边看工程的进展，孩子们也跟着大人一起数着日子。", 4) + "</p>"
	doc, err := parse.Document(`<html><body><table><tr><td>` + para + `<p>保留这一段。</p>` + para +
		`<span>(本文发表于首页杂谈, 已被阅读52次)</span><div>本文引用通告(Trackback)链接: /wp-trackback.php?p=12</div>` +
		`<h3 id="respond">发表评论</h3></td></tr></table></body></html>`)
	if err != nil {
		t.Fatal(err)
	}
	checkText(t, Article(doc, Options{}), []string{"保留", "小镇的石桥"}, []string{"已被阅读", "Trackback", "发表评论"})
}

func TestIsPageBar(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"[1] [2] [3] [4]", true},
		{"1 | 2 | 3 | 下一页", true},
		{"[1] [2]", false},
		{"3 5 8 13", false},
		{"1 2 3 go", false},
	}
	for _, tc := range tests {
		if got := isPageBar(tc.text); got != tc.want {
			t.Errorf("isPageBar(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
	if !isBlogFurniture("[1] [2] [3] [4] [5]") {
		t.Errorf("isBlogFurniture misses a page bar")
	}
}
