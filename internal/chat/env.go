package chat

import (
	"path/filepath"
	"strconv"
	"time"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Environment variables FromEnv reads.
const (
	EnvURL      = "RODEDRAAD_LLM_URL"       // base URL, e.g. http://127.0.0.1:8000/v1
	EnvModel    = "RODEDRAAD_LLM_MODEL"     // model or Azure deployment name
	EnvKey      = "RODEDRAAD_LLM_KEY"       // API key, empty for local servers
	EnvJSONMode = "RODEDRAAD_LLM_JSON_MODE" // json_schema (default) or json_object
	EnvTimeout  = "RODEDRAAD_LLM_TIMEOUT"   // Go duration, default 5m
)

// FromEnv reads a Config from getenv; the answer cache goes in
// dataDir/llm/cache. It reports false when RODEDRAAD_LLM_URL is unset (the
// GenAI path is off) and fails with EINVALID on a malformed timeout. The
// other fields are checked by New.
func FromEnv(getenv func(string) string, dataDir string) (Config, bool, error) {
	cfg := Config{
		URL:      getenv(EnvURL),
		Model:    getenv(EnvModel),
		Key:      getenv(EnvKey),
		JSONMode: getenv(EnvJSONMode),
	}
	if cfg.URL == "" {
		return Config{}, false, nil
	}
	if dataDir != "" {
		cfg.CacheDir = filepath.Join(dataDir, "llm", "cache")
	}
	if s := getenv(EnvTimeout); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil || d <= 0 {
			return Config{}, true, rodedraad.Errorf(rodedraad.EINVALID,
				"%s=%s is not a positive duration such as 90s or 5m", EnvTimeout, strconv.Quote(s))
		}
		cfg.Timeout = d
	}
	return cfg, true, nil
}
