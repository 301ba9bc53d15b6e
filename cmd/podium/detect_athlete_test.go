package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/podium-sport/podium/datasets/storetest"
)

// TestDetectAthleteOnSimulatedStore runs both athlete detectors over a
// small simulated store and checks the alerts they raise: valid subjects
// and evidence, the blood alerts finding planted manipulations, and the
// growth screen keeping to its alert budget.
func TestDetectAthleteOnSimulatedStore(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 30,000 simulated athletes (several seconds): skipped under -short")
	}
	ctx := context.Background()
	st := simStore(t, 30000, 5)
	blood, _, err := detectBlood(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	truth := plantedBlood(t, st)
	var hits int
	for _, a := range blood {
		checkAthleteAlert(t, a.Type, a.Subject, a.Evidence, "hgb")
		var id int64
		if err := json.Unmarshal([]byte(strings.TrimPrefix(a.Subject, "athlete:")), &id); err != nil {
			t.Fatal(err)
		}
		if _, ok := truth[id]; ok {
			hits++
		}
	}
	// 30,000 athletes give about 1,800 with blood samples and 45 planted
	// manipulations; at 99 % specificity about 18 false alerts are expected.
	if len(truth) == 0 || hits < len(truth)*3/4 || len(blood)-hits > 40 {
		t.Errorf("blood: %d alerts, %d of %d planted manipulations found", len(blood), hits, len(truth))
	}
	age, summary, err := detectAgeFraud(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	sum := summary.(ageSummary)
	var growth int
	for _, a := range age {
		if a.Type == "age-growth" {
			growth++
			checkAthleteAlert(t, a.Type, a.Subject, a.Evidence, "height")
		}
	}
	if want := int(growthAlertRate * float64(sum.Screened)); growth < want-2 || growth > want+2 {
		t.Errorf("growth alerts %d of %d screened, want about %d", growth, sum.Screened, want)
	}
	rep, err := st.UpsertAlerts(ctx, append(blood, age...))
	if err != nil || rep.Created != len(blood)+len(age) {
		t.Fatalf("upsert: %+v, %v", rep, err)
	}
	if n := storetest.Count(t, st, "SELECT count(*) FROM alerts WHERE type = 'blood-passport'"); n != int64(len(blood)) {
		t.Errorf("stored %d blood alerts, want %d", n, len(blood))
	}
}

// checkAthleteAlert checks an alert's subject and that its evidence has a
// series named series with points and at least one signal.
func checkAthleteAlert(t *testing.T, typ, subject string, raw json.RawMessage, series string) {
	t.Helper()
	if !strings.HasPrefix(subject, "athlete:") {
		t.Errorf("%s alert subject %q", typ, subject)
	}
	var ev struct {
		Series []struct {
			Name   string            `json:"name"`
			Points []json.RawMessage `json:"points"`
		} `json:"series"`
		Signals []json.RawMessage `json:"signals"`
	}
	if err := json.Unmarshal(raw, &ev); err != nil {
		t.Fatalf("%s evidence: %v: %s", typ, err, raw)
	}
	for _, s := range ev.Series {
		if s.Name == series && len(s.Points) > 0 && len(ev.Signals) > 0 {
			return
		}
	}
	t.Errorf("%s evidence without a %q series or signals: %s", typ, series, raw)
}

func TestDetectAthleteEmptyStore(t *testing.T) {
	st := storetest.Open(t)
	for _, d := range []detector{{name: "blood", run: detectBlood}, {name: "age", run: detectAgeFraud}} {
		alerts, summary, err := d.run(context.Background(), st)
		if err != nil || len(alerts) != 0 {
			t.Errorf("%s on an empty store: %d alerts, %v", d.name, len(alerts), err)
		}
		if _, err := json.Marshal(summary); err != nil {
			t.Errorf("%s summary: %v", d.name, err)
		}
	}
}

func TestDetectBirthDateAcrossSources(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "b.duckdb")
	// The same boy in two provincial registries, the second two years
	// younger; a namesake born on another day is not flagged.
	hn := write(t, dir, "hn.csv", "source_id,name,sex,birth_date,province\na1,Nguyễn Văn An,M,2008-03-14,Hà Nội\na2,Trần Minh Khoa,M,2009-06-01,Hà Nội\n")
	hcm := write(t, dir, "hcm.csv", "source_id,name,sex,birth_date,province\nb1,Nguyen Van An,M,2010-03-14,Hồ Chí Minh\nb2,Tran Minh Khoa,M,2010-07-09,Hồ Chí Minh\n")
	for _, f := range []struct{ src, path string }{{"hn", hn}, {"hcm", hcm}} {
		if code, _, errOut := runCLI(t, "ingest", "--db", db, "--source", f.src, "--kind", "athletes", f.path); code != exitOK {
			t.Fatalf("ingest %s: exit %d: %s", f.src, code, errOut)
		}
	}
	st, err := openStore(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	alerts, err := birthConflictAlerts(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	if len(alerts) != 1 || !strings.Contains(string(alerts[0].Evidence), "2 years apart") {
		t.Fatalf("alerts %+v, want one for the An pair", alerts)
	}
	// Two-year gap: severity 0.3 + 0.35·2 = 1.
	if alerts[0].Severity != 1 {
		t.Errorf("severity %v, want 1", alerts[0].Severity)
	}
}

func TestCLIDetectAthlete(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 3,000 simulated athletes: skipped under -short")
	}
	db := filepath.Join(t.TempDir(), "d.duckdb")
	if code, _, errOut := runCLI(t, "generate", "--db", db, "--athletes", "3000", "--seed", "3"); code != exitOK {
		t.Fatalf("generate: exit %d: %s", code, errOut)
	}
	code, out, errOut := runCLI(t, "detect", "--db", db, "--only", "blood,age", "--json")
	if code != exitOK {
		t.Fatalf("detect: exit %d: %s", code, errOut)
	}
	var rep detectReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if len(rep.Detectors) != 2 || rep.Detectors[0].Name != "blood" || rep.Detectors[1].Name != "age" {
		t.Errorf("detectors %+v", rep.Detectors)
	}
}
