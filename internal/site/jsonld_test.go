package site

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/dossier-dev/dossier/internal/testfiles"
)

var ldScript = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)

// jsonLD returns every JSON-LD object of a page, parsed.
func jsonLD(t *testing.T, page string, b []byte) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, m := range ldScript.FindAllSubmatch(b, -1) {
		var v map[string]any
		if err := json.Unmarshal(m[1], &v); err != nil {
			t.Fatalf("%s: JSON-LD does not parse: %v\n%s", page, err, m[1])
		}
		out = append(out, v)
	}
	return out
}

// TestClaimReview checks the structured data fact-check aggregators read:
// exactly one ClaimReview on each claim page and none elsewhere, Quotation on
// quote pages.
func TestClaimReview(t *testing.T) {
	res := buildSite(t, loadSite(t, "testdata/golden/site.txtar"), Options{})
	const base = "https://example.org/dossier/"
	for name, b := range testfiles.Read(t, res.Output) {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		reviews := 0
		for _, ld := range jsonLD(t, name, b) {
			if ld["@type"] == "ClaimReview" {
				reviews++
			}
		}
		isClaim := strings.HasPrefix(name, "claims/sco-formed-by-china/") || strings.HasPrefix(name, "claims/wang-outside-forces/")
		if isClaim && reviews != 1 || !isClaim && reviews != 0 {
			t.Errorf("%s has %d ClaimReview objects", name, reviews)
		}
	}

	rated := jsonLD(t, "claim", testfiles.Read(t, res.Output)["claims/sco-formed-by-china/index.html"])[0]
	if rated["url"] != base+"claims/sco-formed-by-china/" || rated["@context"] != "https://schema.org" {
		t.Errorf("url/@context: %v %v", rated["url"], rated["@context"])
	}
	if cr := rated["claimReviewed"].(string); cr != "formed by China in 2001" || strings.Contains(strings.ToLower(cr), "misleading") {
		t.Errorf("claimReviewed %q", cr)
	}
	rating := rated["reviewRating"].(map[string]any)
	if rating["alternateName"] != "Misleading" || rating["ratingValue"] != 2.0 || rating["bestRating"] != 5.0 || rating["worstRating"] != 1.0 {
		t.Errorf("reviewRating %v", rating)
	}
	item := rated["itemReviewed"].(map[string]any)
	if item["@type"] != "Claim" || item["datePublished"] != "2022-01-08" || item["appearance"] == nil || item["author"] == nil {
		t.Errorf("itemReviewed %v", item)
	}
	if rated["author"].(map[string]any)["name"] != "Test Desk" || rated["datePublished"] != "2026-11-26" {
		t.Errorf("author/datePublished %v %v", rated["author"], rated["datePublished"])
	}

	unrated := jsonLD(t, "claim", testfiles.Read(t, res.Output)["claims/wang-outside-forces/index.html"])[0]
	r := unrated["reviewRating"].(map[string]any)
	if r["alternateName"] != "Unverified" || r["ratingValue"] != nil || r["worstRating"] != nil {
		t.Errorf("a verdict without a number gives alternateName only: %v", r)
	}
	author := unrated["itemReviewed"].(map[string]any)["author"].(map[string]any)
	if author["@type"] != "Person" || author["@id"] != base+"actors/wang-wenbin/#id" {
		t.Errorf("claim author %v", author)
	}

	person := jsonLD(t, "actor", testfiles.Read(t, res.Output)["actors/wang-wenbin/index.html"])
	if len(person) != 1 || person[0]["@type"] != "Person" || person[0]["@id"] != base+"actors/wang-wenbin/#id" {
		t.Errorf("the actor page's Person must carry the @id claims use: %v", person)
	}

	quote := jsonLD(t, "quote", testfiles.Read(t, res.Output)["quotes/outside-forces/index.html"])
	if len(quote) != 1 || quote[0]["@type"] != "Quotation" {
		t.Fatalf("quote JSON-LD %v", quote)
	}
	creator := quote[0]["creator"].(map[string]any)
	if creator["@id"] != base+"actors/wang-wenbin/#id" || quote[0]["isBasedOn"] == nil || quote[0]["text"] != "certain outside forces" {
		t.Errorf("Quotation %v", quote[0])
	}
}
