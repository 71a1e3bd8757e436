//! Tests of reading JSONL: records, messages cut by conversation id, and their errors.

use super::*;
use crate::transcript::Role;

/// The file's conversations, or the first line that could not be read.
fn read(src: &str) -> Result<Vec<Transcript>, ParseError> {
    match parse(src, &ParseOptions::default())? {
        (_, unread) if !unread.is_empty() => Err(unread[0].clone()),
        (transcripts, _) => Ok(transcripts),
    }
}

/// Each conversation's id and its turns' texts.
fn shape(src: &str) -> Vec<(Option<String>, Vec<String>)> {
    read(src)
        .unwrap()
        .into_iter()
        .map(|t| {
            let texts = t.turns.iter().map(|x| x.text(src).to_string()).collect();
            (t.id, texts)
        })
        .collect()
}

fn owned(id: Option<&str>, texts: &[&str]) -> (Option<String>, Vec<String>) {
    (
        id.map(str::to_string),
        texts.iter().map(|s| s.to_string()).collect(),
    )
}

#[test]
fn records_are_one_conversation_per_line_with_their_ids() {
    let src = r#"{"id": "a", "messages": [{"role": "agent", "text": "hi"}, {"role": "customer", "text": "yo"}]}

{"conversation_id": 7, "turns": [{"speaker": "Agent", "content": "bye"}]}
{"call_id": "c", "transcript": [{"role": "agent", "text": "x"}]}
{"messages": []}
"#;
    assert_eq!(
        shape(src),
        [
            owned(Some("a"), &["hi", "yo"]),
            owned(Some("7"), &["bye"]),
            owned(Some("c"), &["x"]),
            owned(None, &[]),
        ]
    );
    let t = read(src).unwrap();
    assert_eq!(t[0].turns[1].role, Role::Customer);
    // Findings point into the file: the third record's text is on line 4.
    let at = t[2].turns[0].source_offset(0);
    assert_eq!(src[..at].matches('\n').count() + 1, 4);
}

#[test]
fn conversation_ids_split_messages_where_they_change() {
    let src = "{\"conversation_id\":\"a\",\"text\":\"1\"}\n\
               {\"conversation_id\":\"a\",\"text\":\"2\"}\n\
               {\"text\":\"3\"}\n\
               {\"call_id\":\"b\",\"text\":\"4\"}\n";
    assert_eq!(
        shape(src),
        [owned(Some("a"), &["1", "2", "3"]), owned(Some("b"), &["4"])]
    );
    // Without ids, the whole file is one conversation; no lines, no conversation.
    assert_eq!(
        shape("{\"text\":\"1\"}\n{\"text\":\"2\"}\n"),
        [owned(None, &["1", "2"])]
    );
    assert!(read("\n \n").unwrap().is_empty());
}

#[test]
fn an_id_seen_again_or_records_mixed_with_messages_are_named_at_their_line() {
    let err = read(
        "{\"conversation_id\":\"a\",\"text\":\"1\"}\n\
         {\"conversation_id\":\"b\",\"text\":\"2\"}\n\
         {\"conversation_id\":\"a\",\"text\":\"3\"}\n",
    )
    .unwrap_err();
    assert_eq!((err.line, err.column), (3, 1));
    assert!(err.message.contains("`a` appears again"), "{}", err.message);
    // A record's id seen again is a warning on that conversation, said with the line that
    // had it first (every record is still read); records without ids may be many.
    let all = read("{\"id\":7,\"messages\":[]}\n{\"messages\":[]}\n{\"messages\":[]}\n{\"call_id\":\"7\",\"messages\":[]}\n").unwrap();
    assert_eq!(all.len(), 4);
    assert!(all[..3].iter().all(|t| t.warnings.is_empty()));
    assert!(
        all[3].warnings[0]
            .starts_with("line 4, column 1: conversation `7` again: the conversation on line 1"),
        "{:?}",
        all[3].warnings
    );
    let err = read("{\"text\":\"1\"}\n{\"id\":\"r\",\"messages\":[]}\n").unwrap_err();
    assert_eq!(err.line, 2);
    assert!(
        err.message.contains("after single messages (from line 1)"),
        "{}",
        err.message
    );
    let err = read("{\"id\":\"r\",\"messages\":[]}\n\n{\"text\":\"1\"}\n").unwrap_err();
    assert_eq!(err.line, 3);
    assert!(err.message.starts_with("a single message after whole"));
}

#[test]
fn malformed_lines_report_their_line_and_column() {
    let err = read("{\"text\":\"ok\"}\n{\"text\": }\n").unwrap_err();
    assert_eq!((err.line, err.column), (2, 10));
    let err = read("{\"id\":1,\"messages\":[{\"text\": 1,}]}\n").unwrap_err();
    assert_eq!(err.line, 1);
}

#[test]
fn a_line_that_cannot_be_read_is_left_out_and_the_others_are_read() {
    let src = "{\"id\":\"a\",\"messages\":[{\"text\":\"1\"}\n\
               {\"id\":\"b\",\"messages\":[{\"text\":\"2\"}]}\n\
               not json\n\
               {\"id\":\"c\",\"messages\":[{\"text\":\"3\"}]}\n";
    let (read, unread) = parse(src, &ParseOptions::default()).unwrap();
    let ids: Vec<_> = read.iter().map(|t| t.id.as_deref()).collect();
    assert_eq!(ids, [Some("b"), Some("c")]);
    let places: Vec<_> = unread.iter().map(|e| (e.line, e.column)).collect();
    assert_eq!(places, [(1, 34), (3, 1)]);
    // A message left out of its conversation leaves the others' places as they were.
    let (read, unread) = parse(
        "{\"text\":\"1\"}\n{\"text\":\n{\"text\":\"3\"}\n",
        &ParseOptions::default(),
    )
    .unwrap();
    assert_eq!((read.len(), read[0].turns.len(), unread[0].line), (1, 2, 2));
    assert_eq!(
        read[0].turns[1].text("{\"text\":\"1\"}\n{\"text\":\n{\"text\":\"3\"}\n"),
        "3"
    );
    // With no line read, the file is an error, its first line's.
    let err = parse("nope\n{\"text\": }\n", &ParseOptions::default()).unwrap_err();
    assert_eq!((err.line, err.column), (1, 1));
}

#[test]
fn classify_reads_one_line() {
    assert_eq!(
        classify("{\"id\":1,\"messages\":[]}", 1),
        Ok(LineKind::Record(Some("1".into())))
    );
    assert_eq!(
        classify("{\"transcript\":\"hi\",\"conversation_id\":\"z\"}", 1),
        Ok(LineKind::Message(Some("z".into())))
    );
    assert_eq!(
        classify("{\"text\":\"hi\"}", 4),
        Ok(LineKind::Message(None))
    );
    assert_eq!(classify("[1]", 4).map_err(|e| e.line), Err(4));
    let one_line = classify("{\"id\":\"c\",\"transcript\":\"Agent: hi\"}", 1).unwrap();
    let among = |records| one_line.clone().among(records);
    assert_eq!(
        among(None),
        (true, Some("c".into())),
        "its own id: a record"
    );
    assert_eq!(among(Some(false)), (false, None), "among messages");
    let no_id = classify("{\"transcript\":\"Agent: hi\"}", 1).unwrap();
    assert_eq!(no_id.clone().among(None), (false, None));
    assert_eq!(no_id.among(Some(true)), (true, None), "among records");
}

#[test]
fn iso_times_are_relative_to_each_conversations_first_message() {
    let src = "{\"role\":\"agent\",\"text\":\"a\",\"timestamp\":\"2020-04-01T17:31:32.000Z\"}\n\
               {\"role\":\"customer\",\"text\":\"b\",\"timestamp\":\"2020-04-01T17:32:02.500Z\"}\n";
    let t = read(src).unwrap();
    assert_eq!(t[0].turns[0].start_ms, Some(0));
    assert_eq!(t[0].turns[1].start_ms, Some(30_500));
}

#[test]
fn a_broken_lines_conversation_id_is_read_from_its_raw_text_as_a_message_gives_it() {
    let mut grouping = Grouping::default();
    let open = classify("{\"conversation_id\": \"a\", \"text\": \"hi\"}", 1).unwrap();
    grouping.step(1, open).unwrap();
    let other = |text| grouping.other_id(text);
    assert_eq!(
        other("{\"conversation_id\" : \"b\", \"text\": \"cut"),
        Some("b")
    );
    assert_eq!(other("{\"call_id\": 17, \"text\": "), Some("17"));
    assert_eq!(
        other("{\"conversation_id\": \"a\", \"text\": "),
        None,
        "the open one"
    );
    assert_eq!(
        other("{\"conversation_id\": \"a\\u0062\", \"x"),
        None,
        "escaped: unread"
    );
    assert_eq!(other("{\"conversation_id\": null, \"text\": "), None);
    assert_eq!(other("{\"text\": \"no id"), None);
}
