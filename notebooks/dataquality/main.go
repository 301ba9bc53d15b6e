package main

import "github.com/podium-sport/podium/notebooks/report"

func main() {
	report.Main(report.Notebook{
		Name:  "dataquality",
		Usage: "Writes the data-quality report of the store: row counts per table and source, missing values per column, duplicate-identity candidates, results per season and discipline, and birth dates by month.",
		Build: build,
	})
}
