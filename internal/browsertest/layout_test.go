package browsertest

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/chromedp/chromedp"
)

// maxPhoneHeader is the tallest the site's header may be on a 390 px
// phone: the site's name on one line (about 28 px) above one row of
// navigation links with room for their focus outline (about 40 px), and
// the padding. At 90 px of an 844 px screen it leaves nine tenths of the
// first screen to the page; the header with wrapping navigation took 157.
const maxPhoneHeader = 90

// TestPhoneLayout loads every page type at 390 px, light and dark, and
// checks that nothing scrolls sideways (the methodology table used to)
// and that the header stays within maxPhoneHeader, every navigation link
// in one row that scrolls sideways, the current section's in view; and
// axe-core finds nothing at that width either.
func TestPhoneLayout(t *testing.T) {
	s := bundled(t)
	axe, err := os.ReadFile("testdata/axe.min.js")
	if err != nil {
		t.Fatal(err)
	}
	ctx := newBrowser(t)
	for _, scheme := range []string{"light", "dark"} {
		for _, p := range pageTypes(s) {
			name := scheme + " " + p.name
			do(t, ctx, chromedp.EmulateViewport(390, 844), colorScheme(scheme), chromedp.Navigate(s.url+p.path), chromedp.WaitReady(chromedp.CSS("body")))
			if p.ready != "" {
				waitFor(t, ctx, p.ready)
			}
			var m struct {
				ScrollWidth, ClientWidth int
				Header                   float64
				Rows                     int
				Current                  []float64 // left and right of the current section's link
			}
			out := eval[string](t, ctx, `JSON.stringify((() => {
				const links = [...document.querySelectorAll(".site-header nav a")];
				const cur = document.querySelector(".site-header nav [aria-current]");
				const r = cur && cur.getBoundingClientRect();
				return {
					ScrollWidth: document.documentElement.scrollWidth,
					ClientWidth: document.documentElement.clientWidth,
					Header: document.querySelector(".site-header").getBoundingClientRect().height,
					Rows: new Set(links.map(a => Math.round(a.getBoundingClientRect().top))).size,
					Current: r ? [r.left, r.right] : [],
				};
			})())`)
			if err := json.Unmarshal([]byte(out), &m); err != nil {
				t.Fatal(err)
			}
			if m.ScrollWidth > m.ClientWidth {
				t.Errorf("%s at 390 px: the page is %d px wide, scrolls sideways (viewport %d px)", name, m.ScrollWidth, m.ClientWidth)
			}
			if m.Header > maxPhoneHeader {
				t.Errorf("%s at 390 px: the header is %.0f px tall, over %d", name, m.Header, maxPhoneHeader)
			}
			if m.Rows != 1 {
				t.Errorf("%s at 390 px: the navigation takes %d rows, want 1", name, m.Rows)
			}
			if len(m.Current) == 2 && (m.Current[0] < 0 || m.Current[1] > float64(m.ClientWidth)) {
				t.Errorf("%s at 390 px: the current section's link is out of view at %v", name, m.Current)
			}
			if scheme == "light" {
				t.Logf("%s at 390 px: header %.0f px, width %d px", p.name, m.Header, m.ScrollWidth)
			}
			checkAxe(t, ctx, string(axe), name+" at 390 px")
		}
	}
}

// TestMethodologyTableFits measures the verdict scale's table itself at
// 390 px: it is no wider than its column, so it never scrolls sideways.
func TestMethodologyTableFits(t *testing.T) {
	s := bundled(t)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.EmulateViewport(390, 844), chromedp.Navigate(s.url+"methodology/"), chromedp.WaitReady(chromedp.CSS("body")))
	widths := eval[[]float64](t, ctx, `(() => { const t = document.querySelector("table.scale");
		return [t.scrollWidth, t.clientWidth, t.parentElement.clientWidth, document.documentElement.scrollWidth, document.documentElement.clientWidth]; })()`)
	if widths[0] > widths[1] || widths[1] > widths[2] || widths[3] > widths[4] {
		t.Errorf("the methodology table at 390 px: scrollWidth %v, clientWidth %v, its column %v; the page %v of %v", widths[0], widths[1], widths[2], widths[3], widths[4])
	}
}

// TestPreviewCardStaysInView opens the preview card of links near the
// bottom and the right of the screen, at 390 and 1280 px: the card is
// wholly inside the viewport (above its link when there is no room
// below), and it ends with a link to the page it previews, which Tab
// reaches from the link that opened it.
func TestPreviewCardStaysInView(t *testing.T) {
	s := bundled(t)
	ctx := newBrowser(t)
	for _, w := range []int64{390, 1280} {
		do(t, ctx, chromedp.EmulateViewport(w, 844), chromedp.Navigate(s.url+article), chromedp.WaitReady(chromedp.CSS("body")))
		n := eval[int](t, ctx, `document.querySelectorAll("main a.badge-claim, main a.badge-quote, main a.mention").length`)
		checked, flipped := 0, 0
		for i := 0; i < n; i += 3 {
			// Put the link at the very bottom of the screen and focus it.
			eval[chromedp.Void](t, ctx, fmt.Sprintf(`(() => {
				document.getElementById("dossier-card")?.setAttribute("hidden", "");
				const a = document.querySelectorAll("main a.badge-claim, main a.badge-quote, main a.mention")[%d];
				a.scrollIntoView({block: "end"});
				a.focus({preventScroll: true});
				window.__link = a;
			})()`, i))
			waitFor(t, ctx, `(c => c && !c.hidden && c.previousElementSibling === (window.__link.closest("a") || window.__link))(document.getElementById("dossier-card"))`)
			var r struct {
				Top, Bottom, Left, Right, LinkTop float64
				VW, VH                            float64
				More, Want                        string
			}
			out := eval[string](t, ctx, `JSON.stringify((() => {
				const c = document.getElementById("dossier-card"), b = c.getBoundingClientRect(), l = window.__link.getBoundingClientRect();
				const more = c.querySelector(".card-more a");
				return {Top: b.top, Bottom: b.bottom, Left: b.left, Right: b.right, LinkTop: l.top,
					VW: document.documentElement.clientWidth, VH: window.innerHeight,
					More: more ? more.href : "", Want: window.__link.href};
			})())`)
			if err := json.Unmarshal([]byte(out), &r); err != nil {
				t.Fatal(err)
			}
			checked++
			if r.Top < 0 || r.Left < 0 || r.Bottom > r.VH+0.5 || r.Right > r.VW+0.5 {
				t.Errorf("%d px, link %d: the card (%.0f,%.0f)–(%.0f,%.0f) leaves the %.0f×%.0f viewport", w, i, r.Left, r.Top, r.Right, r.Bottom, r.VW, r.VH)
			}
			if r.Bottom <= r.LinkTop {
				flipped++
			}
			if r.More == "" || r.More != r.Want {
				t.Errorf("%d px, link %d: the card's link goes to %q, want %q", w, i, r.More, r.Want)
			}
		}
		if checked == 0 || flipped == 0 {
			t.Errorf("%d px: %d cards checked, %d of them above their link", w, checked, flipped)
		}
		t.Logf("%d px: %d cards at the bottom of the screen, all inside the viewport, %d shown above their link", w, checked, flipped)

		// Tab goes from the focused link into its card, to the card's link.
		do(t, ctx, chromedp.KeyEvent("\t"))
		if in := eval[bool](t, ctx, `document.getElementById("dossier-card").contains(document.activeElement) && !document.getElementById("dossier-card").hidden`); !in {
			t.Errorf("%d px: Tab from the link does not reach its card's link", w)
		}
	}
}

// TestNetworkLabels looks at the network pictures of actor and
// organization pages as shown at 390 and 1280 px: every label is at least
// 11 px high on screen, ringed with the page's background, and no two
// labels overlap; no line crosses a neighbour's label (the page's own
// label in the middle, where every line meets, is only ringed).
func TestNetworkLabels(t *testing.T) {
	s := bundled(t)
	ctx := newBrowser(t)
	for _, w := range []int64{390, 1280} {
		for _, page := range []string{"actors/wang-wenbin/", "actors/zhang-ming/", "organizations/sco/", "organizations/kazakhstan/"} {
			do(t, ctx, chromedp.EmulateViewport(w, 844), chromedp.Navigate(s.url+page), chromedp.WaitReady(chromedp.CSS("body")))
			out := eval[string](t, ctx, `JSON.stringify((() => {
				const svg = [...document.querySelectorAll(".network-graph")].find(g => g.getBoundingClientRect().width > 0);
				if (!svg) return {problems: ["no network picture shown"]};
				const problems = [], scale = svg.getScreenCTM().a, bg = getComputedStyle(document.body).backgroundColor;
				const lines = [...svg.querySelectorAll("line")].map(l => ["x1", "y1", "x2", "y2"].map(k => +l.getAttribute(k)));
				const labels = [...svg.querySelectorAll("text")].map(t => ({t, b: t.getBBox(), self: !!t.closest(".node-self"), name: t.textContent}));
				let smallest = 1e9;
				const cross = ([x1, y1, x2, y2], b) => {
					// Does the segment meet the box? Clip it (Liang–Barsky).
					let t0 = 0, t1 = 1; const dx = x2 - x1, dy = y2 - y1;
					for (const [p, q] of [[-dx, x1 - b.x], [dx, b.x + b.width - x1], [-dy, y1 - b.y], [dy, b.y + b.height - y1]]) {
						if (p === 0) { if (q < 0) return false; continue; }
						const r = q / p;
						if (p < 0) { if (r > t1) return false; if (r > t0) t0 = r; } else { if (r < t0) return false; if (r < t1) t1 = r; }
					}
					return true;
				};
				for (const l of labels) {
					const cs = getComputedStyle(l.t), px = parseFloat(cs.fontSize) * scale;
					smallest = Math.min(smallest, px);
					if (px < 11) problems.push(l.name + ": " + px.toFixed(1) + " px");
					if (!cs.paintOrder.startsWith("stroke") || cs.stroke !== bg) problems.push(l.name + ": no halo (" + cs.paintOrder + ", " + cs.stroke + ")");
					const b = {x: l.b.x + 1, y: l.b.y + 2, width: l.b.width - 2, height: l.b.height - 4};
					if (!l.self) for (const s of lines) if (cross(s, b)) { problems.push("a line crosses " + l.name); break; }
				}
				for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) {
					const a = labels[i].b, b = labels[j].b;
					if (a.x < b.x + b.width && b.x < a.x + a.width && a.y + 2 < b.y + b.height && b.y + 2 < a.y + a.height) problems.push(labels[i].name + " overlaps " + labels[j].name);
				}
				return {problems, smallest, labels: labels.length};
			})())`)
			var r struct {
				Problems []string
				Smallest float64
				Labels   int
			}
			if err := json.Unmarshal([]byte(out), &r); err != nil {
				t.Fatal(err)
			}
			for _, p := range r.Problems {
				t.Errorf("%s at %d px: %s", page, w, p)
			}
			t.Logf("%s at %d px: %d labels, the smallest %.1f px", page, w, r.Labels, r.Smallest)
		}
	}
}
