package importers

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

var footballOddsHeader = []string{"match_source_id", "bookmaker", "market", "selection", "price", "phase", "line"}

// footballBooks names the bookmaker codes of football-data's odds columns
// and the phase their prices load as. Pinnacle's PS* are the earlier of its
// two snapshots and load as opening, its closing prices PSC* as closing;
// every other book's one snapshot is pre-match.
var footballBooks = map[string]struct{ name, phase string }{
	"B365": {"bet365", "pre-match"}, "BS": {"blue-square", "pre-match"}, "BW": {"bet-and-win", "pre-match"},
	"GB": {"gamebookers", "pre-match"}, "IW": {"interwetten", "pre-match"}, "LB": {"ladbrokes", "pre-match"},
	"PS": {"pinnacle", "opening"}, "PSC": {"pinnacle", "closing"}, "SB": {"sportingbet", "pre-match"},
	"SJ": {"stan-james", "pre-match"}, "SO": {"sporting-odds", "pre-match"}, "SY": {"stanleybet", "pre-match"},
	"VC": {"vc-bet", "pre-match"}, "WH": {"william-hill", "pre-match"},
}

// footballOther are the columns that are not odds: the match columns, and
// match statistics the store has no place for (shots, fouls, corners,
// cards, woodwork, offsides, booking points, attendance).
var footballOther = map[string]bool{
	"": true, "Div": true, "Date": true, "Time": true, "HomeTeam": true, "AwayTeam": true, "FTHG": true, "FTAG": true,
	"FTR": true, "HTHG": true, "HTAG": true, "HTR": true, "Referee": true, "Attendance": true,
	"HS": true, "AS": true, "HST": true, "AST": true, "HHW": true, "AHW": true, "HC": true, "AC": true,
	"HF": true, "AF": true, "HO": true, "AO": true, "HY": true, "AY": true, "HR": true, "AR": true,
	"HBP": true, "ABP": true,
}

// betbrainPrefix starts the columns of Betbrain's maximum and average over
// many bookmakers (BbMxH, BbAvH, Bb1X2, BbOU, BbAHh…): aggregates, not a
// bookmaker's prices, so they are not loaded.
const betbrainPrefix = "Bb"

// oddsMarket is one bookmaker's market in a header: the columns of its
// selections (1X2: H, D, A; over/under 2.5: >2.5, <2.5; Asian handicap:
// AHH, AHA with the home handicap in AH).
type oddsMarket struct {
	bookmaker, market, phase string
	names, selections        []string
	cols                     []int
	line                     string // ou: the total
	lineName                 string // ah: the column of the home handicap
	lineCol                  int    // its position; -1 for 1x2 and ou
}

// The implied probabilities (1/price) of one bookmaker's complete market add
// up to 1 plus its margin. Outside these bounds the prices are not one
// book's market (a shifted column, a typo such as 1.02 for a draw): the
// market is not loaded. 0.99 allows rounding of the published prices; 1.30
// is above every margin of the files' books (1.02–1.20 for 1X2).
const minOverround, maxOverround = 0.99, 1.30

// repairHeader renames a bookmaker code written three times in a row
// ("LB,LB,LB" in germany/D2_2004-2005) to its 1X2 columns LBH, LBD, LBA.
func repairHeader(header []string) ([]string, []string) {
	out := append([]string(nil), header...)
	var fixed []string
	for i := 0; i+2 < len(out); i++ {
		if _, ok := footballBooks[out[i]]; ok && out[i+1] == out[i] && out[i+2] == out[i] {
			fixed = append(fixed, out[i])
			out[i], out[i+1], out[i+2] = out[i]+"H", out[i]+"D", out[i]+"A"
		}
	}
	return out, fixed
}

// oddsPlan finds the odds columns of a header. Every column must be odds
// of a known bookmaker, a Betbrain aggregate, or a known other column: an
// unknown one is an error rather than a silent loss.
func oddsPlan(file string, header []string) ([]oddsMarket, error) {
	pos := map[string]int{}
	for i, h := range header {
		if _, dup := pos[h]; !dup {
			pos[h] = i
		}
	}
	used := map[string]bool{}
	var plan []oddsMarket
	group := func(code, market string, names, selections []string, line string, lineName string) {
		for _, n := range append(append([]string(nil), names...), lineName) {
			if _, ok := pos[n]; n != "" && !ok {
				return
			}
		}
		b := footballBooks[code]
		m := oddsMarket{bookmaker: b.name, market: market, phase: b.phase, names: names, selections: selections,
			line: line, lineCol: -1}
		if lineName != "" {
			m.lineName, m.lineCol = lineName, pos[lineName]
			used[lineName] = true
		}
		for _, n := range names {
			used[n] = true
			m.cols = append(m.cols, pos[n])
		}
		plan = append(plan, m)
	}
	codes := make([]string, 0, len(footballBooks))
	for c := range footballBooks {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, c := range codes {
		group(c, "1x2", []string{c + "H", c + "D", c + "A"}, []string{"home", "draw", "away"}, "", "")
		group(c, "ou", []string{c + ">2.5", c + "<2.5"}, []string{"over", "under"}, "2.5", "")
		group(c, "ah", []string{c + "AHH", c + "AHA"}, []string{"home", "away"}, "", c+"AH")
	}
	for _, h := range header {
		if !used[h] && !footballOther[h] && !strings.HasPrefix(h, betbrainPrefix) {
			return nil, fmt.Errorf("importers: %s: column %q is neither a known bookmaker's odds nor a known column: add it to football_odds.go", file, h)
		}
	}
	return plan, nil
}

func (m *footballMapper) bindOdds(file string, header []string) (fillFunc, error) {
	header, fixed := repairHeader(header)
	for _, code := range fixed {
		m.sum.note(file, 1, "header", code+","+code+","+code, "bookmaker code written three times: read as its H, D, A columns")
	}
	c, err := columns(file, header, footballColumns...)
	if err != nil {
		return nil, err
	}
	if m.odds, err = oddsPlan(file, header); err != nil {
		return nil, err
	}
	m.cols = c
	return m.oddsRows, nil
}

// Decimal odds the store accepts: above 1 and at most 10000.
const maxPrice = 10000

func (m *footballMapper) oddsRows(rec []string, line int64, emit emitFunc) error {
	k, ok, err := m.matchKey(rec, line)
	if err != nil || !ok {
		return nil // the matches part rejects or skips this row and says why
	}
	prices := make([]string, 0, 3)
	for _, o := range m.odds {
		prices = prices[:0]
		for _, c := range o.cols {
			prices = append(prices, field(rec, c))
		}
		if strings.Join(prices, "") == "" {
			continue // this book has no prices for the match
		}
		l, why := o.check(prices, field(rec, o.lineCol))
		if why != "" {
			names, values := strings.Join(o.names, "/"), strings.Join(prices, "/")
			if o.lineCol >= 0 {
				names, values = names+"/"+o.lineName, values+"/"+field(rec, o.lineCol)
			}
			m.sum.note(m.file, line, "odds", names+" = "+values, why+": market not loaded")
			continue
		}
		for i, p := range prices {
			emit(line, k.id, o.bookmaker, o.market, o.selections[i], p, o.phase, l)
		}
	}
	return nil
}

// check returns the market's line, or why its prices cannot load.
func (o oddsMarket) check(prices []string, lineText string) (string, string) {
	sum := 0.0
	for _, p := range prices {
		if p == "" {
			return "", "a price is missing"
		}
		x, err := strconv.ParseFloat(p, 64)
		if err != nil || !(x > 1 && x <= maxPrice) {
			return "", "not decimal odds above 1"
		}
		sum += 1 / x
	}
	if sum < minOverround || sum > maxOverround {
		return "", fmt.Sprintf("implied probabilities add up to outside %.2f–%.2f", minOverround, maxOverround)
	}
	if o.lineCol < 0 {
		return o.line, ""
	}
	h, err := ahLine(lineText)
	if err != nil {
		return "", "handicap line is not a quarter-goal line"
	}
	return strconv.FormatFloat(h, 'f', -1, 64), ""
}
