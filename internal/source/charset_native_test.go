//go:build !js

package source

import (
	"errors"
	"testing"
)

// legacyCharsetCases need the built-in legacy decoding tables, which only
// the native build carries; the WebAssembly build gets them from the host.
var legacyCharsetCases = []charsetCase{
	{"gbk-meta.html", "gb18030", "北京今日天气晴朗"},
	{"gb2312-http-equiv.html", "gb18030", "上海明天有小雨"},
	{"big5-meta.html", "big5", "臺北今日天氣晴朗"},
	{"shift_jis-http-equiv.html", "shift_jis", "東京の天気は晴れです"},
	{"euc-kr-meta.html", "euc-kr", "서울 날씨는 맑음"},
	{"windows-1251-http-equiv.html", "windows-1251", "Погода в Москве"},
	{"gbk-undeclared.html", "gb18030", "新华社北京三月二日电，外交部发言人今天在例行记者会上表示"},
}

func TestDecodeLegacy(t *testing.T) {
	runCharsetCases(t, legacyCharsetCases, nil)
}

// A host decoder that fails must not lose the page: the built-in tables
// take over.
func TestDecodeLegacyHostFails(t *testing.T) {
	failing := func(string, []byte) (string, error) { return "", errors.New("no such decoder") }
	runCharsetCases(t, legacyCharsetCases, failing)
}
