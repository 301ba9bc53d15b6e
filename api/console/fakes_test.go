package console

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/podium-sport/podium/datasets"
)

// fakeUsers maps API tokens to users.
type fakeUsers map[string]User

func (f fakeUsers) UserByToken(_ context.Context, token string) (User, error) {
	u, ok := f[token]
	if !ok {
		return User{}, fmt.Errorf("user by token: %w", errNotFound)
	}
	return u, nil
}

// fakeAlerts is an in-memory alert workflow with the store's rules:
// optimistic versions, legal transitions only, one audit entry per change.
type fakeAlerts struct {
	mu     sync.Mutex
	alerts []Alert
	audit  map[int64][]AuditEntry
	now    time.Time
}

func (f *fakeAlerts) ListAlerts(_ context.Context, flt AlertFilter) ([]Alert, int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var hit []Alert
	for _, a := range f.alerts {
		if (flt.Status == "" || a.Status == flt.Status) && (flt.Type == "" || a.Type == flt.Type) && a.Severity >= flt.MinSeverity {
			hit = append(hit, a)
		}
	}
	slices.SortStableFunc(hit, func(a, b Alert) int {
		if flt.Sort == "priority" {
			if c := cmp.Compare(priority(b), priority(a)); c != 0 {
				return c
			}
		}
		switch {
		case a.Severity > b.Severity:
			return -1
		case a.Severity < b.Severity:
			return 1
		}
		return int(a.ID - b.ID)
	})
	total := len(hit)
	lo := min(flt.Offset, total)
	hi := total
	if flt.Limit > 0 {
		hi = min(lo+flt.Limit, total)
	}
	return hit[lo:hi], total, nil
}

func (f *fakeAlerts) find(id int64) (int, error) {
	for i, a := range f.alerts {
		if a.ID == id {
			return i, nil
		}
	}
	return 0, fmt.Errorf("alert %d: %w", id, errNotFound)
}

func (f *fakeAlerts) GetAlert(_ context.Context, id int64) (Alert, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	i, err := f.find(id)
	if err != nil {
		return Alert{}, err
	}
	return f.alerts[i], nil
}

func (f *fakeAlerts) UpdateAlert(_ context.Context, id int64, ch AlertChange) (Alert, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	i, err := f.find(id)
	if err != nil {
		return Alert{}, err
	}
	a := &f.alerts[i]
	if ch.Version != a.Version {
		return Alert{}, fmt.Errorf("alert %d: version %d, now %d: %w", id, ch.Version, a.Version, errConflict)
	}
	if ch.Status != "" && ch.Status != a.Status && !slices.Contains(datasets.NextStatuses(a.Status), ch.Status) {
		return Alert{}, fmt.Errorf("alert %d: %s → %s: %w", id, a.Status, ch.Status, errInvalid)
	}
	detail, _ := json.Marshal(map[string]any{"from": a.Status, "to": ch.Status, "comment": ch.Comment, "assignee": ch.Assignee})
	if ch.Status != "" {
		a.Status = ch.Status
	}
	if ch.Assignee != "" {
		a.Assignee = ch.Assignee
	}
	a.Version, a.UpdatedAt = a.Version+1, f.now
	seq := int64(len(f.audit[id]) + 1)
	f.audit[id] = append(f.audit[id], AuditEntry{Seq: seq, At: f.now, Actor: ch.Actor, Action: "alert.update",
		Subject: fmt.Sprintf("alert:%d", id), Detail: detail, Hash: strings.Repeat(fmt.Sprint(seq), 64)})
	return *a, nil
}

func (f *fakeAlerts) AlertAudit(_ context.Context, id int64) ([]AuditEntry, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, err := f.find(id); err != nil {
		return nil, err
	}
	return slices.Clone(f.audit[id]), nil
}

// oddsEvidence is an evidence pack as the odds detectors write it.
const oddsEvidence = `{"odds":[{"bookmaker":"B365","points":[{"phase":"opening","price":2.1,"implied":0.45},{"phase":"mid","price":1.85,"implied":0.52},{"phase":"closing","price":1.55,"implied":0.62}]},` +
	`{"bookmaker":"Pinnacle","points":[{"phase":"opening","price":2.05,"implied":0.47},{"phase":"closing","price":1.6,"implied":0.6}]}],` +
	`"signals":[{"name":"steam","z":4.2,"threshold":3},{"name":"volume","z":2.1,"threshold":3}],"match":"V.League 2026-03-14 HAGL–SLNA"}`

// testAlerts are the queue both the fake and the real store are filled with.
// Two carry a calibrated P(confirmed) of alert-calibration v1 (0: none).
var testAlerts = []struct {
	Type, Subject string
	Severity      float64
	Evidence      string
	P             float64
}{
	{"odds-steam", "match:101", 0.92, oddsEvidence, 0},
	{"odds-steam", "match:102", 0.41, `{"odds":[]}`, 0.64},
	{"blood-passport", "athlete:7", 0.77, `{"signals":[{"name":"haemoglobin","value":18.9,"range":"13.5–17.5"}]}`, 0.35},
	{"referee-bias", "referee:Nguyễn Văn A", 0.15, `{"note":"few matches"}`, 0},
}

// priority is an alert's P(confirmed), −1 when uncalibrated (listed last).
func priority(a Alert) float64 {
	if a.PConfirmed == nil {
		return -1
	}
	return *a.PConfirmed
}

func newFakeAlerts(now time.Time) *fakeAlerts {
	f := &fakeAlerts{audit: map[int64][]AuditEntry{}, now: now}
	for i, a := range testAlerts {
		f.alerts = append(f.alerts, Alert{ID: int64(i + 1), Type: a.Type, Subject: a.Subject, Severity: a.Severity,
			Status: "open", Version: 1, CreatedAt: now, UpdatedAt: now, Evidence: json.RawMessage(a.Evidence)})
		if a.P > 0 {
			f.alerts[i].PConfirmed, f.alerts[i].CalibratedBy = &a.P, 1
		}
	}
	return f
}

// testUsers holds one user per role, plus a disabled one; the token is
// "tok-" + name.
var testUsers = fakeUsers{
	"tok-hoa":   {ID: 1, Name: "hoa", Role: "integrity"},
	"tok-minh":  {ID: 2, Name: "minh", Role: "selection"},
	"tok-lan":   {ID: 3, Name: "lan", Role: "data"},
	"tok-admin": {ID: 4, Name: "admin", Role: "admin"},
	"tok-old":   {ID: 5, Name: "old", Role: "admin", Disabled: true},
}

// fakeTalent provides rankings, athletes and models.
type fakeTalent struct{}

var (
	born    = func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	rankAll = []RankingRow{
		{Rank: 1, AthleteID: 11, Name: "Trần Thị Ánh", Sex: "F", BirthDate: born(2010, 2, 3), Province: "Hà Nội",
			PElite: Interval{0.41, 0.30, 0.53}, Forecast: Interval{11.62, 11.41, 11.85}, Unit: "s",
			Centiles: Centiles{97, 95, 93}, Reasons: []string{"steep improvement since 14", "top centile at 15"}},
		{Rank: 2, AthleteID: 12, Name: "Lê Văn Đức", Sex: "M", BirthDate: born(2010, 11, 20), Province: "Đà Nẵng",
			PElite: Interval{0.33, 0.22, 0.45}, Forecast: Interval{10.71, 10.52, 10.93}, Unit: "s",
			Centiles: Centiles{91, 94, 95}, Reasons: []string{"late birth quarter, still top 10%"}},
		{Rank: 3, AthleteID: 13, Name: "Phạm Minh Châu", Sex: "F", BirthDate: born(2011, 5, 9), Province: "Hà Nội",
			PElite: Interval{0.18, 0.10, 0.29}, Forecast: Interval{12.02, 11.77, 12.3}, Unit: "s",
			Centiles: Centiles{84, 85, 80}},
	}
)

func (fakeTalent) Rankings(_ context.Context, f RankingFilter) (RankingView, error) {
	v := RankingView{Events: []string{"100m", "200m"}, Provinces: []string{"Hà Nội", "Đà Nẵng"}, AsOf: born(2026, 10, 31),
		Fairness: &Fairness{TopN: 3, TopQuarters: [4]int{2, 0, 0, 1}, PoolQuarters: [4]int{30, 26, 24, 20},
			OddsRatio: Interval{2.4, 1.3, 4.4}}}
	for _, r := range rankAll {
		if (f.Sex == "" || r.Sex == f.Sex) && (f.Province == "" || r.Province == f.Province) {
			v.Rows = append(v.Rows, r)
		}
	}
	v.Total = len(v.Rows)
	return v, nil
}

func (fakeTalent) Athlete(_ context.Context, id int64, withPhysio bool) (AthleteView, error) {
	for _, r := range rankAll {
		if r.AthleteID != id {
			continue
		}
		a := AthleteView{ID: id, Name: r.Name, Sex: r.Sex, BirthDate: r.BirthDate, Province: r.Province, Event: "100m",
			Unit: "s", LowerIsBetter: true, PElite: r.PElite, Centiles: r.Centiles, Reasons: r.Reasons,
			Marks:    []MarkPoint{{13.1, 13.05}, {13.8, 12.71}, {14.5, 12.40}, {15.2, 12.11}},
			Forecast: []ForecastPoint{{15.2, Interval{12.11, 12.11, 12.11}}, {16, Interval{11.95, 11.8, 12.1}}, {17, Interval{11.8, 11.55, 12.05}}},
		}
		for age := 13.0; age <= 17; age++ {
			a.Bands = append(a.Bands, CentileBand{age, 14.0 - 0.3*(age-13), 13.6 - 0.3*(age-13), 13.2 - 0.3*(age-13), 12.8 - 0.3*(age-13), 12.4 - 0.3*(age-13)})
		}
		// the fake returns physio data whatever it is asked, so that the
		// console's own filtering is tested
		a.Physio = []PhysioRow{{Date: born(2026, 4, 2), Test: "haemoglobin", Value: 18.9, Unit: "g/dL", RefLo: 12, RefHi: 16}}
		return a, nil
	}
	return AthleteView{}, fmt.Errorf("athlete %d: %w", id, errNotFound)
}

func (fakeTalent) Models(context.Context) ([]ModelView, error) {
	return []ModelView{{Name: "potential", Version: 3, SHA256: "9f2c1e7ab0d4c3e2f1a0", CreatedAt: born(2026, 11, 1),
		Metrics: []Metric{{Name: "AUC", Value: 0.78, Baseline: "best mark at 15", BaselineVal: 0.71, HigherBetter: true},
			{Name: "Brier", Value: 0.12, Baseline: "best mark at 15", BaselineVal: 0.11}}}}, nil
}

// fakeJobs starts jobs that stay running.
type fakeJobs struct {
	mu   sync.Mutex
	jobs []JobView
}

func (f *fakeJobs) StartRetrain(_ context.Context, model, actor string) (JobView, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if model != "potential" {
		return JobView{}, fmt.Errorf("model %q: %w", model, errNotFound)
	}
	j := JobView{ID: fmt.Sprintf("j%d", len(f.jobs)+1), Model: model, State: "running", Actor: actor, Started: testNow}
	f.jobs = append(f.jobs, j)
	return j, nil
}

func (f *fakeJobs) Job(_ context.Context, id string) (JobView, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, j := range f.jobs {
		if j.ID == id {
			return j, nil
		}
	}
	return JobView{}, fmt.Errorf("job %q: %w", id, errNotFound)
}
