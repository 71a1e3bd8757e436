//! The real and documented format samples of `fixtures/corpora/format-samples`: each is read or
//! rejected with a clear error, and agents are named only by names.

use crate::support::json_report;
use serde_json::Value;

/// Every file under `fixtures/corpora/format-samples/` (the shared corpus, copied whole): each
/// transcript is read as its format with the right number of turns and no unknown roles, each
/// broken one is an error that says what is wrong, and nothing else is read (licences are
/// skipped, documentation `.md` files are plain text).
#[test]
fn every_format_sample_is_read_or_rejected_clearly() {
    let root = "fixtures/corpora/format-samples";
    let (_, v) = json_report(&[root]);
    let rel = |p: &Value| p.as_str().unwrap()[root.len() + 1..].to_string();
    let mut read: Vec<(String, String, u64, u64)> = v["conversations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| !c["path"].as_str().unwrap().ends_with(".md"))
        .filter(|c| !c["path"].as_str().unwrap().ends_with(".txt"))
        .map(|c| {
            let (turns, unknown) = (
                c["turns"].as_u64().unwrap(),
                c["unknown_turns"].as_u64().unwrap(),
            );
            (
                rel(&c["path"]),
                c["format"].as_str().unwrap().to_string(),
                turns,
                unknown,
            )
        })
        .collect();
    read.sort();
    let read: Vec<(&str, &str, u64, u64)> = read
        .iter()
        .map(|(p, f, t, u)| (&p[p.rfind('/').unwrap() + 1..], f.as_str(), *t, *u))
        .collect();
    let expected_read = [
        (
            "call_redacted.as_published.jsonc",
            "aws-call-analytics",
            10,
            0,
        ),
        ("chat_analyzed_original.json", "aws-call-analytics", 31, 0),
        ("chat_redacted.json", "aws-call-analytics", 31, 0),
        ("testfile.json", "aws-pca", 12, 0),
        (
            "diarization_batch_example.as_published.json",
            "aws-transcribe",
            2,
            0,
        ),
        (
            "b00dc103a62ea2ccfc752ec0f646c7528ef5e729a9d7481d2a944253a9128ce2-29e7c8100617f70da4ae9da1921cb5071a01219f4780ca70930b0a370ed2163a-response.json",
            "deepgram",
            1,
            0,
        ),
        (
            "b00dc103a62ea2ccfc752ec0f646c7528ef5e729a9d7481d2a944253a9128ce2-a17f4880c5b4cf124ac54d06d77c9f0ab7f3fe1052ff1c7b090f7eaf8ede5b76-response.json",
            "deepgram",
            1,
            0,
        ),
        (
            "f3b6208a662156067a41bddd295a1a0a53ea34a268e27a8f1a9d7107aa99732f-29e7c8100617f70da4ae9da1921cb5071a01219f4780ca70930b0a370ed2163a-response.json",
            "deepgram",
            1,
            0,
        ),
        ("conversation_data_format_example.json", "google-ccai", 2, 0),
        ("calltranscript_content_example.vtt", "vtt", 1, 0),
        ("calltranscript_metadataContent_example.vtt", "vtt", 1, 0),
    ];
    for e in expected_read {
        assert!(read.contains(&e), "{e:?} in {read:#?}");
    }
    let subtitles = read
        .iter()
        .filter(|r| ["vtt", "srt", "sbv"].contains(&r.1))
        .count()
        - 2;
    assert_eq!(read.len(), expected_read.len() + subtitles, "{read:#?}");
    assert_eq!(
        subtitles, 20,
        "the webvtt-py fixtures that are valid captions with cues (no_captions.vtt is skipped)"
    );

    let errors: Vec<(String, String)> = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (rel(&e["path"]), e["message"].as_str().unwrap().to_string()))
        .collect();
    let error_for = |name: &str| {
        errors
            .iter()
            .find(|(p, _)| p.ends_with(name))
            .map(|(_, m)| m.as_str())
            .unwrap_or_else(|| panic!("{name} is an error: {errors:#?}"))
    };
    assert!(
        error_for("call_analyzed_original.as_published.json")
            .starts_with("line 297, column 1: text after the end of the JSON document")
    );
    assert!(error_for("-options.json").contains("unrecognised JSON shape"));
    assert!(error_for("invalid_format4.srt").contains("expected a cue number"));
    // At the time that is none, saying which and what to write (it was column 1).
    assert_eq!(
        error_for("invalid_timeframe.vtt"),
        "line 6, column 18: bad cue timing `00:00:07.000 --> 00:00:1d.890`: its end time \
         cannot be read; write `00:00:01.000 --> 00:00:04.000` (read as vtt)"
    );
    let dir = tempfile::tempdir().unwrap();
    for (cue, at) in [
        ("--> 00:00:04.000", "3, column 1"),
        ("00:00:01.000 -->", "3, column 17"),
    ] {
        let path = crate::support::write(dir.path(), "c.vtt", &format!("WEBVTT\n\n{cue}\nhi\n"));
        let (_, _, err) = crate::support::run(
            crate::support::talklint()
                .args(["check", "--no-config"])
                .arg(&path),
        );
        assert!(
            err.contains(&format!("c.vtt: line {at}: bad cue timing")),
            "{err}"
        );
    }
    assert!(error_for("missing_timeframe.sbv").contains("cue has no timing line"));
    assert_eq!(errors.len(), 15, "{errors:#?}");
    for (path, message) in &errors {
        assert!(message.starts_with("line "), "{path}: {message}");
    }
    let skipped = v["skipped"].as_array().unwrap();
    assert!(
        skipped.iter().all(|s| {
            let p = s["path"].as_str().unwrap();
            p.contains("LICENSE")
                || p.ends_with(".cmd")
                || ((p.ends_with("no_captions.vtt") || p.ends_with("/empty.vtt"))
                    && s["reason"] == "no turns (an empty vtt transcript)")
        }),
        "{skipped:#?}"
    );
}

/// A report's `agent` is a name the transcript gives, never a role word or a diariser's label
/// (`spk_0`, `A`, `2`) or a platform's (Genesys `internal`, a Zendesk author id).
#[test]
fn agents_are_named_only_by_names() {
    let (_, v) = json_report(&["fixtures/formats"]);
    let agents = crate::support::strings(&v["conversations"], "agent");
    assert_eq!(
        agents,
        ["Dana", "Ria", "Ria", "Jane", "Kim Park", "sam@acme.example"]
    );
}
