package console

import (
	"encoding/json"
	"math"
	"sort"
	"time"
)

// auditRow is one audit entry as the alert page lists it.
type auditRow struct {
	Seq    int64
	At     time.Time
	Actor  string
	Action string
	Detail []field
	Hash   string // first 12 hex digits: enough to compare with an export
}

// field is one key and its value, formatted for display.
type field struct {
	Key, Value string
}

func auditRows(loc *locale, entries []AuditEntry) []auditRow {
	out := make([]auditRow, 0, len(entries))
	for _, e := range entries {
		h := e.Hash
		if len(h) > 12 {
			h = h[:12]
		}
		out = append(out, auditRow{Seq: e.Seq, At: e.At, Actor: e.Actor, Action: e.Action,
			Detail: objectFields(loc, e.Detail), Hash: h})
	}
	return out
}

// objectFields lists a JSON object's members in key order: strings as they
// are, anything else as compact JSON. Non-objects give one field "".
func objectFields(loc *locale, raw json.RawMessage) []field {
	if len(raw) == 0 {
		return nil
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil || obj == nil {
		return []field{{Value: string(raw)}}
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]field, 0, len(keys))
	for _, k := range keys {
		out = append(out, field{Key: k, Value: loc.JSON(obj[k])})
	}
	return out
}

// JSON shows a JSON value: a string unquoted, a fractional number with the
// language's decimal separator (whole numbers, often ids or years, as they
// are), anything else as compact JSON.
func (l *locale) JSON(v json.RawMessage) string {
	var s string
	if json.Unmarshal(v, &s) == nil {
		return s
	}
	var f float64
	if json.Unmarshal(v, &f) == nil && f != math.Trunc(f) {
		return l.printer.Sprintf("%v", f)
	}
	b, _ := json.Marshal(v) // compacts; the value came from a valid document
	return string(b)
}
