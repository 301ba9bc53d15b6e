package importers

import (
	"strconv"
	"strings"
)

// Match statuses, as the store's contract names them.
const (
	statusCompleted = "completed"
	statusRetired   = "retired"
	statusWalkover  = "walkover"
	statusAbandoned = "abandoned"
)

// tennisScore is a decoded ATP score text such as "6-4 3-6 7-6(5)",
// "6-3 2-1 RET", "W/O" or "4-6 7-6(4) [10-6]".
type tennisScore struct {
	text       string // the score as published, white space folded, HTML "&nbsp;" removed
	status     string // completed, retired, walkover or abandoned
	defaulted  bool   // ended by a default (DEF): status retired, the nearest the contract has
	home, away int    // sets won by the winner (home) and the loser (away)
	sets       bool   // home and away are known
}

// scoreMarkers maps the words that end a score early to a status. Lookup is
// in lower case without a trailing full stop. "played" and "and" only join
// "Played and abandoned"; "unk" and "na" say the score is unknown.
var scoreMarkers = map[string]string{
	"ret": statusRetired, "re": statusRetired, "ret'd": statusRetired, "retired": statusRetired,
	"def": statusRetired, "default": statusRetired, "defaulted": statusRetired,
	"w/o": statusWalkover, "walkover": statusWalkover, "wo": statusWalkover,
	"unp": statusWalkover, // not played: the winner went through without a match
	"abd": statusAbandoned, "abn": statusAbandoned, "abandoned": statusAbandoned, "unfinished": statusAbandoned,
	"played": "", "and": "", "unk": "", "na": "",
}

// tennisSet is one set of a score: games, or points of a match tiebreak
// written [10-7].
type tennisSet struct {
	a, b      int
	tiebreak  bool // a set tiebreak was played, e.g. 7-6(5)
	bracketed bool // a match tiebreak in place of the deciding set
}

// decided reports whether the set was played to its end: a match tiebreak
// with a winner, a tiebreak set, or a set won by two games at six or more.
func (s tennisSet) decided() bool {
	hi, lo := max(s.a, s.b), min(s.a, s.b)
	switch {
	case s.bracketed:
		return hi != lo
	case s.tiebreak:
		return hi > lo
	}
	return hi >= 6 && (hi-lo >= 2 || hi == 7 && lo == 6)
}

// parseSet parses "6-4", "7-6(5)", "[10-7]" or "[7-6](3)".
func parseSet(tok string) (tennisSet, bool) {
	var s tennisSet
	if i := strings.IndexByte(tok, '('); i > 0 && strings.HasSuffix(tok, ")") {
		if _, err := strconv.Atoi(tok[i+1 : len(tok)-1]); err != nil {
			return s, false
		}
		tok, s.tiebreak = tok[:i], true
	}
	if strings.HasPrefix(tok, "[") && strings.HasSuffix(tok, "]") {
		tok, s.bracketed = tok[1:len(tok)-1], true
	}
	as, bs, ok := strings.Cut(tok, "-")
	if !ok || !digits(as) || !digits(bs) || len(as) > 2 || len(bs) > 2 {
		return s, false
	}
	s.a, _ = strconv.Atoi(as)
	s.b, _ = strconv.Atoi(bs)
	return s, true
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// decodeScore decodes a score text. Sets are counted when every token is a
// set or a known word: in a completed match every set counts and the winner
// must be ahead; in a match ended early only decided sets count (the last,
// unfinished one does not). An empty or unreadable score ("UNK", "?-?",
// "Mar-00") leaves the sets unknown and the status completed: the source
// still names a winner.
func decodeScore(raw string) tennisScore {
	toks := strings.Fields(strings.ReplaceAll(raw, "&nbsp;", " "))
	sc := tennisScore{text: strings.Join(toks, " "), status: statusCompleted}
	var sets []tennisSet
	readable := len(toks) > 0
	for _, tok := range toks {
		if st, ok := parseSet(tok); ok {
			sets = append(sets, st)
			continue
		}
		word := strings.TrimSuffix(strings.ToLower(tok), ".")
		status, known := scoreMarkers[word]
		switch {
		case !known || word == "unk" || word == "na":
			readable = false
		case status != "":
			sc.status = status
			sc.defaulted = strings.HasPrefix(word, "def")
		}
	}
	if readable && len(sets) > 0 {
		sc.home, sc.away, sc.sets = countSets(sets, sc.status == statusCompleted)
	}
	return sc
}

// countSets counts the sets each side won. In a completed match every set
// counts and none may be drawn, and the winner must be ahead; in a match
// ended early only decided sets count.
func countSets(sets []tennisSet, completed bool) (home, away int, ok bool) {
	for _, st := range sets {
		switch {
		case completed && st.a == st.b:
			return 0, 0, false
		case !completed && !st.decided():
			continue
		case st.a > st.b:
			home++
		default:
			away++
		}
	}
	if completed && home <= away {
		return 0, 0, false
	}
	return home, away, true
}
