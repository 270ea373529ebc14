// Package dossier resolves loaded content into a graph: articles with their
// claims and quotes, actors and organizations with everything that points at
// them, events, and the verdict tallies. It is pure: no I/O and no HTML.
//
// Resolve checks ids (unique per kind across all files; claim and quote ids
// unique across the dossier) and references (actors, organizations, claimants,
// speakers, via, statuses, checked_by staff, updates' from), reporting each
// problem at the reference's position with a "did you mean" hint, and an
// update whose from is the verdict the claim has now. In the same pass it
// takes in what parsing found in each file's Markdown (a Finder: where
// annotations were anchored, where names were mentioned), sorts the
// back-link lists and counts the tallies; the graph is never changed
// afterwards. Lint adds what `dossier check` reports on the whole graph:
// warnings and notes, never errors.
package dossier
