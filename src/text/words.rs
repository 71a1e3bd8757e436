//! Word boundaries (SPEC §3): letters and digits make words; punctuation and symbols of every
//! script (`،` `।` `？` `、`), emoji and white space separate them; an apostrophe stays inside a
//! word only between two word characters, and so do the invisible characters a word may carry
//! (a zero-width space, a soft hyphen). The scanner works on the original text and reports byte
//! ranges into it.

use super::punct;

/// What a character means to the word scanner.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    /// Separates words: whitespace, punctuation, symbols, emoji.
    Separator,
    /// ASCII letter or digit.
    Ascii,
    /// An apostrophe: `'`, `` ` ``, `’`, `‘`, `ʼ`, `´`. Inside a word only between two word characters.
    Apostrophe,
    /// A non-ASCII letter or digit (anything not known to be punctuation).
    Other,
    /// A character that does not part a word: the soft hyphen, zero-width space, word joiner and
    /// byte-order mark, and marks written inside words (Armenian's `՞`, Hebrew's geresh). Inside
    /// a word only before a word character; the canonical form drops it (`depart\u{200B}ment` is
    /// `department`).
    Ignorable,
}

/// Whether `c` is a letter of a script written without spaces between words.
pub(crate) fn unspaced(c: char) -> bool {
    matches!(c,
        '\u{0E00}'..='\u{0EFF}' // Thai, Lao
        | '\u{1000}'..='\u{109F}' // Myanmar
        | '\u{1780}'..='\u{17FF}' // Khmer
        | '\u{3040}'..='\u{30FF}' // Hiragana, Katakana
        // The letters among CJK symbols and punctuation (`々`, `〆`, `〇`; see `class_at`).
        | '\u{3005}'..='\u{3007}'
        | '\u{3021}'..='\u{3029}'
        | '\u{3031}'..='\u{3035}'
        | '\u{3038}'..='\u{303C}'
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}' // CJK compatibility ideographs
        | '\u{FF66}'..='\u{FF9F}' // half-width Katakana
        | '\u{20000}'..='\u{3FFFF}' // CJK extensions B on
    )
}

/// Whether `c` is one of the invisible characters of [`Class::Ignorable`], which the canonical
/// form drops.
#[inline(always)]
pub(crate) const fn is_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}'
        // Marks written inside a word: Armenian's apostrophe, emphasis, exclamation, question
        // and abbreviation marks, Hebrew's geresh and gershayim (`צ׳אט`, `צה״ל`).
        | '\u{055A}'..='\u{055C}' | '\u{055E}' | '\u{055F}' | '\u{05F3}' | '\u{05F4}'
    )
}

const ASCII_CLASS: [Class; 128] = {
    let mut table = [Class::Separator; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            table[b] = Class::Ascii;
        } else if c == b'\'' || c == b'`' {
            table[b] = Class::Apostrophe;
        }
        b += 1;
    }
    table
};

/// Classifies the character at byte `i` of `text` (a char boundary); returns its class and the
/// character (its length is its UTF-8 length).
#[inline(always)]
fn class_at(text: &str, i: usize) -> (Class, char) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return (ASCII_CLASS[b as usize], b as char);
    }
    let c = text[i..].chars().next().unwrap_or(' ');
    let class = match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{00B4}' => Class::Apostrophe,
        // As `is_ignorable`, written out so that the match stays one decision tree.
        '\u{00AD}'
        | '\u{200B}'
        | '\u{2060}'
        | '\u{FEFF}'
        | '\u{055A}'..='\u{055C}'
        | '\u{055E}'
        | '\u{055F}'
        | '\u{05F3}'
        | '\u{05F4}' => Class::Ignorable,
        '\u{00A0}'..='\u{00BF}' | '\u{00D7}' | '\u{00F7}' => Class::Separator,
        // Latin letters and combining accents, the usual non-ASCII letters: no table search.
        '\u{00C0}'..='\u{036F}' => Class::Other,
        // The letters among CJK symbols and punctuation: `々`, `〆`, `〇`, Hangzhou numerals and
        // the kana repeat marks.
        '\u{3005}'..='\u{3007}'
        | '\u{3021}'..='\u{3029}'
        | '\u{3031}'..='\u{3035}'
        | '\u{3038}'..='\u{303C}' => Class::Other,
        '\u{2000}'..='\u{2BFF}' | '\u{3000}'..='\u{303F}' | '\u{FE00}'..='\u{FE0F}' => {
            Class::Separator
        }
        '\u{FF01}'..='\u{FF0F}' | '\u{1F000}'.. => Class::Separator,
        c if c.is_whitespace() || punct::is_punctuation(c) => Class::Separator,
        _ => Class::Other,
    };
    (class, c)
}

/// One word of the original text: a byte range, and whether it is plain ASCII letters and digits
/// (then its canonical form is just its lowercase).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RawWord {
    pub start: usize,
    pub end: usize,
    pub plain: bool,
}

/// Iterates over the words of a text in order.
pub struct Words<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Words<'a> {
    pub fn new(text: &'a str) -> Self {
        Words { text, pos: 0 }
    }

    /// Words from byte `pos` (a char boundary) on.
    pub fn at(text: &'a str, pos: usize) -> Self {
        Words { text, pos }
    }

    /// Whether a word character starts at byte `i`, after any invisible characters.
    #[inline(always)]
    fn word_char_at(&self, mut i: usize) -> bool {
        while i < self.text.len() {
            match class_at(self.text, i) {
                (Class::Ascii | Class::Other, _) => return true,
                (Class::Ignorable, c) => i += c.len_utf8(),
                _ => return false,
            }
        }
        false
    }
}

impl Iterator for Words<'_> {
    type Item = RawWord;

    #[inline]
    fn next(&mut self) -> Option<RawWord> {
        let bytes = self.text.as_bytes();
        let len = bytes.len();
        let mut i = self.pos;
        // Skip to the start of the next word.
        loop {
            if i >= len {
                self.pos = len;
                return None;
            }
            let b = bytes[i];
            if b < 0x80 {
                if ASCII_CLASS[b as usize] == Class::Ascii {
                    break;
                }
                i += 1;
            } else {
                let (class, c) = class_at(self.text, i);
                if class == Class::Other {
                    break;
                }
                i += c.len_utf8();
            }
        }
        let start = i;
        let mut plain = true;
        // Whether the word's letters are of a script written without spaces: a change to or
        // from one parts words (`calm downです`, `日本語calm`), as a space would.
        let mut unspaced_run = false;
        while i < len {
            let b = bytes[i];
            if b < 0x80 && ASCII_CLASS[b as usize] == Class::Ascii {
                if unspaced_run {
                    break;
                }
                i += 1;
                continue;
            }
            let (class, c) = class_at(self.text, i);
            let n = c.len_utf8();
            match class {
                Class::Ascii => i += n,
                Class::Other => {
                    let script = unspaced(c);
                    if i > start && script != unspaced_run {
                        break;
                    }
                    unspaced_run = script;
                    plain = false;
                    i += n;
                }
                Class::Apostrophe | Class::Ignorable if self.word_char_at(i + n) => {
                    plain = false;
                    i += n;
                }
                Class::Apostrophe | Class::Ignorable | Class::Separator => break,
            }
        }
        self.pos = i;
        Some(RawWord {
            start,
            end: i,
            plain,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        Words::new(text).map(|w| &text[w.start..w.end]).collect()
    }

    #[test]
    fn punctuation_is_a_boundary() {
        assert_eq!(
            words("That's not my department."),
            ["That's", "not", "my", "department"]
        );
        assert_eq!(words("short-handed,today!!"), ["short", "handed", "today"]);
        assert_eq!(words("“quoted” 'single' end'"), ["quoted", "single", "end"]);
        assert_eq!(words("a\u{2014}b\u{00A0}c 😀d"), ["a", "b", "c", "d"]);
    }

    #[test]
    fn punctuation_of_other_scripts_is_a_boundary() {
        assert_eq!(words("department？ok：x"), ["department", "ok", "x"]);
        assert_eq!(words("لا أستطيع، آسف؟"), ["لا", "أستطيع", "آسف"]);
        assert_eq!(words("नहीं।यह॥"), ["नहीं", "यह"]);
        assert_eq!(words("「お待ち」ください。"), ["お待ち", "ください"]);
        assert_eq!(words("ａｂ，ｃ"), ["ａｂ", "ｃ"]);
    }

    #[test]
    fn scripts_without_spaces() {
        assert!("お待ち待つカナ好ไทย々".chars().all(unspaced));
        assert!(!"안녕 abc é σ ع न".chars().any(unspaced));
    }

    #[test]
    fn a_change_to_or_from_a_script_without_spaces_parts_words() {
        assert_eq!(words("calm downです"), ["calm", "down", "です"]);
        assert_eq!(words("日本語calm down"), ["日本語", "calm", "down"]);
        assert_eq!(words("caféの3時"), ["café", "の", "3", "時"]);
        assert_eq!(words("ไม่ใช่job"), ["ไม่ใช่", "job"]);
        assert_eq!(words("少々お待ちください"), ["少々お待ちください"]);
    }

    #[test]
    fn invisible_characters_stay_inside_a_word() {
        assert_eq!(words("depart\u{200B}ment"), ["depart\u{200B}ment"]);
        assert_eq!(words("de\u{00AD}\u{2060}part"), ["de\u{00AD}\u{2060}part"]);
        assert_eq!(words("\u{FEFF}end\u{200B} x"), ["end", "x"]);
        assert_eq!(words("it\u{200C}s"), ["it", "s"]);
        for c in [
            '\u{00AD}', '\u{200B}', '\u{2060}', '\u{FEFF}', '\u{200C}', 'a', '’',
        ] {
            let class = class_at(c.encode_utf8(&mut [0; 4]), 0).0;
            assert_eq!(class == Class::Ignorable, is_ignorable(c), "{c:?}");
        }
    }
}
