//! What a built-in pattern's match must also be to count as personal data: a card number in a
//! grouping cards are printed in, with a valid Luhn digit; an IBAN of its country's length with a
//! valid mod-97 check; a phone number of as many digits as E.164 allows; an SSN as issued; a
//! Spanish DNI or NIE with its check letter. The
//! patterns only find places; these checks decide, so that they read as the README says.

use super::Check;
use super::digits::{Gap, digit, groups, is_dash, is_gap};
use super::german;

/// Whether `text`, a match of a pattern with `check`, passes it.
pub(super) fn passes(check: Check, text: &str) -> bool {
    let digits = || text.chars().filter_map(digit);
    match check {
        Check::None => true,
        Check::Card => {
            (13..=19).contains(&digits().count())
                && digits().any(|d| d != 0)
                && issued(digits())
                && luhn(text)
                && card_grouping(text)
        }
        Check::Iban => iban(text),
        // An international `00` is no digit of the number.
        Check::Phone => {
            let international = text.chars().take(2).map(digit).eq([Some(0), Some(0)]);
            let zeros = if international { 2 } else { 0 };
            (7..=15).contains(&(digits().count() - zeros)) && german::plausible(text)
        }
        Check::Ssn => {
            let d: Vec<u32> = digits().collect();
            let area = &d[..d.len().min(3)];
            !matches!(area, [0, 0, 0] | [6, 6, 6] | [9, ..])
                && d.get(3..5) != Some(&[0, 0])
                && d.get(5..) != Some(&[0, 0, 0, 0])
        }
        Check::Dni => dni(text),
    }
}

/// Whether `text`, eight digits and a letter (`12345678Z`) or an NIE (`X1234567L`), has the
/// check letter Spain's DNI and NIE have: the letter of the number modulo 23 in
/// `TRWAGMYFPDXBNJZSQVHLCKE`, where an NIE's `X`, `Y` or `Z` stands for a first digit 0, 1 or 2.
pub(super) fn dni(text: &str) -> bool {
    const LETTERS: &[u8; 23] = b"TRWAGMYFPDXBNJZSQVHLCKE";
    let mut letters = text.chars().filter(char::is_ascii_alphabetic);
    let (first, last) = (letters.next(), letters.next_back());
    let (prefix, letter) = match (first, last) {
        (Some(letter), None) => (0, letter),
        (Some(nie), Some(letter)) => match nie.to_ascii_uppercase() {
            nie @ 'X'..='Z' => (u64::from(nie) - u64::from('X'), letter),
            _ => return false,
        },
        _ => return false,
    };
    let number = (text.chars().filter_map(digit)).fold(prefix, |n, d| n * 10 + u64::from(d));
    char::from(LETTERS[(number % 23) as usize]) == letter.to_ascii_uppercase()
}

/// The part of a DNI pattern's match `text[found]` that is a DNI or NIE with its check letter:
/// the match without the word it is glued to (`DNI12345678Z`, `NIEX1234567L`), which is the
/// letters before the first digit, but for the `X`, `Y` or `Z` of an NIE's seven digits.
pub(super) fn dni_part(
    text: &str,
    found: std::ops::Range<usize>,
) -> Option<std::ops::Range<usize>> {
    let matched = &text[found.clone()];
    let first = matched.find(|c: char| digit(c).is_some())?;
    let mut start = first;
    if matched.chars().filter_map(digit).count() == 7 {
        let before = matched[..first].trim_end_matches(is_dash);
        start = before.len().checked_sub(1)?;
    }
    let part = found.start + start..found.end;
    dni(&text[part.clone()]).then_some(part)
}

/// Whether a card network issues numbers that open as `digits` do: none opens with 0, 19 or 20
/// (Mastercard's 2-series is 2221 to 2720, Mir's 2200 to 2204), and those that open with 1 are
/// UATP's, of 15 digits. So a date and time (`20240626080400`), a year-first reference (`2024
/// 0626 1430 0000`), four years in a row (`2023 2024 2025 2026`) and a time in epoch
/// milliseconds (`1718000000014`) are no card, though a tenth of them pass the Luhn check.
fn issued(mut digits: impl Iterator<Item = u32> + Clone) -> bool {
    let count = digits.clone().count();
    match (digits.next(), digits.next()) {
        (Some(0), _) | (Some(1), Some(9)) | (Some(2), Some(0)) => false,
        (Some(1), _) => count == 15,
        _ => true,
    }
}

/// Whether the digit groups of `text` are grouped as cards are printed: 4-4-4-4, 4-4-4-4-3,
/// 4-6-5, 4-6-4, 4-4-4-3 for an American Express number (34 or 37), no gaps at all, or one digit
/// at a time (a number read out digit by digit), with one kind of gap throughout
/// (`4111-1111 1111-1111` is two ranges, not a card).
fn card_grouping(text: &str) -> bool {
    let all = 0..text.len();
    let groups = groups(text, all);
    let mut gaps = groups
        .windows(2)
        .map(|w| Gap::of(&text[w[0].end..w[1].start]));
    let first = gaps.next();
    if gaps.any(|kind| Some(kind) != first) {
        return false;
    }
    let lengths: Vec<usize> = groups
        .iter()
        .map(|g| text[g.clone()].chars().filter_map(digit).count())
        .collect();
    match lengths[..] {
        [4, 4, 4, 4] | [4, 4, 4, 4, 3] | [4, 6, 5] | [4, 6, 4] | [_] => true,
        // Only American Express numbers have 15 digits typed so.
        [4, 4, 4, 3] => matches!(
            text.chars().filter_map(digit).take(2).collect::<Vec<_>>()[..],
            [3, 4 | 7]
        ),
        _ => lengths.iter().all(|&n| n == 1),
    }
}

/// Whether the digits of `text` pass the Luhn check (other characters are ignored).
pub(super) fn luhn(text: &str) -> bool {
    let digits = text.chars().filter_map(digit);
    let sum: u32 = digits
        .rev()
        .enumerate()
        .map(|(i, d)| match (i % 2, d * 2) {
            (0, _) => d,
            (_, twice) if twice > 9 => twice - 9,
            (_, twice) => twice,
        })
        .sum();
    sum.is_multiple_of(10)
}

/// Whether `text` (spaces ignored) is an IBAN with a valid mod-97 check. One written in lower
/// case (`de89 3704 …`) must also have its country's length, since lower-case words and numbers
/// (`at10 from home`) take the shape far more often than upper-case ones.
pub(super) fn iban(text: &str) -> bool {
    let compact: Vec<u8> = text
        .chars()
        .filter(|&c| !is_gap(c))
        .collect::<String>()
        .into_bytes();
    if !(15..=34).contains(&compact.len()) {
        return false;
    }
    let upper = compact.to_ascii_uppercase();
    if upper != compact && country_length(&upper[..2]) != Some(compact.len()) {
        return false;
    }
    let (head, rest) = upper.split_at(4);
    let mut rem: u32 = 0;
    for &b in rest.iter().chain(head) {
        let value = match b {
            b'0'..=b'9' => u32::from(b - b'0'),
            b'A'..=b'Z' => u32::from(b - b'A') + 10,
            _ => return false,
        };
        let shift = if value > 9 { 100 } else { 10 };
        rem = (rem * shift + value) % 97;
    }
    rem == 1
}

/// The length of the IBANs of the country whose code is `code` (upper case), as the IBAN
/// registry gives it.
fn country_length(code: &[u8]) -> Option<usize> {
    /// Each country's code and length.
    const LENGTHS: &str = concat!(
        "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 ",
        "DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 ",
        "IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 ",
        "MN20 MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 ",
        "SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20"
    );
    let entry = LENGTHS
        .split(' ')
        .find(|e| e.as_bytes().get(..2) == Some(code))?;
    entry[2..].parse().ok()
}

/// The part of an IBAN pattern's match `text[found]` that is an IBAN: the match, else its longest
/// prefix that ends before a gap (a lower-case IBAN that ends in a whole group runs on into
/// the words after it: `es91 2100 0418 4502 0005 1332 from`).
pub(super) fn iban_part(
    text: &str,
    found: std::ops::Range<usize>,
) -> Option<std::ops::Range<usize>> {
    let matched = &text[found.clone()];
    // Where each gap between its groups starts.
    let gaps = matched.char_indices().zip(matched.chars().skip(1));
    let cuts = gaps.filter(|&((_, c), next)| !is_gap(c) && is_gap(next));
    let cuts: Vec<usize> = cuts.map(|((at, c), _)| at + c.len_utf8()).collect();
    let cuts = cuts.into_iter().rev();
    let ends = std::iter::once(matched.len()).chain(cuts);
    ends.map(|end| found.start..found.start + end)
        .find(|part| iban(&text[part.clone()]))
}
