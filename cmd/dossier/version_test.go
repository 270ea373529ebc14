package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestVersionFromVCS installs the command from this checkout with VCS
// stamping on (this machine's GOFLAGS turns it off) and checks that
// `dossier version` names the checked-out commit.
func TestVersionFromVCS(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping go install in short mode")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("skipping: git is not installed")
	}
	if _, err := os.Stat(filepath.Join(root, ".git")); err != nil {
		t.Skipf("skipping: %s is not a git checkout, so there is no commit to stamp", root)
	}
	// The go command stamps VCS data only where .git is a folder, not in a
	// git worktree, whose .git is a file: there, install from a clone of
	// the worktree's commit instead.
	if fi, _ := os.Stat(filepath.Join(root, ".git")); !fi.IsDir() {
		clone := filepath.Join(t.TempDir(), "dossier")
		if out, err := exec.Command("git", "clone", "--quiet", "--shared", root, clone).CombinedOutput(); err != nil {
			t.Skipf("skipping: cloning the worktree: %v\n%s", err, out)
		}
		root = clone
	}
	head, err := exec.Command("git", "-C", root, "rev-parse", "HEAD").Output()
	if err != nil {
		t.Skipf("skipping: git rev-parse HEAD: %v", err)
	}
	gobin := t.TempDir()
	install := exec.Command("go", "install", "-buildvcs=true", "./cmd/dossier")
	install.Dir = root
	install.Env = append(os.Environ(), "GOBIN="+gobin)
	if out, err := install.CombinedOutput(); err != nil {
		t.Fatalf("go install -buildvcs=true ./cmd/dossier: %v\n%s", err, out)
	}
	out, err := exec.Command(filepath.Join(gobin, "dossier"), "version").CombinedOutput()
	if err != nil {
		t.Fatalf("dossier version: %v\n%s", err, out)
	}
	if commit := strings.TrimSpace(string(head)); !strings.Contains(string(out), "commit "+commit) {
		t.Errorf("dossier version printed %q, want the commit %s", out, commit)
	}
}
