//! A real Spark job (SPEC §10): local-mode PySpark pipes conversation records through `talklint
//! check --format jsonl -` with `RDD.pipe` over several partitions, saves each partition's
//! report, and `talklint merge` joins them; the findings and scores equal those of one `talklint
//! check` of the same records. It runs the README's Spark recipe.
//!
//! It needs Java and PySpark (`.ci/run` installs both; `TALKLINT_PYTHON` names the Python that
//! has PySpark, default `python3`). Without them it says so and passes, except when the `CI`
//! variable is set: then it fails rather than skip.

use crate::support::{default_pack_report, run, talklint, write};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// What the agent says: rule phrases of the default pack among plain sentences.
const AGENT: [&str; 8] = [
    "Thank you for calling Acme, my name is Dana.",
    "I'm sorry to hear that, let me take care of this for you.",
    "That's not my department, you'll have to call billing.",
    "Please calm down, I don't know.",
    "I checked your account and fixed the charge.",
    "Is there anything else I can help you with? Thank you for your patience.",
    "It's out of my hands, sorry.",
    "No problem, I will send you a confirmation today.",
];

const CUSTOMER: [&str; 5] = [
    "My internet has been down for three days!",
    "This is the third time I'm calling, I want to cancel my account.",
    "Thanks, that helps.",
    "Can I speak to a manager?",
    "ok",
];

/// `count` conversation records, each on one line with its id.
fn records(count: usize) -> String {
    let mut out = String::new();
    for i in 0..count {
        let turns = 2 + i % 5;
        let messages: Vec<Value> = (0..turns)
            .map(|t| {
                let (role, text) = if t % 2 == 0 {
                    ("agent", AGENT[(i * 7 + t * 3) % AGENT.len()])
                } else {
                    ("customer", CUSTOMER[(i + t) % CUSTOMER.len()])
                };
                serde_json::json!({"role": role, "text": text, "start": t as f64 * 4.5})
            })
            .collect();
        let record = serde_json::json!({"id": format!("call-{i:04}"), "messages": messages});
        out.push_str(&record.to_string());
        out.push('\n');
    }
    out
}

/// The Python with PySpark, when it and Java are there.
fn pyspark() -> Option<String> {
    let python = std::env::var("TALKLINT_PYTHON").unwrap_or_else(|_| "python3".into());
    let works = |cmd: &mut Command| cmd.output().is_ok_and(|o| o.status.success());
    let found = works(Command::new(&python).args(["-c", "import pyspark"]))
        && works(Command::new("java").arg("-version"));
    found.then_some(python)
}

/// The job: the README's recipe, with the records in `partitions` partitions.
const JOB: &str = r#"
import shlex, sys
from pyspark import SparkConf, SparkContext
talklint, records, out, partitions = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
conf = (SparkConf().setMaster("local[2]").setAppName("talklint")
        .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1"))
sc = SparkContext(conf=conf)
sc.setLogLevel("ERROR")
lines = sc.textFile(records, minPartitions=partitions)
print("partitions", lines.getNumPartitions())
command = shlex.quote(talklint) + " check --no-config --format jsonl --input-format jsonl --exit-zero -"
lines.pipe(command).saveAsTextFile(out)
sc.stop()
"#;

/// Every conversation of a JSON report by id, without the finding lines, which count from the
/// start of each partition's input; and the summary without its file count.
fn by_id(report: &Value) -> (BTreeMap<String, Value>, Value) {
    let mut out = BTreeMap::new();
    for c in report["conversations"].as_array().expect("conversations") {
        let mut c = c.clone();
        for f in c["findings"].as_array_mut().expect("findings") {
            let f = f.as_object_mut().expect("a finding");
            let (line, end) = (f.remove("line"), f.remove("end_line"));
            assert_eq!(line, end, "a record is one line");
        }
        let id = c["id"].as_str().expect("an id").to_string();
        c.as_object_mut().expect("an object").remove("path");
        out.insert(id, c);
    }
    let mut summary = report["summary"].clone();
    summary.as_object_mut().expect("summary").remove("files");
    (out, summary)
}

#[test]
fn spark_partitions_piped_and_merged_equal_one_check() {
    let Some(python) = pyspark() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but Java or PySpark is missing: .ci/run installs them"
        );
        eprintln!("skipped: no Java or PySpark (set TALKLINT_PYTHON to a Python that has it)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "records.jsonl", &records(300));
    let job = write(dir.path(), "job.py", JOB);
    let out = dir.path().join("out");
    let spark = Command::new(&python)
        .arg(&job)
        .arg(env!("CARGO_BIN_EXE_talklint"))
        .args([&input, &out])
        .arg("4")
        .current_dir(dir.path())
        .output()
        .expect("python runs");
    let log = String::from_utf8_lossy(&spark.stderr);
    assert!(spark.status.success(), "Spark job failed:\n{log}");
    assert!(String::from_utf8_lossy(&spark.stdout).contains("partitions 4"));
    let mut parts: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| file_name(p).starts_with("part-"))
        .collect();
    parts.sort();
    assert_eq!(parts.len(), 4, "{parts:?}");
    let (code, merged, err) = run(talklint()
        .args(["merge", "--no-config", "--format", "json", "--exit-zero"])
        .args(&parts));
    assert_eq!(code, 0, "{err}");
    let merged: Value = serde_json::from_str(&merged).unwrap();
    let single = default_pack_report(&input);
    assert_eq!(merged["summary"]["files"], 4, "one input per partition");
    let (merged, merged_summary) = by_id(&merged);
    let (single, single_summary) = by_id(&single);
    assert_eq!(merged.len(), 300);
    assert_eq!(merged_summary, single_summary);
    assert_eq!(merged, single);
    let findings: usize = single
        .values()
        .map(|c| c["findings"].as_array().map_or(0, Vec::len))
        .sum();
    assert!(
        findings > 600,
        "the records hit the pack's rules: {findings}"
    );
}

fn file_name(p: &Path) -> &str {
    p.file_name().and_then(|n| n.to_str()).unwrap_or("")
}
