//! Helpers shared by the integration tests.

use assert_cmd::Command;
use serde_json::Value;

/// The talklint binary, run from the repository root with no config file.
pub fn talklint() -> Command {
    let mut cmd = Command::cargo_bin("talklint").expect("binary builds");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd.env_remove("NO_COLOR");
    cmd
}

/// The talklint binary started by `sh -c "{before} exec talklint ARGS {after}"`: with a shell's
/// setting (`trap '' INT;`) or redirection (`>&-`) of its own; `exec` keeps the shell's process
/// and descriptors.
pub fn through_sh(before: &str, after: &str) -> std::process::Command {
    let mut sh = std::process::Command::new("sh");
    sh.arg("-c")
        .arg(format!("{before} exec \"$0\" \"$@\" {after}"))
        .arg(assert_cmd::cargo::cargo_bin("talklint"));
    sh
}

/// `talklint check --no-config` with the test rule packs and extra arguments.
pub fn check(args: &[&str]) -> Command {
    let mut cmd = talklint();
    cmd.args([
        "check",
        "--no-config",
        "-r",
        "fixtures/rules/basic.yaml",
        "-r",
        "fixtures/rules/keys.yaml",
    ]);
    cmd.args(args);
    cmd
}

/// Runs and returns (exit code, stdout, stderr).
pub fn run(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().expect("binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs a JSON check and parses the report.
pub fn json_report(args: &[&str]) -> (i32, Value) {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let (code, out, err) = run(&mut check(&all));
    let v: Value = serde_json::from_str(&out)
        .unwrap_or_else(|e| panic!("JSON report ({e}):\n{out}\nstderr:\n{err}"));
    (code, v)
}

/// `talklint check --no-config ARGS` run in `dir`: exit code, output and errors.
pub fn check_in(dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    run(talklint()
        .current_dir(dir)
        .args(["check", "--no-config"])
        .args(args))
}

/// `talklint check --format json ARGS` run in `dir`, so that its config applies: the exit code
/// and the parsed report.
pub fn json_report_in(dir: &std::path::Path, args: &[&str]) -> (i32, Value) {
    let (code, out, err) = run(talklint()
        .current_dir(dir)
        .args(["check", "--format", "json"])
        .args(args));
    let v: Value = serde_json::from_str(&out)
        .unwrap_or_else(|e| panic!("JSON report ({e}):\n{out}\nstderr:\n{err}"));
    (code, v)
}

/// The warnings of conversation `i`.
pub fn warnings(report: &Value, i: usize) -> Vec<&str> {
    let list = report["conversations"][i]["warnings"].as_array();
    list.into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect()
}

/// The findings of conversation `i` as (rule, line, column, match).
pub fn findings(report: &Value, i: usize) -> Vec<(String, u64, u64, Option<String>)> {
    report["conversations"][i]["findings"]
        .as_array()
        .expect("findings array")
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap_or_default().to_string(),
                f["line"].as_u64().unwrap_or_default(),
                f["column"].as_u64().unwrap_or_default(),
                f["match"].as_str().map(str::to_string),
            )
        })
        .collect()
}

/// The default pack's JSON report on `path` (never failing on findings).
pub fn default_pack_report(path: &std::path::Path) -> Value {
    pack_report(None, path)
}

/// `check` with no config, a JSON report and no failure for findings: the arguments most tests
/// run talklint with, before their own.
pub const JSON_CHECK: [&str; 5] = ["check", "--no-config", "-f", "json", "--exit-zero"];

/// The JSON report of the rules in `rules` (the default pack when `None`) on `path`, never
/// failing on findings.
pub fn pack_report(rules: Option<&std::path::Path>, path: &std::path::Path) -> Value {
    let mut cmd = talklint();
    cmd.args(JSON_CHECK);
    if let Some(rules) = rules {
        cmd.arg("-r").arg(rules);
    }
    let (code, out, err) = run(cmd.arg(path));
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("JSON report ({e}):\n{out}"))
}

/// The first conversation of the default pack's report on `path`.
pub fn default_pack(path: &str) -> Value {
    default_pack_report(std::path::Path::new(path))["conversations"][0].clone()
}

/// The first finding of `rule` in a conversation of a JSON report.
pub fn finding<'a>(c: &'a Value, rule: &str) -> &'a Value {
    c["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == rule)
        .unwrap_or_else(|| panic!("{rule} in {c}"))
}

/// Writes `text` to the file `name` in `dir`; gives its path.
pub fn write(dir: &std::path::Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("a temporary file");
    path
}

/// The messages of a JSON report's errors.
pub fn error_messages(report: &Value) -> Vec<&str> {
    report["errors"]
        .as_array()
        .expect("errors array")
        .iter()
        .map(|e| e["message"].as_str().unwrap_or_default())
        .collect()
}

/// The string `key` of each object in the array `list` that has one.
pub fn strings<'a>(list: &'a Value, key: &str) -> Vec<&'a str> {
    list.as_array()
        .expect("an array")
        .iter()
        .filter_map(|x| x[key].as_str())
        .collect()
}

/// Panics unless `sarif` is valid against the official SARIF 2.1.0 schema.
pub fn assert_valid_sarif(sarif: &Value) {
    if let Err(e) = validate("fixtures/schemas/sarif-schema-2.1.0.json", sarif) {
        panic!("invalid SARIF: {e}");
    }
}

/// Validates `doc` with boon against the JSON Schema in the file `schema` (relative to the
/// repository root); the error lists every place that fails.
pub fn validate(schema: &str, doc: &Value) -> Result<(), String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(schema);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{schema}: {e}"));
    let schema_value: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{schema}: {e}"));
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    let url = format!("file:///{schema}");
    compiler.add_resource(&url, schema_value).unwrap();
    let index = compiler
        .compile(&url, &mut schemas)
        .unwrap_or_else(|e| panic!("{schema} does not compile: {e:#}"));
    schemas.validate(doc, index).map_err(|e| format!("{e:#}"))
}

/// A rule file with `body`, and the error talklint gives on it (exit 2, nothing checked, a hint).
pub fn rule_error(body: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "r.yaml", body);
    let (code, out, err) = run(talklint()
        .args(["check", "--no-config", "-r"])
        .arg(&file)
        .arg("fixtures/calls"));
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(err.contains("help: "), "says how to fix it: {err}");
    err
}

/// Every report format.
pub const FORMATS: [&str; 8] = [
    "human", "json", "jsonl", "sarif", "junit", "csv", "github", "html",
];

/// The flag a report in `format` is run with to quote every finding's text: CSV has a row per
/// finding only with `--csv-findings`; the others show no scores with `-q`.
pub fn quoting(format: &str) -> &'static str {
    if format == "csv" {
        "--csv-findings"
    } else {
        "-q"
    }
}

/// Runs a copy of talklint (written to `dir`, which `nobody` may read) with `args` as the user
/// `nobody`, or `None` where the tests do not run as root or `setpriv` is missing.
#[cfg(unix)]
pub fn as_nobody(
    dir: &std::path::Path,
    args: &[&std::ffi::OsStr],
) -> Option<(i32, String, String)> {
    use std::os::unix::fs::PermissionsExt;
    let root = Command::new("id").arg("-u").output();
    let setpriv = Command::new("setpriv").arg("--version").output();
    if !root.is_ok_and(|o| o.stdout == b"0\n") || setpriv.is_err() {
        eprintln!("skipped: needs root and setpriv");
        return None;
    }
    let bin = dir.join("talklint");
    std::fs::copy(assert_cmd::cargo::cargo_bin("talklint"), &bin).unwrap();
    std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).unwrap();
    let once = || {
        run(Command::new("setpriv")
            .args(["--reuid=nobody", "--regid=nogroup", "--clear-groups"])
            .arg(&bin)
            .args(args))
    };
    // The copy just written may be held open for writing by a process another test thread
    // forked meanwhile (until it execs): running it then fails with "Text file busy".
    let mut attempt = once();
    for _ in 0..50 {
        if !attempt.2.contains("Text file busy") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        attempt = once();
    }
    Some(attempt)
}

/// A FIFO `name` in `dir` that gives `text` to the first process that opens it, as a shell's
/// `<(…)` does: a path that can be read once and not sought in.
#[cfg(unix)]
pub fn fifo(dir: &std::path::Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    let made = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .unwrap();
    assert!(made.success(), "mkfifo {}", path.display());
    let (at, text) = (path.clone(), text.to_string());
    std::thread::spawn(move || std::fs::write(at, text));
    path
}

/// The cells of column `name` in a CSV report, in the rows of what was checked (a skipped or
/// unread file's row, which names why in its last column, left out).
pub fn csv_column(csv: &str, name: &str) -> Vec<String> {
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let at = (reader.headers().unwrap().iter())
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}: {csv}"));
    let rows = reader.records().map(Result::unwrap);
    let checked = rows.filter(|r| r.iter().next_back() == Some(""));
    checked.map(|r| r[at].to_string()).collect()
}
