package mention

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

var scriptEntities = []Entity{
	{Kind: "actor", ID: "tokayev", Names: []string{"Касым-Жомарт Токаев", "Токаев", "Kassym-Jomart Tokayev"}, Href: "/actors/tokayev/"},
	{Kind: "actor", ID: "wang-wenbin", Names: []string{"Ван Вэньбинь", "王文斌"}, Href: "/actors/wang-wenbin/"},
	{Kind: "actor", ID: "ivanova", Names: []string{"Иванова"}, Href: "/actors/ivanova/"},
	{Kind: "actor", ID: "ivanov", Names: []string{"Иванов"}, Href: "/actors/ivanov/"},
	{Kind: "actor", ID: "dostoevsky", Names: []string{"Достоевский"}, Forms: []string{"Достоевскому-младшему"}, Href: "/actors/dostoevsky/"},
	{Kind: "organization", ID: "sco", Names: []string{"上海合作组织", "ШОС"}, Href: "/organizations/sco/"},
	{Kind: "organization", ID: "mfa-jp", Names: []string{"外務省"}, Href: "/organizations/mfa-jp/"},
}

// linkPattern finds a mention link's entity id and text.
var linkPattern = regexp.MustCompile(`<a class="mention" href="[^"]*" data-entity="\w+:([^"]+)"[^>]*>([^<]*)</a>`)

// TestScripts: names in Cyrillic are whole words, and their Russian case
// forms are found; names in Chinese and Japanese are found inside unspaced
// text; a Latin or Cyrillic name next to Chinese characters is a word.
func TestScripts(t *testing.T) {
	m := mustMatcher(t, scriptEntities)
	md := newMarkdown()
	for _, tc := range []struct {
		text string
		want []string // "ID:matched text", in order
	}{
		{"Президент Токаев заявил.", []string{"tokayev:Токаев"}},
		{"Слова Токаева и ответ Токаеву.", []string{"tokayev:Токаева", "tokayev:Токаеву"}},
		{"С Токаевым и о Токаеве.", []string{"tokayev:Токаевым", "tokayev:Токаеве"}},
		{"Касым-Жомарт Токаев прибыл.", []string{"tokayev:Касым-Жомарт Токаев"}},
		{"Токаевский курс и токаевцы.", nil},
		{"Историк Токаевич.", nil},
		{"Приехала Иванова, уехал Иванов.", []string{"ivanova:Иванова", "ivanov:Иванов"}},
		{"Письмо Ивановой и Иванову.", []string{"ivanova:Ивановой"}}, // Иванову is a form of Иванов and of Иванова: it links to neither
		{"О Достоевском и Достоевскому-младшему.", []string{"dostoevsky:Достоевском", "dostoevsky:Достоевскому-младшему"}},
		{"外交部发言人王文斌表示，上海合作组织成员国支持哈萨克斯坦。", []string{"wang-wenbin:王文斌", "sco:上海合作组织"}},
		{"王文斌说", []string{"wang-wenbin:王文斌"}},
		{"日本の外務省は声明を出した。", []string{"mfa-jp:外務省"}},
		{"在Kassym-Jomart Tokayev说", []string{"tokayev:Kassym-Jomart Tokayev"}},
		{"ШОС和王文斌", []string{"sco:ШОС", "wang-wenbin:王文斌"}},
		{"ШОСовский", nil},
	} {
		html, _ := convert(t, md, m, ModeAll, tc.text)
		var got []string
		for _, l := range linkPattern.FindAllStringSubmatch(html, -1) {
			got = append(got, l[1]+":"+l[2])
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s\n got %q\nwant %q\n%s", tc.text, got, tc.want, html)
		}
	}
}

func TestRussianForms(t *testing.T) {
	for name, want := range map[string]string{
		"Токаев": "Токаева Токаеву Токаевым Токаеве", "Путин": "Путина Путину Путиным Путине",
		"Иванова": "Ивановой Иванову", "Достоевский": "Достоевского Достоевскому Достоевским Достоевском",
		"Касым-Жомарт Токаев": "", "Tokayev": "", "токаев": "", "Ов": "", "Назарбаев": "Назарбаева Назарбаеву Назарбаевым Назарбаеве",
	} {
		if got := strings.Join(russianForms(name), " "); got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
}
