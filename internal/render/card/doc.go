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
// Speed: a card costs about 2 ms of CPU (BenchmarkDraw: 1.9 ms on the
// project's shared 2-core machine, 5 December 2026; 2.1 ms a card in a
// 1,000-article build, see docs/performance.md), most of it image/png's
// deflate and checksum over 756,000 bytes. The image is paletted (ramps of
// 16 shades between each background and ink, one byte a pixel, which the
// encoder writes unfiltered at png.BestSpeed); the fonts are parsed once and
// each size's glyphs rasterized once, shared by every card (sharedFace).
// Packing at most 16 colours into 4 bits a pixel with a writer of our own
// was tried and bought nothing (2.05 against 1.93 ms).
package card
