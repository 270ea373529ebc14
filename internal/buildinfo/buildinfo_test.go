package buildinfo

import (
	"runtime/debug"
	"strings"
	"testing"
)

func TestFromBuildInfo(t *testing.T) {
	const rev = "f5ca3515ff98a31cce26ea96ba313a3850e4ddca"
	vcs := func(modified string) []debug.BuildSetting {
		return []debug.BuildSetting{
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: rev},
			{Key: "vcs.time", Value: "2026-12-04T18:14:13Z"},
			{Key: "vcs.modified", Value: modified},
		}
	}
	tests := []struct {
		name          string
		version       string
		settings      []debug.BuildSetting
		want, release string
	}{
		{"release", "v1.2.0", nil, "v1.2.0", "v1.2.0"},
		{"pre-release", "v1.3.0-rc.1", nil, "v1.3.0-rc.1", "v1.3.0-rc.1"},
		{"checkout", "v0.0.0-20261204181413-f5ca3515ff98", vcs("false"),
			"v0.0.0-20261204181413-f5ca3515ff98 (commit " + rev + ", 2026-12-04T18:14:13Z)", "latest"},
		{"dirty checkout", "v0.0.0-20261204181413-f5ca3515ff98+dirty", vcs("true"),
			"v0.0.0-20261204181413-f5ca3515ff98+dirty (commit " + rev + "+dirty, 2026-12-04T18:14:13Z)", "latest"},
		{"dirty on a tag", "v1.2.0+dirty", nil, "v1.2.0+dirty", "latest"},
		{"commit only", "(devel)", vcs("true"), "commit " + rev + "+dirty", "latest"},
		{"nothing", "(devel)", nil, "devel (no version information; install with go install " + Command + "@version)", "latest"},
		{"empty", "", nil, "devel (no version information; install with go install " + Command + "@version)", "latest"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := FromBuildInfo(&debug.BuildInfo{Main: debug.Module{Path: "github.com/dossier-dev/dossier", Version: tt.version}, Settings: tt.settings})
			if got := i.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
			if got := i.Release(); got != tt.release {
				t.Errorf("Release() = %q, want %q", got, tt.release)
			}
			if strings.TrimSpace(i.String()) == "devel" {
				t.Errorf("String() is a bare devel")
			}
		})
	}
}
