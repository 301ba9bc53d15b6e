package main

import "github.com/podium-sport/podium/notebooks/report"

func main() {
	report.Main(report.Notebook{
		Name:  "bench",
		Usage: "Reads `podium bench --json` outputs (one file per run, e.g. 10^5, 10^6 and 10^7 results) and charts each case's seconds and peak RSS against the size of the run, log-log.",
		Files: build,
	})
}
