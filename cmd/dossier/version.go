package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/dossier-dev/dossier/internal/buildinfo"
)

// version, when set at link time with -ldflags "-X main.version=v1.2.3",
// replaces the module version from the build information.
var version = ""

// current returns what this binary knows about its version.
func current() buildinfo.Info {
	i := buildinfo.Current()
	if version != "" {
		i.Version = version
	}
	return i
}

func versionFlags(fs *flag.FlagSet) func(context.Context, []string, io.Writer, io.Writer) int {
	return func(_ context.Context, args []string, stdout, stderr io.Writer) int {
		if len(args) > 0 {
			fmt.Fprintf(stderr, "dossier version: unexpected argument %q\n", args[0])
			return exitUsage
		}
		fmt.Fprintf(stdout, "dossier %s\n", current())
		return exitOK
	}
}
