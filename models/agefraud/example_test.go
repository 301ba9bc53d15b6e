package agefraud_test

import (
	"fmt"
	"time"

	"github.com/podium-sport/podium/models/agefraud"
)

func ExampleHeapingCounts() {
	// 60 of 10,000 registered birth dates fall on 1 January, where 27 are
	// expected; 900 are in January, where 1/31 of them (29) would be on the 1st.
	h := agefraud.HeapingCounts(10000, 900, 60)
	fmt.Printf("share %.2f %% (expected %.2f %%), heaped: %v\n", 100*h.Share, 100*h.Expected, h.P < 0.001 && h.PJanuary < 0.001)
	// Output: share 0.60 % (expected 0.27 %), heaped: true
}

func ExampleHeapingTest() {
	births := []time.Time{
		time.Date(2008, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2008, 3, 14, 0, 0, 0, 0, time.UTC),
		time.Date(2009, 1, 1, 0, 0, 0, 0, time.UTC),
	}
	h := agefraud.HeapingTest(births)
	fmt.Println(h.Jan1, "of", h.Births)
	// Output: 2 of 3
}
