package media

import (
	"regexp"
	"strings"
	"sync"
)

// lazySrcAttrs hold the real image address on lazy-loading pages, in the
// order they are trusted: the high-resolution ones first. Sources: the
// attributes of the common lazy-loading libraries (lazysizes, lozad,
// WordPress, jQuery Lazy Load) as Readability and Defuddle also read them.
var lazySrcAttrs = []string{
	"data-src-large", "data-hi-res-src", "data-full-src", "data-original", "data-src",
	"data-lazy-src", "data-lazyload", "data-url", "data-img-src", "data-image",
	"data-actualsrc", "data-echo", "data-orig-src", "data-li-src", "data-cfsrc",
}

// imageFileEndings mark an attribute value as an image address. When a
// lazy loader keeps the real address in a data-* attribute we do not know
// by name, a value that is one address ending so is taken (Readability.js
// scans an image's attributes the same way).
var imageFileEndings = []string{".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif"}

// lazySrcsetAttrs hold the real srcset on lazy-loading pages.
var lazySrcsetAttrs = []string{"data-srcset", "data-lazy-srcset", "data-original-set", "data-lazysrcset"}

// placeholderWords in an image file name mark a stand-in shown until a
// script swaps in the real image.
var placeholderWords = []string{"placeholder", "blank.", "spacer.", "transparent.", "lazy.", "loading.", "pixel.", "grey.", "gray.", "1x1", "empty."}

// embed describes a video or social service whose players become links.
type embed struct {
	service string
	// match finds the content id in a player address; the first group is
	// the id.
	match *regexp.Regexp
	// link builds the canonical page address from the id.
	link func(id string) string
	kind string // "video", "audio" or "post"
}

// embeds are the services whose players articles embed most. The address
// shapes are the services' documented embed URLs. The patterns compile on
// first use, so starting the module costs nothing.
var embeds = sync.OnceValue(func() []embed {
	return []embed{
		{
			service: "YouTube", kind: "video",
			match: regexp.MustCompile(`(?i)(?:youtube(?:-nocookie)?\.com/(?:embed/|v/|watch\?(?:.*&)?v=|shorts/)|youtu\.be/)([A-Za-z0-9_-]{11})`),
			link:  func(id string) string { return "https://www.youtube.com/watch?v=" + id },
		},
		{
			service: "Vimeo", kind: "video",
			match: regexp.MustCompile(`(?i)vimeo\.com/(?:video/|channels/[^/]+/)?([0-9]{4,12})`),
			link:  func(id string) string { return "https://vimeo.com/" + id },
		},
		{
			service: "Dailymotion", kind: "video",
			match: regexp.MustCompile(`(?i)dailymotion\.com/(?:embed/)?video/([A-Za-z0-9]+)`),
			link:  func(id string) string { return "https://www.dailymotion.com/video/" + id },
		},
		{
			service: "X", kind: "post",
			match: regexp.MustCompile(`(?i)(?:twitter|x)\.com/(?:[A-Za-z0-9_]+/status(?:es)?/|i/web/status/|embed/Tweet\.html\?id=)([0-9]{5,25})`),
			link:  func(id string) string { return "https://x.com/i/web/status/" + id },
		},
		{
			service: "Instagram", kind: "post",
			match: regexp.MustCompile(`(?i)instagram\.com/(?:p|reel|tv)/([A-Za-z0-9_-]{5,40})`),
			link:  func(id string) string { return "https://www.instagram.com/p/" + id + "/" },
		},
		{
			service: "TikTok", kind: "video",
			match: regexp.MustCompile(`(?i)tiktok\.com/(?:embed(?:/v2)?/|@[^/]+/video/)([0-9]{8,25})`),
			link:  func(id string) string { return "https://www.tiktok.com/video/" + id },
		},
		{
			service: "Spotify", kind: "audio",
			match: regexp.MustCompile(`(?i)open\.spotify\.com/(?:embed/)?((?:track|episode|show|album|playlist)/[A-Za-z0-9]{10,40})`),
			link:  func(id string) string { return "https://open.spotify.com/" + id },
		},
		{
			service: "SoundCloud", kind: "audio",
			match: regexp.MustCompile(`(?i)soundcloud\.com/((?:[A-Za-z0-9_-]+)/(?:[A-Za-z0-9_-]+))`),
			link:  func(id string) string { return "https://soundcloud.com/" + id },
		},
	}
})

// isDuration reports the shape of a media duration label: 2:08, 01:02:03.
func isDuration(s string) bool {
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return false
	}
	for i, p := range parts {
		if len(p) == 0 || len(p) > 2 || (i > 0 && len(p) != 2) {
			return false
		}
		for j := 0; j < len(p); j++ {
			if p[j] < '0' || p[j] > '9' {
				return false
			}
		}
	}
	return true
}
