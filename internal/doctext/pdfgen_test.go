package doctext

import (
	"bytes"
	"crypto/md5"
	"crypto/rc4"
	"encoding/binary"
	"fmt"
	"strings"
	"testing"
)

// MustPDF writes a minimal PDF whose objects are numbered from 1 in order:
// object 1 must be the catalog. trailer adds entries to the trailer.
func MustPDF(tb testing.TB, objects []string, trailer string) []byte {
	tb.Helper()
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, trailer, xref)
	return b.Bytes()
}

// stream is a PDF stream object holding data.
func stream(dict, data string) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// MustTextPDF writes a PDF with one page per entry of pages, each line in
// Helvetica, and the document title in its information dictionary. Lines
// are PDF string literals: Latin-1 text, with ( ) \ escaped.
func MustTextPDF(tb testing.TB, title string, pages [][]string) []byte {
	tb.Helper()
	n := len(pages)
	kids := make([]string, n)
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"", // the page tree, once the kids are known
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		fmt.Sprintf("<< /Title (%s) >>", title),
	}
	for i, lines := range pages {
		page, content := len(objs)+1, len(objs)+2
		kids[i] = fmt.Sprintf("%d 0 R", page)
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", content),
			stream("", textOps(lines)))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), n)
	return MustPDF(tb, objs, "/Info 4 0 R")
}

// textOps draws lines from the top of an A4 page down, 14 points apart.
func textOps(lines []string) string {
	var b strings.Builder
	b.WriteString("BT /F1 11 Tf 14 TL 56 780 Td\n")
	for _, l := range lines {
		fmt.Fprintf(&b, "(%s) Tj T*\n", latin1(l))
	}
	b.WriteString("ET")
	return b.String()
}

// latin1 writes the non-ASCII runes of s as octal escapes of their
// Latin-1 code, as a PDF string literal with WinAnsiEncoding wants.
func latin1(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x80 {
			b.WriteRune(r)
		} else {
			fmt.Fprintf(&b, "\\%03o", r)
		}
	}
	return b.String()
}

// MustImagePDF writes a one-page PDF that only shows a small grey image: a
// scan without OCR.
func MustImagePDF(tb testing.TB) []byte {
	tb.Helper()
	return MustPDF(tb, []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
		stream("/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8", "\x10\x80\x80\x10"),
		stream("", "q 400 0 0 600 100 100 cm /Im1 Do Q"),
	}, "")
}

// MustEncryptedPDF writes a one-page PDF protected with the standard
// security handler (revision 2, RC4 40 bits) and the user password
// userPassword, computed as the PDF reference prescribes (algorithms 3.2 to
// 3.4), so that a reader without the password cannot open it.
func MustEncryptedPDF(tb testing.TB, userPassword string) []byte {
	tb.Helper()
	id := []byte("rodedraad-test-id")
	const perms = -4
	o := rc4Bytes(tb, md5Key(padPassword("eigenaar"), 5), padPassword(userPassword))
	key := encryptionKey(padPassword(userPassword), o, perms, id)
	u := rc4Bytes(tb, key, passwordPad)
	encrypt := fmt.Sprintf("<< /Filter /Standard /V 1 /R 2 /Length 40 /O <%x> /U <%x> /P %d >>", o, u, perms)
	return MustPDF(tb, []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
		encrypt,
	}, fmt.Sprintf("/Encrypt 4 0 R /ID [<%x> <%x>]", id, id))
}

// passwordPad is the padding string of the standard security handler.
var passwordPad = []byte("\x28\xbf\x4e\x5e\x4e\x75\x8a\x41\x64\x00\x4e\x56\xff\xfa\x01\x08" +
	"\x2e\x2e\x00\xb6\xd0\x68\x3e\x80\x2f\x0c\xa9\xfe\x64\x53\x69\x7a")

// padPassword pads or cuts a password to 32 bytes.
func padPassword(pw string) []byte {
	return append([]byte(pw), passwordPad...)[:32]
}

// md5Key returns the first n bytes of the MD5 of data.
func md5Key(data []byte, n int) []byte {
	sum := md5.Sum(data)
	return sum[:n]
}

// encryptionKey is algorithm 3.2 for revision 2.
func encryptionKey(paddedUser, o []byte, perms int32, id []byte) []byte {
	var p [4]byte
	binary.LittleEndian.PutUint32(p[:], uint32(perms))
	data := append(append(append(append([]byte{}, paddedUser...), o...), p[:]...), id...)
	return md5Key(data, 5)
}

// rc4Bytes encrypts data with key.
func rc4Bytes(tb testing.TB, key, data []byte) []byte {
	tb.Helper()
	c, err := rc4.NewCipher(key)
	if err != nil {
		tb.Fatal(err)
	}
	out := make([]byte, len(data))
	c.XORKeyStream(out, data)
	return out
}
