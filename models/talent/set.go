package talent

import _ "embed"

// tennisSQL computes the raw tennis record of each player before his own
// cut-off day (see the file's header); $1 is the freeze age in years.
//
// It queries the store directly rather than through features.Compute: on the
// full ATP store (900k matches) the features package's age cut-off views did
// not finish match_record in 10 minutes, while this query takes seconds.
// TestNoLookAhead proves that changing matches after a player's cut-off
// changes none of his features.
//
//go:embed tennis.sql
var tennisSQL string
