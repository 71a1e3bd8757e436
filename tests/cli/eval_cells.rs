//! Where an eval label row's errors point (the cell at fault, by line and column), and the
//! forms spreadsheets and exports write that eval reads: Excel's `sep=;` line, pandas' `1.0`,
//! `y`/`n`, and records without an id labelled by their place.

use crate::eval_labels::{calls, eval_with};
use crate::support::{run, talklint};

/// A label row's errors name the cell they are about, by line and column (they named the line
/// alone); a header naming `path` twice, an empty path, Excel's `sep=;` line, and the whole
/// numbers pandas writes (`1.0`, `3.0`) are read or named as such.
#[test]
fn errors_name_their_cell_and_spreadsheet_forms_are_read() {
    let dir = tempfile::tempdir().unwrap();
    calls(dir.path());
    for (labels, expected) in [
        (
            &b"path,turn,respect\nzzz.txt,1,1\n"[..],
            "l.csv:2:1: `zzz.txt` names no checked file",
        ),
        (
            b"turn,path,respect\n9,b.txt,1\n",
            "l.csv:2:1: b.txt has 2 turns, not 9",
        ),
        (
            b"path,turn,respect\nb.txt,1,1\nb.txt,1,0\n",
            "l.csv:3:9: `respect` is labelled 0 here and 1 on line 2",
        ),
        (
            b"path,path,respect\nb.txt,b.txt,1\n",
            "l.csv:1:6: `path` is a column twice",
        ),
        (
            b"path,turn,TURN,respect\nb.txt,1,1,1\n",
            "l.csv:1:11: `turn` is a column twice",
        ),
        (
            b"path,turn,respect\n,1,1\n",
            "l.csv:2:1: the row's `path` cell is empty",
        ),
        (
            b"sep=;\npath;turn;respct\nb.txt;1;1\n",
            "l.csv:2:11: selector `respct`",
        ),
    ] {
        let (code, _, err) = eval_with(dir.path(), "l.csv", labels);
        assert_eq!(code, 2, "{err}");
        assert!(err.contains(expected), "{expected}\n{err}");
    }
    for labels in [
        &b"sep=;\npath;turn;respect\nb.txt;1;1\na.txt;1;0\n"[..],
        b"path,turn,respect\nb.txt,1.0,1.0\na.txt,1.0,0.0\nb.txt,2.0,\n",
        b"path,turn,respect\nb.txt,1,Y\na.txt,1,n\n",
    ] {
        let (code, out, err) = eval_with(dir.path(), "l.csv", labels);
        assert_eq!(code, 0, "{err}");
        assert!(out.contains("respect   turn                 2         1          1      1      0      0      1.000"), "{out}");
    }
}

/// Records without an id are labelled as reports name them, `(1)`, `(2)`… in the file's order:
/// no id reached them, and the error said to add an `id` column.
#[test]
fn records_without_ids_are_labelled_by_their_place() {
    let dir = tempfile::tempdir().unwrap();
    calls(dir.path());
    // Numbered by their place among all of the file's, as reports name them: `x`, `(2)`, `(3)`.
    let records = "{\"id\": \"x\", \"messages\": [{\"role\": \"agent\", \"text\": \"Hi.\"}]}\n\
                   {\"messages\": [{\"role\": \"agent\", \"text\": \"Calm down.\"}]}\n\
                   {\"messages\": [{\"role\": \"agent\", \"text\": \"Hello.\"}]}\n";
    std::fs::write(dir.path().join("r.jsonl"), records).unwrap();
    let eval = |labels: &str| {
        std::fs::write(dir.path().join("l.csv"), labels).unwrap();
        let args = ["eval", "--no-config", "--labels", "l.csv", "r.jsonl"];
        run(talklint().current_dir(dir.path()).args(args))
    };
    let (code, out, err) = eval("path,id,turn,respect\nr.jsonl,(2),1,1\nr.jsonl,(3),1,0\n");
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(
            "respect   turn                 2         1          1      1      0      0      1.000"
        ),
        "{out}"
    );
    let (code, _, err) = eval("path,turn,respect\nr.jsonl,1,1\n");
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("add an `id` column (one without an id is `(N)`, N its place"),
        "{err}"
    );
    // `(1)` is `x`'s place, and there is no fourth.
    for missing in ["(1)", "(4)"] {
        let (code, _, err) = eval(&format!("path,id,turn,respect\nr.jsonl,{missing},1,1\n"));
        assert_eq!(code, 2, "{err}");
        let said = format!("l.csv:2:9: `r.jsonl` holds no conversation with id `{missing}`");
        assert!(err.contains(&said), "{err}");
    }
}

/// A file's one conversation without an id, which reports name by the path alone, is labelled
/// with an empty id cell (it was "the row's `id` cell is empty").
#[test]
fn an_empty_id_names_the_one_conversation_without_an_id() {
    let dir = tempfile::tempdir().unwrap();
    calls(dir.path());
    let rows = "conversation_id,role,text\n,agent,Calm down.\nA,agent,Hello.\nB,agent,Hi.\n";
    std::fs::write(dir.path().join("c.csv"), rows).unwrap();
    let labels = b"path,id,turn,respect\nc.csv,,1,1\nc.csv,A,1,0\n";
    std::fs::write(dir.path().join("l.csv"), labels).unwrap();
    let args = ["eval", "--no-config", "--labels", "l.csv", "c.csv"];
    let (code, out, err) = run(talklint().current_dir(dir.path()).args(args));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(
            "respect   turn                 2         1          1      1      0      0      1.000"
        ),
        "{out}"
    );
}
