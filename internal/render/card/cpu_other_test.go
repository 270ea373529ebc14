//go:build !unix

package card

import "testing"

func reportCPU(*testing.B) func() { return func() {} }
