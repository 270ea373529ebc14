package markdown

import (
	"sync"
	"unicode/utf8"
)

// htmlBuffer is the goldmark renderer's writer (a util.BufWriter): a growing
// byte slice, reused across conversions, so rendering allocates neither a
// bufio.Writer nor a buffer per body.
type htmlBuffer struct{ b []byte }

var htmlBufferPool = sync.Pool{New: func() any { return &htmlBuffer{b: make([]byte, 0, 4096)} }}

// maxPooled is the largest buffer put back in the pool.
const maxPooled = 1 << 20

func getHTMLBuffer() *htmlBuffer {
	w := htmlBufferPool.Get().(*htmlBuffer)
	w.b = w.b[:0]
	return w
}

func putHTMLBuffer(w *htmlBuffer) {
	if cap(w.b) <= maxPooled {
		htmlBufferPool.Put(w)
	}
}

func (w *htmlBuffer) Write(p []byte) (int, error) {
	w.b = append(w.b, p...)
	return len(p), nil
}

func (w *htmlBuffer) WriteString(s string) (int, error) {
	w.b = append(w.b, s...)
	return len(s), nil
}

func (w *htmlBuffer) WriteByte(c byte) error {
	w.b = append(w.b, c)
	return nil
}

func (w *htmlBuffer) WriteRune(r rune) (int, error) {
	n := len(w.b)
	w.b = utf8.AppendRune(w.b, r)
	return len(w.b) - n, nil
}

// Available is the free room in the buffer.
func (w *htmlBuffer) Available() int { return cap(w.b) - len(w.b) }

// Buffered is what was written: nothing is ever flushed.
func (w *htmlBuffer) Buffered() int { return len(w.b) }

// Flush does nothing: the bytes stay in the buffer.
func (w *htmlBuffer) Flush() error { return nil }
