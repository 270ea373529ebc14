package site_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

const workflowPath = ".github/workflows/pages.yml"

// actionlint is the workflow linter, run from its module at a fixed version.
const actionlint = "github.com/rhysd/actionlint/cmd/actionlint@v1.7.12"

// TestWorkflowLint runs actionlint over the Pages workflow when
// DOSSIER_LINT_WORKFLOWS=1 (CI sets it); it needs the Go module proxy.
func TestWorkflowLint(t *testing.T) {
	if os.Getenv("DOSSIER_LINT_WORKFLOWS") != "1" {
		t.Skip("skipping actionlint: set DOSSIER_LINT_WORKFLOWS=1 to lint " + workflowPath + " (it fetches actionlint through the Go module proxy)")
	}
	cmd := exec.Command("go", "run", actionlint, "-no-color", workflowPath)
	cmd.Dir = repoRoot
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("actionlint %s: %v\n%s", workflowPath, err, out)
	}
}

// workflow is the part of a GitHub Actions workflow the test reads.
type workflow struct {
	Permissions map[string]string `yaml:"permissions"`
	Concurrency struct {
		Group            string `yaml:"group"`
		CancelInProgress bool   `yaml:"cancel-in-progress"`
	} `yaml:"concurrency"`
	Jobs map[string]struct {
		Needs       any               `yaml:"needs"`
		Environment map[string]string `yaml:"environment"`
		Steps       []struct {
			ID   string            `yaml:"id"`
			Uses string            `yaml:"uses"`
			Run  string            `yaml:"run"`
			With map[string]any    `yaml:"with"`
			Env  map[string]string `yaml:"env"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

// TestWorkflowFollowsThePagesFlow checks the workflow's shape without the
// network: GitHub's documented permissions and concurrency, the four official
// steps in order, and the project's own build command with the reported base URL.
func TestWorkflowFollowsThePagesFlow(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(repoRoot, workflowPath))
	if err != nil {
		t.Fatal(err)
	}
	var w workflow
	if err := yaml.Unmarshal(src, &w); err != nil {
		t.Fatal(err)
	}
	for k, v := range map[string]string{"contents": "read", "pages": "write", "id-token": "write"} {
		if w.Permissions[k] != v {
			t.Errorf("permissions.%s = %q, want %q", k, w.Permissions[k], v)
		}
	}
	if w.Concurrency.Group != "pages" || w.Concurrency.CancelInProgress {
		t.Errorf("concurrency = %+v, want group pages without cancelling a deployment in progress", w.Concurrency)
	}
	var order []string
	build := ""
	for _, job := range []string{"build", "deploy"} {
		for _, s := range w.Jobs[job].Steps {
			name, _, _ := strings.Cut(s.Uses, "@")
			order = append(order, name)
			if strings.Contains(s.Run, "./cmd/dossier build") {
				build = s.Run + " " + s.Env["BASE_URL"]
			}
		}
	}
	want := []string{"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"}
	if !inOrder(order, want) {
		t.Errorf("steps %v do not run %v in order", order, want)
	}
	if !strings.Contains(build, "--base-url") || !strings.Contains(build, "steps.pages.outputs.base_url") {
		t.Errorf("the build step does not use the base URL configure-pages reports: %q", build)
	}
	if w.Jobs["deploy"].Environment["name"] != "github-pages" {
		t.Errorf("the deploy job is not in the github-pages environment")
	}
}

// inOrder reports whether want appears in list in that order.
func inOrder(list, want []string) bool {
	i := 0
	for _, s := range list {
		if i < len(want) && s == want[i] {
			i++
		}
	}
	return i == len(want)
}
