package bench

import (
	"bufio"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// startPeak resets the process's resident-set high-water mark and returns a
// function that reads it in MB. Where the kernel refuses the reset, the
// figure is the peak since the process started (an upper bound).
func startPeak() func() float64 {
	debug.FreeOSMemory()
	os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
	return func() float64 { return statusMB("VmHWM:") }
}

// statusMB reads a kB field of /proc/self/status in MB (0 when unavailable).
func statusMB(field string) float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), field); ok {
			kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			if err != nil {
				return 0
			}
			return kb / 1024
		}
	}
	return 0
}
