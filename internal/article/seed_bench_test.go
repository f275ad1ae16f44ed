package article

import (
	"os"
	"testing"
)

// BenchmarkSeed times the acceptance seed, the figure the closing notes
// report; it is skipped where ../shared is absent.
func BenchmarkSeed(b *testing.B) {
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		b.Skip("the acceptance seed is not present")
	}
	b.SetBytes(int64(len(seed)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Clean(seed, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
