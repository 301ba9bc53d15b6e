package jobs

import (
	"context"
	"errors"
	"testing"
	"time"
)

// wait polls job id until it leaves queued/running.
func wait(t *testing.T, m *Manager, id string) Job {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		j, err := m.Get(id)
		if err != nil {
			t.Fatal(err)
		}
		if j.State != Queued && j.State != Running {
			return j
		}
		time.Sleep(2 * time.Millisecond)
	}
	t.Fatalf("job %s did not finish", id)
	return Job{}
}

func TestJobOutcomes(t *testing.T) {
	m := NewManager(context.Background())
	defer m.Close()
	cases := []struct {
		name  string
		f     Func
		state string
		err   string
	}{
		{"ok", func(ctx context.Context, p Progress) (any, error) { p("fit", 50); return 7, nil }, Succeeded, ""},
		{"fails", func(ctx context.Context, p Progress) (any, error) { return nil, errors.New("boom") }, Failed, "boom"},
	}
	for _, c := range cases {
		j, err := m.Start(c.name, "tester", c.f)
		if err != nil {
			t.Fatal(err)
		}
		got := wait(t, m, j.ID)
		if got.State != c.state || got.Error != c.err || got.Finished == nil || got.Started == nil {
			t.Errorf("%s: %+v", c.name, got)
		}
		if c.state == Succeeded && (got.Percent != 100 || got.Result != 7) {
			t.Errorf("%s: %+v", c.name, got)
		}
	}
}

func TestOneJobOfAKindAtATimeAndCancel(t *testing.T) {
	m := NewManager(context.Background())
	defer m.Close()
	started := make(chan struct{})
	j, err := m.Start("retrain", "a", func(ctx context.Context, p Progress) (any, error) {
		p("features", 12.5)
		close(started)
		<-ctx.Done()
		return nil, ctx.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	<-started
	if got, _ := m.Get(j.ID); got.State != Running || got.Stage != "features" || got.Percent != 12.5 {
		t.Errorf("running job %+v", got)
	}
	if _, err := m.Start("retrain", "b", func(context.Context, Progress) (any, error) { return nil, nil }); !errors.Is(err, ErrBusy) {
		t.Errorf("second retrain: %v, want ErrBusy", err)
	}
	other, err := m.Start("load", "b", func(context.Context, Progress) (any, error) { return nil, nil })
	if err != nil {
		t.Errorf("a job of another kind is refused: %v", err)
	}
	if _, err := m.Cancel(j.ID); err != nil {
		t.Fatal(err)
	}
	if got := wait(t, m, j.ID); got.State != Cancelled {
		t.Errorf("cancelled job %+v", got)
	}
	if _, err := m.Cancel(j.ID); !errors.Is(err, ErrFinished) {
		t.Errorf("cancel twice: %v", err)
	}
	if _, err := m.Get("nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown id: %v", err)
	}
	wait(t, m, other.ID)
	if _, err := m.Start("retrain", "a", func(context.Context, Progress) (any, error) { return nil, nil }); err != nil {
		t.Errorf("retrain after the first ended: %v", err)
	}
	if l := m.List(); len(l) != 3 {
		t.Errorf("%d jobs listed", len(l))
	}
}

func TestPruneKeepsTheNewestFinished(t *testing.T) {
	m := NewManager(context.Background())
	m.Keep = 2
	defer m.Close()
	var last Job
	for i := 0; i < 5; i++ {
		j, err := m.Start("k", "a", func(context.Context, Progress) (any, error) { return nil, nil })
		if err != nil {
			t.Fatal(err)
		}
		last = wait(t, m, j.ID)
	}
	if l := m.List(); len(l) > 3 {
		t.Errorf("%d jobs kept with Keep = 2", len(l))
	}
	if _, err := m.Get(last.ID); err != nil {
		t.Errorf("newest job pruned: %v", err)
	}
}

func TestCloseCancelsRunningJobs(t *testing.T) {
	m := NewManager(context.Background())
	j, _ := m.Start("k", "a", func(ctx context.Context, p Progress) (any, error) { <-ctx.Done(); return nil, ctx.Err() })
	m.Close()
	if got, _ := m.Get(j.ID); got.State != Cancelled {
		t.Errorf("after Close: %+v", got)
	}
	if _, err := m.Start("k", "a", func(context.Context, Progress) (any, error) { return nil, nil }); err == nil {
		t.Error("Start after Close succeeded")
	}
}
