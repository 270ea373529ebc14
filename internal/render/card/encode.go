package card

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"sync"
)

// encode writes img as a PNG file: indexed colour, 4 bits a pixel when the
// palette has at most 16 colours, else 8; no row filters; compressed at
// zlib's best speed.
//
// image/png writes the same file at 8 bits a pixel only: for 4 bits it reads
// every pixel through an interface call, which costs more than the half of
// the compression it saves. Packing the rows here halves the bytes that
// zlib compresses and checksums, the larger part of a card's cost
// (BenchmarkDraw against BenchmarkDrawImagePNG; the figure is in doc.go).
func encode(img *image.Paletted) ([]byte, error) {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	depth := 8
	if len(img.Palette) <= 16 {
		depth = 4
	}
	e := encoders.Get().(*encoderState)
	defer encoders.Put(e)
	e.idat.Reset()
	e.z.Reset(&e.idat)
	rowLen := 1 + (w*depth+7)/8 // a filter byte (0, none), then the pixels
	if cap(e.row) < rowLen {
		e.row = make([]byte, rowLen)
	}
	row := e.row[:rowLen]
	for y := range h {
		pix := img.Pix[y*img.Stride : y*img.Stride+w]
		if depth == 8 {
			copy(row[1:], pix)
		} else {
			packNibbles(row[1:], pix)
		}
		if _, err := e.z.Write(row); err != nil {
			return nil, fmt.Errorf("encode card: %w", err)
		}
	}
	if err := e.z.Close(); err != nil {
		return nil, fmt.Errorf("encode card: %w", err)
	}

	out := bytes.NewBuffer(make([]byte, 0, e.idat.Len()+len(img.Palette)*3+64))
	out.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = byte(depth), 3 // bit depth; colour type 3, indexed
	chunk(out, "IHDR", ihdr[:])
	plte := make([]byte, 0, 3*len(img.Palette))
	for _, c := range img.Palette {
		r, g, b, _ := c.RGBA() // every colour of a card is opaque
		plte = append(plte, byte(r>>8), byte(g>>8), byte(b>>8))
	}
	chunk(out, "PLTE", plte)
	chunk(out, "IDAT", e.idat.Bytes())
	chunk(out, "IEND", nil)
	return out.Bytes(), nil
}

// packNibbles packs pix, one palette index under 16 a byte, into dst, two a
// byte, the first in the high bits.
func packNibbles(dst, pix []byte) {
	for i := 0; i+1 < len(pix); i += 2 {
		dst[i/2] = pix[i]<<4 | pix[i+1]
	}
	if len(pix)%2 == 1 {
		dst[len(pix)/2] = pix[len(pix)-1] << 4
	}
}

// chunk writes a PNG chunk: length, type, data and the CRC of type and data.
func chunk(out *bytes.Buffer, typ string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	out.Write(n[:])
	out.WriteString(typ)
	out.Write(data)
	crc := crc32.NewIEEE()
	crc.Write([]byte(typ))
	crc.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	out.Write(n[:])
}

// encoderState is what encode reuses from card to card: the compressor
// (about a megabyte of tables), the compressed bytes and a row.
type encoderState struct {
	z    *zlib.Writer
	idat bytes.Buffer
	row  []byte
}

var encoders = sync.Pool{New: func() any {
	e := &encoderState{}
	e.z, _ = zlib.NewWriterLevel(&e.idat, zlib.BestSpeed) // a valid level: no error
	return e
}}
