// Package card draws share cards: the 1200×630 PNG images that a claim's or
// an article's page names as its og:image, so that a link shared on a social
// network shows what was checked and the verdict, never the words alone.
//
// A Card is everything drawn: the text (a claim restated as a sentence, or an
// article's headline), the verdicts (label, icon name and colour), and the
// site's name. Draw turns it into PNG bytes; Key names its content, so that a
// cache of drawn cards is keyed by what they show (see Card.Key and
// Version).
//
// The layout, top to bottom: a band in the verdict's colour with the
// verdict's icon and label in white (one segment per verdict when there are
// several, up to MaxVerdicts; a thin band in the accent colour when there is
// none); the text, as large as fits, wrapped on words, cut with "…" when even
// the smallest size does not hold it; a rule and the site's name.
//
// The text is set in the Go fonts (golang.org/x/image/font/gofont), which
// cover Latin, Greek and Cyrillic; other scripts show the fonts' missing-glyph
// box. Drawing is deterministic: the same Card gives the same bytes.
//
// Speed: the image is paletted (a few ramps of 16 shades, one per pair of
// text and background colours), so that the PNG encoder skips filtering and
// compresses one byte per pixel; see Draw for the figure.
package card
