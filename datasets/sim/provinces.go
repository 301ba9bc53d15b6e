package sim

// region is a part of the country; family-name variants differ by region
// (Hoàng and Vũ in the north, Huỳnh and Võ in the centre and south).
type region int

const (
	north region = iota
	centre
	south
)

// province is one of Vietnam's 34 provincial-level units after the merger
// of 12 June 2025 (effective 1 July 2025): 6 centrally-run cities and 28
// provinces.
type province struct {
	name     string
	city     bool    // centrally-run city
	popK     float64 // approximate population of the merged unit, thousands (sampling weight only)
	region   region
	seat     string   // administrative centre, where its competitions are held
	formerly []string // the pre-2025 provinces merged into it (empty when unchanged)
}

// provinces are the 34 units. Populations are rounded approximations of the
// figures published with the merger; they only weight where athletes come from.
var provinces = []province{
	{"Hà Nội", true, 8720, north, "Hà Nội", nil},
	{"Huế", true, 1430, centre, "Huế", nil},
	{"Hải Phòng", true, 4660, north, "Hải Phòng", []string{"Hải Phòng", "Hải Dương"}},
	{"Đà Nẵng", true, 3070, centre, "Đà Nẵng", []string{"Đà Nẵng", "Quảng Nam"}},
	{"TP. Hồ Chí Minh", true, 14000, south, "TP. Hồ Chí Minh", []string{"TP. Hồ Chí Minh", "Bình Dương", "Bà Rịa – Vũng Tàu"}},
	{"Cần Thơ", true, 4200, south, "Cần Thơ", []string{"Cần Thơ", "Sóc Trăng", "Hậu Giang"}},
	{"Lai Châu", false, 510, north, "Lai Châu", nil},
	{"Điện Biên", false, 670, north, "Điện Biên Phủ", nil},
	{"Sơn La", false, 1400, north, "Sơn La", nil},
	{"Lạng Sơn", false, 880, north, "Lạng Sơn", nil},
	{"Quảng Ninh", false, 1500, north, "Hạ Long", nil},
	{"Thanh Hóa", false, 4320, north, "Thanh Hóa", nil},
	{"Nghệ An", false, 3830, north, "Vinh", nil},
	{"Hà Tĩnh", false, 1620, north, "Hà Tĩnh", nil},
	{"Cao Bằng", false, 570, north, "Cao Bằng", nil},
	{"Tuyên Quang", false, 1870, north, "Tuyên Quang", []string{"Tuyên Quang", "Hà Giang"}},
	{"Lào Cai", false, 1780, north, "Yên Bái", []string{"Lào Cai", "Yên Bái"}},
	{"Thái Nguyên", false, 1800, north, "Thái Nguyên", []string{"Thái Nguyên", "Bắc Kạn"}},
	{"Phú Thọ", false, 4020, north, "Việt Trì", []string{"Phú Thọ", "Vĩnh Phúc", "Hòa Bình"}},
	{"Bắc Ninh", false, 3620, north, "Bắc Giang", []string{"Bắc Ninh", "Bắc Giang"}},
	{"Hưng Yên", false, 3570, north, "Hưng Yên", []string{"Hưng Yên", "Thái Bình"}},
	{"Ninh Bình", false, 4410, north, "Ninh Bình", []string{"Ninh Bình", "Hà Nam", "Nam Định"}},
	{"Quảng Trị", false, 1870, centre, "Đồng Hới", []string{"Quảng Trị", "Quảng Bình"}},
	{"Quảng Ngãi", false, 2160, centre, "Quảng Ngãi", []string{"Quảng Ngãi", "Kon Tum"}},
	{"Gia Lai", false, 3580, centre, "Quy Nhơn", []string{"Gia Lai", "Bình Định"}},
	{"Khánh Hòa", false, 2240, centre, "Nha Trang", []string{"Khánh Hòa", "Ninh Thuận"}},
	{"Lâm Đồng", false, 3870, centre, "Đà Lạt", []string{"Lâm Đồng", "Đắk Nông", "Bình Thuận"}},
	{"Đắk Lắk", false, 3350, centre, "Buôn Ma Thuột", []string{"Đắk Lắk", "Phú Yên"}},
	{"Đồng Nai", false, 4490, south, "Biên Hòa", []string{"Đồng Nai", "Bình Phước"}},
	{"Tây Ninh", false, 3250, south, "Tân An", []string{"Tây Ninh", "Long An"}},
	{"Vĩnh Long", false, 4260, south, "Vĩnh Long", []string{"Vĩnh Long", "Bến Tre", "Trà Vinh"}},
	{"Đồng Tháp", false, 4370, south, "Mỹ Tho", []string{"Đồng Tháp", "Tiền Giang"}},
	{"Cà Mau", false, 2610, south, "Cà Mau", []string{"Cà Mau", "Bạc Liêu"}},
	{"An Giang", false, 4950, south, "Rạch Giá", []string{"An Giang", "Kiên Giang"}},
}

// Provinces returns the names of the 34 provincial-level units the
// simulator uses, cities first.
func Provinces() []string {
	out := make([]string, len(provinces))
	for i, p := range provinces {
		out[i] = p.name
	}
	return out
}

var provinceDist = func() weighted {
	w := make([]float64, len(provinces))
	for i, p := range provinces {
		w[i] = p.popK
	}
	return newWeighted(w)
}()
