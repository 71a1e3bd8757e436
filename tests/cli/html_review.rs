//! The HTML report as a reviewer uses it, in a real browser (headless Chromium driven by
//! Playwright, `browser.py`): filter, search, sort, open a folded run of turns, share the view
//! in the URL, page through a large scan; and an accessibility audit with axe-core.

use crate::html_report::{ALL_BUILT, LISTED, OPEN_ALL, VISIBLE_TURNS, browse, report};
use serde_json::json;
use std::path::Path;

/// A long call with findings in turns 1, 7 and 13 only, beside the two example calls.
fn review_inputs(dir: &Path) -> String {
    let long = dir.join("long.txt");
    let turns: Vec<String> = (1..=14)
        .map(|i| {
            let who = if i % 2 == 1 { "Agent" } else { "Customer" };
            let text = if i == 7 {
                "Please calm down, sir.".to_string()
            } else {
                format!("Line number {i} of the call.")
            };
            format!("[00:{:02}:{:02}] {who}: {text}", i / 6, i * 10 % 60)
        })
        .collect();
    std::fs::write(&long, turns.join("\n") + "\n").unwrap();
    long.to_str().unwrap().to_string()
}

/// axe-core, the accessibility checker (`.ci/run` installs it from the npm registry into
/// `target/npm`), or `None` outside CI when it is missing.
fn axe() -> Option<std::path::PathBuf> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("target/npm/node_modules/axe-core/axe.min.js");
    if !path.exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have axe-core: .ci/run installs it"
        );
        eprintln!("axe-core not installed: accessibility audit skipped");
        return None;
    }
    Some(path)
}

/// Headings, labels, table semantics, contrast and the rest of axe-core's rules hold on a page
/// with every conversation open and every run of turns unfolded.
#[test]
fn html_report_passes_an_accessibility_audit() {
    let Some(axe) = axe() else { return };
    let dir = tempfile::tempdir().unwrap();
    let long = review_inputs(dir.path());
    let path = report(dir.path(), &["fixtures/calls", "fixtures/formats", &long]);
    let Some(seen) = browse(
        &path,
        json!([
            {"do": "eval", "name": "open", "js": OPEN_ALL},
            {"do": "wait_for", "js": ALL_BUILT},
            {"do": "eval", "name": "unfold", "js": "document.querySelectorAll('button.fold').forEach(b => b.click())"},
            {"do": "script", "path": axe},
            {"do": "eval", "name": "violations", "js": "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map(v => `${v.id}: ${v.nodes.map(n => n.target).join(' ')}`))"},
            {"do": "eval", "name": "rules", "js": "axe.getRules().length"},
        ]),
    ) else {
        return;
    };
    assert_eq!(seen["violations"], json!([]));
    assert!(seen["rules"].as_u64() > Some(50), "the audit ran its rules");
}

#[test]
fn html_report_filters_searches_sorts_and_unfolds_in_a_browser() {
    let dir = tempfile::tempdir().unwrap();
    let long = review_inputs(dir.path());
    let path = report(dir.path(), &["fixtures/calls", &long]);
    let hash_url = format!("file://{}#sev=error", path.display());
    let category_url = format!("file://{}#cat=ownership", path.display());
    let Some(seen) = browse(
        &path,
        json!([
            {"do": "eval", "name": "all", "js": LISTED},
            {"do": "eval", "name": "count", "js": "document.getElementById('tl-count').textContent"},
            {"do": "eval", "name": "open", "js": "[...document.querySelectorAll('#tl-list details')].map(d => [d.open, d.querySelectorAll('.turn').length])"},
            {"do": "select", "selector": "select[name=sev]", "value": "error"},
            {"do": "wait_for", "js": "location.hash === '#sev=error'"},
            {"do": "eval", "name": "errors", "js": LISTED},
            {"do": "goto", "url": hash_url},
            {"do": "reload"},
            {"do": "eval", "name": "shared", "js": format!("[document.querySelector('select[name=sev]').value, {LISTED}]")},
            {"do": "goto", "url": category_url},
            {"do": "reload"},
            {"do": "eval", "name": "category", "js": LISTED},
            {"do": "goto", "url": hash_url},
            {"do": "reload"},
            {"do": "select", "selector": "select[name=sev]", "value": ""},
            {"do": "fill", "selector": "input[name=q]", "value": "NUMBER 10"},
            {"do": "wait_for", "js": "location.hash === '#q=NUMBER%2010'"},
            {"do": "eval", "name": "searched", "js": LISTED},
            {"do": "eval", "name": "folded", "js": VISIBLE_TURNS},
            {"do": "eval", "name": "buttons", "js": "[...document.querySelectorAll('button.fold')].map(b => b.textContent)"},
            {"do": "eval", "name": "hidden text", "js": "document.body.innerText.includes('Line number 10')"},
            {"do": "click", "selector": "button.fold >> nth=1"},
            {"do": "eval", "name": "unfolded", "js": VISIBLE_TURNS},
            {"do": "eval", "name": "shown text", "js": "document.body.innerText.includes('Line number 10')"},
            {"do": "fill", "selector": "input[name=q]", "value": ""},
            {"do": "select", "selector": "select[name=sort]", "value": "score"},
            {"do": "wait_for", "js": "location.hash === '#sort=score'"},
            {"do": "eval", "name": "by score", "js": "[...document.querySelectorAll('#tl-list .verdict')].map(v => parseInt(v.textContent))"},
            {"do": "select", "selector": "select[name=sort]", "value": "path"},
            {"do": "wait_for", "js": "location.hash === '#sort=path'"},
            {"do": "eval", "name": "by path", "js": LISTED},
        ]),
    ) else {
        return;
    };
    let (courteous, deflection) = (
        "fixtures/calls/courteous.txt",
        "fixtures/calls/deflection.txt",
    );
    assert_eq!(
        seen["all"],
        json!([courteous, deflection, long]),
        "input order"
    );
    assert_eq!(
        seen["count"],
        "Showing 3 of 3 matching conversations (3 in the report)."
    );
    assert_eq!(
        seen["open"],
        json!([[false, 0], [true, 5], [true, 8]]),
        "failed conversations open; a closed one's turns are built when it is opened"
    );
    assert_eq!(
        seen["errors"],
        json!([deflection]),
        "only the call with an error"
    );
    assert_eq!(
        seen["shared"],
        json!(["error", [deflection]]),
        "the URL's hash brings the filter back"
    );
    assert_eq!(
        seen["category"],
        json!([deflection]),
        "a category lists its problems' conversations, not its rewards'"
    );
    assert_eq!(seen["searched"], json!([long]), "search ignores case");
    assert_eq!(
        seen["folded"],
        json!([1, 2, 6, 7, 8, 12, 13, 14]),
        "turns with findings and their neighbours; the rest folded"
    );
    assert_eq!(
        seen["buttons"],
        json!([
            "Show 3 turns without findings (turns 3–5)",
            "Show 3 turns without findings (turns 9–11)"
        ])
    );
    assert_eq!(seen["hidden text"], false);
    assert_eq!(
        seen["unfolded"],
        json!([1, 2, 6, 7, 8, 9, 10, 11, 12, 13, 14]),
        "one click shows the run"
    );
    assert_eq!(seen["shown text"], true);
    let scores: Vec<i64> = serde_json::from_value(seen["by score"].clone()).unwrap();
    assert!(scores.is_sorted() && scores.len() == 3, "{scores:?}");
    let mut paths = vec![courteous.to_string(), deflection.to_string(), long.clone()];
    paths.sort();
    assert_eq!(seen["by path"], json!(paths));
}

/// A large scan stays a page a browser opens: 50 conversations are built, and more as the
/// reader scrolls to the end of the list (or presses the button there).
#[test]
fn html_report_adds_conversations_a_page_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let calls = dir.path().join("calls");
    std::fs::create_dir(&calls).unwrap();
    for i in 0..120 {
        std::fs::write(
            calls.join(format!("{i:03}.txt")),
            format!("Agent: call {i}, please calm down.\n"),
        )
        .unwrap();
    }
    let path = report(dir.path(), &[calls.to_str().unwrap()]);
    let Some(seen) = browse(
        &path,
        json!([
            {"do": "eval", "name": "first", "js": "document.querySelectorAll('#tl-list > li').length"},
            {"do": "eval", "name": "scrolled", "js": "window.scrollTo(0, document.body.scrollHeight)"},
            {"do": "wait_for", "js": "document.querySelectorAll('#tl-list > li').length >= 100"},
            {"do": "eval", "name": "then", "js": "document.querySelectorAll('#tl-list > li').length"},
            {"do": "eval", "name": "count", "js": "document.getElementById('tl-count').textContent"},
            {"do": "eval", "name": "pressed", "js": "document.getElementById('tl-more').click()"},
            {"do": "wait_for", "js": "document.getElementById('tl-more').hidden"},
            {"do": "eval", "name": "last", "js": "document.querySelectorAll('#tl-list > li').length"},
        ]),
    ) else {
        return;
    };
    assert_eq!(seen["first"], 50, "the first page only");
    assert_eq!(seen["then"], 100, "scrolling to the end adds a page");
    assert_eq!(
        seen["count"],
        "Showing 100 of 120 matching conversations (120 in the report)."
    );
    assert_eq!(seen["last"], 120, "the button adds the rest");
}

/// `--show-suppressed`: a suppressed problem is shown, marked, and counted by no filter or tally,
/// as the charts and the other reports do not count it.
#[test]
fn html_report_shows_suppressed_findings_without_counting_them() {
    let dir = tempfile::tempdir().unwrap();
    let call = dir.path().join("suppressed.txt");
    std::fs::write(
        &call,
        "Agent: Hello, this is Dana. How can I help?\nCustomer: My bill is wrong.\n\
         Agent: Please calm down. <!-- talklint: ignore respect -->\n",
    )
    .unwrap();
    let path = report(dir.path(), &["--show-suppressed", call.to_str().unwrap()]);
    let Some(seen) = browse(
        &path,
        json!([
            {"do": "eval", "name": "meta", "js": "document.querySelector('#tl-list .meta').textContent"},
            {"do": "eval", "name": "open", "js": OPEN_ALL},
            {"do": "wait_for", "js": ALL_BUILT},
            {"do": "eval", "name": "explained", "js": "[...document.querySelectorAll('.findings li')].map(li => li.textContent)"},
            {"do": "eval", "name": "mark", "js": "[...document.querySelectorAll('mark')].map(m => m.className + ' ' + m.title)"},
            {"do": "goto", "url": format!("file://{}#rule=respect/calm-down", path.display())},
            {"do": "reload"},
            {"do": "eval", "name": "by rule", "js": LISTED},
            {"do": "goto", "url": format!("file://{}#cat=respect", path.display())},
            {"do": "reload"},
            {"do": "eval", "name": "by category", "js": LISTED},
            {"do": "eval", "name": "category shown", "js": "document.querySelector('select[name=cat]').selectedOptions[0].textContent"},
        ]),
    ) else {
        return;
    };
    let meta = seen["meta"].as_str().unwrap();
    assert!(meta.contains("1 warning · 1 suppressed"), "{meta}");
    let explained = seen["explained"].to_string();
    assert!(
        explained.contains("respect/calm-down") && explained.contains("(suppressed: not counted)"),
        "{explained}"
    );
    assert!(!explained.contains("(-10)"), "{explained}");
    assert_eq!(
        seen["mark"],
        json!(["warning respect/calm-down (suppressed)"])
    );
    assert_eq!(
        seen["by rule"],
        json!([]),
        "the rule's filter does not count it"
    );
    assert_eq!(seen["by category"], json!([]), "nor its category's");
    assert_eq!(seen["category shown"], "respect (not in this report)");
}
