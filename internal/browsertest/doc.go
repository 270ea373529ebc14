// Package browsertest checks the default theme end to end in headless
// Chromium: search, the claims filter, preview cards, axe-core accessibility
// audits in light and dark, page weights, the README's screenshots, and a
// source's text-fragment link opening a locally served page at its passage.
//
// The tests build the repository's own dossier with site.Build and serve it
// from memory on 127.0.0.1 under the base path /kz/. Without a Chromium
// binary ($DOSSIER_CHROMIUM, chromium, chromium-browser, google-chrome) the
// browser tests skip, saying so; with DOSSIER_REQUIRE_BROWSER=1 (as in CI)
// they fail instead.
//
// Regenerate the screenshots in docs/screenshots/ with
//
//	go test ./internal/browsertest -run Screenshots -update-screenshots
//
// testdata/axe.min.js is axe-core 4.14.1's distribution file, vendored
// unchanged under its licence, MPL-2.0 (its header says so).
package browsertest
