//! What the fuzz targets in `fuzz/` run, one entry per input talklint reads: each transcript
//! parser, the rule loader and the config loader. The targets and the replay test
//! (`fuzz/regressions/`) call the same [`run`], so a saved crash input stays a test.
//!
//! A transcript target's first byte picks options (bit 7: `--redact`; bit 6: `--show-suppressed`
//! and `--warn-unused-ignores`; the low bits: Markdown for `text`, the JSON shape for `json`), the
//! rest is the file. The bytes go through the scan's own steps for one file, with the default pack
//! and every report format.

use crate::config;
use crate::engine::Engine;
use crate::fix::FixMode;
use crate::redact::Redactor;
use crate::report::{self, OutputFormat, Printer, PrinterOptions};
use crate::rules::RuleSet;
use crate::rules::load::{self, Overrides};
use crate::scan::{ScanOptions, check_bytes};
use crate::suppress::SuppressOptions;
use crate::text::canon::DEFAULT_FILLERS;
use crate::transcript::{Format, ParseOptions};
use std::path::Path;
use std::sync::OnceLock;

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
        Target::Rules => rules(data),
        Target::Config => config(data),
        transcript => {
            if let Some((&options, file)) = data.split_first() {
                self::transcript(transcript, options, file);
            }
        }
    }
}

/// The default pack, its engine and a printer of every format, built once per process.
struct Scanner {
    rules: RuleSet,
    engine: Engine,
    printers: Vec<Box<dyn Printer>>,
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
        }
    })
}

/// The JSON shapes a `json` input is read as: recognised (`None`), or each named one.
fn json_shape(selector: u8) -> Option<Format> {
    use Format::*;
    let shapes: Vec<Format> = Format::ALL
        .into_iter()
        .filter(|f| !matches!(f, Text | Json | Jsonl | Vtt | Srt | Sbv | Csv))
        .collect();
    let pick = usize::from(selector) % (shapes.len() + 1);
    shapes.get(pick).copied()
}

fn transcript(target: Target, options: u8, file: &[u8]) {
    let low = options & 0x3f;
    let (name, input_format) = match target {
        Target::Text if low & 1 == 1 => ("script.md", None),
        Target::Text => ("call.txt", None),
        Target::Json => ("call.json", json_shape(low)),
        Target::Jsonl => ("chats.jsonl", None),
        Target::Vtt => ("call.vtt", None),
        Target::Srt => ("call.srt", None),
        Target::Sbv => ("call.sbv", None),
        _ => ("chats.csv", None),
    };
    let s = scanner();
    let opts = ScanOptions {
        paths: Vec::new(),
        include: None,
        exclude: None,
        ignore: true,
        max_filesize: u64::MAX,
        input_format,
        stdin_filename: None,
        parse: ParseOptions::default(),
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
        redact: (options & 0x80 != 0)
            .then(|| Redactor::new(&[]).expect("the built-in patterns compile")),
    };
    let printers: Vec<&dyn Printer> = s.printers.iter().map(|p| &**p).collect();
    check_bytes(file, Path::new(name), &opts, &s.engine, &s.rules, &printers);
}

fn fillers() -> Vec<String> {
    DEFAULT_FILLERS.iter().map(|f| f.to_string()).collect()
}

/// Loads `data` as a YAML pack and as a cloud JSON file; whatever loads is compiled, and its
/// rules' examples are checked, as `talklint test` does.
fn rules(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for name in ["pack.yaml", "categories.json"] {
        let files = [(name.to_string(), text.to_string())];
        if let Ok((set, _)) = load::load(&files, &Overrides::default(), &fillers())
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

/// Parses `data` as a config and applies its `disable`, `severity` and `lexicons` to a pack.
fn config(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(cfg) = config::parse(".talklint.yml", text) else {
        return;
    };
    let overrides = Overrides {
        disable: cfg.disable,
        severity: cfg.severity,
        lexicons: cfg.lexicons,
        origin: ".talklint.yml".into(),
        text: text.into(),
        strict_import: false,
    };
    let fillers = cfg.fillers.unwrap_or_else(fillers);
    let files = [("pack.yaml".to_string(), PACK.to_string())];
    if let Ok((set, _)) = load::load(&files, &overrides, &fillers) {
        let _ = Engine::new(&set);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every file under `fuzz/regressions/TARGET/` (crashes and hangs the fuzzers found, and the
    /// reproductions of defects found before them) runs through its target again.
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
                run(target, &data);
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
        let mut shapes: Vec<Format> = (0..=63).filter_map(json_shape).collect();
        shapes.sort_by_key(|f| f.name());
        shapes.dedup();
        // Every format but text, recognised JSON, JSONL, the three caption formats and CSV.
        assert_eq!(shapes.len(), Format::ALL.len() - 7);
    }
}
