package benchcorpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// Actor is a generated person.
type Actor struct {
	ID            string
	Name          string
	Aliases       []string
	Role          string
	Organizations []string // organization ids
	Country       string   // a state's organization id, or ""
}

// Organization is a generated organization.
type Organization struct {
	ID           string
	Name         string
	Short        string
	Kind         string // state, alliance, agency, ministry or media
	Members      []string
	Founded      Date // written as a year alone when its month is even
	Headquarters string
}

// Event is a generated timeline event.
type Event struct {
	ID            string
	Title         string
	Date          Date
	Actors        []string
	Organizations []string
	Body          string
}

// Date is a calendar date.
type Date struct{ Year, Month, Day int }

// String formats the date as 2006-01-02.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// dateFrom returns the date days after 2022-01-01.
func dateFrom(days int) Date {
	t := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, days)
	return Date{t.Year(), int(t.Month()), t.Day()}
}

// orgKinds is the kind of organization i, in a fixed rotation with media and states
// common enough that every article finds a medium for its quotes.
var orgKinds = []string{"media", "state", "agency", "media", "ministry", "alliance", "state", "media"}

// nameBook hands out proper names made of syllables, each used once in a corpus.
type nameBook struct {
	rng   *rand.Rand
	width int // syllables per name
	used  map[string]bool
}

func newNameBook(rng *rand.Rand, needed int) *nameBook {
	width, space := 2, len(syllables)*len(syllables)
	for space < 4*needed {
		width++
		space *= len(syllables)
	}
	return &nameBook{rng: rng, width: width, used: map[string]bool{}}
}

// next returns a fresh capitalised name such as "Dorketbal".
func (b *nameBook) next() string {
	for {
		var sb strings.Builder
		for range b.width {
			sb.WriteString(syllables[b.rng.IntN(len(syllables))])
		}
		name := strings.ToUpper(sb.String()[:1]) + sb.String()[1:]
		if !b.used[name] && !inVocabulary(name) {
			b.used[name] = true
			return name
		}
	}
}

// inVocabulary reports whether name occurs, ignoring case, inside any word of the
// filler prose (so a mention can never be found inside an ordinary word).
func inVocabulary(name string) bool {
	lower := strings.ToLower(name)
	for _, list := range [][]string{subjects, verbs, objects, adverbials, clauses, places, firstNames, headingWords} {
		for _, w := range list {
			if strings.Contains(strings.ToLower(w), lower) {
				return true
			}
		}
	}
	return false
}

// newOrganizations makes n organizations with unique names, shorts and ids.
func newOrganizations(rng *rand.Rand, book *nameBook, n int) []Organization {
	orgs := make([]Organization, n)
	shorts := map[string]bool{}
	for i := range orgs {
		kind := orgKinds[i%len(orgKinds)]
		var root, short string
		for {
			root = book.next()
			short = initials(root) + kindLetters[kind]
			if !shorts[short] && !inVocabulary(short) {
				break
			}
		}
		shorts[short] = true
		orgs[i] = Organization{
			ID: strings.ToLower(short), Name: orgName(rng, root, kind), Short: short, Kind: kind,
			Founded: Date{1950 + rng.IntN(70), 1 + rng.IntN(12), 1 + rng.IntN(28)},
		}
		if kind != "alliance" {
			orgs[i].Headquarters = places[rng.IntN(len(places))]
		}
	}
	for i := range orgs {
		if orgs[i].Kind == "alliance" {
			orgs[i].Members = pickIDs(rng, orgs, "state", 2+rng.IntN(3))
		}
	}
	return orgs
}

// kindLetters ends an organization's short form.
var kindLetters = map[string]string{"state": "S", "alliance": "A", "agency": "G", "ministry": "M", "media": "P"}

// initials returns the upper-case first letters of the syllables of a name.
func initials(name string) string {
	lower := strings.ToLower(name)
	var sb strings.Builder
	for lower != "" {
		n := syllableAt(lower)
		if n == 0 {
			n = 1 // not made of syllables: take the letter and go on
		}
		sb.WriteString(strings.ToUpper(lower[:1]))
		lower = lower[n:]
	}
	return sb.String()
}

// syllableAt returns the length of the syllable s starts with, or 0.
func syllableAt(s string) int {
	for _, syl := range syllables {
		if strings.HasPrefix(s, syl) {
			return len(syl)
		}
	}
	return 0
}

func orgName(rng *rand.Rand, root, kind string) string {
	forms := map[string][]string{
		"state":    {"Republic of %s", "Kingdom of %s", "%s Federation"},
		"alliance": {"%s Treaty Organization", "%s Cooperation Council", "%s Defence Pact"},
		"agency":   {"%s Security Agency", "%s Customs Service", "%s Statistics Office"},
		"ministry": {"%s Ministry of Energy", "%s Ministry of Justice", "%s Ministry of Finance"},
		"media":    {"%s News Agency", "%s Daily", "Radio %s", "%s Television"},
	}[kind]
	return fmt.Sprintf(forms[rng.IntN(len(forms))], root)
}

// pickIDs returns up to n distinct ids of organizations of the given kind.
func pickIDs(rng *rand.Rand, orgs []Organization, kind string, n int) []string {
	var ids []string
	seen := map[string]bool{}
	for try := 0; len(ids) < n && try < 20*n; try++ {
		o := orgs[rng.IntN(len(orgs))]
		if o.Kind == kind && !seen[o.ID] {
			seen[o.ID] = true
			ids = append(ids, o.ID)
		}
	}
	return ids
}

// newActors makes n actors with unique names; about half have their surname as an alias.
func newActors(rng *rand.Rand, book *nameBook, orgs []Organization, n int) []Actor {
	actors := make([]Actor, n)
	for i := range actors {
		first, last := firstNames[rng.IntN(len(firstNames))], book.next()
		a := Actor{
			Name: first + " " + last,
			ID:   strings.ToLower(first + "-" + last),
			Role: roles[rng.IntN(len(roles))],
		}
		if rng.IntN(2) == 0 {
			a.Aliases = []string{last}
		}
		for range 1 + rng.IntN(2) {
			id := orgs[rng.IntN(len(orgs))].ID
			if len(a.Organizations) == 0 || a.Organizations[0] != id {
				a.Organizations = append(a.Organizations, id)
			}
		}
		if states := pickIDs(rng, orgs, "state", 1); len(states) == 1 && rng.IntN(3) > 0 {
			a.Country = states[0]
		}
		actors[i] = a
	}
	return actors
}

// newEvents makes n timeline events, each naming a few actors and organizations.
func newEvents(rng *rand.Rand, actors []Actor, orgs []Organization, n int) []Event {
	events := make([]Event, n)
	for i := range events {
		place := places[rng.IntN(len(places))]
		a := actors[rng.IntN(len(actors))]
		o := orgs[rng.IntN(len(orgs))]
		events[i] = Event{
			ID:            fmt.Sprintf("event-%04d", i+1),
			Title:         fmt.Sprintf("%s: %s", place, clauses[rng.IntN(len(clauses))]),
			Date:          dateFrom(rng.IntN(90)),
			Actors:        []string{a.ID},
			Organizations: []string{o.ID},
			Body: fmt.Sprintf("In %s, %s. %s of the %s commented on the events %s.\n",
				place, clauses[rng.IntN(len(clauses))], a.Name, o.Name, adverbials[rng.IntN(len(adverbials))]),
		}
	}
	return events
}
