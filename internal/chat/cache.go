package chat

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// cache keeps usable answers as one JSON file each, named by the request's
// key. A nil *cache holds nothing, so callers need no branch.
type cache struct {
	dir string
}

// cacheKey is the hex sha256 of the model and the request body. The body
// is marshalled from a struct, so the same request always gives the same
// bytes; the model is hashed apart so that a body that lacks it (never,
// today) could not collide across models.
func cacheKey(model string, body []byte) string {
	h := sha256.New()
	fmt.Fprintf(h, "%d:%s\n", len(model), model)
	h.Write(body)
	return hex.EncodeToString(h.Sum(nil))
}

// path returns the file of key; two levels keep folders small.
func (c *cache) path(key string) string {
	return filepath.Join(c.dir, key[:2], key+".json")
}

// get returns the cached answer of key. An unreadable entry is a miss:
// the endpoint is asked again and the entry rewritten.
func (c *cache) get(key string) (Response, bool) {
	if c == nil {
		return Response{}, false
	}
	raw, err := os.ReadFile(c.path(key))
	if err != nil {
		return Response{}, false
	}
	var r Response
	if json.Unmarshal(raw, &r) != nil {
		return Response{}, false
	}
	return r, true
}

// put stores r under key, writing a temporary file and renaming it so that
// a crash never leaves half an entry.
func (c *cache) put(key string, r Response) error {
	if c == nil {
		return nil
	}
	p := c.path(key)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("chat cache: %w", err)
	}
	raw, _ := json.Marshal(r) // strings and ints always marshal
	tmp, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return fmt.Errorf("chat cache: %w", err)
	}
	_, err = tmp.Write(raw)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), p)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("chat cache: %w", err)
	}
	return nil
}
