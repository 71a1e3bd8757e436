//! Tests of the CSV reader's field spans and quotes.

use super::*;
use crate::transcript::TurnText;

#[test]
fn quoted_fields_map_to_their_bytes() {
    let row = "a,\"say \"\"hi\"\", ok\",c\nnext";
    let spans = field_spans(row, b',');
    assert_eq!(spans.len(), 3);
    let TurnText::Decoded(d) = spans[1].text(row, 0) else {
        panic!("a quoted field with doubled quotes is decoded");
    };
    assert_eq!(d.text, "say \"hi\", ok");
    let turn = Turn {
        text: TurnText::Decoded(d),
        ..Turn::new(crate::transcript::Role::Agent, None, 0..0)
    };
    let ok = "say \"hi\", ".len();
    assert_eq!(
        &row[turn.source_offset(ok)..turn.source_offset(ok) + 2],
        "ok"
    );
    assert_eq!(spans[2].text(row, 0).as_str(row), "c");
}

#[test]
fn a_quote_never_closed_runs_to_the_end() {
    let spans = field_spans("agent,\"Hello\ncustomer,hi\n", b',');
    assert_eq!(spans.len(), 2);
    assert!(spans[0].closed && !spans[1].closed, "{spans:?}");
    let spans = field_spans("agent,\"a\nb\",c\n", b',');
    assert!(spans.iter().all(|s| s.closed), "{spans:?}");
    let err = parse(
        "role,text\r\nagent,hi\r\nagent,\"x\r\n",
        &ParseOptions::default(),
    )
    .unwrap_err();
    assert_eq!((err.line, err.column), (3, 7));
}

proptest::proptest! {
    /// Rows of quotes, commas and line breaks, mended or not, never panic, and every turn's
    /// text is read from the bytes it says it is: each character of it is the source's, or a
    /// quote that a `""` stands for.
    #[test]
    fn rows_of_quotes_and_commas_read_from_their_own_bytes(
        rows in "[a\",\n é]{0,40}",
    ) {
        let source = format!("conversation_id,role,text,name\n{rows}");
        let Ok((transcripts, _)) = parse(&source, &ParseOptions::default()) else {
            return Ok(());
        };
        for turn in transcripts.iter().flat_map(|t| &t.turns) {
            let text = turn.text.as_str(&source);
            for (i, c) in text.char_indices() {
                let at = turn.source_offset(i);
                proptest::prop_assert!(source.is_char_boundary(at), "{source:?}: {text:?}");
                proptest::prop_assert!(source[at..].starts_with(c), "{source:?}: {text:?} at {i}");
            }
        }
    }
}
