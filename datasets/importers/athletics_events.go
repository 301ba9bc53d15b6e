package importers

import (
	"fmt"
	"strings"
)

// athleticsEvent is what one all-time list file holds.
type athleticsEvent struct {
	discipline string // Podium's name: 100m, 4x400m-relay, 10km-race-walk, long-jump, decathlon
	unit       string // s (lower is better), m or pts (higher is better)
}

func (e athleticsEvent) lowerIsBetter() bool { return e.unit == "s" }

var (
	// Jumps and throws are measured in metres.
	fieldEvents = map[string]bool{"high-jump": true, "pole-vault": true, "long-jump": true, "triple-jump": true,
		"shot-put": true, "discus-throw": true, "hammer-throw": true, "javelin-throw": true}
	// Combined events are scored in points.
	combinedEvents = map[string]bool{"decathlon": true, "heptathlon": true}
	// Races not named by a metric distance.
	namedRaces = map[string]bool{"one-mile": true, "two-miles": true, "10-miles-road": true, "half-marathon": true, "marathon": true}
	// What may follow a metric distance in a file name.
	raceKinds = map[string]bool{"": true, "-hurdles": true, "-steeplechase": true, "-race-walk": true, "-relay": true}
)

var metricUnits = strings.NewReplacer("-kilometres", "km", "-metres", "m")

// athleticsEventOf maps a list file's name ("100-metres", "4x100-metres-relay",
// "long-jump") to its event. A name it does not know is an error, so that
// a new file is never loaded with a guessed unit.
func athleticsEventOf(stem string) (athleticsEvent, error) {
	switch {
	case fieldEvents[stem]:
		return athleticsEvent{stem, "m"}, nil
	case combinedEvents[stem]:
		return athleticsEvent{stem, "pts"}, nil
	case namedRaces[stem]:
		return athleticsEvent{stem, "s"}, nil
	}
	d := metricUnits.Replace(stem)
	dist, kind, _ := strings.Cut(d, "-")
	if kind != "" {
		kind = "-" + kind
	}
	num, ok := strings.CutSuffix(dist, "km")
	if !ok {
		num, ok = strings.CutSuffix(dist, "m")
	}
	legs, leg, relay := strings.Cut(num, "x")
	if !ok || !raceKinds[kind] || relay != (kind == "-relay") || !digits(legs) || relay && !digits(leg) {
		return athleticsEvent{}, fmt.Errorf("importers: athletics: unknown event file %q: add it to athletics_events.go", stem)
	}
	return athleticsEvent{d, "s"}, nil
}
