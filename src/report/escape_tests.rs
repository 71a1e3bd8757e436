//! The escapes shared by the formats, held against what a byte-by-byte pass and serde write.

use super::*;

#[test]
fn numbers_are_written_as_display_writes_them() {
    let mut out = Vec::new();
    let mut expected = String::new();
    for n in [
        0u64,
        7,
        9,
        10,
        42,
        99,
        100,
        101,
        999,
        1000,
        65535,
        65536,
        u64::MAX,
    ] {
        int(&mut out, n);
        int(&mut out, n as usize);
        expected.push_str(&format!("{n}{}", n as usize));
    }
    for n in [0i32, -1, -5, 5, 999, 1000, -1000, i32::MIN, i32::MAX] {
        int(&mut out, n);
        expected.push_str(&n.to_string());
    }
    assert_eq!(String::from_utf8(out).unwrap(), expected);
}

#[test]
fn the_first_escaped_byte_is_found_wherever_it_is() {
    let samples = [
        "plain text here!",
        "quote\" at 6",
        "back\\slash",
        "tab\tin",
        "ctl\u{1f}x",
        "“curly” ü 😀 long enough text",
        "\u{7f}del",
        "0123456789abcdef\n",
        "\u{1f}\u{1f}\"\\ borrows run upward",
        "a</script>",
        "<!-- x",
        "x -->",
        "no angle brackets here",
        "line\u{2028}and paragraph\u{2029}separators, ’ too",
    ];
    for s in samples {
        // Every suffix, so that each special byte falls at every place in a block.
        for from in 0..s.len() {
            let b = &s.as_bytes()[from..];
            let want = |markup: bool| {
                b.iter()
                    .position(|&c| ESCAPE[c as usize] || (markup && (c == b'<' || c == b'>')))
            };
            assert_eq!(first_escaped::<false>(b), want(false), "{s:?} from {from}");
            assert_eq!(first_escaped::<true>(b), want(true), "{s:?} from {from}");
        }
    }
}

/// U+2028 and U+2029 are escaped by hand and through serde alike; `’`, `…` are not.
#[test]
fn line_and_paragraph_separators_are_escaped() {
    let text = "a\u{2028}b’\u{2029}…\u{2028}";
    let (mut ours, mut serde) = (Vec::new(), Vec::new());
    json_string(&mut ours, text);
    write_json(&mut serde, text).unwrap();
    assert_eq!(
        String::from_utf8(ours).unwrap(),
        r#""a\u2028b’\u2029…\u2028""#
    );
    assert_eq!(
        String::from_utf8(serde).unwrap(),
        r#""a\u2028b’\u2029…\u2028""#
    );
}

/// In a page, `<` and `>` never appear, and the string still parses back to the text.
#[test]
fn markup_json_has_no_angle_brackets() {
    let text = "end</script><script>alert(1)</script> <!-- \"q\" --> --!> é";
    let mut out = Vec::new();
    markup_json_string(&mut out, text);
    let json = String::from_utf8(out).unwrap();
    assert!(!json.contains('<') && !json.contains('>'), "{json}");
    assert_eq!(serde_json::from_str::<String>(&json).unwrap(), text);
}

/// The eight-bytes-at-a-time skip escapes exactly what a byte-by-byte pass escapes, wherever
/// the special bytes fall.
#[test]
fn fast_escape_equals_byte_by_byte() {
    let slow = |text: &str| {
        let mut out = Vec::new();
        for &b in text.as_bytes() {
            if SPECIAL[b as usize] {
                out.extend_from_slice(entity(b));
            } else {
                out.push(b);
            }
        }
        out
    };
    let specials = ['&', '<', '>', '"', '\'', '%', 'é'];
    for len in 0..20 {
        for at in 0..len {
            for c in specials {
                let mut text: String = "abcdefghij0123456789".chars().take(len).collect();
                text.replace_range(at..at + 1, &c.to_string());
                text.push_str(" tail <b> x");
                let mut fast = Vec::new();
                html_into(&mut fast, &text);
                assert_eq!(fast, slow(&text), "{text:?}");
            }
        }
    }
}

#[test]
fn escapes_markup() {
    assert_eq!(
        html("<img src=x onerror='a()'> & \"q\""),
        "&lt;img src=x onerror='a()'&gt; &amp; &quot;q&quot;"
    );
}
