package maturity

import (
	"context"
	"math"
	"slices"
	"testing"

	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/models/centile"
)

// TestSimEvaluation measures the whole chain on simulated athletes with
// planted truth (figures in doc.go): maturity-offset error, then, with
// 5-fold cross-fitting by athlete (every score comes from models fitted
// without that athlete), centile calibration against the per-age normal
// baseline, the relative-age slope before and after exact-age
// standardisation, the maturity slope before and after adjustment, and
// how well each score tracks the planted potential.
func TestSimEvaluation(t *testing.T) {
	n := 20000
	if testing.Short() {
		n = 4000
	}
	st := simStore(t, n)
	t.Run("offsets", func(t *testing.T) { evalOffsets(t, st) })
	rows := loadEvalRows(t, st)
	cv := crossFit(t, rows)
	all, err := centile.FitReference(results(rows), centile.Config{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d athletes, %d results, %d folds", n, len(rows), folds)
	t.Run("centiles", func(t *testing.T) { evalCentiles(t, cv) })
	t.Run("relative age", func(t *testing.T) { evalRelativeAge(t, all, rows, cv) })
	t.Run("maturity", func(t *testing.T) { evalMaturity(t, all, rows, cv) })
}

const folds = 5

// fold assigns an athlete to one of the folds by a hash of the id.
func fold(id int64) int { return int((uint64(id) * 0x9E3779B97F4A7C15 >> 32) % folds) }

// scored is a result with its out-of-fold scores.
type scored struct {
	evalRow
	fold   int
	offset float64
	s      Scores
}

// coverage accumulates held-out coverage counts of one group.
type coverage struct{ n, lms, base []float64 }

// crossFitted holds the out-of-fold scores and coverage counts.
type crossFitted struct {
	rows []scored
	cov  map[centile.Key]*coverage
	keys []centile.Key
}

func crossFit(t *testing.T, rows []evalRow) *crossFitted {
	cv := &crossFitted{cov: map[centile.Key]*coverage{}}
	for k := range folds {
		var train, test []evalRow
		for _, r := range rows {
			if fold(r.Athlete) == k {
				test = append(test, r)
			} else {
				train = append(train, r)
			}
		}
		ref, err := centile.FitReference(results(train), centile.Config{})
		if err != nil {
			t.Fatal(err)
		}
		adj, err := FitAdjuster(samples(t, ref, train))
		if err != nil {
			t.Fatal(err)
		}
		sc := &Scorer{Categories: centile.FitCategories(results(train)), Reference: ref, Maturity: adj}
		for _, r := range test {
			off := offsetAt(t, r)
			cv.rows = append(cv.rows, scored{evalRow: r, fold: k, offset: off, s: sc.Score(r.Result, off)})
		}
		cv.keys = ref.Keys()
		for _, key := range ref.Keys() {
			cv.addCoverage(ref, key, train, test)
		}
	}
	return cv
}

func (cv *crossFitted) addCoverage(ref *centile.Reference, k centile.Key, train, test []evalRow) {
	c, _ := ref.Curves(k)
	base := centile.FitAgeNormal(obs(train, k), c.LowerIsBetter)
	ls, n := centile.Coverage(c, obs(test, k), centile.ChartCentiles)
	bs, nb := centile.Coverage(base, obs(test, k), centile.ChartCentiles)
	acc := cv.cov[k]
	if acc == nil {
		m := len(centile.ChartCentiles)
		acc = &coverage{n: make([]float64, 2), lms: make([]float64, m), base: make([]float64, m)}
		cv.cov[k] = acc
	}
	acc.n[0] += float64(n)
	acc.n[1] += float64(nb)
	for j := range ls {
		acc.lms[j] += ls[j] * float64(n)
		acc.base[j] += bs[j] * float64(nb)
	}
}

func obs(rows []evalRow, k centile.Key) []centile.Obs {
	var o []centile.Obs
	for _, r := range rows {
		if r.Key == k {
			o = append(o, centile.Obs{Age: r.Age, Value: r.Mark})
		}
	}
	return o
}

func results(rows []evalRow) []centile.Result {
	out := make([]centile.Result, len(rows))
	for i, r := range rows {
		out[i] = r.Result
	}
	return out
}

// evalOffsets compares both equations with the planted offset at each
// athlete's first growth test.
func evalOffsets(t *testing.T, st *datasets.Store) {
	tests := firstTests(t, st)
	for _, eq := range []Equation{Mirwald2002, Moore2015} {
		for _, sex := range []string{"M", "F"} {
			var est, truth []float64
			var mae, bias, maeNear float64
			var nNear, flagged int
			for _, ft := range tests {
				if ft.sex != sex {
					continue
				}
				e, err := Offset(eq, sex, ft.age, ft.height, ft.sitting, ft.mass)
				if err != nil {
					t.Fatal(err)
				}
				d := e.Offset - ft.truth
				est, truth = append(est, e.Offset), append(truth, ft.truth)
				mae, bias = mae+math.Abs(d), bias+d
				if math.Abs(ft.truth) <= 1 {
					maeNear += math.Abs(d)
					nNear++
				}
				if e.Flags != 0 {
					flagged++
				}
			}
			n := float64(len(est))
			r := pearson(est, truth)
			t.Logf("%v %s: n=%d MAE %.2f y, bias %+.2f y, r %.2f, flagged %.0f %%; within ±1 y of PHV: n=%d MAE %.2f y",
				eq, sex, len(est), mae/n, bias/n, r, 100*float64(flagged)/n, nNear, maeNear/float64(max(nNear, 1)))
			if r < 0.5 {
				t.Errorf("%v %s: offsets correlate %.2f with the planted truth", eq, sex, r)
			}
		}
	}
}

type firstTest struct {
	sex                               string
	age, height, sitting, mass, truth float64
}

func firstTests(t *testing.T, st *datasets.Store) []firstTest {
	rr, err := st.QueryArrow(context.Background(), firstTestQuery)
	if err != nil {
		t.Fatal(err)
	}
	defer rr.Release()
	var out []firstTest
	for rr.Next() {
		rec := rr.Record()
		sex := rec.Column(0).(*array.String)
		f := floatCols(t, rec, "age", "height", "sitting_height", "body_mass", "truth")
		for i := 0; i < int(rec.NumRows()); i++ {
			out = append(out, firstTest{sex.Value(i), f[0](i), f[1](i), f[2](i), f[3](i), f[4](i)})
		}
	}
	if err := rr.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// evalCentiles checks, per discipline and sex, the share of held-out marks
// below each fitted centile, against the per-age normal baseline.
func evalCentiles(t *testing.T, cv *crossFitted) {
	var lmsErr, baseErr float64
	for _, k := range cv.keys {
		acc := cv.cov[k]
		ls, bs := make(centile.Shares, len(acc.lms)), make(centile.Shares, len(acc.base))
		for j := range ls {
			ls[j], bs[j] = acc.lms[j]/acc.n[0], acc.base[j]/acc.n[1]
		}
		le, be := centile.CoverageError(ls, centile.ChartCentiles), centile.CoverageError(bs, centile.ChartCentiles)
		lmsErr, baseErr = lmsErr+le, baseErr+be
		t.Logf("%-28s n=%6.0f below 3/10/25/50/75/90/97: LMS %s (err %.2f pt)  normal-by-age %s (err %.2f pt)", k, acc.n[0], ls, le, bs, be)
	}
	lmsErr, baseErr = lmsErr/float64(len(cv.keys)), baseErr/float64(len(cv.keys))
	t.Logf("mean coverage error: LMS %.2f points, normal-by-age baseline %.2f points", lmsErr, baseErr)
	if lmsErr > 3 {
		t.Errorf("LMS coverage error %.2f points (baseline %.2f)", lmsErr, baseErr)
	}
}

// evalRelativeAge fits the relative-age effect on the marks and checks that
// the within-category slope of the out-of-fold score on relative age, large
// for the raw score, is close to zero for the exact-age score. The ± of a
// category is the regression SE (too small: results of one athlete are not
// independent); the ± of the mean is the spread between folds.
func evalRelativeAge(t *testing.T, all *centile.Reference, rows []evalRow, cv *crossFitted) {
	held := make([]centile.Result, len(cv.rows))
	raw, corr, pot := make([]float64, len(held)), make([]float64, len(held)), make([]float64, len(held))
	for i, r := range cv.rows {
		held[i], raw[i], corr[i], pot[i] = r.Result, r.s.Raw, r.s.RAECorrected, r.potential
	}
	rawS, corrS := poolByCategory(centile.RelativeAgeSlopes(held, raw)), poolByCategory(centile.RelativeAgeSlopes(held, corr))
	effect := poolByCategory(centile.RelativeAgeEffect(results(rows)))
	for _, cat := range sortedKeys(rawS) {
		t.Logf("U%d: RAE fitted on marks %+.1f ± %.1f %% per year (curves' median gradient at %d: %+.1f %%); z per year of relative age: raw %+.2f ± %.2f, exact-age %+.2f ± %.2f",
			cat, effect[cat][0], effect[cat][1], cat, meanGradient(all, float64(cat)), rawS[cat][0], rawS[cat][1], corrS[cat][0], corrS[cat][1])
	}
	rawM, corrM := foldSpread(cv, held, raw), foldSpread(cv, held, corr)
	potM := meanOverCategories(poolByCategory(centile.RelativeAgeSlopes(held, pot)))
	t.Logf("mean over categories, z per year of relative age: raw %+.3f ± %.3f, exact-age %+.3f ± %.3f; planted potential itself %+.3f SD per year",
		rawM[0], rawM[1], corrM[0], corrM[1], potM)
	if math.Abs(corrM[0]) > 0.25*math.Abs(rawM[0]) {
		t.Errorf("relative-age slope after correction %+.3f, before %+.3f", corrM[0], rawM[0])
	}
}

// foldSpread is the mean over categories of the relative-age slope of y on
// all rows, and the SE of that mean from its spread across the folds.
func foldSpread(cv *crossFitted, held []centile.Result, y []float64) [2]float64 {
	var per []float64
	for k := range folds {
		var hr []centile.Result
		var yk []float64
		for i, r := range cv.rows {
			if r.fold == k {
				hr, yk = append(hr, held[i]), append(yk, y[i])
			}
		}
		per = append(per, meanOverCategories(poolByCategory(centile.RelativeAgeSlopes(hr, yk))))
	}
	m := mean(per)
	var v float64
	for _, x := range per {
		v += (x - m) * (x - m)
	}
	return [2]float64{meanOverCategories(poolByCategory(centile.RelativeAgeSlopes(held, y))), math.Sqrt(v / float64(folds-1) / folds)}
}

func meanOverCategories(m map[int][2]float64) float64 {
	var s float64
	for _, v := range m {
		s += v[0] / float64(len(m))
	}
	return s
}

// poolByCategory averages slopes of all groups per category, weighted by
// their inverse variance: category → {estimate, SE}.
func poolByCategory(ss []centile.Slope) map[int][2]float64 {
	w, s := map[int]float64{}, map[int]float64{}
	for _, x := range ss {
		if x.SE > 0 && !math.IsNaN(x.SE) {
			w[x.Category] += 1 / (x.SE * x.SE)
			s[x.Category] += x.PerYear / (x.SE * x.SE)
		}
	}
	out := map[int][2]float64{}
	for c, wc := range w {
		if wc > 0 {
			out[c] = [2]float64{s[c] / wc, 1 / math.Sqrt(wc)}
		}
	}
	return out
}

func sortedKeys(m map[int][2]float64) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// meanGradient averages the curves' age gradient over the groups that
// cover the age.
func meanGradient(ref *centile.Reference, age float64) float64 {
	var s float64
	var n int
	for _, k := range ref.Keys() {
		c, _ := ref.Curves(k)
		if g := c.AgeGradient(age); !math.IsNaN(g) {
			s += g
			n++
		}
	}
	return s / float64(n)
}

// evalMaturity reports the maturity effect fitted on all athletes with a
// growth test, checks on the out-of-fold scores that the adjusted score no
// longer depends on maturity timing, and reports how each score tracks the
// planted potential.
func evalMaturity(t *testing.T, all *centile.Reference, rows []evalRow, cv *crossFitted) {
	adj, err := FitAdjuster(samples(t, all, rows))
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range adj.Bands() {
		t.Logf("%s age %d: n=%d, score %+.2f ± %.2f z per year of maturity timing", b.Sex, b.Age, b.N, b.Slope, b.SE)
	}
	// Per fold, so that the noise of one fold's slopes is not cancelled by
	// the adjusters fitted on the others.
	var b0, b1 [2]float64
	for k := range folds {
		var before, after []Sample
		for _, r := range cv.rows {
			if r.fold == k && !math.IsNaN(r.s.MaturityAdjusted) {
				before = append(before, Sample{Sex: r.Sex, Age: r.Age, Z: r.s.RAECorrected, Offset: r.offset})
				after = append(after, Sample{Sex: r.Sex, Age: r.Age, Z: r.s.MaturityAdjusted, Offset: r.offset})
			}
		}
		x0, x1 := meanAbsSlope(t, before), meanAbsSlope(t, after)
		for j := range b0 {
			b0[j] += x0[j] / folds
			b1[j] += x1[j] / folds
		}
	}
	// The band slopes are noisy (their SEs ignore that an athlete's results
	// share one timing, so the real SE is 2–3 times larger); the pooled
	// (inverse-variance weighted) slope is the check, the mean |slope| is
	// reported.
	t.Logf("held-out fold, score slope on maturity timing pooled over sex × age bands: %+.3f z/year before adjustment, %+.3f after; mean |band slope| %.3f before, %.3f after",
		b0[1], b1[1], b0[0], b1[0])
	if math.Abs(b1[1]) > 0.25*math.Abs(b0[1]) {
		t.Errorf("pooled maturity slope left after adjustment %+.3f (before %+.3f)", b1[1], b0[1])
	}
	n, c := potentialCorr(cv.rows, false)
	t.Logf("all athletes (%d): correlation of the athlete's mean out-of-fold score with planted potential: raw %.3f, RAE-corrected %.3f", n, c[0], c[1])
	n, c = potentialCorr(cv.rows, true)
	t.Logf("athletes with a growth test (%d): raw %.3f, RAE-corrected %.3f, maturity-adjusted %.3f", n, c[0], c[1], c[2])
}

// potentialCorr correlates each athlete's mean raw, RAE-corrected and (when
// tested) maturity-adjusted score with the planted potential.
func potentialCorr(rows []scored, tested bool) (int, [3]float64) {
	type acc struct{ n, raw, corr, mat, pot float64 }
	per := map[int64]*acc{}
	for _, r := range rows {
		s := r.s
		if math.IsNaN(s.Raw+s.RAECorrected) || (tested && math.IsNaN(s.MaturityAdjusted)) {
			continue
		}
		a := per[r.Athlete]
		if a == nil {
			a = &acc{pot: r.potential}
			per[r.Athlete] = a
		}
		a.n, a.raw, a.corr, a.mat = a.n+1, a.raw+s.Raw, a.corr+s.RAECorrected, a.mat+s.MaturityAdjusted
	}
	var p, raw, corr, mat []float64
	for _, a := range per {
		p = append(p, a.pot)
		raw, corr, mat = append(raw, a.raw/a.n), append(corr, a.corr/a.n), append(mat, a.mat/a.n)
	}
	return len(p), [3]float64{pearson(raw, p), pearson(corr, p), pearson(mat, p)}
}

// meanAbsSlope refits the maturity slopes on samples and returns the mean
// |slope| over the bands and their inverse-variance weighted mean.
func meanAbsSlope(t *testing.T, s []Sample) [2]float64 {
	a, err := FitAdjuster(s)
	if err != nil {
		t.Fatal(err)
	}
	var out [2]float64
	var w float64
	for _, b := range a.Bands() {
		out[0] += math.Abs(b.Slope) / float64(len(a.Bands()))
		out[1] += b.Slope / (b.SE * b.SE)
		w += 1 / (b.SE * b.SE)
	}
	out[1] /= w
	return out
}

// offsetAt is the Moore 2015 offset at the result: the offset at the
// athlete's latest growth test plus the time since (NaN without a test).
func offsetAt(t *testing.T, r evalRow) float64 {
	if math.IsNaN(r.height) || math.IsNaN(r.sitting) {
		return math.NaN()
	}
	e, err := Offset(Moore2015, r.Sex, r.testAge, r.height, r.sitting, r.mass)
	if err != nil {
		t.Fatal(err)
	}
	return e.Offset + (r.Age - r.testAge)
}

func samples(t *testing.T, ref *centile.Reference, rows []evalRow) []Sample {
	var out []Sample
	for _, r := range rows {
		z, err := ref.Z(r.Key, r.Age, r.Mark)
		if off := offsetAt(t, r); err == nil && !math.IsNaN(off) {
			out = append(out, Sample{Sex: r.Sex, Age: r.Age, Z: z, Offset: off})
		}
	}
	return out
}
