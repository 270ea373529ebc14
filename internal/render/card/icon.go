package card

import (
	"image"
	"math"

	"golang.org/x/image/vector"
)

// The icons are drawn, not set in a font: the Go fonts have no ✓, ✗, ◐ or
// ⇋. Each is made of outlines in a unit box, scaled to the icon's size.

// point is a point of the unit box.
type point struct{ x, y float64 }

// outline is a closed polygon; a hole is one wound the other way.
type outline []point

// area is the signed area of o (shoelace).
func (o outline) area() float64 {
	a := 0.0
	for i, p := range o {
		q := o[(i+1)%len(o)]
		a += p.x*q.y - q.x*p.y
	}
	return a / 2
}

// wound returns o wound positively, or negatively for a hole: the
// rasterizer adds coverage, so outlines wound alike join and a hole wound
// the other way cuts.
func (o outline) wound(hole bool) outline {
	if (o.area() < 0) != hole {
		for i, j := 0, len(o)-1; i < j; i, j = i+1, j-1 {
			o[i], o[j] = o[j], o[i]
		}
	}
	return o
}

// disc is a circle of radius r around c.
func disc(c point, r float64) outline {
	const n = 48
	o := make(outline, n)
	for i := range o {
		t := 2 * math.Pi * float64(i) / n
		o[i] = point{c.x + r*math.Cos(t), c.y + r*math.Sin(t)}
	}
	return o
}

// halfDisc is the left half of a circle of radius r around c.
func halfDisc(c point, r float64) outline {
	const n = 24
	o := make(outline, 0, n+1)
	for i := 0; i <= n; i++ {
		t := math.Pi/2 + math.Pi*float64(i)/n
		o = append(o, point{c.x + r*math.Cos(t), c.y + r*math.Sin(t)})
	}
	return o
}

// ring is a circle's outline: radius r, width w.
func ring(c point, r, w float64) []outline {
	return []outline{disc(c, r).wound(false), disc(c, r-w).wound(true)}
}

// stroke is a line of width w through pts, with round joins and ends.
func stroke(w float64, pts ...point) []outline {
	var out []outline
	for i, p := range pts {
		out = append(out, disc(p, w/2).wound(false))
		if i == 0 {
			continue
		}
		q := pts[i-1]
		dx, dy := p.x-q.x, p.y-q.y
		l := math.Hypot(dx, dy)
		nx, ny := -dy/l*w/2, dx/l*w/2
		out = append(out, outline{{q.x + nx, q.y + ny}, {p.x + nx, p.y + ny}, {p.x - nx, p.y - ny}, {q.x - nx, q.y - ny}}.wound(false))
	}
	return out
}

// iconOutlines are the outlines of the icon named name; nil for the
// question mark, which is set in the bold font.
func iconOutlines(name string) []outline {
	c := point{0.5, 0.5}
	switch name {
	case "check":
		return stroke(0.15, point{0.16, 0.54}, point{0.40, 0.78}, point{0.86, 0.24})
	case "check-half":
		return append(ring(c, 0.48, 0.08), stroke(0.10, point{0.28, 0.52}, point{0.44, 0.68}, point{0.73, 0.34})...)
	case "half":
		return append(ring(c, 0.46, 0.08), halfDisc(c, 0.38).wound(false))
	case "cross":
		return append(stroke(0.15, point{0.2, 0.2}, point{0.8, 0.8}), stroke(0.15, point{0.8, 0.2}, point{0.2, 0.8})...)
	case "split":
		top := stroke(0.1, point{0.36, 0.16}, point{0.14, 0.36}, point{0.86, 0.36})
		return append(top, stroke(0.1, point{0.14, 0.64}, point{0.86, 0.64}, point{0.64, 0.84})...)
	case "dash":
		return stroke(0.15, point{0.2, 0.5}, point{0.8, 0.5})
	case "question":
		return nil
	}
	return []outline{disc(c, 0.3).wound(false)}
}

// icon returns the mask of the icon named name at iconSize, or nil for
// one set in the font (see iconOutlines).
func icon(name string) *image.Alpha {
	outlines := iconOutlines(name)
	if outlines == nil {
		return nil
	}
	return iconMask(outlines, iconSize)
}

// iconMask rasterizes outlines into a size×size alpha mask.
func iconMask(outlines []outline, size int) *image.Alpha {
	var z vector.Rasterizer
	z.Reset(size, size)
	s := float32(size)
	for _, o := range outlines {
		z.MoveTo(float32(o[0].x)*s, float32(o[0].y)*s)
		for _, p := range o[1:] {
			z.LineTo(float32(p.x)*s, float32(p.y)*s)
		}
		z.ClosePath()
	}
	mask := image.NewAlpha(image.Rect(0, 0, size, size))
	z.Draw(mask, mask.Bounds(), image.Opaque, image.Point{})
	return mask
}
