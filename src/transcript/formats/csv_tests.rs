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
