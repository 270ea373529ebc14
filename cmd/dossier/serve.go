package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/dossier-dev/dossier/internal/server"
	"github.com/dossier-dev/dossier/internal/site"
)

func serveFlags(fs *flag.FlagSet) func(context.Context, []string, io.Writer, io.Writer) int {
	source := fs.String("source", ".", "the site's `folder`")
	bind := fs.String("bind", "127.0.0.1", "the `address` to listen on")
	port := fs.Int("port", 1313, "the `port` to listen on")
	baseURL := fs.String("base-url", "", "preview as published at this `URL`, overriding site.toml's baseURL")
	poll := fs.Bool("poll", false, "watch for changes by polling instead of file system events")
	renderAll := fs.Bool("render-all", false, "render every changed page on each save, not only the pages asked for")
	return func(ctx context.Context, args []string, stdout, stderr io.Writer) int {
		if len(args) > 0 {
			fmt.Fprintf(stderr, "dossier serve: unexpected argument %q\n\thint: the site's folder goes in --source\n", args[0])
			return exitUsage
		}
		if code := checkSource(*source, stderr); code != exitOK {
			return code
		}
		if noContent(*source) {
			sayEmpty(stderr, *source)
		}
		defer paceServe()()
		b := site.New(site.Options{Source: os.DirFS(*source), BaseURL: *baseURL, Preview: true, Lazy: !*renderAll})
		err := server.Serve(ctx, b, server.Options{Dir: *source, Bind: *bind, Port: *port, Poll: *poll, Log: stderr})
		if err != nil {
			fmt.Fprintf(stderr, "dossier serve: %v\n", err)
			return exitContent
		}
		return exitOK
	}
}
