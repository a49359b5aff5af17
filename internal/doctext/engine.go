package doctext

import (
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// engine is the PDF engine of this process: PDFium compiled to WebAssembly,
// run by wazero. Compiling its ~5 MB module is the slow part of starting it
// (seconds), so it is started once, on the first PDF, and shared; wazero's
// compilation cache on disk makes the next process start fast.
var engine struct {
	sync.Mutex
	pool  pdfium.Pool
	cache wazero.CompilationCache
}

// instance returns a PDFium instance from the shared pool, starting the pool
// on first use with its compilation cache in cacheDir ("" for none).
func instance(ctx context.Context, cacheDir string) (pdfium.Pdfium, error) {
	engine.Lock()
	defer engine.Unlock()
	if engine.pool == nil {
		if err := startEngine(cacheDir); err != nil {
			return nil, err
		}
	}
	return engine.pool.GetInstanceWithContext(ctx)
}

// startEngine compiles (or loads from cacheDir) the PDFium module and makes
// a pool of one reusable worker: ingest reads one file at a time.
func startEngine(cacheDir string) error {
	// PDFium's setjmp/longjmp are lowered to WebAssembly exceptions, so the
	// runtime needs that feature on top of the default ones.
	rc := wazero.NewRuntimeConfig().WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling)
	var cache wazero.CompilationCache
	if cacheDir != "" {
		c, err := wazero.NewCompilationCacheWithDir(cacheDir)
		if err != nil {
			return fmt.Errorf("pdf engine cache %s: %w", cacheDir, err)
		}
		cache, rc = c, rc.WithCompilationCache(c)
	}
	pool, err := webassembly.Init(webassembly.Config{
		MinIdle: 1, MaxIdle: 1, MaxTotal: 1, ReuseWorkers: true,
		RuntimeConfig: rc,
		// The engine only ever sees bytes we hand it: mount no file system.
		FSConfig: wazero.NewFSConfig(),
		Stdout:   io.Discard, Stderr: io.Discard,
	})
	if err != nil {
		closeCache(cache)
		return fmt.Errorf("start pdf engine: %w", err)
	}
	engine.pool, engine.cache = pool, cache
	return nil
}

// Close stops the PDF engine if it was started, freeing its memory; a later
// PDF starts it again. Call it once when a command is done with documents.
func Close() error {
	engine.Lock()
	defer engine.Unlock()
	if engine.pool == nil {
		return nil
	}
	err := engine.pool.Close()
	closeCache(engine.cache)
	engine.pool, engine.cache = nil, nil
	return err
}

// closeCache closes a compilation cache, if any.
func closeCache(c wazero.CompilationCache) {
	if c != nil {
		_ = c.Close(context.Background()) // a directory cache holds no open files
	}
}
