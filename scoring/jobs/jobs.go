package jobs

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"time"
)

// States of a job.
const (
	Queued    = "queued"
	Running   = "running"
	Succeeded = "succeeded"
	Failed    = "failed"
	Cancelled = "cancelled"
)

var (
	// ErrBusy is returned by Start while a job of the same kind is unfinished.
	ErrBusy = errors.New("jobs: a job of this kind is already queued or running")
	// ErrNotFound is returned for an unknown job id.
	ErrNotFound = errors.New("jobs: no such job")
	// ErrFinished is returned when cancelling a job that has already ended.
	ErrFinished = errors.New("jobs: job already finished")
)

// Job is a snapshot of one job.
type Job struct {
	ID       string     `json:"id"`
	Kind     string     `json:"kind"`
	Actor    string     `json:"actor"`
	State    string     `json:"state"`
	Stage    string     `json:"stage"`
	Percent  float64    `json:"percent"`
	Error    string     `json:"error,omitempty"`
	Result   any        `json:"result,omitempty"`
	Created  time.Time  `json:"created_at"`
	Started  *time.Time `json:"started_at,omitempty"`
	Finished *time.Time `json:"finished_at,omitempty"`
}

// Progress reports how far a job is: its current stage and 0–100 percent.
type Progress func(stage string, percent float64)

// Func is the work of a job. Its result is kept with the job.
type Func func(ctx context.Context, progress Progress) (result any, err error)

// Manager runs jobs.
type Manager struct {
	Keep int // finished jobs kept for reading; 0 means 100

	mu     sync.Mutex
	jobs   map[string]*entry
	seq    int
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

type entry struct {
	job    Job
	cancel context.CancelFunc
}

// NewManager returns a manager whose jobs are cancelled when ctx ends or
// Close is called.
func NewManager(ctx context.Context) *Manager {
	ctx, cancel := context.WithCancel(ctx)
	return &Manager{jobs: map[string]*entry{}, ctx: ctx, cancel: cancel}
}

// Start queues f as a job of kind and returns its snapshot.
func (m *Manager) Start(kind, actor string, f Func) (Job, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.ctx.Err() != nil {
		return Job{}, fmt.Errorf("jobs: manager closed: %w", m.ctx.Err())
	}
	for _, e := range m.jobs {
		if e.job.Kind == kind && (e.job.State == Queued || e.job.State == Running) {
			return Job{}, fmt.Errorf("%w (job %s)", ErrBusy, e.job.ID)
		}
	}
	m.seq++
	ctx, cancel := context.WithCancel(m.ctx)
	e := &entry{job: Job{ID: fmt.Sprintf("%s-%d", kind, m.seq), Kind: kind, Actor: actor, State: Queued,
		Stage: "queued", Created: time.Now().UTC()}, cancel: cancel}
	m.jobs[e.job.ID] = e
	m.prune()
	m.wg.Add(1)
	go m.run(ctx, e, f)
	return e.job, nil
}

func (m *Manager) run(ctx context.Context, e *entry, f Func) {
	defer m.wg.Done()
	defer e.cancel()
	m.update(e, func(j *Job) {
		now := time.Now().UTC()
		j.State, j.Stage, j.Started = Running, "starting", &now
	})
	res, err := f(ctx, func(stage string, pct float64) {
		m.update(e, func(j *Job) { j.Stage, j.Percent = stage, min(max(pct, 0), 100) })
	})
	m.update(e, func(j *Job) {
		now := time.Now().UTC()
		j.Finished, j.Result = &now, res
		switch {
		case err == nil:
			j.State, j.Percent, j.Stage = Succeeded, 100, "done"
		case ctx.Err() != nil:
			j.State, j.Error = Cancelled, err.Error()
		default:
			j.State, j.Error = Failed, err.Error()
		}
	})
}

func (m *Manager) update(e *entry, f func(*Job)) {
	m.mu.Lock()
	defer m.mu.Unlock()
	f(&e.job)
}

// Get returns the snapshot of job id.
func (m *Manager) Get(id string) (Job, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.jobs[id]
	if !ok {
		return Job{}, fmt.Errorf("%w: %q", ErrNotFound, id)
	}
	return e.job, nil
}

// List returns every kept job, newest first.
func (m *Manager) List() []Job {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]Job, 0, len(m.jobs))
	for _, e := range m.jobs {
		out = append(out, e.job)
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].Created.After(out[j].Created) || out[i].Created.Equal(out[j].Created) && out[i].ID > out[j].ID
	})
	return out
}

// Cancel asks a queued or running job to stop; its state becomes cancelled
// when its function returns.
func (m *Manager) Cancel(id string) (Job, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.jobs[id]
	if !ok {
		return Job{}, fmt.Errorf("%w: %q", ErrNotFound, id)
	}
	if e.job.State != Queued && e.job.State != Running {
		return e.job, fmt.Errorf("%w: %s is %s", ErrFinished, id, e.job.State)
	}
	e.cancel()
	return e.job, nil
}

// Close cancels every job and waits for them to return.
func (m *Manager) Close() {
	m.cancel()
	m.wg.Wait()
}

// prune drops the oldest finished jobs beyond Keep. Called with mu held.
func (m *Manager) prune() {
	keep := m.Keep
	if keep <= 0 {
		keep = 100
	}
	var done []*entry
	for _, e := range m.jobs {
		if e.job.Finished != nil {
			done = append(done, e)
		}
	}
	if len(done) <= keep {
		return
	}
	sort.Slice(done, func(i, j int) bool { return done[i].job.Finished.Before(*done[j].job.Finished) })
	for _, e := range done[:len(done)-keep] {
		delete(m.jobs, e.job.ID)
	}
}
