package main

import (
	"flag"

	"github.com/podium-sport/podium/notebooks/report"
)

func main() {
	var o options
	report.Main(report.Notebook{
		Name:  "integrity",
		Usage: "Writes the integrity report: recall of the simulator's planted match fixes against the alert rate (the league in --db, which must be simulated, plus --more-leagues generated ones), and one alert's evidence chart.",
		Flags: o.register,
		Build: o.build,
	})
}

// options are the notebook's own flags.
type options struct{ moreLeagues int }

func (o *options) register(fs *flag.FlagSet) {
	fs.IntVar(&o.moreLeagues, "more-leagues", 0, "simulated leagues to generate and pool with --db's (seeds 101, 102, …)")
}
