//! Embeds the default rule pack: every `rules/*.yaml` file becomes a `(name, text)` entry.

use std::{env, fs, path::Path};

fn main() {
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
