package sim

import "math/rand/v2"

// Each athlete, match and stream draws from its own random substream,
// seeded from (generation seed, purpose, index): athlete i is the same
// whatever the number of athletes, the order of generation or the stream
// that looks at it, so streams can regenerate an athlete instead of
// holding it in memory.

// purpose names a substream.
type purpose uint64

const (
	purposeIdentity purpose = iota + 1
	purposeName
	purposeLatent
	purposeResults
	purposePhysio
	purposeLeague
	purposeOdds
	purposePlanted
	purposeReview
)

// mix is the splitmix64 finaliser: a bijective hash of x.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// rng is a reseedable generator; reseeding allocates nothing.
type rng struct {
	pcg *rand.PCG
	*rand.Rand
}

func newRNG() *rng {
	p := rand.NewPCG(0, 0)
	return &rng{pcg: p, Rand: rand.New(p)}
}

// at reseeds r to the substream (seed, p, index) and returns it.
func (r *rng) at(seed uint64, p purpose, index uint64) *rng {
	r.pcg.Seed(mix(seed^mix(uint64(p))), mix(index+uint64(p)<<56))
	return r
}

// uniform returns a value in [lo, hi).
func (r *rng) uniform(lo, hi float64) float64 { return lo + (hi-lo)*r.Float64() }

// bernoulli returns true with probability p.
func (r *rng) bernoulli(p float64) bool { return r.Float64() < p }

// normal returns a draw from N(mean, sd²).
func (r *rng) normal(mean, sd float64) float64 { return mean + sd*r.NormFloat64() }

// weighted is a discrete distribution sampled by binary search over the
// cumulative weights.
type weighted struct{ cum []float64 }

func newWeighted(w []float64) weighted {
	c := make([]float64, len(w))
	var s float64
	for i, x := range w {
		s += x
		c[i] = s
	}
	for i := range c {
		c[i] /= s
	}
	return weighted{c}
}

// draw returns an index with probability proportional to its weight.
func (w weighted) draw(r *rng) int {
	u := r.Float64()
	lo, hi := 0, len(w.cum)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if w.cum[mid] > u {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}
