//! CSV reports for a spreadsheet in any locale: `--csv-delimiter` and `--csv-bom` (and the
//! config's `csv_delimiter:` and `csv_bom:`) in every CSV talklint writes, `check`'s and
//! `merge`'s, read back with the delimiter chosen; without them, the bytes of always.

use crate::merge::merge;
use crate::support::{check_in, run, talklint, write};
use std::path::Path;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A rule whose message holds a `;` and quotes the words matched.
const RULES: &str = "rules:\n  - id: t/calm\n    severity: error\n    speaker: any\n    \
                     message: 'Said; \"{match}\"'\n    phrases: [calm down, cálmese]\n";

/// The rows of `csv`, its header first, read with `delimiter` as a spreadsheet reads them: a
/// row with another number of fields than the header is an error.
fn rows(csv: &[u8], delimiter: u8) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .from_reader(csv);
    let read = reader.records().map(|r| {
        let r = r.unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(csv)));
        r.iter().map(String::from).collect()
    });
    read.collect()
}

/// The cells of column `name` below the header, in the rows of what was checked (a file not
/// checked has a row of its own, why in its last cell).
fn column(rows: &[Vec<String>], name: &str) -> Vec<String> {
    let at = rows[0].iter().position(|h| h == name).expect(name);
    let checked = rows[1..]
        .iter()
        .filter(|r| r.last().is_some_and(String::is_empty));
    checked.map(|r| r[at].clone()).collect()
}

/// A folder of the rules and Spanish call of the report from Madrid.
fn madrid() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "r.yaml", RULES);
    write(dir.path(), "t1.txt", "Agente: Hola.\nCliente: Cálmese.\n");
    dir
}

/// `check --no-config -r r.yaml --exit-zero ARGS` in `dir`: the bytes of the report it
/// writes to `out.csv`.
fn report(dir: &Path, args: &[&str]) -> Vec<u8> {
    let base = ["-r", "r.yaml", "--exit-zero", "-o", "out.csv"];
    let (code, out, err) = check_in(dir, &[&base[..], args].concat());
    assert_eq!(code, 0, "{out}{err}");
    std::fs::read(dir.join("out.csv")).unwrap()
}

/// Excel reads a CSV file without a byte order mark in the locale's code page: `Cálmese` showed
/// as `CÃ¡lmese`. With `--csv-bom` the mark opens the file, and nothing else changes.
#[test]
fn csv_bom_opens_the_report_with_a_byte_order_mark() {
    let dir = madrid();
    for findings in [&[][..], &["--csv-findings"]] {
        let plain = report(dir.path(), &[findings, &["-f", "csv", "t1.txt"]].concat());
        assert!(plain.starts_with(b"path,id,"), "{plain:?}");
        let marked = report(
            dir.path(),
            &[findings, &["-f", "csv", "--csv-bom", "t1.txt"]].concat(),
        );
        assert_eq!(marked[..3], *BOM);
        assert_eq!(marked[3..], plain[..]);
    }
    let findings = report(
        dir.path(),
        &["-f", "csv", "--csv-bom", "--csv-findings", "t1.txt"],
    );
    let read = rows(&findings[3..], b',');
    assert_eq!(column(&read, "match"), ["Cálmese"]);
}

/// With `;`, a field holding `;`, a quote or a line break is quoted as the delimiter asks: the
/// path `a;b.txt`, a message `Said; "calm down"`, words matched over a line break, and the
/// agent cell `Tom; sarah`, whose spelling is settled as rows are written in order.
#[test]
fn a_semicolon_report_reads_back_field_for_field() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "r.yaml", RULES);
    write(
        dir.path(),
        "a;b.txt",
        "Agent ( sarah ): Please calm\ndown now.\n",
    );
    write(dir.path(), "b.txt", "Agent (SARAH): Hello.\nCustomer: hm\n");
    write(
        dir.path(),
        "c.txt",
        "Agent Tom: Hello.\nCustomer: hm\nAgent (Sarah): Fine.\n",
    );
    let args = [
        "-f",
        "csv",
        "--csv-delimiter",
        "semicolon",
        "--csv-findings",
    ];
    let findings = rows(&report(dir.path(), &args), b';');
    // The rule file and the report are not checked: each has a row, that says why.
    let not_checked: Vec<&str> = (findings[1..].iter())
        .filter_map(|r| {
            Some(r.first()?.as_str()).filter(|_| r.last().is_some_and(|c| !c.is_empty()))
        })
        .collect();
    assert_eq!(not_checked, ["out.csv", "r.yaml"], "{findings:?}");
    assert_eq!(column(&findings, "path"), ["a;b.txt"]);
    assert_eq!(column(&findings, "match"), ["calm\ndown"]);
    assert_eq!(column(&findings, "message"), ["Said; \"calm down\""]);
    assert_eq!(column(&findings, "agent"), ["sarah"]);
    // `;` itself names it too.
    let conversations = rows(
        &report(dir.path(), &["-f", "csv", "--csv-delimiter", ";"]),
        b';',
    );
    assert_eq!(
        column(&conversations, "path"),
        ["a;b.txt", "b.txt", "c.txt"]
    );
    assert_eq!(
        column(&conversations, "agent"),
        ["sarah", "sarah", "Tom; sarah"]
    );
    assert_eq!(column(&conversations, "errors"), ["1", "0", "0"]);
}

/// A team sets the dialect in talklint.yaml; flags win over it; a value it cannot take is an
/// error at its line and column that lists the values.
#[test]
fn the_config_sets_the_dialect_and_names_a_bad_value_where_it_stands() {
    let dir = madrid();
    let config = |text: &str| write(dir.path(), "talklint.yaml", text);
    let run_in = |args: &[&str]| {
        run(talklint()
            .current_dir(dir.path())
            .args(["check", "-r", "r.yaml", "--exit-zero", "-f", "csv"])
            .args(args)
            .arg("t1.txt"))
    };
    config("csv_delimiter: semicolon\ncsv_bom: true\n");
    let (code, out, err) = run_in(&[]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("\u{feff}path;id;format;"), "{out}");
    let (_, out, _) = run_in(&["--csv-delimiter", "comma", "--no-csv-bom"]);
    assert!(out.starts_with("path,id,format,"), "{out}");
    config("csv_delimiter: \";\"\n");
    let (_, out, _) = run_in(&[]);
    assert!(out.starts_with("path;id;format;"), "{out}");
    config("fail_on: never\ncsv_delimiter: pipe\n");
    let (code, _, err) = run_in(&[]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("talklint.yaml:2:16: csv_delimiter: unknown variant `pipe`")
            && err.contains("`semicolon`")
            && err.contains("`tab`"),
        "{err}"
    );
    config("csv_bom: maybe\n");
    let (code, _, err) = run_in(&[]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("talklint.yaml:1:10: csv_bom: invalid type"),
        "{err}"
    );
}

/// `merge` writes CSV in the dialect asked, byte for byte as `check` does.
#[test]
fn merge_writes_csv_in_the_dialect_asked() {
    let dir = madrid();
    let json = report(dir.path(), &["-f", "json", "t1.txt"]);
    let merged_from = write(dir.path(), "report.json", &String::from_utf8(json).unwrap());
    let dialect = ["-f", "csv", "--csv-delimiter", "tab", "--csv-bom"];
    for findings in [&[][..], &["--csv-findings"]] {
        let checked = report(dir.path(), &[&dialect[..], findings, &["t1.txt"]].concat());
        assert!(
            checked.starts_with(b"\xEF\xBB\xBFpath\tid\t"),
            "{checked:?}"
        );
        let rules = dir.path().join("r.yaml");
        let args = [&["-r", rules.to_str().unwrap()][..], &dialect, findings].concat();
        let (_, merged, err) = merge(&args, std::slice::from_ref(&merged_from));
        assert_eq!(merged.as_bytes(), checked, "{err}");
    }
}

/// A flag that shapes CSV reports in a run that writes none would be ignored without a word.
#[test]
fn a_csv_flag_without_a_csv_report_is_an_error() {
    let dir = madrid();
    for flag in [&["--csv-delimiter", "tab"][..], &["--csv-bom"]] {
        let (code, _, err) = check_in(dir.path(), &[flag, &["-f", "json", "t1.txt"]].concat());
        assert_eq!(code, 2, "{err}");
        assert!(
            err.contains(&format!("{} changes CSV reports", flag[0])),
            "{err}"
        );
    }
}

/// A report written with a BOM, `;` or tabs is still known for talklint's: a later run over
/// its folder skips it rather than read it as a transcript, and writes over it.
#[test]
fn a_report_in_another_dialect_is_still_known_for_a_report() {
    let dir = madrid();
    let excel = [
        "--output-csv",
        "excel.csv",
        "--csv-bom",
        "--csv-delimiter",
        "semicolon",
    ];
    let tabs = ["-f", "csv", "--csv-findings", "--csv-delimiter", "tab"];
    for _ in 0..2 {
        let (code, out, err) = check_in(dir.path(), &[&["-r", "r.yaml", "."][..], &excel].concat());
        assert_eq!(code, 1, "{out}{err}");
    }
    let (_, rows, _) = check_in(dir.path(), &[&["-r", "r.yaml"][..], &tabs].concat());
    write(dir.path(), "findings.tsv", &rows);
    let (_, out, err) = check_in(dir.path(), &["-r", "r.yaml", "-f", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}{err}"));
    assert_eq!(v["errors"], serde_json::json!([]), "{v}");
    let reason = |name: &str| {
        let list = v["skipped"].as_array().unwrap();
        let found = list.iter().find(|s| s["path"] == name);
        found.map(|s| s["reason"].clone())
    };
    assert_eq!(reason("excel.csv"), Some("a talklint report".into()), "{v}");
    assert_eq!(
        reason("findings.tsv"),
        Some("a talklint report".into()),
        "{v}"
    );
}
