package meta

import "testing"

func TestLDQuestionAuthor(t *testing.T) {
	tests := []struct{ in, want string }{
		// A question-and-answer thread: the asker is the author.
		{`{"@context":"https://schema.org","@type":"QAPage","mainEntity":{"@type":"Question","name":"Why does the kettle hum?","author":{"@type":"Person","name":"kettlefan"},"datePublished":"2024-05-01T10:00:00Z"}}`, "kettlefan"},
		// An FAQ's questions do not name the page's author.
		{`{"@context":"https://schema.org","@type":"FAQPage","mainEntity":[{"@type":"Question","name":"Is it safe?","author":{"@type":"Person","name":"Site Team"}}]}`, ""},
		// The page's own author wins over the asker.
		{`{"@context":"https://schema.org","@type":"QAPage","author":{"@type":"Person","name":"Ada Brew"},"mainEntity":{"@type":"Question","author":{"@type":"Person","name":"kettlefan"}}}`, "Ada Brew"},
	}
	for _, tc := range tests {
		ld := readJSONLD(decodeBlocks([]string{tc.in}))
		if ld.author != tc.want {
			t.Errorf("author of %s = %q, want %q", tc.in, ld.author, tc.want)
		}
	}
}
