package mention

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// addForms adds to owners the forms of every entity: its Forms and the case
// forms of its one-word Cyrillic names (russianForms). A form that is some
// entity's name is left to that name; a form of two entities links to
// neither, without a warning (it was not written as a name). The forms
// come after the names in the returned order.
func addForms(entities []Entity, owners map[string][]int32, order []string) []string {
	names := len(order)
	for i, e := range entities {
		forms := slices.Clone(e.Forms)
		for _, n := range e.Names {
			forms = append(forms, russianForms(normalizeName(n))...)
		}
		for _, raw := range forms {
			form := normalizeName(raw)
			ids, seen := owners[form]
			switch {
			case form == "" || seen && slices.Index(order, form) < names:
				continue // a name's own spelling
			case !seen:
				order = append(order, form)
			}
			if !slices.Contains(ids, int32(i)) {
				owners[form] = append(ids, int32(i))
			}
		}
	}
	return order
}

// surnameEndings are the endings of the common Russian surnames and their
// case forms, the ending included: a masculine -ов, -ев, -ин (Токаев:
// Токаева, Токаеву, Токаевым, Токаеве), a feminine -ова, -ева, -ина
// (Иванова: Ивановой, Иванову), and the adjectival -ский, -цкий, -ская,
// -цкая (Достоевский: Достоевского …).
var surnameEndings = []struct {
	ending string
	forms  []string
}{
	{"ский", []string{"ского", "скому", "ским", "ском"}},
	{"цкий", []string{"цкого", "цкому", "цким", "цком"}},
	{"ская", []string{"ской", "скую"}},
	{"цкая", []string{"цкой", "цкую"}},
	{"ова", []string{"овой", "ову"}},
	{"ева", []string{"евой", "еву"}},
	{"ёва", []string{"ёвой", "ёву"}},
	{"ина", []string{"иной", "ину"}},
	{"ына", []string{"ыной", "ыну"}},
	{"ов", []string{"ова", "ову", "овым", "ове"}},
	{"ев", []string{"ева", "еву", "евым", "еве"}},
	{"ёв", []string{"ёва", "ёву", "ёвым", "ёве"}},
	{"ин", []string{"ина", "ину", "иным", "ине"}},
	{"ын", []string{"ына", "ыну", "ыным", "ыне"}},
}

// russianForms returns the case forms of a one-word Cyrillic name that
// begins with a capital and ends like a common Russian surname (see
// surnameEndings), nil for any other name. Names of several words are left
// alone: their first names inflect in ways no rule of thumb gets right.
func russianForms(name string) []string {
	first, _ := utf8.DecodeRuneInString(name)
	if !unicode.Is(unicode.Cyrillic, first) || !unicode.IsUpper(first) || strings.ContainsFunc(name, func(r rune) bool {
		return !unicode.Is(unicode.Cyrillic, r) && r != '-'
	}) {
		return nil
	}
	for _, s := range surnameEndings {
		stem, ok := strings.CutSuffix(name, s.ending)
		if !ok || utf8.RuneCountInString(stem) < 2 {
			continue
		}
		out := make([]string, len(s.forms))
		for i, f := range s.forms {
			out[i] = stem + f
		}
		return out
	}
	return nil
}
