package extract

import (
	"testing"
)

func TestRemovePostMarkers(t *testing.T) {
	cases := []struct {
		name, in   string
		gone, kept []string
	}{
		{
			name: "reply subjects repeated over posts",
			in:   `<div><h3>Fixing a squeaky hinge</h3><p>first</p><h3>Re: Fixing a squeaky hinge</h3><p>second</p><h3>RE: Fixing a squeaky hinge</h3><p>third</p></div>`,
			gone: []string{"Re: Fixing", "RE: Fixing"},
			kept: []string{"<h3>Fixing a squeaky hinge</h3>", "second", "third"},
		},
		{
			name: "a single reply subject stays",
			in:   `<div><h3>Fixing a squeaky hinge</h3><p>first</p><h3>Re: Fixing a squeaky hinge</h3><p>second</p></div>`,
			kept: []string{"Re: Fixing"},
		},
		{
			name: "post numbers go, issue links stay",
			in:   `<div><a href="#post-12">#2</a><a data-href="posts/9/permalink">#3</a><a href="/t/hinge.5/post-77">#4</a><p>Fixed in <a href="/repo/pull/20713">#20713</a>.</p></div>`,
			gone: []string{">#2<", ">#3<", ">#4<"},
			kept: []string{"#20713"},
		},
		{
			name: "hidden microdata copies go, responsive ones stay",
			in:   `<div><p>Answer text.</p><time class="d-none" itemprop="datePublished">2020-01-02T03:04:05Z</time><span class="d-none d-md-inline" itemprop="name">Shown wide</span></div>`,
			gone: []string{"2020-01-02T03"},
			kept: []string{"Answer text.", "Shown wide"},
		},
	}
	for _, c := range cases {
		out := bodyAfter(t, c.in, removePostMarkers)
		checkMarkup(t, c.name, out, c.kept, c.gone)
	}
}
