// Package corpustest measures the whole pipeline's Markdown against the
// shared Defuddle corpus (expected Markdown per page). It holds only a test,
// which runs when ARTICLECLEAN_CORPUS is set; it takes the corpus directory
// and gives counts and differences in the test log.
package corpustest
