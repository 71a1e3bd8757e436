//! The built-in patterns `--redact` looks for (SPEC §11): e-mail addresses and IBANs, and the
//! digit groups of cards, SSNs and phone numbers, with the gaps that may stand between groups.
//! Matches only say where to look: `redact_checks.rs` and `redact_groups.rs` decide.

use super::Check;

/// The gap allowed between two groups of digits (written `GAP` in [`NUMBERS`]): a run of
/// `SPACE`s, a `DASH` with optional spaces around it (and a line break after it, where a line
/// is wrapped at the dash), or one line break (LF or CRLF) with optional spaces. SPEC §3 reads runs of white space and line breaks as one space; a card or
/// phone number read out or typed that way is the same number.
const GAP: &str = r"(?:SPACE*DASHSPACE*(?:\r?\nSPACE*)?|SPACE*\r?\nSPACE*|SPACE+)";

/// A line break where a line is wrapped after a dash (written `WRAP` in [`NUMBERS`]), as
/// [`GAP`] allows one: an extension on the next line (`030 12345-⏎67`) is the number's.
const WRAP: &str = r"(?:SPACE*\r?\nSPACE*)?";

/// Horizontal white space (tabs, spaces, no-break and other Unicode spaces), the invisible
/// characters the matcher drops (soft hyphen, zero-width space, word joiner, byte-order mark),
/// and U+FFFD, which a Windows-1252 or Latin-1 file read as UTF-8 has where it had a no-break
/// space (0xA0) or an en dash (0x96): it stands where a space or a dash may stand.
pub(super) const SPACE: &str = r"[\t\p{Zs}\x{AD}\x{200B}\x{2060}\x{FEFF}\x{FFFD}]";

/// A hyphen or dash: `-`, U+2010 to U+2014 (hyphen, non-breaking hyphen, figure, en and em
/// dash), the minus sign and the full-width hyphen-minus.
pub(super) const DASH: &str = r"[-\x{2010}-\x{2014}\x{2212}\x{FF0D}]";

/// A digit (written `\d` in the patterns): ASCII or full-width, as the matcher folds them.
pub(super) const DIGIT: &str = r"[0-9\x{FF10}-\x{FF19}]";

/// The built-in patterns of personal data that is no run of digit groups, in priority order
/// (the first of two that start together wins). They are looked for first, with the config's
/// `redact_patterns`: what they cover bounds the numbers beside it.
pub(super) const PIECES: [(&str, &str, Check); 3] = [
    (
        r"\b[A-Za-z]{2}\d{2}(?:(?:GAP)?[A-Za-z0-9]{4}){2,7}(?:(?:GAP)?[A-Za-z0-9]{1,3})?\b",
        "[IBAN]",
        Check::Iban,
    ),
    // Spain's DNI (`12345678Z`, `12.345.678-Z`) and NIE (`X1234567L`, `X-1234567-L`), the
    // letter in any case, glued to the digits or after a gap; the word it may be glued to
    // (`DNI12345678Z`, `es12345678Z`) is matched too, and cut off by `checks::dni_part`.
    (
        r"\b[\p{L}_]*?(?:\d{8}|\d{2}\.\d{3}\.\d{3}|[XYZxyz]DASH?\d{7})(?:GAP)?[A-Za-z]\b",
        "[ID]",
        Check::Dni,
    ),
    // Letters and digits of any script (`josé.garcía@correo.es`, `田中@例え.jp`), a local part
    // of RFC 5322's `atext` and dots that opens with a letter, digit or `_` (`o'brien@…`), a
    // full-width `＠`; a domain of one dot at least, ending in letters or punycode
    // (`example.xn--p1ai`). Invisible format characters (a soft hyphen, a zero-width space) may
    // stand anywhere after the first character: `jane\u{AD}doe@exam\u{200B}ple.com` is one address.
    // White space with one line break at most may follow the `@`: an address broken over two
    // caption lines or cues (`jane.doe@` / `example.com`), which a turn joins with a space.
    (
        concat!(
            r"[\p{L}\p{N}\p{M}_][\p{L}\p{N}\p{M}\p{Cf}.!#$%&'*+/=?^_`{|}~-]*[@\x{FF20}]",
            r"(?:[\t\p{Zs}]*\r?\n)?[\t\p{Zs}]*",
            r"[\p{L}\p{N}\p{M}\p{Cf}-]+(?:[.\x{FF0E}][\p{L}\p{N}\p{M}\p{Cf}-]+)*[.\x{FF0E}]",
            r"(?:[xX][nN]--[\p{L}\p{N}-]+|\p{L}(?:\p{Cf}*\p{L})+)",
        ),
        "[EMAIL]",
        Check::None,
    ),
];

/// The built-in patterns of digit groups, in priority order; `GAP` stands for [`GAP`]. A match
/// only says where to look: `checks::passes` says which of its parts is a number (a card's
/// grouping is checked there).
pub(super) const NUMBERS: [(&str, &str, Check); 4] = [
    // 4-4-4-4, 4-4-4-4-3, 4-4-4-3 (an Amex number typed in fours), 4-6-5 and 4-6-4, no gaps,
    // or a digit at a time.
    (
        concat!(
            r"\b\d{4}(?:GAP\d{4}){2}(?:GAP\d{4}(?:GAP\d{3})?|GAP\d{3})\b",
            r"|\b\d{4}GAP\d{6}GAP\d{4,5}\b",
            r"|\b\d{13,19}\b|\b\d(?:GAP\d){12,18}\b",
        ),
        "[CARD]",
        Check::Card,
    ),
    (r"\b\d{3}GAP\d{2}GAP\d{4}\b", "[SSN]", Check::Ssn),
    // E.164 and international forms: `+` and 7 to 15 digits, optionally grouped, the country
    // code in brackets too (`(+34) 612 345 678`); or `00`, a country code the ITU assigns and
    // groups parted by spaces (`0044 20 7946 0958`), since order and invoice numbers open with
    // zeros too, most often grouped by dashes or dots.
    (
        concat!(
            r"(?:\(\+\d{1,3}\)|\+\d{1,3})(?:(?:GAP|\.)?\(?\d{1,4}\)?){1,5}(?:GAP|\.)?\d{2,4}\b",
            r"|\b00(?:[17]|2[07]|3[0-469]|4[013-9]|5[1-8]|6[0-6]|8[1246]|9[0-58]|2[1-689]\d",
            r"|3[578]\d|42\d|5[09]\d|6[789]\d|8[0578]\d|9[679]\d)",
            r"(?:[\t\p{Zs}]+\(?\d{1,4}\)?\d{0,4}){1,5}\b",
        ),
        "[PHONE]",
        Check::Phone,
    ),
    // National forms: `(555) 123-4567`, `(555)-123-4567`, `(555) 1234567`, `555-123-4567`,
    // `555.123.4567` (with North America's `1-` before them: `1-800-555-0199`), `020 7946 0958`,
    // `07700 900123`, Australia's `02 9876 5432`, and with the area code in brackets,
    // `(020) 7946 0958`, `(02) 9876 5432`, `(07700) 900123`, France's `01 23 45 67 89` (also
    // `06.12.34.56.78`, `06-12-34-56-78`, `06/12/34/56/78`, which no date is, and a mobile's ten
    // digits in one run, `0612345678`); Spain's nine digits, a mobile's (`612 34 56 78`,
    // `612 345 678`, `612345678`) or a landline's (`91 234 56 78`, `912 34 56 78`,
    // `912 345 678`); Germany's area code and number, 9 to 12 digits in all (`030 12345678`,
    // `0171-1234567`, `030/1234567`, `089 123456`, `(030) 12345678`), and a mobile's in one
    // run (`01711234567`); with an extension after a dash, as DIN 5008 writes it, the number
    // before it may be shorter (`030 12345-67`, `(030) 12345-67`; no dash after the area code,
    // where `0800-1700` and invoice numbers have theirs); and grouped after the area code, as
    // DIN 5008's pairs and common practice write it (`030 12 34 56 78`, `0151 123 456 78`,
    // `0171 12 34 567`, `(030) 12 34 56 78`), up to 12 digits (see `german::plausible`). Each
    // is tried before the forms its first groups make.
    // A trunk prefix `0` is followed by a non-zero digit (`00` opens an international number).
    (
        concat!(
            r"(?:\b1(?:GAP|\.)?)?(?:\(\d{3}\)(?:GAP)?|\b\d{3}(?:GAP|\.))\d{3}(?:GAP|\.)\d{4}\b",
            r"|\(\d{3}\)[\t\p{Zs}]*\d{7}\b|\(0[1-9]\d{1,4}\)SPACE*(?:\d{3,8}DASHWRAP\d{1,5}|GERMAN)\b",
            r"|\(0[1-9]\d{0,3}\)[\t\p{Zs}]*\d{3,4}GAP\d{3,4}\b|\(0[1-9]\d{3}\)[\t\p{Zs}]*\d{6}\b",
            r"|\(0[1-9](?:\d\)SPACE*\d{6,8}|\d{2}\)SPACE*\d{5,8}",
            r"|\d{3}\)SPACE*\d{4,7}|\d{4}\)SPACE*\d{3,6})\b",
            // One `\b` for the forms that open with a digit: a `\b` is looked at in each place of
            // the text, and by a slow search where the text holds a character outside ASCII.
            r"|\b(?:0[1-9]\d{1,4}(?:(?:SPACE+|SPACE*/SPACE*)\d{3,8}DASHWRAP\d{1,5}|AREAGERMAN)",
            r"|0[2378]GAP\d{4}GAP\d{4}|0[1-9]\d{1,3}GAP\d{3,4}GAP\d{3,4}|0[1-9]\d{3}GAP\d{6}",
            r"|0[1-9](?:GAP\d{2}){4}|0[1-9](?:(?:\.\d{2}){4}|(?:/\d{2}){4})|0[67]\d{8}",
            r"|[679]\d{2}GAP(?:\d{2}GAP\d{2}GAP\d{2}|\d{3}GAP\d{3})|9\dGAP\d{3}GAP\d{2}GAP\d{2}",
            r"|[67]\d{8}",
            r"|0[1-9](?:\dAREA\d{6,8}|\d{2}AREA\d{5,8}|\d{3}AREA\d{4,7}|\d{4}AREA\d{3,6})",
            r"|01[5-7]\d{8,9})\b",
        ),
        "[PHONE]",
        Check::Phone,
    ),
];

/// The gap between a German area code and the number (written `AREA` in [`NUMBERS`]): a
/// [`GAP`], or a slash with optional spaces around it (`030/1234567`, `030 / 1234567`).
const AREA: &str = r"(?:GAP|SPACE*/SPACE*)";

/// A German number's groups after its area code (written `GERMAN` in [`NUMBERS`]): two to four
/// groups of two to four digits parted by spaces (`12 34 56 78`, `123 456 78`, `12 34 567`);
/// `german::plausible` counts their digits, and one of them a pair ends the number there
/// (`german::paired`).
const GERMAN: &str = r"\d{2,4}(?:SPACE+\d{2,4}){1,3}";

/// A built-in pattern with its digits and gaps written out.
pub(super) fn builtin(pattern: &str) -> String {
    let pattern = full_width_literals(pattern);
    let pattern = pattern.replace("GERMAN", GERMAN);
    let pattern = pattern.replace("AREA", AREA).replace("GAP", GAP);
    let pattern = pattern.replace("WRAP", WRAP);
    let spelled = pattern.replace("SPACE", SPACE).replace("DASH", DASH);
    spelled.replace(r"\d", DIGIT)
}

/// `pattern` with each digit it writes out, alone (`0`) or in a class (`[1-9]`, `[2378]`), taking
/// its full-width twin too (`０`, `１`–`９`), as `\d` does: a phone number typed in full-width
/// digits (`０２０ ７９４６ ０９５８`) is the number. Escapes (`\d`, `\p{Zs}`) and the counts in
/// braces (`{1,4}`) are kept as written.
fn full_width_literals(pattern: &str) -> String {
    let wide = |d: char| char::from_u32(d as u32 - '0' as u32 + '０' as u32).unwrap_or(d);
    let mut out = String::with_capacity(pattern.len() * 2);
    let (mut in_class, mut in_braces, mut escaped) = (false, false, false);
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '{' => in_braces = true,
            '}' => in_braces = false,
            '[' => in_class = true,
            ']' => in_class = false,
            '0'..='9' if in_braces => {}
            '0'..='9' if in_class => {
                // A range of digits is written whole, then both ends' twins; what follows a
                // dash that is no digit (`[0-]`) is read on its own.
                let mut ahead = chars.clone();
                match (ahead.next(), ahead.next()) {
                    (Some('-'), Some(end @ '0'..='9')) => {
                        chars.nth(1);
                        out.extend(['-', end, wide(c), '-', wide(end)]);
                    }
                    _ => out.push(wide(c)),
                }
            }
            '0'..='9' => {
                out.pop();
                out.extend(['[', c, wide(c), ']']);
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn written_out_digits_take_their_full_width_twins() {
        let wide = super::full_width_literals;
        assert_eq!(wide(r"\b0[1-9]\d{1,4}"), r"\b[0０][1-9１-９]\d{1,4}");
        assert_eq!(wide(r"2[07]\x{FF20}"), r"[2２][0０7７]\x{FF20}");
        // A dash after a digit that starts no range is left as written.
        assert_eq!(wide("[0-]"), "[0０-]");
    }
}
