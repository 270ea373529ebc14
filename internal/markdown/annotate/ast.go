package annotate

import (
	"github.com/yuin/goldmark/ast"
)

// KindMark, KindStart and KindEnd are the node kinds this extension adds.
var (
	KindMark  = ast.NewNodeKind("AnnotationMark")
	KindStart = ast.NewNodeKind("AnnotationStart")
	KindEnd   = ast.NewNodeKind("AnnotationEnd")
)

// Mark is one piece of an anchored annotation: an inline container whose
// children are the document's own inline nodes (Text, String, Emphasis, …),
// split at the span's boundaries. An annotation has several pieces when its
// span crosses element boundaries; the pieces' text, joined, is the span.
type Mark struct {
	ast.BaseInline
	Annotation *Annotation
	// First is set on the annotation's first piece, which carries the element id.
	First bool
}

// Kind implements ast.Node.
func (n *Mark) Kind() ast.NodeKind { return KindMark }

// Dump implements ast.Node.
func (n *Mark) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{
		"Kind": string(n.Annotation.Kind), "ID": n.Annotation.ID,
	}, nil)
}

// Start announces an annotation's start to screen readers. It is a leaf placed
// just before the annotation's first piece, outside every Mark.
type Start struct {
	ast.BaseInline
	Annotation *Annotation
}

// Kind implements ast.Node.
func (n *Start) Kind() ast.NodeKind { return KindStart }

// Dump implements ast.Node.
func (n *Start) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"ID": n.Annotation.ID}, nil)
}

// End announces an annotation's end to screen readers and carries its badge.
// It is a leaf placed just after the annotation's last piece, outside every
// Mark and every link.
type End struct {
	ast.BaseInline
	Annotation *Annotation
}

// Kind implements ast.Node.
func (n *End) Kind() ast.NodeKind { return KindEnd }

// Dump implements ast.Node.
func (n *End) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"ID": n.Annotation.ID}, nil)
}
