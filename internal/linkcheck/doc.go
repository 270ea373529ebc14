// Package linkcheck checks a dossier's links. Internal finds, in a built
// site, every link to a file or fragment that does not exist; `dossier
// check` runs it on every check. Check fetches a dossier's external URLs,
// politely, and reports those that are dead, moved, or not the page a quote
// needs, at the front-matter line where each is written. It is what
// `dossier check --external` runs; without that flag it does not run and
// check never touches the network.
//
// # Politeness
//
// Check makes at most Options.Connections requests at once, never two at
// once to one host, and waits Options.Delay between two requests to one host
// (redirects included: each hop is a request to its own host). Each request
// has Options.Timeout to answer, and says who it is in its User-Agent. A URL
// written in several places is fetched once.
//
// # What is reported
//
//   - dead (diag.DeadLink, an error): a 4xx or 5xx status, a host name that
//     does not resolve, a timeout, a refused or reset connection;
//   - moved (diag.MovedLink, a warning): the URL redirects; the message gives
//     the address it ends at;
//   - not HTML (diag.NotHTML, a warning): a source with a quote whose page is
//     not HTML, where a text fragment (#:~:text=) cannot point at the passage.
//
// # Cache
//
// Results are kept for Options.MaxAge (a day) in a JSON file under the
// user's cache folder (os.UserCacheDir()/dossier/linkcheck.json), so that a
// rerun the same day makes no request for the URLs already checked.
package linkcheck
