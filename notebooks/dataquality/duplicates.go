package main

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/notebooks/report"
)

// maxCandidates is the most duplicate candidates read from the store.
const maxCandidates = 5000

// showPairs is how many of the most similar pairs are listed.
const showPairs = 10

// duplicates summarises the duplicate-identity candidates by the sources of
// the two athletes and the reason, and lists the most similar pairs.
func duplicates(ctx context.Context, st *datasets.Store, p *report.Page) error {
	cands, err := st.DuplicateCandidates(ctx, maxCandidates)
	if err != nil {
		return err
	}
	p.Heading("Duplicate-identity candidates")
	p.Para("Pairs of athletes that may be one person (datasets.Store.DuplicateCandidates, at most %d read): %d found.", maxCandidates, len(cands))
	type key struct{ a, b, reason string }
	n := map[key]int{}
	for _, c := range cands {
		a, b := sourceNames(c.A.Sources), sourceNames(c.B.Sources)
		if a > b {
			a, b = b, a
		}
		n[key{a, b, c.Reason}]++
	}
	keys := make([]key, 0, len(n))
	for k := range n {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(x, y key) int { return cmp.Or(n[y]-n[x], cmp.Compare(x.a+x.b+x.reason, y.a+y.b+y.reason)) })
	var rows [][]string
	for _, k := range keys {
		rows = append(rows, []string{k.a, k.b, k.reason, strconv.Itoa(n[k])})
	}
	p.Table("Candidates by the sources of the two athletes and the reason", []string{"sources A", "sources B", "reason", "pairs"}, rows)
	slices.SortStableFunc(cands, func(x, y datasets.DuplicateCandidate) int { return cmp.Compare(y.Similarity, x.Similarity) })
	rows = nil
	for _, c := range cands[:min(showPairs, len(cands))] {
		rows = append(rows, []string{ref(c.A), ref(c.B), c.Reason, strconv.FormatFloat(c.Similarity, 'f', 3, 64)})
	}
	p.Table(fmt.Sprintf("The %d most similar pairs", len(rows)), []string{"athlete A", "athlete B", "reason", "similarity"}, rows)
	return nil
}

func ref(a datasets.AthleteRef) string {
	return fmt.Sprintf("#%d %s (%s, %s, %s; %s)", a.ID, a.Name, a.Sex, a.BirthDate, a.Province, a.Sources)
}

// sourceNames reduces an AthleteRef's "source:id, source:id" list to its
// distinct source names, sorted: "ffn, sim".
func sourceNames(refs string) string {
	var names []string
	for r := range strings.SplitSeq(refs, ", ") {
		name, _, _ := strings.Cut(r, ":")
		names = append(names, name)
	}
	slices.Sort(names)
	return strings.Join(slices.Compact(names), ", ")
}
