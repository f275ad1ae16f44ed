package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"articleclean/internal/eval"
)

const tiny = "../../testdata/tinyset"

func TestRunWritesResults(t *testing.T) {
	out := filepath.Join(t.TempDir(), "r.json")
	var b strings.Builder
	if err := run([]string{"-out", out, "-limit", "3", tiny}, &b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "== tinyset: 3 pages") {
		t.Errorf("report:\n%s", b.String())
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var rs []eval.PageResult
	if err := json.Unmarshal(raw, &rs); err != nil {
		t.Fatal(err)
	}
	if len(rs) != 3 || rs[0].ID != "p1" || rs[0].Set != "tinyset" || rs[0].PageType != "article" {
		t.Errorf("results = %+v", rs)
	}
}

func TestRunPage(t *testing.T) {
	tests := []struct {
		page    string
		want    string
		wantErr bool
	}{
		{"p4", "== tinyset/p4 (product)", false},
		{"tinyset/p1", "== tinyset/p1 (article)", false},
		{"p9", "", true},
		{"otherset/p1", "", true},
	}
	for _, tt := range tests {
		var b strings.Builder
		err := run([]string{"-page", tt.page, "-out", filepath.Join(t.TempDir(), "r.json"), tiny}, &b)
		if (err != nil) != tt.wantErr {
			t.Errorf("-page %s: err %v", tt.page, err)
		}
		if !strings.Contains(b.String(), tt.want) {
			t.Errorf("-page %s:\n%s", tt.page, b.String())
		}
	}
}

func TestSetDirs(t *testing.T) {
	tests := []struct {
		cfg     config
		want    int
		wantErr bool
	}{
		{config{dirs: []string{tiny}}, 1, false},
		{config{corpus: "../../testdata"}, 1, false},
		{config{corpus: "../../testdata", sets: []string{"tinyset"}}, 1, false},
		{config{corpus: "../../testdata", sets: []string{"nope"}}, 0, true},
		{config{corpus: "."}, 0, true},
	}
	for _, tt := range tests {
		got, err := setDirs(tt.cfg)
		if len(got) != tt.want || (err != nil) != tt.wantErr {
			t.Errorf("setDirs(%+v) = %v, %v", tt.cfg, got, err)
		}
	}
}
