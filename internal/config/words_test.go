package config

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// TestEveryLanguageHasEveryWord: each built-in set has exactly English's
// keys, with the same placeholders in every plural form.
func TestEveryLanguageHasEveryWord(t *testing.T) {
	for lang, set := range builtin {
		for k, en := range wordsEN {
			w, ok := set[k]
			if !ok {
				t.Errorf("%s: no word %q", lang, k)
				continue
			}
			for _, form := range strings.Split(w, "|") {
				if !sameVerbs(en, form) {
					t.Errorf("%s: %q form %q has other placeholders than %q", lang, k, form, en)
				}
			}
		}
		for k := range set {
			if _, ok := wordsEN[k]; !ok {
				t.Errorf("%s: %q is not an English key", lang, k)
			}
		}
	}
}

func TestDates(t *testing.T) {
	d := time.Date(2022, time.January, 5, 0, 0, 0, 0, time.UTC)
	for lang, want := range map[string]string{"en": "5 January 2022", "ru": "5 января 2022 г.", "ru-RU": "5 января 2022 г.", "kk": "5 January 2022"} {
		if got := NewWords(lang, nil).Date(d); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
	if got := NewWords("en", nil).Date(time.Time{}); got != "" {
		t.Errorf("zero date: %q", got)
	}
}

func TestPlurals(t *testing.T) {
	ru := NewWords("ru", nil)
	for n, want := range map[int]string{1: "1 упоминание", 2: "2 упоминания", 5: "5 упоминаний", 11: "11 упоминаний",
		21: "21 упоминание", 22: "22 упоминания", 112: "112 упоминаний", 0: "0 упоминаний"} {
		if got := ru.N("n-mentions", n); got != want {
			t.Errorf("ru %d: %q, want %q", n, got, want)
		}
	}
	en := NewWords("en", nil)
	if got := en.N("n-mentions", 1) + ", " + en.N("n-mentions", 3); got != "1 mention, 3 mentions" {
		t.Errorf("en: %q", got)
	}
	if got := en.N("net-node", 2, "SCO", "alliance"); got != "SCO (alliance, 2 connections)" {
		t.Errorf("en net-node: %q", got)
	}
}

func TestStringsOverrideWords(t *testing.T) {
	site, msgs := load(t, `language = "ru"
[strings]
claims = "Проверки"
verdict-false = "Неправда"
`)
	if len(msgs) != 0 {
		t.Fatal(msgs)
	}
	w := site.Words()
	if w.T("claims") != "Проверки" || w.T("articles") != "Статьи" || w.Lang() != "ru" {
		t.Errorf("words: claims %q, articles %q, lang %q", w.T("claims"), w.T("articles"), w.Lang())
	}
	if v, _ := site.Verdict("false"); v.Label != "Неправда" {
		t.Errorf("verdict false: %q", v.Label)
	}
	if v, _ := site.Verdict("true"); v.Label != "Правда" || !strings.HasPrefix(v.Description, "Верно") {
		t.Errorf("verdict true: %+v", v)
	}
}

func TestUnknownStringIsWarnedAtItsLine(t *testing.T) {
	_, msgs := load(t, `title = "T"

[strings]
claims = "Fact-checks"
  artciles = "Stories"
n-mentions = "mentions"
`)
	want := []string{
		"site.toml:5:3: warning: unknown key \"artciles\" in [strings]: the theme has no such word\n\thint: did you mean \"articles\"?",
		"site.toml:6:1: warning: [strings] n-mentions: \"mentions\" has other placeholders than the built-in word\n\thint: keep the placeholders of the built-in word \"%d mention|%d mentions\"",
	}
	if !slices.Equal(msgs, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
}

func TestLanguageWithoutWordsIsANote(t *testing.T) {
	site, msgs := load(t, `language = "kk"`)
	if len(msgs) != 1 || !strings.Contains(msgs[0], `site.toml:1:1: note: language "kk" has no built-in words`) {
		t.Errorf("%q", msgs)
	}
	if site.Words().T("claims") != "Claims" {
		t.Errorf("fallback: %q", site.Words().T("claims"))
	}
}

// TestStringsKeepTheirArguments: an override that prints a count with %s,
// prints an argument the word does not have, or drops one in its first
// form is warned about, in any of its plural forms; reordering is not.
func TestStringsKeepTheirArguments(t *testing.T) {
	for _, tc := range []struct {
		builtin, own string
		ok           bool
	}{
		{"%d mention|%d mentions", "%d упоминание|%d упоминания|%d упоминаний", true},
		{"%d mention|%d mentions", "%s mention", false},
		{"%d mention|%d mentions", "%d mention|%s mentions", false},
		{"%d mention|%d mentions", "%d mention|%d mentions of %d", false},
		{"%d mention|%d mentions", "mentions", false},
		{"%d mention|%d mentions", "%v mention", true},
		{"%[2]d of %[1]d claim shown|%[2]d of %[1]d claims shown", "%d claims, %d shown", true},
		{"%[2]d of %[1]d claim shown|%[2]d of %[1]d claims shown", "%[2]d of %[1]s", false},
		{"%[2]s (%[3]s, %[1]d connection)", "%[2]s: %[1]d (%[3]s)", true},
		{"%[2]s (%[3]s, %[1]d connection)", "%[2]s: %[1]d (%[4]s)", false},
	} {
		if got := sameVerbs(tc.builtin, tc.own); got != tc.ok {
			t.Errorf("%q for %q: allowed %t, want %t", tc.own, tc.builtin, got, tc.ok)
		}
	}
}
