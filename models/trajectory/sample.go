package trajectory

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// sampleSeed seeds the hash that picks the series a fit learns from when
// there are more than Config.MaxSeries.
const sampleSeed uint64 = 0x9e3779b97f4a7c15

// sampleHash is a seeded 64-bit hash of a series ID (FNV-1a, then the
// SplitMix64 finaliser so that every bit is well mixed). The subsample is
// the series with the smallest hashes: a pseudo-random draw that depends on
// the IDs only, not on the order of the series, and that changes little when
// a few series are added.
func sampleHash(id string) uint64 {
	h := uint64(14695981039346656037) ^ sampleSeed
	for i := range len(id) {
		h ^= uint64(id[i])
		h *= 1099511628211
	}
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	return h ^ h>>31
}

// fitSample checks every series and returns the points, on the working
// scale and sorted by age, of the non-empty series a fit learns from, sorted
// by ID: all of them, or the MaxSeries of smallest sampleHash.
func fitSample(series []Series, cfg Config) ([][]point, error) {
	type pick struct {
		hash uint64
		i    int
	}
	picks := make([]pick, 0, len(series))
	seen := make(map[string]struct{}, len(series))
	for i, s := range series {
		if err := cfg.check(s); err != nil {
			return nil, err
		}
		if _, dup := seen[s.ID]; dup {
			return nil, fmt.Errorf("%w: duplicate series ID %q", ErrBadInput, s.ID)
		}
		seen[s.ID] = struct{}{}
		if len(s.Ages) > 0 {
			picks = append(picks, pick{sampleHash(s.ID), i})
		}
	}
	byID := func(a, b pick) int { return strings.Compare(series[a.i].ID, series[b.i].ID) }
	if len(picks) > cfg.MaxSeries {
		slices.SortFunc(picks, func(a, b pick) int { return cmp.Or(cmp.Compare(a.hash, b.hash), byID(a, b)) })
		picks = picks[:cfg.MaxSeries]
	}
	slices.SortFunc(picks, byID)
	data := make([][]point, len(picks))
	for j, p := range picks {
		data[j] = cfg.points(series[p.i])
	}
	return data, nil
}
