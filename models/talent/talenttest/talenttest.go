// Package talenttest writes small synthetic ATP datasets, in the published
// tennis-atp file layout, for tests of the talent back-test and its CLI.
package talenttest

import (
	"compress/gzip"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// matchHeader is the header of the published atp_matches_* files.
const matchHeader = "tourney_id,tourney_name,surface,draw_size,tourney_level,tourney_date,match_num," +
	"winner_id,winner_seed,winner_entry,winner_name,winner_hand,winner_ht,winner_ioc,winner_age," +
	"loser_id,loser_seed,loser_entry,loser_name,loser_hand,loser_ht,loser_ioc,loser_age,score,best_of,round,minutes," +
	"w_ace,w_df,w_svpt,w_1stIn,w_1stWon,w_2ndWon,w_SvGms,w_bpSaved,w_bpFaced," +
	"l_ace,l_df,l_svpt,l_1stIn,l_1stWon,l_2ndWon,l_SvGms,l_bpSaved,l_bpFaced," +
	"winner_rank,winner_rank_points,loser_rank,loser_rank_points"

// Player is one synthetic player: ATP-style id, birth date and latent skill.
type Player struct {
	ID    int
	Born  string // YYYYMMDD
	Year  int
	Skill float64
}

// Match is one synthetic match; Rank 0 means unranked.
type Match struct {
	Year, Num             int
	Winner, Loser         int
	WinnerRank, LoserRank int
}

// ATP is a synthetic dataset: players born 1980–1999, one futures-level
// season a year from 1995 to 2022 in which every player aged 15–30 plays
// ten matches against players of his season, won by the stronger on skill
// plus age plus noise. Rankings are the season's order by that strength,
// times 5 (so about 200 players give rankings up to ~1000); players ranked
// in the top 150 play at challenger level, the top 50 at tour level.
type ATP struct {
	Players []Player
	Matches []Match
}

// Generate returns n players and their matches from seed.
func Generate(n int, seed uint64) *ATP {
	rng := rand.New(rand.NewPCG(seed, 0x61747074))
	a := &ATP{}
	for i := range n {
		y := 1980 + i%20
		a.Players = append(a.Players, Player{ID: 100001 + i, Year: y,
			Born: fmt.Sprintf("%d%02d%02d", y, 1+rng.IntN(12), 1+rng.IntN(28)), Skill: rng.NormFloat64()})
	}
	for year := 1995; year <= 2022; year++ {
		a.season(year, rng)
	}
	return a
}

// season plays one year's matches.
func (a *ATP) season(year int, rng *rand.Rand) {
	var active []Player
	strength := map[int]float64{}
	for _, p := range a.Players {
		if age := year - p.Year; age >= 15 && age <= 30 {
			active = append(active, p)
			// Players improve until 25 by 0.25 skill units a year.
			strength[p.ID] = p.Skill + 0.25*math.Min(float64(age-25), 0)
		}
	}
	if len(active) < 2 {
		return
	}
	sort.Slice(active, func(i, j int) bool { return strength[active[i].ID] > strength[active[j].ID] })
	rank := map[int]int{}
	for i, p := range active {
		if year-p.Year >= 16 { // the youngest are unranked
			rank[p.ID] = 5 * (i + 1)
		}
	}
	for _, p := range active {
		for range 5 {
			q := active[rng.IntN(len(active))]
			if q.ID == p.ID {
				continue
			}
			w, l := p, q
			if strength[q.ID]-strength[p.ID]+rng.NormFloat64() > 0 {
				w, l = q, p
			}
			a.Matches = append(a.Matches, Match{Year: year, Num: len(a.Matches) + 1, Winner: w.ID, Loser: l.ID,
				WinnerRank: rank[w.ID], LoserRank: rank[l.ID]})
		}
	}
}

// Write writes the dataset as atp_players.csv.gz and one
// atp_matches_futures_YYYY.csv.gz per season into dir.
func (a *ATP) Write(t testing.TB, dir string) {
	t.Helper()
	var pl strings.Builder
	pl.WriteString("player_id,name_first,name_last,hand,dob,ioc,height,wikidata_id\n")
	for _, p := range a.Players {
		fmt.Fprintf(&pl, "%d,Player,P%d,R,%s,VIE,,\n", p.ID, p.ID, p.Born)
	}
	writeGz(t, filepath.Join(dir, "atp_players.csv.gz"), pl.String())
	byYear := map[int]*strings.Builder{}
	for _, m := range a.Matches {
		b := byYear[m.Year]
		if b == nil {
			b = &strings.Builder{}
			b.WriteString(matchHeader + "\n")
			byYear[m.Year] = b
		}
		fmt.Fprintf(b, "%d-T,Season %d,Hard,32,S,%d0601,%d,%d,,,Player P%d,R,,VIE,,%d,,,Player P%d,R,,VIE,,6-4 6-4,3,R32,"+
			",,,,,,,,,,,,,,,,,,,%s,,%s,\n", m.Year, m.Year, m.Year, m.Num, m.Winner, m.Winner, m.Loser, m.Loser,
			rankText(m.WinnerRank), rankText(m.LoserRank))
	}
	for y, b := range byYear {
		writeGz(t, filepath.Join(dir, fmt.Sprintf("atp_matches_futures_%d.csv.gz", y)), b.String())
	}
}

func rankText(r int) string {
	if r == 0 {
		return ""
	}
	return fmt.Sprint(r)
}

func writeGz(t testing.TB, path, text string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := gzip.NewWriter(f)
	if _, err := zw.Write([]byte(text)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}
