//! The warnings of a CSV file's conversations are placed by one cursor over the file, as their
//! findings are by another, which go back and forth where conversations interleave: each
//! conversation's warnings and findings name its own rows, and the warnings of a file that
//! mixes date orders name the file's first date of each. Such a file took time quadratic in its
//! size (2 MB, minutes), each move back a count of the lines in between; bench/growth.py
//! measures its speed, and here its places are checked.

use crate::support::{findings, json_report, warnings, write};

/// Conversations `c0`.. each with rows in the file's first part (a time, a slash date that
/// reads both ways, a time that is none) and one in its last (a time before the first), the
/// first and the last with a finding, after a day-first date at the end of a long line (`é`s,
/// so columns count characters) and a month-first one.
fn sheet(n: usize) -> String {
    let long = "é".repeat(3000);
    let mut rows = format!(
        "conversation_id,role,text,time\nc,agent,{long},13/06/2024 10:00\n\
         c,agent,hi,06/13/2024 10:00\n"
    );
    for k in 0..n {
        rows += &format!("c{k},agent,Please calm down.,2024-06-01 10:00:00\n");
        rows += &format!("c{k},agent,hello,03/04/2024 10:01\n");
        rows += &format!("c{k},customer,hi,soon\n");
    }
    for k in 0..n {
        rows += &format!("c{k},agent,calm down,2024-06-01 09:00:00\n");
    }
    rows
}

#[test]
fn interleaved_conversations_warnings_and_findings_name_their_own_rows() {
    let n = 40;
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "sheet.csv", &sheet(n));
    let (_, v) = json_report(&[path.to_str().unwrap()]);
    let examples = "day first (`13/06/2024 10:00` at line 2, column 3010) and month first \
                    (`06/13/2024 10:00` at line 3, column 12)";
    for k in 0..n {
        let i = k + 1;
        assert_eq!(v["conversations"][i]["id"], format!("c{k}"), "{v}");
        let w = warnings(&v, i);
        let id = format!("c{k}").len();
        let (first, last) = (4 + 3 * k, 4 + 3 * n + k);
        // In the file's order.
        let expected = [
            format!(
                "line {}, column {}: `time` is `03/04/2024 10:01`, a date with slashes, and this \
                 file mixes the two orders of them, {examples}",
                first + 1,
                id + 14
            ),
            format!("line {}, column {}: `time` is `soon`", first + 2, id + 14),
            format!(
                "line {last}, column {}: this message is earlier than one before it",
                id + 8
            ),
        ];
        assert_eq!(w.len(), expected.len(), "c{k}: {w:?}");
        for (w, expected) in w.iter().zip(&expected) {
            assert!(
                w.starts_with(expected.as_str()),
                "c{k}: {w}\nnot {expected}"
            );
        }
        // Its findings too, in the order written (some of its rows have no time).
        let calm: Vec<(u64, u64)> = (findings(&v, i).into_iter())
            .filter(|f| f.0 == "respect/calm-down")
            .map(|f| (f.1, f.2))
            .collect();
        let (last, first) = ((last as u64, id as u64 + 8), (first as u64, id as u64 + 15));
        assert_eq!(calm, [first, last], "c{k}");
    }
}
