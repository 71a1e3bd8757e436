//! Tests of reading a file as it is detected.

use super::*;

/// Reading a file as it is detected (JSONL at once, its first line checked only when a line
/// fails) settles every file as detecting first does: the same format, and the same
/// transcripts or the same error. Only a `.jsonl` file that JSON cannot read either, whose
/// lines JSONL reads in part, is JSONL with those lines.
#[test]
fn detecting_while_parsing_reads_as_detecting_first() {
    let opts = ParseOptions::default();
    let sources = [
        "{\"role\":\"agent\",\"text\":\"hi\"}\n{\"role\":\"customer\",\"text\":\"yo\"}\n",
        "{\"role\":\"agent\",\"text\":\"hi\"}",
        "{\"messages\": [\n{\"role\":\"agent\",\"text\":\"hi\"}\n]}\n",
        "{\"messages\": [{\"role\":\"agent\",\"text\":\"hi\"}]}\n",
        "{\"role\":\"agent\",\"text\":\"hi\"}\n{broken\n",
        "{\"role\": agent}\n{\"a\":1}\n",
        "{\"role\": agent}\n{\"text\":\"hi\"}\n",
        "{\"text\": 5}\n",
        "\u{feff}{\"role\":\"agent\",\"text\":\"hi\"}\r\n",
        "{ \"a\": 1,\n  \"b\": [1, 2]\n}\n",
        "{}\n{}\n",
        "{\"text\":\"a\",\"text\":\"b\"}\n",
        "\n{\"role\":\"agent\",\"text\":\"hi\"}\n",
        "{ x\n",
    ];
    for source in sources {
        for name in ["a.jsonl", "a.JSONL", "a.json", "a.txt", "a"] {
            let path = std::path::Path::new(name);
            let format = detect(path, source);
            let (read_as, read) = detect_and_parse(source, &opts, path);
            let expected = parse_file(source, format, &opts, path);
            if read_as != format {
                let jsonl = parse_file(source, Format::Jsonl, &opts, path);
                assert!(
                    format == Format::Json && expected.is_err(),
                    "{name} {source:?}"
                );
                assert!(
                    jsonl.is_ok_and(|p| !p.unread.is_empty()),
                    "{name} {source:?}"
                );
                assert_eq!(read_as, Format::Jsonl);
                continue;
            }
            assert_eq!(
                format!("{read:?}"),
                format!("{expected:?}"),
                "{name} {source:?}"
            );
        }
    }
}

#[test]
fn decoded_offsets_map_back_to_the_source() {
    // Source: `"a\nb"` decoded to "a\nb" with the escape two bytes long.
    let mut d = Decoded::default();
    d.push_verbatim("a", 1);
    d.push_replacement("\n", 2);
    d.push_verbatim("bcd", 4);
    let turn = Turn {
        text: TurnText::Decoded(d),
        ..Turn::new(Role::Agent, None, 0..0)
    };
    assert_eq!(turn.source_offset(0), 1);
    assert_eq!(turn.source_offset(1), 2);
    assert_eq!(turn.source_offset(2), 4);
    assert_eq!(turn.source_offset(4), 6);
    assert_eq!(turn.source_offset(5), 7);
    // An end at a piece boundary stays in the piece before it.
    assert_eq!(turn.source_end(1), 2);
    assert_eq!(turn.source_end(2), 2);
    assert_eq!(turn.source_end(5), 7);
    assert_eq!(turn.source_end(0), 1);
}
