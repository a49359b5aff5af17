// Package jsontext writes JSON strings without reflection, for the two hot
// paths that write JSON by hand: the GraphQL handler's direct writer and
// the packed audit entries of a load.
package jsontext

// AppendString appends s to b as a JSON string, escaped as gqlgen escapes
// it, so that the direct writer's bytes equal gqlgen's: quotes, backslashes
// and control characters (\u00XX in upper case), nothing else. Bytes that
// are not valid UTF-8 pass as they are; encoding/json reads each as U+FFFD.
func AppendString(b []byte, s string) []byte {
	const hex = "0123456789ABCDEF"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '\\' && c != '"' {
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '\t':
			b = append(b, `\t`...)
		case '\r':
			b = append(b, `\r`...)
		case '\n':
			b = append(b, `\n`...)
		case '\\', '"':
			b = append(b, '\\', c)
		default:
			b = append(b, `\u00`...)
			b = append(b, hex[c>>4], hex[c&0xf])
		}
		start = i + 1
	}
	return append(append(b, s[start:]...), '"')
}
