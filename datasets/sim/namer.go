package sim

import (
	"time"

	"github.com/podium-sport/podium/datasets"
)

// namer gives athletes their registered names, keeping distinct people
// distinct for the store's identity resolution, which joins registrations
// with the same name key (no diacritics, any case), birth date and sex.
// Vietnamese names are so concentrated that about 3.7 % of a million
// simulated youths would share all three with someone else; the namer
// redraws the name of such a namesake. Only the planted duplicate
// identities share a person. Athlete i's name depends on athletes 0…i−1
// only, so a larger generation of the same seed keeps the smaller one's names.
type namer struct {
	b     *builder
	taken map[uint64]struct{} // FNV-1a hashes of name key, birth date and sex
}

func newNamer(b *builder) *namer {
	return &namer{b: b, taken: map[uint64]struct{}{}}
}

// registration is what an athlete row says about a person.
type registration struct {
	name, birth, province string
}

// register returns the athlete's registration and, for a duplicated
// identity, the second one; it may turn the duplicate's birth-date variant
// into "missing" when the variant would collide with another person.
func (nm *namer) register(a *athlete) (reg registration, dup *registration) {
	birth := a.birth.String()
	var n personName
	var own uint64
	for k := uint64(0); ; k++ {
		n = drawName(nm.b.r.at(nm.b.seed, purposeName, uint64(a.index)|k<<32), a.sex, provinces[a.prov].region)
		own = nm.key(n.String(), birth, a.sex)
		if _, ok := nm.taken[own]; !ok {
			nm.taken[own] = struct{}{}
			break
		}
	}
	reg = registration{n.String(), birth, provinces[a.prov].name}
	d := a.planted.dup
	if d == nil {
		return reg, nil
	}
	r := registration{name: n.String(), birth: birth, province: d.provName}
	switch d.name {
	case "no-diacritics":
		r.name = stripDiacritics(r.name)
	case "missing-middle-name":
		r.name = n.family + " " + n.given
	}
	if d.birth == "day-month-swapped" {
		t := a.birth.time()
		r.birth = date(t.Year(), time.Month(t.Day()), int(t.Month())).String()
	}
	if d.birth == "missing" {
		r.birth = ""
		return reg, &r
	}
	k := nm.key(r.name, r.birth, a.sex)
	if _, ok := nm.taken[k]; ok && k != own {
		d.birth, r.birth = "missing", ""
		return reg, &r
	}
	nm.taken[k] = struct{}{}
	return reg, &r
}

// key hashes a person's identity with 64-bit FNV-1a: deterministic, so a
// (vanishingly rare) hash collision redraws the same name in every run.
func (nm *namer) key(name, birth string, sex int) uint64 {
	h := uint64(14695981039346656037)
	for _, s := range [...]string{datasets.NameKey(name), "|", birth, "|", sexCode[sex]} {
		for i := 0; i < len(s); i++ {
			h = (h ^ uint64(s[i])) * 1099511628211
		}
	}
	return h
}
