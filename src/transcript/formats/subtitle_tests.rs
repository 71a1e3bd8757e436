//! Tests of the WebVTT, SRT and SBV readers: voices, names, entities, timings and errors.

use super::*;
use crate::transcript::Role;

#[test]
fn teams_voice_spans_unpadded_times_out_of_order() {
    let src = "WEBVTT\n\n2\n0:0:5.0 --> 0:0:7.0\n<v Customer>my order</v>\n\n\
               1\n0:0:0.0 --> 0:0:4.5\n<v Agent>Hello, this is</v>\n\n\
               0:0:4.5 --> 0:0:4.9\n<v Agent>Sam.</v>\n";
    let t = parse_vtt(src, &ParseOptions::default()).unwrap();
    let got: Vec<(Role, &str, Option<u64>)> = t
        .turns
        .iter()
        .map(|x| (x.role, x.text(src), x.start_ms))
        .collect();
    assert_eq!(
        got,
        [
            (Role::Agent, "Hello, this is Sam.", Some(0)),
            (Role::Customer, "my order", Some(5000)),
        ]
    );
    let sam = "Hello, this is ".len();
    assert_eq!(&src[t.turns[0].source_offset(sam)..][..4], "Sam.");
}

#[test]
fn zoom_names_comments_and_entities() {
    let src = "\u{feff}WEBVTT\n\nNOTE a comment\n\n1\n00:00:01.000 --> 00:00:02.000 align:start\nAgent: fish &amp; <i>chips</i>\n";
    let t = parse_vtt(src, &ParseOptions::default()).unwrap();
    assert_eq!(t.turns.len(), 1);
    assert_eq!(t.turns[0].speaker.as_deref(), Some("Agent"));
    assert_eq!(t.turns[0].text(src), "fish & chips");
}

#[test]
fn srt_with_comma_milliseconds() {
    let src = "1\r\n00:00:01,250 --> 00:00:03,000\r\nCustomer: it broke\r\n\r\n2\r\n00:00:04,000 --> 00:00:05,000\r\nAgent: sorry to hear that\r\n";
    let t = parse_srt(src, &ParseOptions::default()).unwrap();
    assert_eq!(t.turns.len(), 2);
    assert_eq!(
        (t.turns[0].role, t.turns[0].start_ms),
        (Role::Customer, Some(1250))
    );
    assert_eq!(t.turns[1].text(src), "sorry to hear that");
}

#[test]
fn broken_timings_are_errors_with_a_line() {
    let err = parse_srt("1\n00:00:01,000 --> xx\nhi\n", &ParseOptions::default()).unwrap_err();
    assert_eq!(err.line, 2);
    assert!(parse_vtt("hello", &ParseOptions::default()).is_err());
}
