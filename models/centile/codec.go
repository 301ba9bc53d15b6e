package centile

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// Binary format (little endian), version 1:
//
//	Curves:    "PLMS" 0x01 | lower-is-better byte | Lo, Hi float64 | n uvarint | n × (L, M, S) float64
//	Reference: "PREF" 0x01 | groups uvarint | per group, keys sorted: sport, discipline, sex
//	           (uvarint length + UTF-8) | Curves without the magic and version
//
// The same curves always give the same bytes.
var (
	curvesMagic = []byte("PLMS\x01")
	refMagic    = []byte("PREF\x01")
)

// ErrFormat is returned by the decoders for bytes that are not a valid
// encoding.
var ErrFormat = errors.New("centile: bad binary format")

// maxGrid bounds the grid size a decoder accepts (a 100-year range at
// 0.01-year steps), so hostile input cannot make it allocate gigabytes.
const maxGrid = 10000

// MarshalBinary encodes the curves deterministically.
func (c *Curves) MarshalBinary() ([]byte, error) {
	var b bytes.Buffer
	b.Write(curvesMagic)
	c.write(&b)
	return b.Bytes(), nil
}

// UnmarshalBinary decodes curves written by MarshalBinary.
func (c *Curves) UnmarshalBinary(data []byte) error {
	r := bytes.NewReader(data)
	if err := expect(r, curvesMagic); err != nil {
		return err
	}
	if err := c.read(r); err != nil {
		return err
	}
	return atEnd(r)
}

// MarshalBinary encodes the reference deterministically (groups sorted).
func (r *Reference) MarshalBinary() ([]byte, error) {
	var b bytes.Buffer
	b.Write(refMagic)
	keys := r.Keys()
	b.Write(binary.AppendUvarint(nil, uint64(len(keys))))
	for _, k := range keys {
		for _, s := range []string{k.Sport, k.Discipline, k.Sex} {
			b.Write(binary.AppendUvarint(nil, uint64(len(s))))
			b.WriteString(s)
		}
		r.groups[k].write(&b)
	}
	return b.Bytes(), nil
}

// UnmarshalBinary decodes a reference written by MarshalBinary.
func (r *Reference) UnmarshalBinary(data []byte) error {
	br := bytes.NewReader(data)
	if err := expect(br, refMagic); err != nil {
		return err
	}
	n, err := binary.ReadUvarint(br)
	if err != nil || n > uint64(br.Len()) {
		return fmt.Errorf("%w: group count", ErrFormat)
	}
	groups := make(map[Key]*Curves, n)
	for range n {
		var f [3]string
		for j := range f {
			if f[j], err = readString(br); err != nil {
				return err
			}
		}
		k := Key{f[0], f[1], f[2]}
		if _, dup := groups[k]; dup {
			return fmt.Errorf("%w: group %s twice", ErrFormat, k)
		}
		c := &Curves{}
		if err := c.read(br); err != nil {
			return fmt.Errorf("group %s: %w", k, err)
		}
		groups[k] = c
	}
	if err := atEnd(br); err != nil {
		return err
	}
	r.groups = groups
	return nil
}

func (c *Curves) write(b *bytes.Buffer) {
	lower := byte(0)
	if c.LowerIsBetter {
		lower = 1
	}
	b.WriteByte(lower)
	out := binary.LittleEndian.AppendUint64(nil, math.Float64bits(c.Lo))
	out = binary.LittleEndian.AppendUint64(out, math.Float64bits(c.Hi))
	out = binary.AppendUvarint(out, uint64(len(c.M)))
	for i := range c.M {
		for _, v := range []float64{c.L[i], c.M[i], c.S[i]} {
			out = binary.LittleEndian.AppendUint64(out, math.Float64bits(v))
		}
	}
	b.Write(out)
}

func (c *Curves) read(r *bytes.Reader) error {
	lower, err := r.ReadByte()
	if err != nil || lower > 1 {
		return fmt.Errorf("%w: lower-is-better flag", ErrFormat)
	}
	var head [2]float64
	if err := binary.Read(r, binary.LittleEndian, &head); err != nil {
		return fmt.Errorf("%w: age range: %v", ErrFormat, err)
	}
	n, err := binary.ReadUvarint(r)
	if err != nil || n < 2 || n > maxGrid || n*24 > uint64(r.Len()) {
		return fmt.Errorf("%w: grid size", ErrFormat)
	}
	v := make([]float64, 3*n)
	if err := binary.Read(r, binary.LittleEndian, v); err != nil {
		return fmt.Errorf("%w: curves: %v", ErrFormat, err)
	}
	*c = Curves{Lo: head[0], Hi: head[1], LowerIsBetter: lower == 1,
		L: make([]float64, n), M: make([]float64, n), S: make([]float64, n)}
	for i := range n {
		c.L[i], c.M[i], c.S[i] = v[3*i], v[3*i+1], v[3*i+2]
	}
	if !(c.Lo < c.Hi) || math.IsInf(c.Hi-c.Lo, 0) {
		return fmt.Errorf("%w: age range %v–%v", ErrFormat, c.Lo, c.Hi)
	}
	if err := c.checkFinite(); err != nil {
		return fmt.Errorf("%w: %v", ErrFormat, err)
	}
	return nil
}

func readString(r *bytes.Reader) (string, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil || n > uint64(r.Len()) {
		return "", fmt.Errorf("%w: string length", ErrFormat)
	}
	b := make([]byte, n)
	_, err = io.ReadFull(r, b)
	return string(b), err
}

func expect(r *bytes.Reader, magic []byte) error {
	got := make([]byte, len(magic))
	if _, err := io.ReadFull(r, got); err != nil || !bytes.Equal(got, magic) {
		return fmt.Errorf("%w: want header %q", ErrFormat, magic)
	}
	return nil
}

func atEnd(r *bytes.Reader) error {
	if r.Len() != 0 {
		return fmt.Errorf("%w: %d trailing bytes", ErrFormat, r.Len())
	}
	return nil
}
