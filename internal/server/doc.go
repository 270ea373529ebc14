// Package server previews a site while it is being edited: it watches the
// site's sources, rebuilds in memory through a Builder, serves the latest
// complete build and tells open browser pages when to reload.
//
// # What the editor gets
//
// Serve listens on Options.Bind:Options.Port (the command's defaults are
// 127.0.0.1:1313) and serves the site under its base path, exactly as it will
// be published: a site whose base URL is https://x.github.io/repo/ is
// previewed at http://127.0.0.1:1313/repo/ (a request for / is redirected
// there). It never writes to public/ or anywhere else on disk.
//
// Requests are answered from memory, from one complete build's output (a
// site.Output, served through http.FileServerFS with the reload script
// added to each page): with a lazy Builder (site.Options.Lazy, what
// `dossier serve` uses), a build's pages are rendered when first requested, or when an open page must be compared
// with them; a page whose template fails then answers 500 with the error
// and reloads once a save fixes it. Each build's
// output is an immutable snapshot, swapped in atomically once the build has
// finished, so a request never sees half of one build and half of another.
// A path ending in "/" serves its index.html; a folder without one is "not
// found", never a listing; "dir" without the slash is redirected to "dir/"
// when dir/index.html exists; anything else missing gets the site's 404.html
// with status 404. Paths with ".." segments, backslashes or NUL bytes are
// refused with 400. Responses carry an ETag and "Cache-Control: no-cache".
//
// # Watching
//
// site.toml and the folders content/, templates/ and static/ are watched
// recursively with the platform's file notifications, including folders
// created later (their files count as new). The site folder itself is
// watched, not site.toml, so a site.toml replaced by rename (an atomic save)
// keeps being watched. Ignored: editors' temporary, swap, lock and backup
// files (see ignored in ignore.go) and events that only change permissions.
// Events are batched: a build starts once no event has arrived for a short
// quiet period (25 ms), so a save of several files or a git checkout of
// hundreds is one rebuild; events arriving during a build go into the next.
// When the kernel's event queue overflows, everything is rebuilt. When
// notifications are unavailable, or fail while running, or Options.Poll is
// set, the folders are polled instead (every Options.PollInterval).
//
// # Live reload
//
// Every HTML document served (never the build output itself, never other
// files) gets one script tag before </body>:
//
//	<script src="../../_dossier/reload.js" data-page="articles/x/index.html" data-hash="…"></script>
//
// The src is relative to the page, so the script, and the event stream it
// opens next to it (_dossier/events, Server-Sent Events), are found through
// whatever address the page itself was loaded from, proxies included. The
// page reports its output path and the hash of the output it was served from;
// the server answers on the stream:
//
//   - "reload" when that page's output differs from what the browser shows
//     (after a rebuild, or on reconnecting after a server restart), or when an
//     image, script or other file the page refers to changed;
//   - "css" with the changed stylesheets when only stylesheets changed: the
//     page swaps them in place without reloading;
//   - "build-error" with the overlay's HTML when the latest build failed: the
//     page shows every error and warning (file:line:col, message, hint, the
//     source lines around it highlighted) in a dialog fixed over the last
//     good page, or over a placeholder saying there is no build yet; the
//     terminal prints the errors;
//   - "ok" when the site builds again: the overlay goes away by itself;
//   - "warnings" with the badge's HTML when the warnings of the latest good
//     build changed: a badge in the corner gives their number and opens to
//     list them. Notes are never shown.
//
// The overlay works under the site's own Content-Security-Policy (the
// default theme's allows styles and scripts from the page's origin only):
// it lives in a shadow root whose only styles are _dossier/overlay.css,
// linked next to the script, and its source snippets carry chroma's
// classes, never style attributes. Focus moves to its close button without
// scrolling the page; Escape or the button closes it, gives focus back and
// leaves a corner badge that reopens it while the build fails. A page
// reloaded after a save comes back at the same scroll position, with the
// same element focused (kept in sessionStorage for the reload).
//
// (The name is not "error" because EventSource uses that name for its own
// connection errors.) The browser reconnects by itself when the stream
// breaks, so restarting `dossier serve` keeps open pages live, and a page
// reconnecting with an outdated hash reloads. Only visible pages hold a
// stream (browsers allow about six connections per server over HTTP/1.1);
// a tab coming back into view reconnects and catches up at once.
//
// # The terminal
//
// Serve prints little: once the first build is done, how many pages it
// made, how long it took and how many warnings it has (the browser's corner
// badge and `dossier check` list them), then the address. On each save it
// prints one line: the time, the file saved, how many pages changed ("up
// to" so many: the pages whose recorded inputs changed, which a lazy
// Builder renders when asked for) and how long the build took. A build that fails prints its errors, as `dossier
// check` does; a save that brings a new warning prints that warning. Known
// warnings are never printed again, notes never.
//
// # Builds
//
// The Builder gets the slash-separated, site-relative paths that changed
// since its last build (nil: everything) and returns the complete site. A
// build with errors keeps the last good site served; the server never exits
// on bad content, and a builder that fails, returns nothing or panics counts
// as a failed build. Serve returns when its context is done, after closing
// the listener and every event stream.
//
// # Limits
//
// The poller compares size, modification time and file type: an edit that
// keeps the size within one tick of a coarse file-system clock can be missed
// until the next change. Serving copies each changed HTML page once per build
// (to add the script); unchanged files are compared with the previous build
// byte for byte and reused.
package server
