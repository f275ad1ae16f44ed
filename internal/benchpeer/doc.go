// Package benchpeer benchmarks articleclean beside its native peer,
// go-readability (codeberg.org/readeck/go-readability/v2), on the same pages
// in the same process. It is its own Go module so that the product's go.mod
// never gains the peer; run it from this directory:
//
//	go test -run='^$' -bench=. -benchmem
//
// It takes no input of its own: pages come from articleclean's benchpages
// (the corpus sample and synthetic pages) and results are Go benchmark lines.
package benchpeer
