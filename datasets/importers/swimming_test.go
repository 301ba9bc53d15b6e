package importers

import (
	"testing"

	"github.com/podium-sport/podium/datasets"
)

func TestSwimming(t *testing.T) {
	path := fixture("swimming-ffn-100m-freestyle", "swimmers.csv")
	athletes, err := deriveSwimmers(path)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := readRows(t, athletes)
	// The fixture holds swimmers 1 and 2000 (men) and 1730 (a woman).
	if len(a) != 3 {
		t.Fatalf("%d athletes, want 3", len(a))
	}
	checkFields(t, "swimmer 1", a[0].v, map[string]string{"source_id": "1", "name": "FFN swimmer 1", "sex": "M", "birth_date": ""})
	checkFields(t, "swimmer 1730", a[1].v, map[string]string{"source_id": "1730", "sex": "F"})

	rows, bad := readRows(t, newTable(path, swimmingResultHeader, bindSwimmingResults))
	if len(bad) > 0 || len(rows) != 39 {
		t.Fatalf("%d rows (want 39, one per line), rejected %v", len(rows), bad)
	}
	checkFields(t, "first", byLine(rows)[2], map[string]string{"athlete_source_id": "1", "age": "14.88", "sport": "swimming",
		"discipline": "100m-freestyle", "mark": "57.68", "unit": "s", "lower_is_better": "true", "sex": "M", "source_ref": "swimmers:2"})
	contractHeader(t, datasets.KindResults, swimmingResultHeader)

	bad3 := writeTemp(t, "swimmers.csv", `"ID","Age","Performance","Gender"`+"\n"+`"9",12.5,61.2,3`+"\n")
	if _, bad := readRows(t, newTable(bad3, swimmingResultHeader, bindSwimmingResults)); len(bad) != 1 || bad[0].Field != "Gender" {
		t.Errorf("Gender 3: problems %v, want one on Gender", bad)
	}
}
