//! Word boundaries (SPEC §3): letters and digits make words; punctuation and symbols of every
//! script (`،` `।` `？` `、`), emoji and white space separate them; an apostrophe stays inside a
//! word only between two word characters. The scanner works on the original text and reports
//! byte ranges into it.

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

/// Classifies the character at byte `i` of `text` (a char boundary); returns its class and length.
#[inline(always)]
fn class_at(text: &str, i: usize) -> (Class, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return (ASCII_CLASS[b as usize], 1);
    }
    let c = text[i..].chars().next().unwrap_or(' ');
    let class = match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{00B4}' => Class::Apostrophe,
        '\u{00A0}'..='\u{00BF}' | '\u{00D7}' | '\u{00F7}' => Class::Separator,
        // Latin letters and combining accents, the usual non-ASCII letters: no table search.
        '\u{00C0}'..='\u{036F}' => Class::Other,
        '\u{2000}'..='\u{2BFF}' | '\u{3000}'..='\u{303F}' | '\u{FE00}'..='\u{FE0F}' => {
            Class::Separator
        }
        '\u{FEFF}' | '\u{FF01}'..='\u{FF0F}' | '\u{1F000}'.. => Class::Separator,
        c if c.is_whitespace() || punct::is_punctuation(c) => Class::Separator,
        _ => Class::Other,
    };
    (class, c.len_utf8())
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

    /// Whether a word character starts at byte `i`.
    #[inline(always)]
    fn word_char_at(&self, i: usize) -> bool {
        i < self.text.len() && matches!(class_at(self.text, i).0, Class::Ascii | Class::Other)
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
                let (class, n) = class_at(self.text, i);
                if class == Class::Other {
                    break;
                }
                i += n;
            }
        }
        let start = i;
        let mut plain = true;
        while i < len {
            let b = bytes[i];
            if b < 0x80 && ASCII_CLASS[b as usize] == Class::Ascii {
                i += 1;
                continue;
            }
            let (class, n) = class_at(self.text, i);
            match class {
                Class::Ascii => i += n,
                Class::Other => {
                    plain = false;
                    i += n;
                }
                Class::Apostrophe if self.word_char_at(i + n) => {
                    plain = false;
                    i += n;
                }
                Class::Apostrophe | Class::Separator => break,
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
}
