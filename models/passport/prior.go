package passport

import (
	"errors"
	"fmt"
	"math"
)

// ErrTooFew is returned when a sex has too few athletes with repeated
// samples to estimate its population prior.
var ErrTooFew = errors.New("passport: too few athletes with two samples or more")

// Minimum data to estimate a prior: athletes with two samples or more.
const minRepeated = 10

// Age bins of the population level: 15 and under, 16, 17, 18, 19 and over
// (haemoglobin of boys rises through puberty), and one bin for unknown ages.
const (
	firstAgeBin = 15
	nAgeBins    = 5
	unknownAge  = nAgeBins
)

func ageBin(age float64) int {
	if math.IsNaN(age) {
		return unknownAge
	}
	return int(math.Max(0, math.Min(nAgeBins-1, math.Floor(age)-firstAgeBin)))
}

// Prior is the population model of one marker in one sex, on the model
// scale: a value is level(age) + θ + ε, with the athlete's own level θ ~
// N(0, Between) and the sample's day-to-day variation ε ~ N(0, Within).
type Prior struct {
	Level   [nAgeBins + 1]float64 // population mean by age bin; last: all ages
	Between float64               // between-athlete variance τ²
	Within  float64               // within-athlete variance σ²
}

// fitPrior estimates a Prior by the method of moments of the one-way
// random-effects model (the ANOVA estimator): σ² is the pooled variance of
// the samples around their athlete's mean; τ² is the variance of the
// athlete means less the part σ²/nᵢ that sampling explains.
func fitPrior(m Marker, profiles [][]Sample) (Prior, error) {
	var p Prior
	var sum, cnt [nAgeBins + 1]float64
	for _, prof := range profiles {
		for _, s := range prof {
			b := ageBin(s.AgeYears)
			v := s.value(m)
			sum[b] += v
			cnt[b]++
			sum[unknownAge] += v
			cnt[unknownAge]++
		}
	}
	for b := range p.Level {
		p.Level[b] = sum[unknownAge] / cnt[unknownAge]
		if cnt[b] >= 20 {
			p.Level[b] = sum[b] / cnt[b]
		}
	}
	var ss, df, grand, invN float64
	var means []float64
	for _, prof := range profiles {
		if len(prof) < 2 {
			continue
		}
		var mean float64
		for _, s := range prof {
			mean += p.residual(m, s) / float64(len(prof))
		}
		for _, s := range prof {
			ss += sq(p.residual(m, s) - mean)
		}
		df += float64(len(prof) - 1)
		means = append(means, mean)
		grand += mean
		invN += 1 / float64(len(prof))
	}
	k := float64(len(means))
	if k < minRepeated {
		return p, fmt.Errorf("passport: %s prior from %d athletes: %w", m.Name(), len(means), ErrTooFew)
	}
	grand /= k
	var between float64
	for _, mu := range means {
		between += sq(mu-grand) / (k - 1)
	}
	p.Within = ss / df
	p.Between = math.Max(between-p.Within*invN/k, 0.01*p.Within)
	return p, nil
}

// residual is the sample's value of m less the population level at its age.
func (p *Prior) residual(m Marker, s Sample) float64 {
	return s.value(m) - p.Level[ageBin(s.AgeYears)]
}

// Predictive is the distribution of the next value of a marker, on the
// model scale: normal with this mean and SD.
type Predictive struct{ Mean, SD float64 }

// Predict returns the predictive distribution of the next residual after
// the athlete's previous residuals prev (value less population level), by
// the normal–normal conjugate update: the posterior of θ has precision
// 1/τ² + n/σ² and mean (Σ prev/σ²)/precision; the next value adds σ².
func (p Prior) Predict(prev []float64) Predictive {
	prec := 1/p.Between + float64(len(prev))/p.Within
	var sum float64
	for _, r := range prev {
		sum += r
	}
	return Predictive{Mean: sum / p.Within / prec, SD: math.Sqrt(1/prec + p.Within)}
}

func sq(x float64) float64 { return x * x }
