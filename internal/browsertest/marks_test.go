package browsertest

import (
	"context"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// alignTolerance is how far (px) a margin note's top may be from the top of
// the last line box of its claim or quote, unless crowding pushed it down.
const alignTolerance = 4

// noteBox is one margin note as measured in the page, in page pixels.
type noteBox struct {
	Key       string  `json:"key"`
	Top       float64 `json:"top"`
	Bottom    float64 `json:"bottom"`
	Left      float64 `json:"left"`
	Right     float64 `json:"right"`
	LineTop   float64 `json:"lineTop"`   // top of the last line box of its annotation
	BodyRight float64 `json:"bodyRight"` // right edge of the text column
}

// measureNotes returns every note of the article's body, in the order of
// their tops. A note's annotation is found from its link, independently of
// dossier.js, and so is the line box its words end on: the line (of the
// mark's line-height) centred on the box of the last character of the last
// <mark> of that id.
const measureNotes = `(() => {
  const body = document.querySelector(".article .body"), br = body.getBoundingClientRect();
  return Array.from(body.querySelectorAll(".badge-claim, .badge-quote")).map(n => {
    const p = n.getAttribute("href").split("/"), id = p[p.length - 2];
    const kind = p[p.length - 3] === "claims" ? "claim" : "quote";
    const marks = body.querySelectorAll("mark[data-" + kind + "=" + JSON.stringify(id) + "]"), m = marks[marks.length - 1];
    const w = document.createTreeWalker(m, NodeFilter.SHOW_TEXT);
    let last = null;
    while (w.nextNode()) if (w.currentNode.data.trim()) last = w.currentNode;
    const end = last.data.trimEnd().length, range = document.createRange();
    range.setStart(last, end - 1);
    range.setEnd(last, end);
    const c = Array.from(range.getClientRects()).pop(), lh = parseFloat(getComputedStyle(last.parentElement).lineHeight);
    const r = n.getBoundingClientRect();
    return {key: kind + " " + id, top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right,
      lineTop: c.top + c.height / 2 - lh / 2 + scrollY, bodyRight: br.right};
  }).sort((a, b) => a.top - b.top);
})()`

// TestMarginNotesLineUp measures every margin note of the bundled article at
// 1280 and 1600 px (and 980 px, the narrowest width with notes in the
// margin): each starts on the line where its claim (or quote) ends, within
// alignTolerance, unless the notes before it on that line filled the row, in
// which case it sits just below another note; no two overlap.
func TestMarginNotesLineUp(t *testing.T) {
	s := bundled(t)
	ctx := newBrowser(t)
	for _, width := range []int64{1280, 1600, 980} {
		do(t, ctx, chromedp.EmulateViewport(width, 900), chromedp.Navigate(s.url+article), chromedp.WaitReady(chromedp.CSS("body")))
		if _, stacked := checkNotes(t, ctx, fmt.Sprintf("%d px", width)); width != 980 && stacked > 0 {
			t.Errorf("%d px: %d notes are off their line, the margin has room for all", width, stacked)
		}
	}
}

// TestMarginNotesStack crowds six claims onto one line: the notes that do
// not fit the row stack below it, none overlapping.
func TestMarginNotesStack(t *testing.T) {
	var fm strings.Builder
	for _, w := range []string{"one", "two", "three", "four", "five", "six"} {
		fmt.Fprintf(&fm, "[[claims]]\nid = %q\ntext = %q\nstatus = \"misleading\"\nexplanation = \"x\"\n", w, w)
	}
	s, err := buildSite(fstest.MapFS{
		"site.toml":             {Data: []byte("title = \"T\"\n")},
		"content/articles/a.md": {Data: []byte("+++\ntitle = \"A\"\ndate = 2022-01-08\n" + fm.String() + "+++\n\nSaid: one two three four five six.\n\nA last line.\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx := newBrowser(t)
	do(t, ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(s.url+"articles/a/"), chromedp.WaitReady(chromedp.CSS("body")))
	if _, stacked := checkNotes(t, ctx, "six claims on a line"); stacked == 0 {
		t.Error("six misleading notes fit one row: the test no longer crowds the margin")
	}
}

// checkNotes measures the notes of the article page in ctx (see
// TestMarginNotesLineUp) and returns the worst offset of a note on its line
// and the number of notes stacked below a full row.
func checkNotes(t *testing.T, ctx context.Context, name string) (worst float64, stacked int) {
	t.Helper()
	waitFor(t, ctx, `document.querySelector(".article .body.notes") && document.fonts.status === "loaded"`)
	notes := eval[[]noteBox](t, ctx, measureNotes)
	want := eval[int](t, ctx, `document.querySelectorAll(".article .body .badge-claim, .article .body .badge-quote").length`)
	if len(notes) != want || want == 0 {
		t.Fatalf("%s: measured %d notes of %d", name, len(notes), want)
	}
	worst, worstKey, pushed := -1.0, "", 0.0
	for i, n := range notes {
		if n.Left < n.BodyRight {
			t.Errorf("%s: %s: note at x=%.0f is not in the margin (text ends at %.0f)", name, n.Key, n.Left, n.BodyRight)
		}
		for _, o := range notes[:i] {
			if n.Top < o.Bottom-0.5 && o.Top < n.Bottom-0.5 && n.Left < o.Right-0.5 && o.Left < n.Right-0.5 {
				t.Errorf("%s: %s overlaps %s", name, n.Key, o.Key)
			}
		}
		off := n.Top - n.LineTop
		if math.Abs(off) <= alignTolerance {
			if math.Abs(off) > worst {
				worst, worstKey = math.Abs(off), n.Key
			}
			continue
		}
		// Only crowding may move a note, and only down to just below another.
		below := slices.ContainsFunc(notes[:i], func(o noteBox) bool { d := n.Top - o.Bottom; return d >= -0.5 && d <= alignTolerance+1 })
		if off < 0 || !below {
			t.Errorf("%s: %s starts %.1f px from the line where it ends", name, n.Key, off)
			continue
		}
		stacked++
		pushed = max(pushed, off)
	}
	t.Logf("%s: %d notes; %d on their line, worst |offset| %.2f px (%s); %d stacked below a full row, pushed down at most %.1f px",
		name, len(notes), len(notes)-stacked, worst, worstKey, stacked, pushed)
	return worst, stacked
}

// TestMarkNotePairing: hovering a mark highlights its note, hovering a note
// highlights every piece of its mark, and focusing a note does the same.
func TestMarkNotePairing(t *testing.T) {
	s := bundled(t)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(s.url+article), chromedp.WaitReady(chromedp.CSS("body")))
	waitFor(t, ctx, `document.querySelector(".article .body.notes")`)
	const id = "sco-formed-by-china"
	mark, note := `#claim-`+id, `.article .body a.badge-claim[href$="/claims/`+id+`/"]`
	const rest = "rgba(0, 0, 0, 0)"
	// At rest: no tint; claims underlined, quotes in italics without a line.
	for _, m := range eval[[]string](t, ctx, `Array.from(document.querySelectorAll(".article .body mark")).map(m => { const c = getComputedStyle(m);
	  return [m.className, m.dataset.claim || m.dataset.quote, c.backgroundColor, c.borderBottomStyle, c.fontStyle].join("|") })`) {
		f := strings.Split(m, "|")
		switch {
		case f[2] != rest:
			t.Errorf("%s %s at rest has a background %s", f[0], f[1], f[2])
		case f[0] == "claim" && f[3] == "none": // italic when inside a quote
			t.Errorf("claim %s at rest has no underline", f[1])
		case f[0] == "quote" && (f[3] != "none" || f[4] != "italic"):
			t.Errorf("quote %s at rest: underline %s, font %s; want italics, no underline", f[1], f[3], f[4])
		}
	}
	highlighted := func(sel string) bool {
		return eval[bool](t, ctx, `document.querySelector(`+jsString(sel)+`).classList.contains("hl")`)
	}
	hover(t, ctx, mark)
	if !highlighted(note) {
		t.Error("hovering the claim does not highlight its note")
	}
	if bg := eval[string](t, ctx, `getComputedStyle(document.querySelector("`+mark+`")).backgroundColor`); bg == rest {
		t.Error("a hovered mark has no tint")
	}
	hover(t, ctx, note)
	if !highlighted(mark) || highlighted(note) != true {
		t.Error("hovering the note does not highlight its claim")
	}
	hover(t, ctx, "h1")
	if highlighted(mark) || highlighted(note) {
		t.Error("the highlight stays after the pointer left")
	}
	do(t, ctx, chromedp.Focus(chromedp.CSS(note)))
	if !highlighted(mark) {
		t.Error("focusing the note does not highlight its claim")
	}
	if bg := eval[string](t, ctx, `getComputedStyle(document.querySelector("`+mark+`")).backgroundColor`); bg == rest {
		t.Error("the claim of a focused note has no tint")
	}
	do(t, ctx, chromedp.Focus(chromedp.CSS(".site-title")))
	if highlighted(mark) {
		t.Error("the highlight stays after focus left")
	}
	// Focus inside a claim (a name linked within it) highlights its note.
	inner := eval[string](t, ctx, `(a => a.closest("mark.claim").dataset.claim)(document.querySelector(".article .body mark.claim a.mention"))`)
	do(t, ctx, chromedp.Focus(chromedp.CSS(`.article .body mark.claim[data-claim="`+inner+`"] a.mention`)))
	if !highlighted(`.article .body a.badge-claim[href$="/claims/` + inner + `/"]`) {
		t.Errorf("focusing a link inside claim %s does not highlight its note", inner)
	}
	do(t, ctx, chromedp.Navigate(s.url+article+"#claim-"+id), chromedp.WaitReady(chromedp.CSS("body")))
	if bg := eval[string](t, ctx, `getComputedStyle(document.querySelector("`+mark+`")).backgroundColor`); bg == rest {
		t.Error("the :target claim has no tint")
	}
}

// hover moves the mouse to the middle of the first element matching sel.
func hover(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	xy := eval[[]float64](t, ctx, `(e => { e.scrollIntoView({block: "center"}); const r = e.getClientRects()[0]; return [r.left + r.width / 2, r.top + r.height / 2] })(document.querySelector(`+jsString(sel)+`))`)
	do(t, ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, xy[0], xy[1]))
}

// TestPlainTextToggle: the toggle is a button with aria-pressed; pressed, it
// hides every mark's underline and every note; it is remembered on reload.
func TestPlainTextToggle(t *testing.T) {
	s := bundled(t)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(s.url+article), chromedp.WaitReady(chromedp.CSS("body")))
	waitFor(t, ctx, `document.querySelector(".plain-toggle")`)
	const state = `(() => { const b = document.querySelector(".plain-toggle");
	  const marks = Array.from(document.querySelectorAll(".article .body mark"));
	  const notes = Array.from(document.querySelectorAll(".article .body .badge-claim, .article .body .badge-quote"));
	  return [b.getAttribute("aria-pressed"), b.textContent,
	    String(marks.filter(m => getComputedStyle(m).borderBottomStyle !== "none" || getComputedStyle(m).fontStyle === "italic").length),
	    String(notes.filter(n => n.getClientRects().length > 0).length),
	    String(localStorage.getItem("dossier-plain"))] })()`
	before := eval[[]string](t, ctx, state)
	if before[0] != "false" || before[1] != "Plain text" || before[2] == "0" || before[3] == "0" {
		t.Fatalf("before: aria-pressed, label, styled marks, visible notes, stored = %v", before)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(".plain-toggle")))
	pressed := eval[[]string](t, ctx, state)
	if want := []string{"true", "Plain text", "0", "0", "1"}; !slices.Equal(pressed, want) {
		t.Errorf("pressed: %v, want %v", pressed, want)
	}
	do(t, ctx, chromedp.Reload(), chromedp.WaitReady(chromedp.CSS("body")))
	waitFor(t, ctx, `document.querySelector(".plain-toggle")`)
	if got := eval[[]string](t, ctx, state); !slices.Equal(got, pressed) {
		t.Errorf("after reload: %v, want %v (remembered)", got, pressed)
	}
	do(t, ctx, chromedp.Focus(chromedp.CSS(".plain-toggle")), chromedp.KeyEvent(" "))
	if got := eval[[]string](t, ctx, state); !slices.Equal(got, append(slices.Clone(before[:4]), "null")) {
		t.Errorf("pressed again with the keyboard: %v, want %v", got, before)
	}
}

// TestBadgesWithoutScriptAndOnPhones: without JavaScript the notes are
// inline badges after their claims; at 390 px they are compact, with the
// verdict's short label shown and its full label left to screen readers.
func TestBadgesWithoutScriptAndOnPhones(t *testing.T) {
	s := bundled(t)
	ctx := newBrowser(t)
	const layout = `Array.from(document.querySelectorAll(".article .body .badge-claim")).map(b => { const r = b.getBoundingClientRect();
	  return [getComputedStyle(b).position, b.querySelector(".v-short") ? getComputedStyle(b.querySelector(".v-short")).display : "-", String(Math.round(r.height))].join(" ") })`
	do(t, ctx, scriptsDisabled(true), chromedp.EmulateViewport(1280, 900), chromedp.Navigate(s.url+article), chromedp.WaitReady(chromedp.CSS("body")))
	for _, b := range eval[[]string](t, ctx, layout) {
		if b[:6] != "static" {
			t.Errorf("no JavaScript, 1280 px: a note is laid out %q, want an inline badge", b)
			break
		}
	}
	do(t, ctx, scriptsDisabled(false), chromedp.EmulateViewport(390, 844), chromedp.Navigate(s.url+article), chromedp.WaitReady(chromedp.CSS("body")))
	waitFor(t, ctx, `document.querySelector(".plain-toggle")`)
	shorts := 0
	for _, b := range eval[[]string](t, ctx, layout) {
		var pos, short string
		var h int
		fmt.Sscan(b, &pos, &short, &h)
		if pos != "static" || h > 20 {
			t.Errorf("390 px: badge %q, want inline and at most 20 px high", b)
		}
		if short != "none" && short != "-" {
			shorts++
		}
	}
	if shorts == 0 {
		t.Error("390 px: no badge shows a short label")
	}
	if got := eval[string](t, ctx, `(b => b.querySelector(".v-label").getBoundingClientRect().width + " " + b.querySelector(".v-short").textContent)(document.querySelector(".article .body .badge-claim[data-status=misleading]"))`); got != "1 Mislead." {
		t.Errorf("390 px: a misleading badge's label width and short label are %q, want the label hidden and \"Mislead.\" shown", got)
	}
}

// scriptsDisabled turns JavaScript off or on for the tab.
func scriptsDisabled(off bool) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: off})
		return err
	})
}

// TestAxeArticleMarks runs axe-core on the article in the states this
// theme adds, in light and dark: the margin notes at 1280 px with a claim
// and its note highlighted, the compact badges at 390 px, and plain text.
func TestAxeArticleMarks(t *testing.T) {
	s := bundled(t)
	src, err := os.ReadFile("testdata/axe.min.js")
	if err != nil {
		t.Fatal(err)
	}
	ctx := newBrowser(t)
	for _, scheme := range []string{"light", "dark"} {
		do(t, ctx, colorScheme(scheme), chromedp.EmulateViewport(1280, 900), chromedp.Navigate(s.url+article), chromedp.WaitReady(chromedp.CSS("body")))
		waitFor(t, ctx, `document.querySelector(".article .body.notes")`)
		eval[bool](t, ctx, `(() => { document.querySelectorAll(".article .body mark, .article .body .badge").forEach(e => e.classList.add("hl")); return true })()`)
		checkAxe(t, ctx, string(src), scheme+" article 1280 px, everything highlighted")
		do(t, ctx, chromedp.EmulateViewport(390, 844), chromedp.Reload(), chromedp.WaitReady(chromedp.CSS("body")))
		waitFor(t, ctx, `document.querySelector(".plain-toggle")`)
		checkAxe(t, ctx, string(src), scheme+" article 390 px")
		do(t, ctx, chromedp.Click(chromedp.CSS(".plain-toggle")))
		checkAxe(t, ctx, string(src), scheme+" article 390 px, plain text")
		do(t, ctx, chromedp.Click(chromedp.CSS(".plain-toggle")))
	}
}
