package sim

import "time"

// compKind is a level of youth competition held every season.
type compKind int

const (
	compSchool     compKind = iota // Hội khỏe Phù Đổng, the school sports festival, provincial round
	compAgeGroup                   // provincial age-group championships
	compProvincial                 // provincial youth championships
	compOpen                       // provincial open meet
	compNational                   // national youth championships
	compKinds
)

var compLevel = [compKinds]string{"school", "provincial", "provincial", "provincial", "national"}

// competition is one meet of one sport in one season.
type competition struct {
	name  string
	level string
	venue string
	start day
}

// calendar holds every competition of the simulated seasons, built from the
// seed: comps[sport][kind][season][province]; national meets are at [0].
type calendar struct {
	comps [2][compKinds][seasons][]competition
}

func newCalendar(seed uint64) *calendar {
	c := &calendar{}
	for sp := 0; sp < 2; sp++ {
		for k := compKind(0); k < compKinds; k++ {
			for s := 0; s < seasons; s++ {
				y := firstSeason + s
				n := len(provinces)
				if k == compNational {
					n = 1
				}
				list := make([]competition, n)
				for p := range list {
					h := mix(seed ^ mix(uint64(sp)<<40|uint64(k)<<32|uint64(y)<<8|uint64(p)))
					list[p] = newCompetition(sp, k, y, p, h)
				}
				c.comps[sp][k][s] = list
			}
		}
	}
	return c
}

func newCompetition(sp int, k compKind, y, p int, h uint64) competition {
	sv := sportVi[sp]
	host := provinces[p]
	var name string
	var start day
	switch k {
	case compSchool:
		name = "Hội khỏe Phù Đổng " + host.name + " " + itoa(y) + " – " + sv
		start = date(y, time.March, 5+int(h%20))
	case compAgeGroup:
		name = "Giải " + sv + " các nhóm tuổi " + host.name + " " + itoa(y)
		start = date(y, time.April, 3+int(h%25))
	case compProvincial:
		name = "Giải vô địch " + sv + " trẻ " + host.name + " " + itoa(y)
		start = date(y, time.May, 5+int(h%22))
	case compOpen:
		name = "Giải " + sv + " mở rộng " + host.name + " " + itoa(y)
		start = date(y, time.August, 3+int(h%25))
	case compNational:
		host = provinces[int(h>>8)%len(provinces)]
		name = "Giải vô địch " + sv + " trẻ quốc gia " + itoa(y)
		if sp == athletics {
			start = date(y, time.October, 10+int(h%15))
		} else {
			start = date(y, time.July, 5+int(h%20))
		}
	}
	venue := "Sân vận động " + host.seat
	if sp == swimming {
		venue = "Bể bơi " + host.seat
	}
	return competition{name: name, level: compLevel[k], venue: venue, start: start}
}

// get returns the meet of kind k in season y for an athlete of province p.
func (c *calendar) get(sport int, k compKind, y, p int) *competition {
	list := c.comps[sport][k][y-firstSeason]
	if k == compNational {
		return &list[0]
	}
	return &list[p]
}

// field is the distribution of the standardised levels of an athlete's
// opponents in a race, and their number.
type field struct {
	mean, sd float64
	size     int
}

// Fields by competition and round (modelling assumption: the national
// championships gather the top ~15 % of each age group).
var (
	fieldSchool       = field{-0.3, 1, 8}
	fieldProvHeat     = field{0, 1, 8}
	fieldProvFinal    = field{0.7, 0.8, 8}
	fieldProvOpen     = field{0.1, 1, 10}
	fieldNationalHeat = field{0.9, 0.7, 8}
	fieldNationalFin  = field{1.5, 0.5, 8}
	fieldNationalOne  = field{1.2, 0.6, 12}
)
