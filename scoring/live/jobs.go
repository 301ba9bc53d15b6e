package live

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/podium-sport/podium/api"
	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/scoring/jobs"
	"github.com/podium-sport/podium/scoring/retrain"
)

// Jobs runs retraining in the background of the server and swaps a
// promoted talent model into use.
type Jobs struct {
	st     Store
	mgr    *jobs.Manager
	talent *Talent
	Seed   uint64 // seed of the retraining runs
}

// NewJobs returns the retraining service; mgr's context bounds the jobs.
func NewJobs(st Store, mgr *jobs.Manager, talent *Talent) *Jobs {
	return &Jobs{st: st, mgr: mgr, talent: talent}
}

// APIJobs serves the registry and jobs to the JSON API.
type APIJobs struct{ *Jobs }

var _ api.Jobs = APIJobs{}

// ModelList is GET /v1/models's data.
type ModelList struct {
	Versions []datasets.ModelVersion `json:"versions"`
	InUse    map[string]int          `json:"in_use"` // model → version serving now (talent 0: fitted at start-up)
}

// Models lists the registry and the versions in use.
func (j APIJobs) Models(ctx context.Context) (any, error) {
	list, err := j.st.ListModels(ctx)
	if err != nil {
		return nil, err
	}
	if list == nil {
		list = []datasets.ModelVersion{}
	}
	inUse := map[string]int{retrain.Talent: j.talent.Version()}
	for _, mv := range list {
		if mv.Champion && mv.Model != retrain.Talent { // read from the registry when used: the champion is in use
			inUse[mv.Model] = mv.Version
		}
	}
	return ModelList{Versions: list, InUse: inUse}, nil
}

// StartRetrain starts a background retraining job of model ("all" for
// every model).
func (j APIJobs) StartRetrain(ctx context.Context, model, actor string) (any, error) {
	return j.start(model, actor)
}

func (j *Jobs) start(model, actor string) (jobs.Job, error) {
	models := []string{model}
	if model == "all" {
		models = retrain.Models
	} else if !slices.Contains(retrain.Models, model) {
		return jobs.Job{}, fmt.Errorf("%w: model %q: want all or one of %v", datasets.ErrInvalid, model, retrain.Models)
	}
	job, err := j.mgr.Start("retrain", actor, func(ctx context.Context, progress jobs.Progress) (any, error) {
		rep, err := retrain.Run(ctx, j.st, retrain.Options{Models: models, Seed: j.Seed, Actor: actor}, retrain.Progress(progress))
		if err != nil {
			return nil, err
		}
		for _, v := range rep.Versions {
			if v.Model == retrain.Talent && v.Promoted && rep.Board != nil {
				j.talent.Swap(context.WithoutCancel(ctx), rep.Board, v.Version)
			}
		}
		return rep, nil
	})
	return job, jobError(err)
}

// Job is one job's state.
func (j APIJobs) Job(ctx context.Context, id string) (any, error) {
	job, err := j.mgr.Get(id)
	return job, jobError(err)
}

// CancelJob cancels a queued or running job.
func (j APIJobs) CancelJob(ctx context.Context, id, actor string) (any, error) {
	job, err := j.mgr.Cancel(id)
	if err == nil {
		_, err = j.st.AppendAudit(ctx, actor, "job.cancel", "job:"+id, job)
	}
	return job, jobError(err)
}

// jobError maps the job manager's errors onto the store's, which the API
// maps to statuses.
func jobError(err error) error {
	switch {
	case errors.Is(err, jobs.ErrNotFound):
		return fmt.Errorf("%w: %w", datasets.ErrNotFound, err)
	case errors.Is(err, jobs.ErrBusy), errors.Is(err, jobs.ErrFinished):
		return fmt.Errorf("%w: %w", datasets.ErrConflict, err)
	}
	return err
}
