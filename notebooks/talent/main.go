package main

import (
	"flag"

	"github.com/podium-sport/podium/notebooks/report"
)

func main() {
	var o options
	report.Main(report.Notebook{
		Name:  "talent",
		Usage: "Writes the talent report: ATP back-test ROC and reliability of P(elite) vs baselines (tennis matches in --db), relative-age effect of a top-10 % selection before and after RAE correction (simulated results in --sim), and swimmers' trajectory forecasts with their 95 % band (100 m freestyle of --swim-source in --db).",
		Flags: o.register,
		Build: o.build,
	})
}

// options are the notebook's own flags.
type options struct {
	freezeAge           float64
	eliteRank           int
	trainBorn, testBorn years
	sim                 string // store with simulated results; "" → the --db store
	swimSource          string
	split               string // MagmaClust split file; "" → every fifth swimmer is a test swimmer
	examples            int
}

func (o *options) register(fs *flag.FlagSet) {
	fs.Float64Var(&o.freezeAge, "freeze-age", 18, "tennis: cut-off age in years")
	fs.IntVar(&o.eliteRank, "elite-rank", 100, "tennis: elite = career-best ranking at or better than this")
	o.trainBorn, o.testBorn = years{1978, 1989}, years{1990, 1997}
	fs.Var(&o.trainBorn, "train-born", "tennis: training cohort, birth years Y1-Y2")
	fs.Var(&o.testBorn, "test-born", "tennis: test cohort, birth years Y3-Y4")
	fs.StringVar(&o.sim, "sim", "", "store with simulated athletes for the relative-age section (default: --db)")
	fs.StringVar(&o.swimSource, "swim-source", "ffn", "source of the 100 m freestyle results (ffn; sim on simulated data)")
	fs.StringVar(&o.split, "split", "", "swimmers' train/test split CSV (ID,Gender,split); default every fifth swimmer is a test swimmer")
	fs.IntVar(&o.examples, "examples", 4, "swimmers to draw (half women, half men)")
}
