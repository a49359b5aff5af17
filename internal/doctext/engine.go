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
// run by wazero. Compiling its module to machine code is the slow part of
// starting it, so it is started once, on the first PDF, and shared; wazero's
// compilation cache on disk (about 21 MB) makes the next process start
// fast. Measured on two busy cores: 3.8 s to start without a cache, 4.4 s
// the first time with an empty one (it also writes it), 0.13-0.17 s from
// the cache.
var engine struct {
	sync.Mutex
	pool  pdfium.Pool
	cache wazero.CompilationCache
}

// instance returns a PDFium instance from the shared pool, starting the pool
// on first use with its compilation cache in cacheDir ("" for none). It
// waits, as long as ctx allows, while another goroutine holds the one
// instance; the caller must Close it.
func instance(ctx context.Context, cacheDir string) (pdfium.Pdfium, error) {
	pool, err := enginePool(cacheDir)
	if err != nil {
		return nil, err
	}
	return pool.GetInstanceWithContext(ctx)
}

// enginePool returns the shared pool, starting it if need be.
func enginePool(cacheDir string) (pdfium.Pool, error) {
	engine.Lock()
	defer engine.Unlock()
	if engine.pool == nil {
		if err := startEngine(cacheDir); err != nil {
			return nil, err
		}
	}
	return engine.pool, nil
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
