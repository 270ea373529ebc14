package config

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-dev/dossier/internal/diag"
)

// Words are the theme's words in the site's language: the built-in set of
// site.toml's language (English when there is none), with [strings] over
// it. Templates reach them through the t and tn functions; Go code that
// writes words readers see (titles, captions, dates) through T, N and Date.
//
// A word is plain text (templates escape it). A word for a count has one
// form per plural category of its language separated by "|": English
// "%d claim|%d claims" (one, other), Russian "%d статья|%d статьи|%d статей"
// (one, few, many). Words with arguments take them as fmt.Sprintf does.
type Words struct {
	lang string            // the base language: "en", "ru" …
	m    map[string]string // key → word
}

// Builtin lists the languages with a built-in set of words.
var Builtin = []string{"en", "ru"}

// builtin holds the built-in sets by language.
var builtin = map[string]map[string]string{"en": wordsEN, "ru": wordsRU}

// NewWords returns the built-in words of lang (a tag such as "ru" or
// "en-GB"; English for a language without a set) with overrides over them.
func NewWords(lang string, overrides map[string]string) *Words {
	base := baseLanguage(lang)
	set, ok := builtin[base]
	if !ok {
		set = wordsEN
	}
	w := &Words{lang: base, m: make(map[string]string, len(wordsEN))}
	for k, v := range wordsEN {
		w.m[k] = v
	}
	for k, v := range set {
		w.m[k] = v
	}
	for k, v := range overrides {
		if _, known := wordsEN[k]; known {
			w.m[k] = v
		}
	}
	return w
}

// baseLanguage is the language subtag of a BCP 47 tag, lower case: "ru-RU" → "ru".
func baseLanguage(tag string) string {
	base, _, _ := strings.Cut(strings.ReplaceAll(tag, "_", "-"), "-")
	return strings.ToLower(strings.TrimSpace(base))
}

// Has reports whether key is a word of the theme.
func (w *Words) Has(key string) bool {
	_, ok := w.m[key]
	return ok
}

// OrgKind is an organization's kind for readers: the word "org-kind-"+kind
// for the kinds the theme knows (state, alliance, agency, ministry, media),
// else the kind as written.
func (w *Words) OrgKind(kind string) string {
	if w.Has("org-kind-" + kind) {
		return w.T("org-kind-" + kind)
	}
	return kind
}

// Lang is the base language of the words ("en", "ru").
func (w *Words) Lang() string { return w.lang }

// T returns the word for key, formatted with args when there are any. An
// unknown key is returned as it is, so that a missing word shows.
func (w *Words) T(key string, args ...any) string {
	s, ok := w.m[key]
	if !ok {
		return key
	}
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}

// N returns the form of the word for key that fits the count n (see
// Words), formatted with n and then args.
func (w *Words) N(key string, n int, args ...any) string {
	s, ok := w.m[key]
	if !ok {
		return key
	}
	forms := strings.Split(s, "|")
	form := forms[min(pluralForm(w.lang, n), len(forms)-1)]
	return fmt.Sprintf(form, append([]any{n}, args...)...)
}

// pluralForm is the index of the plural form of n in lang: English 0 for
// one, 1 for other; Russian 0 one, 1 few, 2 many (CLDR's rules for integers).
func pluralForm(lang string, n int) int {
	if n < 0 {
		n = -n
	}
	switch lang {
	case "ru", "uk", "be":
		switch {
		case n%10 == 1 && n%100 != 11:
			return 0
		case n%10 >= 2 && n%10 <= 4 && (n%100 < 12 || n%100 > 14):
			return 1
		}
		return 2
	}
	if n == 1 {
		return 0
	}
	return 1
}

// Date writes a date for readers: "8 January 2022", "8 января 2022 г.".
// The zero time is "".
func (w *Words) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	months := strings.Split(w.T("months"), "|")
	month := t.Month().String()
	if len(months) == 12 {
		month = months[t.Month()-1]
	}
	return fmt.Sprintf(w.T("date-format"), t.Day(), month, t.Year())
}

// Month is a month and its year for readers, as a heading: "January 2022",
// "январь 2022 г.".
func (w *Words) Month(t time.Time) string {
	months := strings.Split(w.T("months-standalone"), "|")
	month := t.Month().String()
	if len(months) == 12 {
		month = months[t.Month()-1]
	}
	return fmt.Sprintf(w.T("month-format"), month, t.Year())
}

// Keys lists every word's key, sorted: the keys [strings] may set.
func Keys() []string {
	keys := make([]string, 0, len(wordsEN))
	for k := range wordsEN {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Words returns the site's words: its language's built-in set with
// [strings] over it. Each call makes them anew (the Site holds only what
// site.toml says, so that it prints the same for the same file).
func (s *Site) Words() *Words { return NewWords(s.Language, s.Strings) }

// verbs matches the fmt verbs of a word, to check an override's against the built-in's.
var verbs = regexp.MustCompile(`%(\[\d+\])?[dsvq]`)

// validateStrings checks [strings]: every key a word of the theme, every
// override with the verbs of the word it replaces, and a built-in set for
// the language.
func (s *Site) validateStrings() diag.List {
	var diags diag.List
	if base := baseLanguage(s.Language); builtin[base] == nil && s.Language != "" {
		diags.Notef(s.Pos("language"), diag.BadValue,
			`the theme's words stay English until [strings] gives them; built-in: `+strings.Join(Builtin, ", "),
			"language %q has no built-in words", s.Language)
	}
	keys := make([]string, 0, len(s.Strings))
	for k := range s.Strings {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	all := Keys()
	for _, k := range keys {
		builtinWord, known := wordsEN[k]
		if !known {
			hint := diag.DidYouMean(k, all)
			if hint == "" {
				hint = "the keys are listed in docs/theming.md (Words)"
			}
			diags.Warnf(s.Pos("strings."+k), diag.UnknownKey, hint, "unknown key %q in [strings]: the theme has no such word", k)
			continue
		}
		if !sameVerbs(builtinWord, s.Strings[k]) {
			diags.Warnf(s.Pos("strings."+k), diag.BadValue,
				fmt.Sprintf("keep the placeholders of the built-in word %q", builtinWord),
				"[strings] %s: %q has other placeholders than the built-in word", k, s.Strings[k])
		}
	}
	return diags
}

// sameVerbs reports whether word b may replace the built-in word a: b's
// first form prints every argument a's first form prints, and no form of
// b prints an argument a lacks or with another verb (%s for a count would
// print "%!s(int=1)"); %v prints any. Either may reorder the arguments
// with %[n]d.
func sameVerbs(a, b string) bool {
	first, _, _ := strings.Cut(a, "|")
	want := placeholders(first)
	for i, form := range strings.Split(b, "|") {
		got := placeholders(form)
		if i == 0 && len(got) != len(want) {
			return false
		}
		for arg, verb := range got {
			if w, ok := want[arg]; !ok || (w != verb && w != 'v' && verb != 'v') {
				return false
			}
		}
	}
	return true
}

// placeholders maps each argument a form prints (1 for the first) to its
// verb, numbering as fmt does: %[n]d is argument n, and a verb without an
// index takes the one after the verb before it.
func placeholders(form string) map[int]byte {
	args := map[int]byte{}
	next := 1
	for _, m := range verbs.FindAllStringSubmatch(form, -1) {
		arg := next
		if m[1] != "" {
			arg, _ = strconv.Atoi(m[1][1 : len(m[1])-1])
		}
		args[arg] = m[0][len(m[0])-1]
		next = arg + 1
	}
	return args
}

// Shorten cuts s to at most n characters at a space, ending it with "…":
// a title in a list, a search result's snippet.
func Shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := n
	for cut > n/2 && r[cut] != ' ' {
		cut--
	}
	return string(r[:cut]) + "…"
}
