package textsim

// StemDutch stems one lower-case Dutch word with the Snowball Dutch algorithm
// (the original one by Martin Porter, https://snowballstem.org/algorithms/dutch/stemmer.html),
// written from its published description. The word should already be lower case; accents are
// removed as the algorithm's first step.
func StemDutch(word string) string {
	w := []rune(stripDiacritics(word))
	if len(w) < 3 {
		return string(w)
	}
	markConsonantYI(w)
	d := &dutchWord{w: w}
	d.regions()
	d.step1()
	d.step2()
	d.step3a()
	d.step3b()
	d.step4()
	for i, r := range d.w {
		switch r {
		case 'I':
			d.w[i] = 'i'
		case 'Y':
			d.w[i] = 'y'
		}
	}
	return string(d.w)
}

type dutchWord struct {
	w      []rune
	r1, r2 int  // region starts, as rune offsets
	eFound bool // step 2 (or its repeat) removed an e
}

func isDutchVowel(r rune) bool {
	switch r {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'è':
		return true
	}
	return false
}

// markConsonantYI upper-cases an initial y, a y after a vowel and an i between vowels, so that
// they count as consonants.
func markConsonantYI(w []rune) {
	if w[0] == 'y' {
		w[0] = 'Y'
	}
	for i := 1; i < len(w); i++ {
		switch {
		case w[i] == 'y' && isDutchVowel(w[i-1]):
			w[i] = 'Y'
		case w[i] == 'i' && isDutchVowel(w[i-1]) && i+1 < len(w) && isDutchVowel(w[i+1]):
			w[i] = 'I'
		}
	}
}

// regions sets R1 and R2: each starts after the first non-vowel that follows a vowel; R1 is moved
// so that at least three letters precede it.
func (d *dutchWord) regions() {
	next := func(from int) int {
		for i := from + 1; i < len(d.w); i++ {
			if !isDutchVowel(d.w[i]) && isDutchVowel(d.w[i-1]) {
				return i + 1
			}
		}
		return len(d.w)
	}
	d.r1 = next(0)
	d.r2 = next(d.r1)
	// R2 is sought from the unadjusted R1, as in the reference implementation.
	d.r1 = max(d.r1, 3)
}

// hasSuffix reports whether the word ends in the ASCII suffix s.
func (d *dutchWord) hasSuffix(s string) bool { return endsWith(d.w, s) }

func endsWith(w []rune, s string) bool {
	if len(w) < len(s) {
		return false
	}
	w = w[len(w)-len(s):]
	for i := range len(s) {
		if w[i] != rune(s[i]) {
			return false
		}
	}
	return true
}

// suffixStart returns where the ASCII suffix s would start.
func (d *dutchWord) suffixStart(s string) int { return len(d.w) - len(s) }

// before reports the rune just before a suffix of length n, or 0.
func (d *dutchWord) before(n int) rune {
	if i := len(d.w) - n - 1; i >= 0 {
		return d.w[i]
	}
	return 0
}

func (d *dutchWord) cut(n int) { d.w = d.w[:len(d.w)-n] }

// undouble removes the last letter of a final kk, dd or tt.
func (d *dutchWord) undouble() {
	if d.hasSuffix("kk") || d.hasSuffix("dd") || d.hasSuffix("tt") {
		d.cut(1)
	}
}

// validEnEnding: the suffix en(e) may go when preceded by a non-vowel and not by gem.
func (d *dutchWord) validEnEnding(n int) bool {
	b := d.before(n)
	if b == 0 || isDutchVowel(b) {
		return false
	}
	return !endsWith(d.w[:len(d.w)-n], "gem")
}

func (d *dutchWord) removeEn(n int) {
	if len(d.w)-n >= d.r1 && d.validEnEnding(n) {
		d.cut(n)
		d.undouble()
	}
}

func (d *dutchWord) step1() {
	switch {
	case d.hasSuffix("heden"):
		if d.suffixStart("heden") >= d.r1 {
			d.w = append(d.w[:d.suffixStart("heden")], []rune("heid")...)
		}
	case d.hasSuffix("ene"):
		d.removeEn(3)
	case d.hasSuffix("en"):
		d.removeEn(2)
	case d.hasSuffix("se"):
		d.removeS(2)
	case d.hasSuffix("s"):
		d.removeS(1)
	}
}

// removeS deletes s or se when in R1 and preceded by a non-vowel other than j.
func (d *dutchWord) removeS(n int) {
	b := d.before(n)
	if len(d.w)-n >= d.r1 && b != 0 && !isDutchVowel(b) && b != 'j' {
		d.cut(n)
	}
}

// step2 deletes a final e in R1 preceded by a non-vowel, then undoubles.
func (d *dutchWord) step2() {
	d.eFound = false
	if !d.hasSuffix("e") || d.suffixStart("e") < d.r1 {
		return
	}
	if b := d.before(1); b == 0 || isDutchVowel(b) {
		return
	}
	d.cut(1)
	d.eFound = true
	d.undouble()
}

// step3a deletes heid in R2 when not preceded by c, then treats a preceding en as step 1 does.
func (d *dutchWord) step3a() {
	if !d.hasSuffix("heid") || d.suffixStart("heid") < d.r2 || d.before(4) == 'c' {
		return
	}
	d.cut(4)
	if d.hasSuffix("en") {
		d.removeEn(2)
	}
}

// step3b handles the derivational suffixes end, ing, ig, lijk, baar and bar.
func (d *dutchWord) step3b() {
	inR2 := func(s string) bool { return d.suffixStart(s) >= d.r2 }
	switch {
	case d.hasSuffix("end") || d.hasSuffix("ing"):
		if !inR2("ing") {
			return
		}
		d.cut(3)
		if d.hasSuffix("ig") && inR2("ig") && d.before(2) != 'e' {
			d.cut(2)
		} else {
			d.undouble()
		}
	case d.hasSuffix("ig"):
		if inR2("ig") && d.before(2) != 'e' {
			d.cut(2)
		}
	case d.hasSuffix("lijk"):
		if inR2("lijk") {
			d.cut(4)
			d.step2()
		}
	case d.hasSuffix("baar"):
		if inR2("baar") {
			d.cut(4)
		}
	case d.hasSuffix("bar"):
		if inR2("bar") && d.eFound {
			d.cut(3)
		}
	}
}

// step4 undoubles a vowel: a word ending in non-vowel, double a/e/o/u, non-vowel other than I
// loses one of the vowels (maan -> man).
func (d *dutchWord) step4() {
	n := len(d.w)
	if n < 4 {
		return
	}
	c, v1, v2, last := d.w[n-4], d.w[n-3], d.w[n-2], d.w[n-1]
	if isDutchVowel(c) || isDutchVowel(last) || last == 'I' || v1 != v2 {
		return
	}
	switch v1 {
	case 'a', 'e', 'o', 'u':
		d.w = append(d.w[:n-2], last)
	}
}
