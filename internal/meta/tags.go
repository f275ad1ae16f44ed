package meta

// Meta tag names, lower case with "." read as ":" (see metaKey), in the
// order they are trusted. Titles and authors follow Readability's order
// (Dublin Core, then OpenGraph, then the rest), as sites that bother with
// Dublin Core fill it carefully; dates put article:published_time first, the
// tag nearly every CMS writes; bare names such as "date" come last, as they
// are the least consistently used.
var (
	titleKeys = []string{
		"dc:title", "dcterms:title", "og:title", "weibo:article:title", "title",
		"twitter:title", "citation_title", "parsely-title", "sailthru:title", "headline",
	}
	authorKeys = []string{
		"dc:creator", "dcterms:creator", "author", "parsely-author", "article:author",
		"citation_author", "sailthru:author", "byl", "og:article:author", "article:author_name",
		"twitter:data1:author", "cxenseparse:author", "dc:contributor",
	}
	publishedKeys = []string{
		"article:published_time", "og:article:published_time", "og:published_time",
		"article:published", "datepublished", "dc:date:issued", "dcterms:issued",
		"dc:date", "dcterms:date", "dcterms:created", "dc:date:created", "citation_publication_date",
		"citation_date", "citation_online_date", "parsely-pub-date", "sailthru:date",
		"publish-date", "publishdate", "publish_date", "pubdate", "publication_date",
		"date_published", "date-published", "original-publish-date", "datecreated",
		"article:post_date", "cxenseparse:recs:publishtime", "release_date", "date",
		"published", "published_date", "published-date", "published_time", "published-time",
	}
	excerptKeys = []string{
		"og:description", "description", "twitter:description", "dc:description",
		"dcterms:description", "sailthru:description", "parsely-description",
	}
	siteKeys  = []string{"og:site_name", "application-name", "apple-mobile-web-app-title", "publisher", "dc:publisher"}
	imageKeys = []string{
		"og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src",
		"parsely-image-url", "sailthru:image:full", "thumbnail", "image",
	}
	urlKeys  = []string{"og:url", "twitter:url", "parsely-link"}
	langKeys = []string{"content-language", "dc:language", "og:locale", "language"}
)

// firstMeta returns the first non-empty value among keys.
func (p *page) firstMeta(keys []string) string {
	for _, k := range keys {
		if v := p.metas[k]; v != "" {
			return v
		}
	}
	return ""
}
