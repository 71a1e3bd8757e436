//! What the fuzz targets in `fuzz/` run: each transcript parser, the rule loader and the config
//! loader. The targets and the replay test (`fuzz/regressions/`) call the same [`run`], so a saved
//! crash input stays a test. Built only for tests and for `cargo fuzz` (`--cfg fuzzing`).
//!
//! A transcript target's first byte picks options (bit 7: `--redact`; bit 6: `--show-suppressed`
//! and `--warn-unused-ignores`; the low bits: Markdown for `text`; for `json`, 0 recognises the
//! shape and 1–12 read it as each named shape), the rest is the file. The bytes go through the
//! scan's own steps for one file, with the default pack and every report format.

use crate::config::{self, Loaded};
use crate::engine::Engine;
use crate::fix::FixMode;
use crate::redact::Redactor;
use crate::report::{self, OutputFormat, Printer, PrinterOptions};
use crate::rules::RuleSet;
use crate::rules::load::{self, Overrides};
use crate::scan::{ScanOptions, check_bytes};
use crate::suppress::SuppressOptions;
use crate::transcript::{Format, ParseOptions};
use std::path::Path;
use std::sync::OnceLock;

/// The shapes the `json` target reads an input as, after recognising it (selector 0):
/// `Format::ALL` lists the seven formats of their own syntax first, then the JSON shapes.
const JSON_SHAPES: &[Format] = Format::ALL.split_at(7).1;

/// What a fuzz target feeds its bytes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Plain text and Markdown scripts.
    Text,
    /// JSON: recognised by shape, or read as each named shape.
    Json,
    Jsonl,
    Vtt,
    Srt,
    Sbv,
    Csv,
    /// Rule files: YAML packs and cloud JSON (AWS categories, Google phrase matchers).
    Rules,
    /// `.talklint.yml` and its overrides of a pack.
    Config,
}

impl Target {
    /// Every target, named as `fuzz/fuzz_targets/` and `fuzz/regressions/` name them.
    pub const ALL: [(Target, &'static str); 9] = [
        (Target::Text, "text"),
        (Target::Json, "json"),
        (Target::Jsonl, "jsonl"),
        (Target::Vtt, "vtt"),
        (Target::Srt, "srt"),
        (Target::Sbv, "sbv"),
        (Target::Csv, "csv"),
        (Target::Rules, "rules"),
        (Target::Config, "config"),
    ];

    /// The target named `name`.
    pub fn named(name: &str) -> Option<Target> {
        Target::ALL
            .iter()
            .find(|(_, n)| *n == name)
            .map(|(t, _)| *t)
    }
}

/// Runs `data` through `target`. It must return, whatever the bytes: a panic, a hang or a
/// runaway allocation here is a bug.
pub fn run(target: Target, data: &[u8]) {
    match target {
        Target::Rules => load_rules(data),
        Target::Config => load_config(data),
        Target::Text
        | Target::Json
        | Target::Jsonl
        | Target::Vtt
        | Target::Srt
        | Target::Sbv
        | Target::Csv => {
            if let Some((&options, file)) = data.split_first() {
                check_transcript(target, options, file);
            }
        }
    }
}

/// The default pack, its engine, a printer of every format and the redactor, built once per
/// process.
struct Scanner {
    rules: RuleSet,
    engine: Engine,
    printers: Vec<Box<dyn Printer>>,
    redactor: Redactor,
}

fn scanner() -> &'static Scanner {
    static SCANNER: OnceLock<Scanner> = OnceLock::new();
    SCANNER.get_or_init(|| {
        let rules = crate::default_rules();
        let engine = Engine::new(&rules).expect("the default pack compiles (a unit test checks)");
        let options = PrinterOptions {
            color: true,
            ..PrinterOptions::default()
        };
        let printers = OutputFormat::ALL
            .iter()
            .map(|&f| report::printer(f, &rules, options))
            .collect();
        Scanner {
            rules,
            engine,
            printers,
            redactor: Redactor::new(&[]).expect("the built-in patterns compile (unit tests check)"),
        }
    })
}

/// The JSON shape selector `low` reads a `json` input as: recognised (0), or a named one.
fn json_shape(low: u8) -> Option<Format> {
    let pick = usize::from(low) % (JSON_SHAPES.len() + 1);
    pick.checked_sub(1).map(|i| JSON_SHAPES[i])
}

fn check_transcript(target: Target, options: u8, file: &[u8]) {
    let low = options & 0x3f;
    let (name, input_format) = match target {
        Target::Text if low & 1 == 1 => ("script.md", None),
        Target::Text => ("call.txt", None),
        Target::Json => ("call.json", json_shape(low)),
        Target::Jsonl => ("chats.jsonl", None),
        Target::Vtt => ("call.vtt", None),
        Target::Srt => ("call.srt", None),
        Target::Sbv => ("call.sbv", None),
        Target::Csv | Target::Rules | Target::Config => ("chats.csv", None),
    };
    let s = scanner();
    let opts = ScanOptions {
        paths: Vec::new(),
        include: None,
        exclude: None,
        force_exclude: false,
        ignore: true,
        max_filesize: u64::MAX,
        input_format,
        stdin_given: None,
        stdin_filename: None,
        // The second bit: directives ignored (for JSON, it also picks among the shapes).
        parse: ParseOptions {
            ignore_directives: low & 0x02 != 0,
            ..ParseOptions::default()
        },
        progress: false,
        threads: 1,
        shard: None,
        suppress: SuppressOptions {
            show: options & 0x40 != 0,
            warn_unused: options & 0x40 != 0,
            per_path: Vec::new(),
        },
        fix: Some(FixMode::Diff),
        reports: Vec::new(),
        redact: (options & 0x80 != 0).then(|| s.redactor.clone()),
        baseline: None,
        profiles: Default::default(),
    };
    let printers: Vec<&dyn Printer> = s.printers.iter().map(|p| &**p).collect();
    check_bytes(file, Path::new(name), &opts, &s.engine, &s.rules, &printers);
}

/// Loads `data` as a YAML pack and as a cloud JSON file; whatever loads is compiled, and its
/// rules' examples are checked, as `talklint test` does.
fn load_rules(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let fillers = Loaded::default().fillers();
    for name in ["pack.yaml", "categories.json"] {
        let files = [(name.to_string(), text.to_string().into())];
        if let Ok((set, _)) = load::load(&files, &Overrides::default(), &fillers)
            && let Ok(engine) = Engine::new(&set)
        {
            engine.run_examples(&set, &ParseOptions::default());
        }
    }
}

/// A small pack for a config's overrides to act on: a rule, a category and a lexicon.
const PACK: &str = "\
lexicons:
  deflect: [not my department, out of my hands]
rules:
  - id: no-deflection
    category: ownership
    kind: forbid
    phrases: ['@deflect', calm down]
";

/// Parses `data` as a config and loads a pack with its `disable`, `severity`, `lexicons` and
/// `fillers`, as `check` loads rules with a config.
fn load_config(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let name = config::NAMES[0];
    let Ok(config) = config::parse(name, text) else {
        return;
    };
    let loaded = Loaded {
        config,
        path: Some(name.into()),
        text: text.into(),
        ..Loaded::default()
    };
    let files = [("pack.yaml".to_string(), PACK.into())];
    if let Ok((set, _)) = load::load(&files, &loaded.overrides(false), &loaded.fillers()) {
        let _ = Engine::new(&set);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every file under `fuzz/regressions/TARGET/` (crashes and hangs the fuzzers found, and the
    /// reproductions of defects found before them) runs through its target again, each within a
    /// minute (the fuzzers call 10 s a hang; this build is unoptimised).
    #[test]
    fn saved_fuzz_inputs_run_to_the_end() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
        let mut ran = 0;
        for dir in std::fs::read_dir(&root)
            .expect("fuzz/regressions exists")
            .flatten()
        {
            let name = dir.file_name().to_string_lossy().into_owned();
            let target = Target::named(&name)
                .unwrap_or_else(|| panic!("fuzz/regressions/{name} names no fuzz target"));
            for entry in std::fs::read_dir(dir.path()).expect("a folder").flatten() {
                let data = std::fs::read(entry.path()).expect("a saved input is readable");
                let (done, finished) = std::sync::mpsc::channel();
                std::thread::spawn(move || {
                    run(target, &data);
                    let _ = done.send(());
                });
                let outcome = finished.recv_timeout(std::time::Duration::from_secs(60));
                // A panic drops the sender (Disconnected); a hang times out.
                assert!(outcome.is_ok(), "{}: {outcome:?}", entry.path().display());
                ran += 1;
            }
        }
        assert!(ran > 0, "no saved inputs under {}", root.display());
    }

    #[test]
    fn every_target_is_named_once_and_json_reaches_every_shape() {
        for (target, name) in Target::ALL {
            assert_eq!(Target::named(name), Some(target));
        }
        assert_eq!(json_shape(0), None);
        let named: Vec<Format> = (1..=JSON_SHAPES.len() as u8)
            .filter_map(json_shape)
            .collect();
        assert_eq!(named, JSON_SHAPES);
        // Every format that is not its own syntax is a JSON shape the target reaches.
        use Format::*;
        for format in Format::ALL {
            let syntax = matches!(format, Text | Json | Jsonl | Vtt | Srt | Sbv | Csv);
            assert!(syntax || JSON_SHAPES.contains(&format), "{format:?}");
        }
    }
}
