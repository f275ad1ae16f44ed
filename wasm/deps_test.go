//go:build !js

package main

import (
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// heavyPackages are packages the .wasm must not link: each costs tens of
// kilobytes of brotli for a job the build already does another way.
// encoding/json: internal/jsonvalue reads JSON-LD (about 75 KB);
// golang.org/x/text: the host's TextDecoder decodes legacy charsets.
var heavyPackages = []string{"encoding/json", "golang.org/x/text/"}

// heavyForUs are standard packages the standard library itself links (so
// they stay in the .wasm) whose large parts only our own code would pull
// in: time's layout parser and formatter (about 110 KB of code;
// internal/datetime reads the notations pages use) and html's second
// entity table (x/net/html has UnescapeString).
var heavyForUs = []string{"time", "html"}

// TestWasmLinksNoHeavyPackage fails as soon as an import brings one of
// heavyPackages into the WebAssembly build, before the size budget test in
// tests/ would, and names the package that imports it.
func TestWasmLinksNoHeavyPackage(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	cmd := exec.Command("go", "list", "-deps", "-f", `{{.ImportPath}}: {{join .Imports " "}}`, ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, line := range strings.Split(string(out), "\n") {
		pkg, imports, _ := strings.Cut(line, ": ")
		for _, imp := range strings.Fields(imports) {
			if strings.HasPrefix(pkg, "articleclean/internal/") && slices.Contains(heavyForUs, imp) {
				t.Errorf("%s imports %s, whose code the .wasm should not carry", pkg, imp)
			}
			for _, heavy := range heavyPackages {
				if imp == heavy || strings.HasSuffix(heavy, "/") && strings.HasPrefix(imp, heavy) {
					t.Errorf("%s imports %s, which the .wasm must not link", pkg, imp)
				}
			}
		}
	}
}
