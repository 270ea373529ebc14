package card

import (
	"image"
	"sync"
	"sync/atomic"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// maxKept is how many glyphs a face keeps (and four times as many kerning
// pairs):
// every letter of the Latin, Greek and Cyrillic alphabets with room to
// spare. Past it (a card in a script of thousands of characters) a face
// rasterizes what it does not keep, as an opentype face does.
const maxKept = 2048

// faceKey names one size of one of the Go fonts.
type faceKey struct {
	font *opentype.Font
	size float64
}

// faces are the faces drawn so far, shared by every card.
var faces sync.Map // faceKey → *face

// face is the Go font f at size, shared by every card (see sharedFace).
func face(f *opentype.Font, size float64) font.Face {
	k := faceKey{f, size}
	if fc, ok := faces.Load(k); ok {
		return fc.(*sharedFace)
	}
	of, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		panic(err) // only for a size or DPI out of range, which these are not
	}
	fc, _ := faces.LoadOrStore(k, &sharedFace{f: of, metrics: of.Metrics()})
	return fc.(*sharedFace)
}

// sharedFace is a font.Face safe for concurrent use that keeps what it
// rasterizes and measures. An opentype face rasterizes a glyph each time it
// is drawn (about half of what setting a card's text cost) and may not be
// used by two goroutines at once; cards are drawn in parallel and repeat
// the same few dozen letters, so each glyph is rasterized once per size and
// kept, read-only, for every later card.
//
// Measured 5 December 2026, 2 cores, medians of 5 runs alternated with an
// opentype face made for each card and size: BenchmarkBuild1000Cards
// (internal/site) 14.7 s of CPU with these caches, 17.3 s without (×1.18;
// wall 17.4 s against 25.4 s, ×1.46). BenchmarkDraw 1.76 against 2.21 ms
// of CPU a card (×1.25, medians of 5).
type sharedFace struct {
	mu      sync.Mutex
	f       font.Face // the opentype face, used under mu
	metrics font.Metrics

	glyphs   sync.Map     // glyphKey → *glyph
	advances sync.Map     // rune → advance
	kerns    sync.Map     // [2]rune → fixed.Int26_6
	kept     atomic.Int32 // glyphs kept
	pairs    atomic.Int32 // kerning pairs kept
}

// glyphKey is a rune at a position within a pixel: the Go fonts at
// HintingFull advance by whole pixels, so the fraction is almost always 0.
type glyphKey struct {
	r      rune
	fx, fy fixed.Int26_6
}

// glyph is a rasterized glyph, placed relative to the pixel its dot is in.
type glyph struct {
	dr      image.Rectangle
	mask    *image.Alpha // dr's coverage, at the origin; never changed
	advance fixed.Int26_6
	ok      bool
}

// Glyph returns r's mask at dot. The mask is shared: callers only read it.
func (f *sharedFace) Glyph(dot fixed.Point26_6, r rune) (image.Rectangle, image.Image, image.Point, fixed.Int26_6, bool) {
	k := glyphKey{r, dot.X & 63, dot.Y & 63}
	var g *glyph
	if v, ok := f.glyphs.Load(k); ok {
		g = v.(*glyph)
	} else {
		g = f.rasterize(k)
	}
	dr := g.dr.Add(image.Pt(dot.X.Floor(), dot.Y.Floor()))
	return dr, g.mask, image.Point{}, g.advance, g.ok
}

// rasterize draws k's glyph with the opentype face, keeping it while
// fewer than maxKept are kept.
func (f *sharedFace) rasterize(k glyphKey) *glyph {
	f.mu.Lock()
	dr, mask, mp, advance, ok := f.f.Glyph(fixed.Point26_6{X: k.fx, Y: k.fy}, k.r)
	g := &glyph{dr: dr, mask: image.NewAlpha(image.Rect(0, 0, dr.Dx(), dr.Dy())), advance: advance, ok: ok}
	if ok {
		src, isAlpha := mask.(*image.Alpha)
		for y := 0; isAlpha && y < dr.Dy(); y++ {
			copy(g.mask.Pix[y*g.mask.Stride:(y+1)*g.mask.Stride], src.Pix[src.PixOffset(mp.X, mp.Y+y):])
		}
	}
	f.mu.Unlock()
	if f.kept.Load() < maxKept {
		if _, loaded := f.glyphs.LoadOrStore(k, g); !loaded {
			f.kept.Add(1)
		}
	}
	return g
}

// GlyphAdvance returns r's advance width.
func (f *sharedFace) GlyphAdvance(r rune) (fixed.Int26_6, bool) {
	if v, ok := f.advances.Load(r); ok {
		a := v.(fixed.Int26_6)
		return max(a, 0), a >= 0
	}
	f.mu.Lock()
	a, ok := f.f.GlyphAdvance(r)
	f.mu.Unlock()
	if !ok {
		a = -1 // kept as missing
	}
	if f.kept.Load() < maxKept {
		f.advances.Store(r, a)
	}
	return max(a, 0), ok
}

// Kern returns the kerning between r0 and r1.
func (f *sharedFace) Kern(r0, r1 rune) fixed.Int26_6 {
	k := [2]rune{r0, r1}
	if v, ok := f.kerns.Load(k); ok {
		return v.(fixed.Int26_6)
	}
	f.mu.Lock()
	n := f.f.Kern(r0, r1)
	f.mu.Unlock()
	if f.pairs.Load() < 4*maxKept {
		if _, loaded := f.kerns.LoadOrStore(k, n); !loaded {
			f.pairs.Add(1)
		}
	}
	return n
}

// GlyphBounds returns r's bounds and advance, as the opentype face does.
func (f *sharedFace) GlyphBounds(r rune) (fixed.Rectangle26_6, fixed.Int26_6, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.f.GlyphBounds(r)
}

// Metrics returns the face's metrics.
func (f *sharedFace) Metrics() font.Metrics { return f.metrics }

// Close does nothing: a shared face lives as long as the program.
func (f *sharedFace) Close() error { return nil }
