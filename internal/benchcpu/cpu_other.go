//go:build !unix

package benchcpu

import "testing"

// Report reports nothing where getrusage is missing.
func Report(*testing.B) func() { return func() {} }
