package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// actionlint is the workflow linter, at the version internal/site's
// TestWorkflowLint runs on the repository's own workflow.
const actionlint = "github.com/rhysd/actionlint/cmd/actionlint@v1.7.12"

// newSite runs dossier init in a temporary folder and returns the site's folder.
func newSite(t *testing.T, args ...string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "newsroom")
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), append([]string{"init", dir}, args...), &stdout, &stderr); code != exitOK {
		t.Fatalf("dossier init: exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	return dir
}

// pagesWorkflow is the part of a GitHub Actions workflow the tests run.
type pagesWorkflow struct {
	Env  map[string]string `yaml:"env"`
	Jobs map[string]struct {
		Steps []struct {
			Name string            `yaml:"name"`
			Run  string            `yaml:"run"`
			Env  map[string]string `yaml:"env"`
			With map[string]any    `yaml:"with"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

// pagesURL stands in for the address actions/configure-pages reports.
const pagesURL = "https://newsroom.example/dossier"

// expand replaces the one expression the workflow's run steps may use,
// and fails on any other.
func expand(t *testing.T, s string) string {
	t.Helper()
	s = strings.ReplaceAll(s, "${{ steps.pages.outputs.base_url }}", pagesURL)
	if strings.Contains(s, "${{") {
		t.Fatalf("the test does not know the expression in %q", s)
	}
	return s
}

// TestInitWorkflowRuns runs the run: steps of the workflow dossier init
// writes, in the new site, as GitHub's runner would: bash, the step's
// environment, this test binary (the freshly built command) standing in for
// the go install step. The site needs no go.mod.
func TestInitWorkflowRuns(t *testing.T) {
	dir := newSite(t)
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
		t.Fatalf("init wrote a go.mod")
	}
	src, err := os.ReadFile(filepath.Join(dir, ".github", "workflows", "pages.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var w pagesWorkflow
	if err := yaml.Unmarshal(src, &w); err != nil {
		t.Fatal(err)
	}
	bin := t.TempDir()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	// TestMain runs the test binary as the command when it is called dossier.
	if err := os.Symlink(self, filepath.Join(bin, "dossier")); err != nil {
		t.Fatal(err)
	}
	path := bin + string(os.PathListSeparator) + os.Getenv("PATH")
	jobs := []string{"build"}
	if help, _ := exec.Command(filepath.Join(bin, "dossier"), "check", "--help").Output(); bytes.Contains(help, []byte("-external")) {
		jobs = append(jobs, "links")
	} else {
		t.Log("not running the links job: this dossier's check has no --external yet")
	}
	installed := 0
	for _, job := range jobs {
		for _, step := range w.Jobs[job].Steps {
			if step.Run == "" {
				continue
			}
			if strings.Contains(step.Run, "go install") {
				if !strings.Contains(step.Run, `go install "github.com/dossier-dev/dossier/cmd/dossier@$DOSSIER_VERSION"`) {
					t.Errorf("%s: step %q does not install dossier at DOSSIER_VERSION: %s", job, step.Name, step.Run)
				}
				installed++
				continue
			}
			cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", expand(t, step.Run))
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "PATH="+path)
			for _, env := range []map[string]string{w.Env, step.Env} {
				for k, v := range env {
					cmd.Env = append(cmd.Env, k+"="+expand(t, v))
				}
			}
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("%s: step %q: %v\n%s", job, step.Name, err, out)
			}
		}
	}
	if installed != len(jobs) {
		t.Errorf("%d of the %d jobs run install dossier", installed, len(jobs))
	}
	if w.Env["DOSSIER_VERSION"] != current().Release() {
		t.Errorf("DOSSIER_VERSION = %q, want %q", w.Env["DOSSIER_VERSION"], current().Release())
	}
	// The built site is where the upload step takes it from, for its address.
	index, err := os.ReadFile(filepath.Join(dir, "public", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(index, []byte(`href="/dossier/articles/"`)) {
		t.Errorf("public/index.html does not link under the Pages base path /dossier/")
	}
}

// TestInitWorkflowLint runs actionlint over the workflow dossier init writes,
// as internal/site's TestWorkflowLint does for the repository's own, when
// DOSSIER_LINT_WORKFLOWS=1 (CI sets it); it needs the Go module proxy.
func TestInitWorkflowLint(t *testing.T) {
	if os.Getenv("DOSSIER_LINT_WORKFLOWS") != "1" {
		t.Skip("skipping actionlint: set DOSSIER_LINT_WORKFLOWS=1 to lint the workflow dossier init writes (it fetches actionlint through the Go module proxy)")
	}
	dir := newSite(t)
	cmd := exec.Command("go", "run", actionlint, "-no-color", filepath.Join(".github", "workflows", "pages.yml"))
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("actionlint on the new site's workflow: %v\n%s", err, out)
	}
}

// TestCheckNotesOnAnOldTheme follows a newsroom that copied the theme with
// one version, edited a template, and checks with a newer one: check stays
// clean and prints the note only with --notes.
func TestCheckNotesOnAnOldTheme(t *testing.T) {
	defer func(v string) { version = v }(version)
	version = "v1.0.0"
	dir := newSite(t, "--with-theme")
	recorded, err := os.ReadFile(filepath.Join(dir, "templates", ".dossier-theme-version"))
	if err != nil || !bytes.HasSuffix(recorded, []byte("\nv1.0.0\n")) {
		t.Fatalf("the theme's version file holds %q (%v), want v1.0.0", recorded, err)
	}
	workflow, err := os.ReadFile(filepath.Join(dir, ".github", "workflows", "pages.yml"))
	if err != nil || !bytes.Contains(workflow, []byte("DOSSIER_VERSION: v1.0.0\n")) {
		t.Fatalf("the workflow does not install v1.0.0 (%v)", err)
	}
	page := filepath.Join(dir, "templates", "404.html")
	old, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, append([]byte("{{/* our own words */}}\n"), old...), 0o644); err != nil {
		t.Fatal(err)
	}
	version = "v1.1.0"
	check := func(args ...string) string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if code := run(context.Background(), append([]string{"check", "--source", dir}, args...), &stdout, &stderr); code != exitOK {
			t.Fatalf("check %v: exit %d\n%s%s", args, code, stdout.String(), stderr.String())
		}
		return stdout.String()
	}
	want := "templates/404.html: note: copied from the default theme of dossier v1.0.0, and the default in v1.1.0 differs"
	if out := check(); strings.Contains(out, want) || !strings.Contains(out, "ok: no problems found\n3 note(s) not shown: see them with --notes\n") {
		t.Errorf("check without --notes printed:\n%s", out)
	}
	if out := check("--notes"); !strings.Contains(out, want+"\n") || !strings.HasSuffix(out, "ok: no problems found\n") {
		t.Errorf("check --notes printed:\n%s", out)
	}
	if out := check("--notes", "--format", "json"); !strings.Contains(out, `"severity": "note"`) || !strings.Contains(out, `"code": "theme-behind"`) {
		t.Errorf("check --notes --format json printed:\n%s", out)
	}
}
