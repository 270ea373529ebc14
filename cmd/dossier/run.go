package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// Exit statuses.
const (
	exitOK      = 0
	exitContent = 1 // the content has errors, or the build failed
	exitUsage   = 2 // the command line is wrong
)

// command is one subcommand: its flags and what it does.
type command struct {
	name    string
	usage   string // the argument synopsis after the name
	summary string
	flags   func(fs *flag.FlagSet) func(ctx context.Context, args []string, stdout, stderr io.Writer) int
}

var commands []command

func init() {
	commands = []command{
		{"build", "[flags]", "build the site into public/ (or --out)", buildFlags},
		{"serve", "[flags]", "preview the site with live reload on 127.0.0.1:1313", serveFlags},
		{"check", "[flags]", "check content and every internal link; writes nothing", checkFlags},
		{"new", "article|actor|organization|event ID [flags]", "write a commented skeleton for a new file", newFlags},
		{"init", "DIR [flags]", "start a new dossier of your own in a new folder", initFlags},
		{"version", "", "print the version", versionFlags},
	}
}

// run is the whole program, testable: it returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	name := args[0]
	if name == "help" || name == "-h" || name == "--help" || name == "-help" {
		if len(args) > 1 {
			return run(ctx, []string{args[1], "--help"}, stdout, stderr)
		}
		usage(stdout)
		return exitOK
	}
	for _, c := range commands {
		if c.name == name {
			return c.run(ctx, args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "dossier: unknown command %q\n", name)
	if s := suggestCommand(name); s != "" {
		fmt.Fprintf(stderr, "\thint: did you mean %q?\n", s)
	}
	fmt.Fprintln(stderr, "Run 'dossier help' for the list of commands.")
	return exitUsage
}

func (c command) run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("dossier "+c.name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	action := c.flags(fs)
	// Parse prints its error; the usage follows once, on stdout when asked
	// for, on stderr after a mistake.
	fs.Usage = func() {}
	if err := fs.Parse(interleave(fs, args)); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			c.usageTo(fs, stdout)
			return exitOK
		}
		c.usageTo(fs, stderr)
		return exitUsage
	}
	return action(ctx, fs.Args(), stdout, stderr)
}

// usageTo prints the command's synopsis, summary and flags to w.
func (c command) usageTo(fs *flag.FlagSet, w io.Writer) {
	fmt.Fprintf(w, "usage: dossier %s %s\n\n%s.\n", c.name, c.usage, strings.ToUpper(c.summary[:1])+c.summary[1:])
	if hasFlags(fs) {
		fmt.Fprintln(w, "\nFlags:")
		fs.SetOutput(w)
		fs.PrintDefaults()
	}
}

// interleave moves positional arguments after the flags, so that
// "new actor x --source dir" works as well as "new --source dir actor x".
func interleave(fs *flag.FlagSet, args []string) []string {
	var flags, positional []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			positional = append(positional, args[i+1:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			positional = append(positional, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		if f := fs.Lookup(name); f != nil && !isBool(f) && i+1 < len(args) {
			flags = append(flags, args[i+1])
			i++
		}
	}
	return append(flags, positional...)
}

func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "dossier builds annotated crisis dossiers: Markdown articles whose claims and quotes")
	fmt.Fprintln(w, "are checked, marked and cross-linked into a static site.")
	fmt.Fprintln(w, "\nUsage: dossier <command> [flags]\n\nCommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'dossier <command> --help' for a command's flags.")
}

func suggestCommand(name string) string {
	for _, c := range commands {
		if strings.HasPrefix(c.name, name) || strings.HasPrefix(name, c.name) {
			return c.name
		}
	}
	return ""
}
