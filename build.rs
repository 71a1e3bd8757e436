//! Embeds the default rule pack: every `rules/*.yaml` file becomes a `(name, text)` entry. Also
//! fingerprints the code that builds a matcher, so that the prebuilt default-pack matcher is read
//! only by the code that wrote it (`src/engine/matcher/prebuilt/`).

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

fn main() {
    embed_rules();
    let root = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"))
        .to_path_buf();
    println!("cargo:rerun-if-changed=src/fnv.rs");
    let mut sources = Vec::new();
    for source in MATCHER_SOURCES {
        println!("cargo:rerun-if-changed={source}");
        source_files(&root.join(source), &mut sources);
    }
    sources.sort();
    // Each file's path and text (line ends as `\n`, whatever the checkout made them), each with
    // its length.
    let mut hash = Fnv::default();
    for path in &sources {
        let relative = path
            .strip_prefix(&root)
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
    let hash = hash.finish();
    println!("cargo:rustc-env=TALKLINT_MATCHER_CODE={hash:016x}");
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
