package diag

import (
	"encoding/json"
	"fmt"
	"io"
)

// WriteText prints each diagnostic compiler-style, then a summary line when
// there are any; the summary counts notes only when there are some.
func (l List) WriteText(w io.Writer) error {
	for _, d := range l {
		if _, err := fmt.Fprintln(w, d); err != nil {
			return err
		}
	}
	if len(l) == 0 {
		return nil
	}
	summary := fmt.Sprintf("%d error(s), %d warning(s)", l.Count(Error), l.Count(Warning))
	if n := l.Count(Note); n > 0 {
		summary += fmt.Sprintf(", %d note(s)", n)
	}
	_, err := fmt.Fprintln(w, summary)
	return err
}

// WriteJSON prints the list as a JSON array (never null).
func (l List) WriteJSON(w io.Writer) error {
	if l == nil {
		l = List{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(l)
}
