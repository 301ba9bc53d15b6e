package sim

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// nameFreq is a name part and its relative frequency.
type nameFreq struct {
	name string
	freq float64
}

// familyNames are Vietnamese family names with approximate population
// shares in percent (Nguyễn about 38 %, Trần 11 %, Lê 9.5 %, Phạm 7 %, …).
// "Hoàng" and "Vũ" are written "Huỳnh" and "Võ" in the centre and south.
var familyNames = []nameFreq{
	{"Nguyễn", 38.4}, {"Trần", 11.0}, {"Lê", 9.5}, {"Phạm", 7.0}, {"Hoàng", 5.1}, {"Phan", 4.5},
	{"Vũ", 3.9}, {"Đặng", 2.1}, {"Bùi", 2.0}, {"Đỗ", 1.4}, {"Hồ", 1.3}, {"Ngô", 1.3}, {"Dương", 1.0},
	{"Lý", 0.5}, {"Đào", 0.4}, {"Đoàn", 0.4}, {"Trương", 0.4}, {"Trịnh", 0.4}, {"Đinh", 0.4},
	{"Lâm", 0.3}, {"Mai", 0.3}, {"Cao", 0.3}, {"Lương", 0.3}, {"Hà", 0.3}, {"Tạ", 0.2}, {"Phùng", 0.2},
	{"Tô", 0.2}, {"Chu", 0.2}, {"Lưu", 0.2}, {"Kiều", 0.1}, {"Quách", 0.1}, {"Thái", 0.1}, {"Châu", 0.1},
	{"Vương", 0.1}, {"Triệu", 0.1}, {"Lò", 0.1}, {"Nông", 0.1},
}

// southernForm maps a northern family-name form to the central/southern one.
var southernForm = map[string]string{"Hoàng": "Huỳnh", "Vũ": "Võ"}

// southernShare is the share of people in the centre and south who use the
// southern form.
const southernShare = 0.8

var middleNames = [2][]nameFreq{
	{{"Văn", 30}, {"Đức", 10}, {"Minh", 10}, {"Quốc", 6}, {"Hữu", 6}, {"Thành", 5}, {"Gia", 5}, {"Hoàng", 4},
		{"Tuấn", 3}, {"Anh", 3}, {"Xuân", 3}, {"Công", 3}, {"Trọng", 3}, {"Đình", 3}, {"Quang", 3}, {"Bảo", 3},
		{"Nhật", 2}, {"Thanh", 2}},
	{{"Thị", 30}, {"Ngọc", 12}, {"Thu", 6}, {"Thanh", 6}, {"Phương", 5}, {"Bảo", 5}, {"Minh", 5}, {"Khánh", 4},
		{"Hà", 3}, {"Hồng", 3}, {"Mai", 3}, {"Kim", 3}, {"Thùy", 3}, {"Diệu", 2}, {"Hoài", 2}, {"Gia", 2},
		{"Quỳnh", 2}, {"Tuyết", 2}},
}

var givenNames = [2][]nameFreq{
	{{"Anh", 8}, {"Minh", 7}, {"Huy", 6}, {"Khang", 5}, {"Bảo", 5}, {"Phúc", 5}, {"Nam", 4}, {"Long", 4},
		{"Dũng", 4}, {"Hùng", 3}, {"Tuấn", 4}, {"Đạt", 4}, {"Khôi", 3}, {"Quân", 4}, {"Hiếu", 3}, {"Thắng", 3},
		{"Trung", 3}, {"Sơn", 3}, {"Hải", 3}, {"Phong", 3}, {"Duy", 3}, {"Kiên", 2}, {"Tùng", 2}, {"Lâm", 2},
		{"Nhật", 2}, {"Tài", 2}, {"Thịnh", 2}, {"Vinh", 2}, {"Quang", 2}, {"Đức", 3}, {"Thành", 2}, {"Khoa", 2},
		{"Trí", 2}, {"Hưng", 2}, {"Tiến", 2}, {"Lộc", 2}, {"An", 3}, {"Việt", 2}, {"Cường", 2}, {"Khải", 1},
		{"Nghĩa", 1}, {"Toàn", 1}, {"Thái", 1}, {"Bình", 2}, {"Hoàng", 2}},
	{{"Anh", 8}, {"Linh", 7}, {"Ngọc", 5}, {"Trang", 5}, {"Hương", 4}, {"Thảo", 5}, {"Hà", 4}, {"Mai", 3},
		{"Lan", 3}, {"Hạnh", 2}, {"Nhung", 2}, {"Vy", 5}, {"Hân", 4}, {"Nhi", 5}, {"Trâm", 3}, {"Yến", 3},
		{"Chi", 4}, {"Quỳnh", 3}, {"Thư", 4}, {"Phương", 3}, {"Uyên", 3}, {"My", 4}, {"Hoa", 2}, {"Giang", 3},
		{"Duyên", 2}, {"Nga", 2}, {"Huyền", 3}, {"Thủy", 2}, {"Tâm", 2}, {"Ngân", 3}, {"Ánh", 2}, {"Hằng", 2},
		{"Diệp", 1}, {"Khánh", 2}, {"Như", 2}, {"Thúy", 2}, {"Oanh", 1}, {"Vân", 2}, {"Dung", 2}, {"Trinh", 2},
		{"Loan", 1}, {"Tiên", 2}, {"Hiền", 2}, {"Nhàn", 1}},
}

// nameTable is a name list ready for sampling, its names NFC-normalised.
type nameTable struct {
	names []string
	dist  weighted
}

func newNameTable(list []nameFreq) nameTable {
	t := nameTable{names: make([]string, len(list))}
	w := make([]float64, len(list))
	for i, nf := range list {
		t.names[i] = norm.NFC.String(nf.name)
		w[i] = nf.freq
	}
	t.dist = newWeighted(w)
	return t
}

func (t nameTable) draw(r *rng) string { return t.names[t.dist.draw(r)] }

var (
	familyTable = newNameTable(familyNames)
	middleTable = [2]nameTable{newNameTable(middleNames[0]), newNameTable(middleNames[1])}
	givenTable  = [2]nameTable{newNameTable(givenNames[0]), newNameTable(givenNames[1])}
)

// personName is a full Vietnamese name: family, middle and given name.
type personName struct{ family, middle, given string }

func (n personName) String() string { return n.family + " " + n.middle + " " + n.given }

// drawName draws a name for sex (0 male, 1 female) in region reg.
func drawName(r *rng, sex int, reg region) personName {
	fam := familyTable.draw(r)
	if s, ok := southernForm[fam]; ok && reg != north && r.bernoulli(southernShare) {
		fam = s
	}
	return personName{fam, middleTable[sex].draw(r), givenTable[sex].draw(r)}
}

// stripDiacritics writes a name the way an ASCII-only form does:
// "Nguyễn Thị Ánh" → "Nguyen Thi Anh", đ → d.
func stripDiacritics(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case r == 'đ':
			b.WriteByte('d')
		case r == 'Đ':
			b.WriteByte('D')
		case r >= 0x300 && r <= 0x36f: // combining marks
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
