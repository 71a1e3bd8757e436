//! The HTML report in a real browser (headless Chromium driven by Playwright, `browser.py`):
//! hostile text in every field shows as text, and a reviewer can filter, search, sort, open a
//! folded run of turns, share the view in the URL, and page through a large scan.

use crate::support::{check, run};
use serde_json::{Value, json};
use std::path::Path;

/// What the browser saw after `steps` on `report` (`browser.py` says what it prints), or `None`
/// when Chromium or Playwright is missing outside CI (`.ci/run` installs both; in CI a missing
/// one fails the test).
fn browse(report: &Path, steps: Value) -> Option<Value> {
    let chromium = Path::new("/usr/bin/chromium");
    let playwright = std::process::Command::new("python3")
        .args(["-c", "import playwright"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !chromium.exists() || !playwright {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have /usr/bin/chromium and Playwright: .ci/run installs them"
        );
        eprintln!("chromium or playwright not installed: browser test skipped");
        return None;
    }
    let job = json!({"url": format!("file://{}", report.display()), "steps": steps});
    let mut child = std::process::Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cli/browser.py"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    serde_json::to_writer(child.stdin.take().unwrap(), &job).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "browser.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let seen: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(seen["errors"], json!([]), "script errors or requests");
    assert_eq!(seen["dialogs"], json!([]), "transcript text ran as script");
    Some(seen["seen"].clone())
}

/// `talklint check --format html` of the test packs plus `args`, written into `dir`.
fn report(dir: &Path, args: &[&str]) -> std::path::PathBuf {
    let path = dir.join("report.html");
    let mut cmd = check(&["--format", "html", "--fail-on", "never", "-o"]);
    cmd.arg(&path).args(args);
    let (code, _, err) = run(&mut cmd);
    assert_eq!(code, 0, "{err}");
    path
}

/// The headings of the conversations in the list, in order.
const LISTED: &str = "[...document.querySelectorAll('#tl-list h3')].map(h => h.textContent)";
/// Opens every conversation; then [`ALL_BUILT`] holds once their turns are built.
const OPEN_ALL: &str = "document.querySelectorAll('details').forEach(d => d.open = true)";
const ALL_BUILT: &str = "document.querySelectorAll('details:not([data-built])').length === 0";
/// The numbers of the turns a reader can see.
const VISIBLE_TURNS: &str = "[...document.querySelectorAll('.turn')].filter(t => t.checkVisibility()).map(t => +t.dataset.turn)";

#[test]
fn html_report_shows_hostile_text_in_every_field_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let calls = dir.path().join("calls");
    std::fs::create_dir(&calls).unwrap();
    std::fs::write(
        calls.join("<img src=x onerror=alert(1)>.txt"),
        "Agent: Hello, this is Dana.\nCustomer: <img src=x onerror=alert(2)> cancel my account!\n\
         Agent: Sorry, that is not my job & more. <script>alert(3)</script>\n",
    )
    .unwrap();
    std::fs::write(
        calls.join("chat.json"),
        r#"[{"role": "agent", "name": "<img src=x onerror=alert(4)>", "text": "Please calm down."},
            {"role": "customer", "name": "<b>Eve</b>", "text": "I <i>want</i> a manager"}]"#,
    )
    .unwrap();
    let rules = dir.path().join("hostile.yaml");
    std::fs::write(
        &rules,
        "rules:\n\
         - id: escalation/manager\n  kind: tag\n  speaker: customer\n  phrases: [\"a manager\"]\n  \
           message: \"<img src=x onerror=alert(5)> asked for {match}\"\n\
         - id: respect/want\n  speaker: customer\n  severity: info\n  points: 0\n  phrases: [\"want\"]\n  \
           message: \"<script>alert(6)</script> {match}\"\n  suggestion: \"<img src=x onerror=alert(7)>\"\n",
    )
    .unwrap();
    let path = report(
        dir.path(),
        &["-r", rules.to_str().unwrap(), calls.to_str().unwrap()],
    );
    let html = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        html.matches("<script").count(),
        2,
        "the page's own scripts only: the rules and the code"
    );
    assert_eq!(
        html.matches("-->").count(),
        1,
        "nothing ends the comment that holds the conversations but its own end"
    );
    assert!(
        !html.contains("<img"),
        "nothing from a transcript is markup"
    );
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "the page fetches nothing"
    );
    let Some(seen) = browse(
        &path,
        json!([
            {"do": "eval", "name": "open", "js": OPEN_ALL},
            {"do": "wait_for", "js": ALL_BUILT},
            {"do": "eval", "name": "text", "js": "document.body.innerText"},
            {"do": "eval", "name": "elements", "js": "document.querySelectorAll('img, .text i, .who b b').length + document.scripts.length - 2"},
            {"do": "eval", "name": "title", "js": "document.title"},
            {"do": "select", "selector": "select[name=agent]", "value": "<img src=x onerror=alert(4)>"},
            {"do": "wait_for", "js": "location.hash.includes('agent=')"},
            {"do": "eval", "name": "agent", "js": LISTED},
        ]),
    ) else {
        return;
    };
    let text = seen["text"].as_str().unwrap();
    for shown in [
        "calls/<img src=x onerror=alert(1)>.txt",           // path
        "<img src=x onerror=alert(2)> cancel my account!",  // turn text
        "not my job & more. <script>alert(3)</script>",     // turn text
        "Agent · <img src=x onerror=alert(4)>",             // speaker and agent
        "Customer · <b>Eve</b>",                            // speaker
        "<img src=x onerror=alert(5)> asked for a manager", // tag message
        "<script>alert(6)</script> want",                   // rule message
        "<img src=x onerror=alert(7)>",                     // suggestion
        "escalation/manager",                               // tag badge
    ] {
        assert!(
            text.contains(shown),
            "{shown:?} is shown as text in:\n{text}"
        );
    }
    assert_eq!(seen["elements"], 0, "no element made of transcript text");
    assert_eq!(seen["title"], "talklint report");
    assert_eq!(
        seen["agent"],
        json!([format!("{}/chat.json", calls.display())]),
        "the agent filter finds the hostile name"
    );
}

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

/// The agent table: conversations, mean score, pass rate, the top problems by the rule every
/// report uses (worst severity, then points lost), and tags counted once per conversation.
#[test]
fn html_agent_table_sums_up_each_named_agent() {
    let dir = tempfile::tempdir().unwrap();
    let chat = |name: &str, agent: [&str; 2]| {
        let text = format!(
            r#"[{{"role": "agent", "name": "Maria", "text": "{}"}},
                {{"role": "customer", "text": "I want a manager, yes, a manager!"}},
                {{"role": "agent", "name": "Maria", "text": "{}"}}]"#,
            agent[0], agent[1]
        );
        std::fs::write(dir.path().join(name), text).unwrap();
    };
    chat("a.json", ["Hi, this is Maria.", "Anything else?"]);
    chat(
        "b.json",
        [
            "Hi, this is Maria. That is not my job.",
            "Please calm down.",
        ],
    );
    let rules = dir.path().join("tag.yaml");
    std::fs::write(
        &rules,
        "rules:\n- id: escalation/manager\n  kind: tag\n  speaker: customer\n  phrases: [\"a manager\"]\n",
    )
    .unwrap();
    let path = report(
        dir.path(),
        &["-r", rules.to_str().unwrap(), dir.path().to_str().unwrap()],
    );
    let html = std::fs::read_to_string(path).unwrap();
    let row = html
        .split("<tr>")
        .find(|r| r.contains("#agent=Maria\""))
        .expect("a row for Maria");
    let cells: Vec<&str> = row.split("<td class=\"num\">").skip(1).collect();
    let numbers: Vec<&str> = cells.iter().filter_map(|c| c.split('<').next()).collect();
    assert_eq!(numbers, ["2", "69.0", "50.0%"], "{row}");
    let pills: Vec<&str> = row
        .split("class=\"pill ")
        .skip(1)
        .filter_map(|p| p.split('<').next()?.rsplit('>').next())
        .collect();
    assert_eq!(
        pills,
        [
            "ownership/not-my-department",
            "closing/anything-else",
            "respect/calm-down"
        ],
        "{row}"
    );
    assert!(row.contains(">escalation/manager ×2</a>"), "{row}");
}
