package site

import (
	"bytes"
	"os"
	"path/filepath"

	"github.com/dossier-dev/dossier/internal/render"
)

// memoryCards is how many bytes of drawn cards a preview Builder keeps in
// memory: about 3,000 cards of 20 kB. serve draws a card only when it is
// asked for, and a rebuild keeps every card whose inputs did not change, so
// the cache only spares drawing a card again after an edit is undone.
const memoryCards = 64 << 20

// shareCards is what draws the builds' share cards, so that a rebuild draws
// only the cards whose content changed: kept in Options.CardDir when set,
// else in memory for a preview Builder (serve), which builds again and
// again. A one-shot build without CardDir keeps none, so that the cards'
// bytes go with the files written.
func (b *Builder) shareCards() *render.Cards {
	if b.cards == nil {
		b.cards = &render.Cards{}
		switch {
		case b.opts.CardDir != "":
			b.cards.Cache = cardDir(b.opts.CardDir)
		case b.opts.Preview:
			b.cards.Cache = render.NewMemoryCards(memoryCards)
		}
	}
	return b.cards
}

// CardsDrawn is the number of share cards the Builder has drawn, for tests
// and tools.
func (b *Builder) CardsDrawn() int64 { return b.shareCards().Drawn() }

// cardDir keeps share cards as files named by their content's key. It is a
// cache: a card it cannot read is drawn again, a card it cannot write is
// not kept.
type cardDir string

// pngSignature starts every PNG file; a cached file without it is not used.
var pngSignature = []byte("\x89PNG\r\n\x1a\n")

func (d cardDir) Get(key string) ([]byte, bool) {
	b, err := os.ReadFile(filepath.Join(string(d), key+".png"))
	if err != nil || !bytes.HasPrefix(b, pngSignature) {
		return nil, false
	}
	return b, true
}

// Put writes the card through a temporary file renamed into place, so that
// a build running beside this one never reads half a card.
func (d cardDir) Put(key string, png []byte) {
	if err := os.MkdirAll(string(d), 0o755); err != nil {
		return
	}
	f, err := os.CreateTemp(string(d), key+".*.tmp")
	if err != nil {
		return
	}
	_, werr := f.Write(png)
	if cerr := f.Close(); werr != nil || cerr != nil {
		os.Remove(f.Name())
		return
	}
	if os.Rename(f.Name(), filepath.Join(string(d), key+".png")) != nil {
		os.Remove(f.Name())
	}
}
