package potential

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// magic opens every encoded Model; the digit is the format version.
const magic = "podium-potential-1\n"

// wire is the encoded form of a Model.
type wire struct {
	Features   []Feature   `json:"features"`
	Model      *logistic   `json:"logistic"`
	Calibrator Calibrator  `json:"calibrator"`
	CV         CV          `json:"cv"`
	TrainZ     [][]float64 `json:"train_z"`
	TrainY     []bool      `json:"train_y"`
	TrainIDs   []string    `json:"train_ids"`
}

// MarshalBinary encodes the model: the same model gives the same bytes
// (JSON with shortest round-tripping floats and sorted map keys).
func (m *Model) MarshalBinary() ([]byte, error) {
	b, err := json.Marshal(wire{m.Features, m.lr, m.cal, m.cv, m.trainZ, m.trainY, m.trainIDs})
	if err != nil {
		return nil, fmt.Errorf("potential: encode model: %w", err)
	}
	return append([]byte(magic), b...), nil
}

// UnmarshalBinary decodes a model written by MarshalBinary, checking that
// its parts agree in size.
func (m *Model) UnmarshalBinary(data []byte) error {
	body, ok := bytes.CutPrefix(data, []byte(magic))
	if !ok {
		return fmt.Errorf("potential: decode model: missing header %q: %w", magic[:len(magic)-1], ErrData)
	}
	var w wire
	if err := json.Unmarshal(body, &w); err != nil {
		return fmt.Errorf("potential: decode model: %w", err)
	}
	if err := w.check(); err != nil {
		return fmt.Errorf("potential: decode model: %w", err)
	}
	*m = Model{Features: w.Features, lr: w.Model, cal: w.Calibrator, cv: w.CV, trainZ: w.TrainZ, trainY: w.TrainY, trainIDs: w.TrainIDs}
	return nil
}

func (w wire) check() error {
	p := len(w.Features)
	lr := w.Model
	switch {
	case lr == nil || len(lr.Mean) != p || len(lr.Scale) != p || len(lr.W) != p+1 || len(lr.Cov) != (p+1)*(p+1):
		return fmt.Errorf("logistic part does not match %d features: %w", p, ErrData)
	case len(w.TrainY) != len(w.TrainZ) || len(w.TrainIDs) != len(w.TrainZ):
		return fmt.Errorf("%d training rows, %d labels, %d ids: %w", len(w.TrainZ), len(w.TrainY), len(w.TrainIDs), ErrData)
	case w.Calibrator.Method == Isotonic && (len(w.Calibrator.Knots) == 0 || len(w.Calibrator.Knots) != len(w.Calibrator.Values)):
		return fmt.Errorf("isotonic calibrator with %d knots and %d values: %w", len(w.Calibrator.Knots), len(w.Calibrator.Values), ErrData)
	case w.Calibrator.Method != Isotonic && w.Calibrator.Method != Platt:
		return fmt.Errorf("unknown calibration %q: %w", w.Calibrator.Method, ErrData)
	}
	for i, r := range w.TrainZ {
		if len(r) != p+1 {
			return fmt.Errorf("training row %d has %d values, want %d: %w", i, len(r), p+1, ErrData)
		}
	}
	return nil
}
