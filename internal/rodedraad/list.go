package rodedraad

import (
	"encoding/base64"
	"encoding/json"
)

// MaxPageSize bounds every page of every list.
const MaxPageSize = 100

// Filter narrows a list. Empty fields do not filter; non-empty ones must all
// match. Which fields apply depends on the kind listed.
type Filter struct {
	IDs       []string
	Themes    []string
	Actors    []string
	Sectors   []string
	Documents []string
	Scenarios []string
	Kinds     []string
	Statuses  []string
	// Conflicts: on a side of any of these seed conflicts (C01, ...).
	Conflicts []string
	Text      string
}

// OrderField is what a list is sorted by; the id always breaks ties.
type OrderField string

const (
	OrderByID    OrderField = "ID"
	OrderByTitle OrderField = "TITLE" // title, or name for kinds without one
	OrderByYear  OrderField = "YEAR"  // documents only
)

// Order sorts a list.
type Order struct {
	Field OrderField
	Desc  bool
}

// Cursor marks a position in a sorted list: the sort key and the id of the
// last item seen. Pages continue strictly after it (keyset paging), so
// inserts and deletes between requests never shift or repeat items.
type Cursor struct {
	Key any    `json:"k"`
	ID  string `json:"i"`
}

// Encode returns the opaque form handed to clients.
func (c Cursor) Encode() string {
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

// DecodeCursor parses a cursor from Encode. BAD_USER_INPUT when malformed.
func DecodeCursor(s string) (*Cursor, error) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	var c Cursor
	if err == nil {
		err = json.Unmarshal(b, &c)
	}
	if err != nil || c.ID == "" {
		return nil, Errorf(EINVALID, "after %q is not a cursor returned by this API", s)
	}
	if f, ok := c.Key.(float64); ok {
		c.Key = int64(f) // JSON numbers come back as float64; sort keys are integers
	}
	return &c, nil
}

// Page asks for up to First items after After.
type Page struct {
	First int
	After *Cursor
}

// Validate checks the page size.
func (p Page) Validate() error {
	if p.First < 0 || p.First > MaxPageSize {
		return Errorf(EINVALID, "first %d is outside 0..%d", p.First, MaxPageSize)
	}
	return nil
}

// PageOf is one page of a list, with the cursor of each item.
type PageOf[T any] struct {
	Items       []T
	Cursors     []Cursor
	HasNextPage bool
}
