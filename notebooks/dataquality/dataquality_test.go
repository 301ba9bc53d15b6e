package main

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/podium-sport/podium/datasets/sim"
	"github.com/podium-sport/podium/datasets/storetest"
	"github.com/podium-sport/podium/notebooks/report/reporttest"
)

// TestBuild runs the notebook on a small simulated store: the page must
// parse, be self-contained and hold its two charts and five tables.
func TestBuild(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	if _, err := sim.Generate(ctx, st, sim.Config{Athletes: 300, Seed: 3}, nil); err != nil {
		t.Fatal(err)
	}
	page, err := build(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	html, svgs, tables := reporttest.Render(t, page)
	// charts: results per season, birth months; tables: rows per table,
	// ingest batches, missing values, duplicates by source, top pairs,
	// January births.
	if svgs != 2 || tables != 6 {
		t.Errorf("%d charts and %d tables, want 2 and 6", svgs, tables)
	}
	athletes := storetest.Count(t, st, "SELECT count(*) FROM athletes")
	for _, want := range []string{"<td>athletes</td><td>" + strconv.FormatInt(athletes, 10) + "</td>", "athletics 100m", "Birth month of athletes"} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

// TestBuildEmpty: a store with nothing loaded still renders; the seasons
// chart is replaced by a warning (there is no dated result).
func TestBuildEmpty(t *testing.T) {
	page, err := build(context.Background(), storetest.Open(t))
	if err != nil {
		t.Fatal(err)
	}
	if html, _, _ := reporttest.Render(t, page); !strings.Contains(html, "No result has a date") {
		t.Error("page lacks the no-dated-result warning")
	}
}
