//! Embeds the default rule pack: every `rules/*.yaml` file becomes a `(name, text)` entry. Also
//! fingerprints the code that builds a matcher, and the code and files that load the pack, so
//! that the prebuilt default-pack matcher and rules are read only by the code that wrote them
//! (`src/engine/matcher/prebuilt/`, `src/rules/prebuilt/`).

use std::{env, fs, path::Path};

#[path = "src/fnv.rs"]
mod fnv;
use fnv::Fnv;

/// The code a matcher's build depends on: every file of these (test files and the prebuilt
/// bytes aside) is fingerprinted.
const MATCHER_SOURCES: &[&str] = &[
    "src/engine/matcher",
    "src/engine/vocab",
    "src/engine/automaton.rs",
    "src/rules/phrase",
    "src/text",
];

/// The code and rule files a loaded default pack depends on (`src/rules/prebuilt/`): the pack's
/// YAML, the loader, and what it reads words and roles with.
const RULES_SOURCES: &[&str] = &[
    "rules",
    "src/rules",
    "src/text",
    "src/yaml.rs",
    "src/transcript/roles.rs",
    "src/transcript/sentiment.rs",
];

fn main() {
    embed_rules();
    let root = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"))
        .to_path_buf();
    println!("cargo:rerun-if-changed=src/fnv.rs");
    for (name, sources) in [
        ("TALKLINT_MATCHER_CODE", MATCHER_SOURCES),
        ("TALKLINT_RULES_CODE", RULES_SOURCES),
    ] {
        println!(
            "cargo:rustc-env={name}={:016x}",
            fingerprint(&root, sources)
        );
    }
}

/// The FNV-1a hash of every file under `sources`: each file's path and text (line ends as `\n`,
/// whatever the checkout made them), each with its length.
fn fingerprint(root: &Path, sources: &[&str]) -> u64 {
    let mut files = Vec::new();
    for source in sources {
        println!("cargo:rerun-if-changed={source}");
        source_files(&root.join(source), &mut files);
    }
    files.sort();
    let mut hash = Fnv::default();
    for path in &files {
        let relative = path
            .strip_prefix(root)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/");
        let mut text = fs::read(path).unwrap_or_default();
        text.retain(|&b| b != b'\r');
        for part in [relative.as_bytes(), &text] {
            hash.number(part.len() as u64);
            hash.bytes(part);
        }
    }
    hash.finish()
}

/// `path` if it is a source file, else the source files under it: test files (`tests.rs`,
/// `tests/`) and the prebuilt bytes (`*.bin`) aside.
fn source_files(path: &Path, out: &mut Vec<std::path::PathBuf>) {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    if name == "tests" || name == "tests.rs" || name.ends_with(".bin") {
        return;
    }
    match fs::read_dir(path) {
        Ok(entries) => {
            for entry in entries.filter_map(Result::ok) {
                source_files(&entry.path(), out);
            }
        }
        Err(_) if path.is_file() => out.push(path.to_path_buf()),
        Err(_) => {}
    }
}

fn embed_rules() {
    println!("cargo:rerun-if-changed=rules");
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"))
        .join("rules");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")));
    files.sort();
    let mut out = String::from("&[\n");
    for p in &files {
        let name = p
            .file_name()
            .and_then(|n| n.to_str())
            .expect("rule file names are UTF-8");
        println!("cargo:rerun-if-changed={}", p.display());
        out.push_str(&format!(
            "    (\"rules/{name}\", include_str!({:?})),\n",
            p.display().to_string()
        ));
    }
    out.push(']');
    let dest =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("builtin_rules.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}
