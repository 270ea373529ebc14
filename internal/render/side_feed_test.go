package render

import (
	"bytes"
	"encoding/xml"
	"testing"
	"time"

	"github.com/dossier-dev/dossier/internal/content"
)

func TestFeedWriterMatchesEncodingXML(t *testing.T) {
	site, date := newSite(exportDossier(t)), content.Date{Time: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)}
	feeds := []*atomFeed{{}, siteFeed(site, date)}
	made := &feedEntries{s: site, made: map[any]atomEntry{}}
	for range 2 { // the second time, with entries made beforehand
		for _, e := range entitiesOf(site.D) {
			feeds = append(feeds, feedOf(made, date, e))
		}
	}
	for i, s := range trickyStrings {
		link := atomLink{Rel: "alternate", Type: s, Href: s + "&x=<1>"}
		feeds = append(feeds, &atomFeed{
			Title: s, ID: "urn:" + s, Updated: "u", Links: []atomLink{link, {Rel: s, Href: s}},
			Author:  atomAuthor{Name: s, URI: trickyStrings[i/2]},
			Entries: []atomEntry{{ID: s, Title: "“" + s + "”", Link: link, Summary: trickyStrings[i/3]}, {}},
		})
	}
	for _, f := range feeds {
		want, err := xml.MarshalIndent(f, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		want = append(append([]byte(xml.Header), want...), '\n')
		if got := marshalFeed(f); !bytes.Equal(got, want) {
			t.Errorf("the feed writer differs from encoding/xml:\n%s\nwant\n%s", got, want)
		}
	}
}

func TestShortTextMatchesShorten(t *testing.T) {
	for _, s := range append(trickyStrings, "a b c d e f g h i j k l m n o p", "ééé ééé ééé ééé ééé", "nospacesatallinthisverylongword",
		"word \xff\xfe bad bytes here and there", "日本語 の テキスト です よ ね") {
		for n := 1; n < 40; n++ {
			if got, want := shortText(s, n), shorten(s, n); got != want {
				t.Errorf("shortText(%q, %d) = %q, want %q", s, n, got, want)
			}
		}
	}
}
