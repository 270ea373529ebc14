package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
)

// version is set at link time with -ldflags "-X main.version=v1.2.3"; otherwise
// the module version from the build information is used.
var version = ""

func versionFlags(fs *flag.FlagSet) func(context.Context, []string, io.Writer, io.Writer) int {
	return func(_ context.Context, _ []string, stdout, _ io.Writer) int {
		v := version
		if info, ok := debug.ReadBuildInfo(); ok && v == "" {
			v = info.Main.Version
		}
		if v == "" || v == "(devel)" {
			v = "devel"
		}
		fmt.Fprintf(stdout, "dossier %s\n", v)
		return exitOK
	}
}
