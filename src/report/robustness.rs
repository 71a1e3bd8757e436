//! No input panics: random mixtures of the syntax every parser cares about, through every parser,
//! the engine, and every report printer.

use super::{OutputFormat, PrinterOptions, conversation, printer};
use crate::engine::{Engine, Scratch};
use crate::rules::load::{Overrides, load};
use crate::transcript::robustness::{FRAGMENTS, Rng};
use crate::transcript::{Format, ParseOptions, parse};

#[test]
fn random_inputs_never_panic() {
    let files = vec![(
        "basic.yaml".to_string(),
        std::fs::read_to_string("fixtures/rules/basic.yaml")
            .unwrap()
            .into(),
    )];
    let (rules, _) = load(&files, &Overrides::default(), &["um".to_string()]).unwrap();
    let engine = Engine::new(&rules).unwrap();
    let opts = ParseOptions::default();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut scratch = Scratch::default();
    let redactor = crate::redact::Redactor::new(&[]).unwrap();
    let formats = &Format::ALL;
    let (mut parsed, mut found) = (0, 0);
    for _ in 0..3000 {
        let mut source = String::new();
        if rng.next().is_multiple_of(4) {
            source.push_str("WEBVTT\n\n");
        }
        for _ in 0..rng.next() % 40 {
            source.push_str(FRAGMENTS[rng.next() % FRAGMENTS.len()]);
        }
        for &format in formats {
            let Ok(parsed_file) = parse(&source, format, &opts) else {
                continue;
            };
            parsed += 1;
            for t in &parsed_file.transcripts {
                let eval = engine.check(t, &source, &mut scratch);
                let mut lines = crate::text::lines::LineCursor::new(&source);
                // Every other conversation is rendered redacted too.
                let redact = parsed % 2 == 0;
                let r = redact.then_some(&redactor);
                let conv = conversation(
                    "x",
                    format.name(),
                    t,
                    &mut lines,
                    &eval,
                    &[],
                    &rules,
                    &[],
                    r,
                );
                found += conv.findings.len();
                for f in &conv.findings {
                    assert!(f.span.0 <= f.span.1 && f.span.1 <= source.len());
                }
                for format in OutputFormat::ALL {
                    let printer = printer(format, &rules, PrinterOptions::default());
                    printer.conversation(&conv, &source, &mut Vec::new());
                }
            }
        }
    }
    assert!(
        parsed > 3000,
        "most random inputs parse as some format: {parsed}"
    );
    assert!(
        found > 1000,
        "the inputs exercise the matcher: {found} findings"
    );
}
