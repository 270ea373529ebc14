//go:build unix

package benchcpu

import (
	"syscall"
	"testing"
	"time"
)

// Report starts measuring the process's CPU time; the function it returns
// reports it per op: defer benchcpu.Report(b)().
func Report(b *testing.B) func() {
	start := cpuTime()
	return func() {
		b.ReportMetric(float64((cpuTime()-start).Microseconds())/1000/float64(b.N), "cpu-ms/op")
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
