// Package buildinfo says which dossier is running: the module version and the
// commit it was built from, as the Go toolchain recorded them in the binary.
//
// `go install github.com/dossier-dev/dossier/cmd/dossier@v1.2.0` records the
// version v1.2.0. A build inside a checkout with VCS stamping on (the default,
// unless GOFLAGS holds -buildvcs=false) records the commit, whether the tree
// had uncommitted changes, and a pseudo-version such as
// v0.0.0-20261204181413-f5ca3515ff98+dirty. `go run` and `go test` record
// neither; Info then says so and how to get a versioned binary.
package buildinfo

import (
	"runtime/debug"
	"strings"

	"golang.org/x/mod/module"
	"golang.org/x/mod/semver"
)

// Command is the import path of the dossier command, for `go install Command@version`.
const Command = "github.com/dossier-dev/dossier/cmd/dossier"

// Info is what a binary knows about its own version. The zero value is a
// build with no version information.
type Info struct {
	// Version is the module version, such as v1.2.0 or a pseudo-version,
	// or "" when unknown.
	Version string
	// Revision is the VCS commit the binary was built from, or "".
	Revision string
	// Time is the commit's time in RFC 3339, or "".
	Time string
	// Dirty reports uncommitted changes in the tree the binary was built from.
	Dirty bool
}

// Current returns the running binary's Info.
func Current() Info {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return Info{}
	}
	return FromBuildInfo(bi)
}

// FromBuildInfo reads an Info from Go build information.
func FromBuildInfo(bi *debug.BuildInfo) Info {
	var i Info
	if v := bi.Main.Version; v != "(devel)" {
		i.Version = v
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			i.Revision = s.Value
		case "vcs.time":
			i.Time = s.Value
		case "vcs.modified":
			i.Dirty = s.Value == "true"
		}
	}
	if strings.HasSuffix(i.Version, "+dirty") {
		i.Dirty = true
	}
	return i
}

// Known reports whether the binary knows its version or commit.
func (i Info) Known() bool { return i.Version != "" || i.Revision != "" }

// String describes the version for people: the module version, with the
// commit when it is known; the commit alone; or, when neither is known, an
// explanation of how to install a binary that knows.
func (i Info) String() string {
	commit := i.Revision
	if commit != "" && i.Dirty {
		commit += "+dirty"
	}
	switch {
	case i.Version != "" && commit != "":
		s := i.Version + " (commit " + commit
		if i.Time != "" {
			s += ", " + i.Time
		}
		return s + ")"
	case i.Version != "":
		return i.Version
	case commit != "":
		return "commit " + commit
	}
	return "devel (no version information; install with go install " + Command + "@version)"
}

// Release returns the version to install the same dossier elsewhere with
// `go install Command@Release()`: the module version when it is a tagged
// release, and "latest" when the version is unknown, a pseudo-version (an
// untagged commit) or built from a tree with uncommitted changes, none of
// which the module proxy can serve.
func (i Info) Release() string {
	v := i.Version
	if !semver.IsValid(v) || semver.Build(v) != "" || module.IsPseudoVersion(v) || i.Dirty {
		return "latest"
	}
	return v
}
