package trajectory

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/mat"
)

// codecMagic starts every artifact; the digit is the format version.
const codecMagic = "PODIUM-TRAJECTORY-1"

// MarshalBinary encodes the fitted model: the same training data and
// configuration give byte-identical artifacts (fixed field order,
// little-endian IEEE-754 values, no map or time stamp).
func (m *Model) MarshalBinary() ([]byte, error) {
	var w bytes.Buffer
	w.WriteString(codecMagic)
	c := m.cfg
	linear := uint64(0)
	if c.Linear {
		linear = 1
	}
	for _, v := range []uint64{uint64(c.Interior), linear, uint64(c.NoiseBins), uint64(c.Iterations), uint64(c.Folds)} {
		binary.Write(&w, binary.LittleEndian, v) // bytes.Buffer writes do not fail
	}
	k := len(m.beta)
	floats := []float64{c.Holdout, m.lo, m.hi, m.scale, m.offsetScale, m.formShare, m.formYears}
	floats = append(floats, m.basis.inner()...)
	floats = append(floats, m.beta...)
	for i := range k {
		for j := i; j < k; j++ {
			floats = append(floats, m.sigma[i*k+j])
		}
	}
	floats = append(floats, m.noise...)
	binary.Write(&w, binary.LittleEndian, floats)
	return w.Bytes(), nil
}

// nHead is the number of scalar parameters before β in an artifact.
const nHead = 7

// ErrBadArtifact reports an artifact that UnmarshalBinary cannot read.
var ErrBadArtifact = errors.New("trajectory: bad model artifact")

// UnmarshalBinary decodes an artifact of MarshalBinary into m.
func (m *Model) UnmarshalBinary(data []byte) error {
	if !bytes.HasPrefix(data, []byte(codecMagic)) {
		return fmt.Errorf("%w: no %q header", ErrBadArtifact, codecMagic)
	}
	r := bytes.NewReader(data[len(codecMagic):])
	var ints [5]uint64
	if err := binary.Read(r, binary.LittleEndian, &ints); err != nil {
		return fmt.Errorf("%w: configuration: %v", ErrBadArtifact, err)
	}
	if ints[0] > 100 || ints[1] > 1 || ints[2] < 1 || ints[2] > 1000 {
		return fmt.Errorf("%w: configuration %v out of range", ErrBadArtifact, ints)
	}
	cfg := Config{Interior: int(ints[0]), Linear: ints[1] == 1, NoiseBins: int(ints[2]),
		Iterations: int(ints[3]), Folds: int(ints[4])}
	k := cfg.Interior + 4 // cubic
	floats := make([]float64, nHead+cfg.Interior+k+k*(k+1)/2+cfg.NoiseBins)
	if r.Len() != 8*len(floats) {
		return fmt.Errorf("%w: %d bytes of parameters, want %d", ErrBadArtifact, r.Len(), 8*len(floats))
	}
	binary.Read(r, binary.LittleEndian, floats) // length checked above
	for _, v := range floats {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("%w: non-finite parameter", ErrBadArtifact)
		}
	}
	cfg.Holdout = floats[0]
	lo, hi := floats[1], floats[2]
	b := newBasis(lo, hi, floats[nHead:nHead+cfg.Interior], 3)
	if !(hi > lo) || !b.valid() {
		return fmt.Errorf("%w: knots %v", ErrBadArtifact, b.knots)
	}
	rest := floats[nHead+cfg.Interior:]
	*m = Model{cfg: cfg, lo: lo, hi: hi, basis: b,
		scale: floats[3], offsetScale: floats[4], formShare: floats[5], formYears: floats[6],
		beta: rest[:k], sigma: make([]float64, k*k)}
	rest = rest[k:]
	for i := range k {
		for j := i; j < k; j++ {
			m.sigma[i*k+j], m.sigma[j*k+i] = rest[0], rest[0]
			rest = rest[1:]
		}
	}
	m.noise = rest
	if !m.positive() {
		return fmt.Errorf("%w: non-positive variance or scale", ErrBadArtifact)
	}
	return nil
}

// positive reports whether the variances and scales are positive and Σ
// positive definite and well enough conditioned to invert.
func (m *Model) positive() bool {
	ok := m.scale > 0 && m.offsetScale > 0 && m.formShare >= 0 && m.formShare < 1 && m.formYears > 0
	for _, v := range m.noise {
		ok = ok && v > 0
	}
	var ch mat.Cholesky
	k := len(m.beta)
	return ok && ch.Factorize(mat.NewSymDense(k, slices.Clone(m.sigma))) && ch.Cond() < 1e12
}
