//! Report formats for other tools: SARIF (validated against the official schema) and GitHub
//! Actions annotations.

use crate::support::{check, run};
use serde_json::Value;

#[test]
fn sarif_is_valid_against_the_official_schema() {
    let (code, out, _) = run(&mut check(&[
        "--format",
        "sarif",
        "fixtures/calls",
        "fixtures/formats",
    ]));
    assert_eq!(code, 1);
    let sarif: Value = serde_json::from_str(&out).unwrap();
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string("fixtures/schemas/sarif-schema-2.1.0.json").unwrap(),
    )
    .unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.add_resource("sarif.json", schema).unwrap();
    let index = compiler.compile("sarif.json", &mut schemas).unwrap();
    if let Err(e) = schemas.validate(&sarif, index) {
        panic!("invalid SARIF: {e:#}");
    }
    let run0 = &sarif["runs"][0];
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(
        rules
            .iter()
            .any(|r| r["id"] == "ownership/not-my-department" && r["help"]["text"].is_string())
    );
    let results = run0["results"].as_array().unwrap();
    assert!(
        results.iter().all(|r| r["level"] != "none"),
        "rewards are not results"
    );
    let deflection = results
        .iter()
        .find(|r| {
            r["ruleId"] == "ownership/not-my-department"
                && r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    == "fixtures/calls/deflection.txt"
        })
        .expect("the deflection is a result");
    let region = &deflection["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(3), Some(53))
    );
    assert_eq!(region["snippet"]["text"], "that’s not my\ndepartment");
    assert_eq!(deflection["level"], "error");
    let index = deflection["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(rules[index]["id"], "ownership/not-my-department");
}

#[test]
fn sarif_with_no_results_is_still_valid_json() {
    let (code, out, _) = run(&mut check(&[
        "--format",
        "sarif",
        "fixtures/calls/courteous.txt",
    ]));
    assert_eq!(code, 0);
    let sarif: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        sarif["runs"][0]["results"].as_array().map(Vec::len),
        Some(0)
    );
}

#[test]
fn github_annotations_point_at_the_line() {
    let (code, out, _) = run(&mut check(&[
        "--format",
        "github",
        "fixtures/calls/deflection.txt",
    ]));
    assert_eq!(code, 1);
    let first = out
        .lines()
        .find(|l| l.contains("not-my-department"))
        .expect("an annotation");
    assert!(
        first.starts_with("::error file=fixtures/calls/deflection.txt,line=3,col=53,endLine=4,endColumn=11,title=ownership/not-my-department::Deflects ownership"),
        "{first}"
    );
    assert!(
        first.contains("%0Ahelp: Own the next step"),
        "the suggestion follows an escaped line break: {first}"
    );
    assert!(out.lines().any(|l| l.starts_with("::warning ")));
    assert!(
        !out.contains("sorry-to-hear"),
        "rewards are not annotations"
    );
}

#[test]
fn report_snapshots() {
    for format in ["sarif", "github", "json", "jsonl"] {
        let (_, out, _) = run(&mut check(&["--format", format, "fixtures/calls"]));
        insta::assert_snapshot!(format!("calls_{format}"), out);
    }
}
