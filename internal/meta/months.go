package meta

import "strings"

// monthNames maps the month names and abbreviations of the languages whose
// datelines we read (English, German, French, Spanish, Portuguese, Italian,
// Dutch, Russian, in the nominative and the genitive that dates use) to
// month numbers. Keys are lower case without a trailing period. Names that
// are also common words ("may", "mar" in Spanish means sea) are kept
// because they are only consulted next to a day and a year.
var monthNames = buildMonths(map[int][]string{
	1:  {"january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "janeiro", "gennaio", "gen", "januari", "январь", "января", "янв"},
	2:  {"february", "feb", "febr", "februar", "février", "fevrier", "févr", "fevr", "febrero", "fevereiro", "fev", "febbraio", "februari", "февраль", "февраля", "фев"},
	3:  {"march", "mar", "märz", "maerz", "mars", "marzo", "março", "marco", "maart", "mrt", "март", "марта", "мар"},
	4:  {"april", "apr", "avril", "avr", "abril", "abr", "aprile", "апрель", "апреля", "апр"},
	5:  {"may", "mai", "mayo", "maio", "maggio", "mag", "mei", "май", "мая"},
	6:  {"june", "jun", "juni", "juin", "junio", "junho", "giugno", "giu", "июнь", "июня", "июн"},
	7:  {"july", "jul", "juli", "juillet", "juil", "julio", "julho", "luglio", "lug", "июль", "июля", "июл"},
	8:  {"august", "aug", "août", "aout", "agosto", "ago", "augustus", "август", "августа", "авг"},
	9:  {"september", "sep", "sept", "septembre", "septiembre", "setiembre", "setembro", "set", "settembre", "сентябрь", "сентября", "сен"},
	10: {"october", "oct", "oktober", "okt", "octobre", "octubre", "outubro", "out", "ottobre", "ott", "октябрь", "октября", "окт"},
	11: {"november", "nov", "novembre", "noviembre", "novembro", "ноябрь", "ноября", "ноя"},
	12: {"december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dezembro", "dicembre", "desember", "декабрь", "декабря", "дек"},
})

func buildMonths(byNumber map[int][]string) map[string]int {
	out := make(map[string]int)
	for n, names := range byNumber {
		for _, name := range names {
			out[name] = n
		}
	}
	return out
}

// monthOf returns the month a lower-case word names, or 0.
func monthOf(word string) int {
	if n, ok := monthNames[word]; ok {
		return n
	}
	return monthNames[strings.TrimSuffix(word, ".")]
}
