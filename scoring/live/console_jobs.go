package live

import (
	"context"
	"encoding/json"

	"github.com/podium-sport/podium/api/console"
	"github.com/podium-sport/podium/scoring/jobs"
	"github.com/podium-sport/podium/scoring/retrain"
)

// ConsoleJobs serves the models page and retraining jobs to the console.
type ConsoleJobs struct{ *Jobs }

var (
	_ console.ModelSource = ConsoleJobs{}
	_ console.JobSource   = ConsoleJobs{}
)

// Models lists the registered versions, newest first, with their held-out
// metrics next to the base-rate baseline.
func (j ConsoleJobs) Models(ctx context.Context) ([]console.ModelView, error) {
	list, err := j.st.ListModels(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]console.ModelView, 0, len(list))
	for i := len(list) - 1; i >= 0; i-- {
		mv := list[i]
		v := console.ModelView{Name: mv.Model, Version: mv.Version, SHA256: mv.SHA256, CreatedAt: mv.CreatedAt}
		v.Metrics = consoleMetrics(mv.Model, mv.Metrics)
		out = append(out, v)
	}
	return out, nil
}

// consoleMetrics are a version's headline held-out figures next to their
// baselines (none when its metrics do not decode).
func consoleMetrics(model string, raw json.RawMessage) []console.Metric {
	switch model {
	case retrain.Talent:
		var m retrain.TalentMetrics
		if json.Unmarshal(raw, &m) == nil {
			return []console.Metric{
				{Name: "AUC", Value: m.OutOfFoldAUC, Baseline: "chance", BaselineVal: 0.5, HigherBetter: true},
				{Name: "log-loss", Value: m.OutOfFoldLogLoss, Baseline: "base rate", BaselineVal: m.BaselineLogLoss},
				{Name: "Brier", Value: m.OutOfFoldBrier, Baseline: "base rate", BaselineVal: m.BaselineBrier},
			}
		}
	case retrain.RatingFootball:
		var m retrain.RatingMetrics
		if json.Unmarshal(raw, &m) == nil {
			return []console.Metric{
				{Name: "1x2 log-loss", Value: m.LogLoss, Baseline: "hand-set K 20, home 35", BaselineVal: m.DefaultLogLoss},
				{Name: "1x2 log-loss", Value: m.LogLoss, Baseline: "base rates", BaselineVal: m.BaselineLogLoss},
			}
		}
	case retrain.Trajectory:
		var m retrain.TrajectoryMetrics
		if json.Unmarshal(raw, &m) == nil {
			return []console.Metric{
				{Name: "MSE (log mark)", Value: m.MSE, Baseline: "curve + athlete offset", BaselineVal: m.BaselineOffsetMSE},
				{Name: "MSE (log mark)", Value: m.MSE, Baseline: "population curve", BaselineVal: m.BaselineCurveMSE},
			}
		}
	case retrain.AlertCalibration:
		var m retrain.AlertMetrics
		if json.Unmarshal(raw, &m) == nil && m.Evaluation != nil {
			return []console.Metric{
				{Name: "log-loss", Value: m.LogLoss, Baseline: "the type's rate", BaselineVal: m.TypeRateLogLoss},
				{Name: "AUC", Value: m.Model.AUC, Baseline: "the type's rate", BaselineVal: m.TypeRate.AUC, HigherBetter: true},
				{Name: "log-loss", Value: m.LogLoss, Baseline: "raw severity", BaselineVal: m.SeverityLogLoss},
			}
		}
	}
	return nil
}

// StartRetrain starts a retraining job.
func (j ConsoleJobs) StartRetrain(ctx context.Context, model, actor string) (console.JobView, error) {
	job, err := j.start(model, actor)
	if err != nil {
		return console.JobView{}, err
	}
	return jobView(job), nil
}

// Job is one job's state.
func (j ConsoleJobs) Job(ctx context.Context, id string) (console.JobView, error) {
	job, err := j.mgr.Get(id)
	if err != nil {
		return console.JobView{}, jobError(err)
	}
	return jobView(job), nil
}

func jobView(j jobs.Job) console.JobView {
	v := console.JobView{ID: j.ID, Model: j.Kind, State: j.State, Actor: j.Actor, Message: j.Stage}
	switch j.State {
	case jobs.Succeeded:
		v.State = "done"
		if b, err := json.Marshal(j.Result); err == nil {
			v.Message = string(b)
		}
	case jobs.Failed, jobs.Cancelled:
		v.State, v.Message = "failed", j.State+": "+j.Error
	}
	if j.Started != nil {
		v.Started = *j.Started
	}
	if j.Finished != nil {
		v.Finished = *j.Finished
	}
	if v.Started.IsZero() {
		v.Started = j.Created
	}
	return v
}
