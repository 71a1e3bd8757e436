//! The HTML report's safety and numbers: hostile text in every field shows as text in a real
//! browser (headless Chromium driven by Playwright, `browser.py`), and the agent table sums up
//! each agent; with the helpers the browser tests share (`html_review.rs` drives the review).

use crate::support::{check, run};
use serde_json::{Value, json};
use std::path::Path;

/// What the browser saw after `steps` on `report` (`browser.py` says what it prints), or `None`
/// when Chromium or Playwright is missing outside CI (`.ci/run` installs both; in CI a missing
/// one fails the test).
pub(crate) fn browse(report: &Path, steps: Value) -> Option<Value> {
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
pub(crate) fn report(dir: &Path, args: &[&str]) -> std::path::PathBuf {
    let path = dir.join("report.html");
    let mut cmd = check(&["--format", "html", "--exit-zero", "-o"]);
    cmd.arg(&path).args(args);
    let (code, _, err) = run(&mut cmd);
    assert_eq!(code, 0, "{err}");
    path
}

/// The headings of the conversations in the list, in order.
pub(crate) const LISTED: &str =
    "[...document.querySelectorAll('#tl-list h3')].map(h => h.textContent)";
/// Opens every conversation; then [`ALL_BUILT`] holds once their turns are built.
pub(crate) const OPEN_ALL: &str =
    "document.querySelectorAll('details').forEach(d => d.open = true)";
pub(crate) const ALL_BUILT: &str =
    "document.querySelectorAll('details:not([data-built])').length === 0";
/// The numbers of the turns a reader can see.
pub(crate) const VISIBLE_TURNS: &str = "[...document.querySelectorAll('.turn')].filter(t => t.checkVisibility()).map(t => +t.dataset.turn)";

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
    // A line break in a name is shown escaped, as on a terminal: a page showed it as a space.
    std::fs::write(calls.join("new\nline.txt"), "Agent: calm down\n").unwrap();
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
        "calls/new\\x0aline.txt",                           // a name's line break
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
    // One finding is named so in a pill's hover text (it said "1 findings").
    assert!(row.contains("title=\"1 finding, "), "{row}");
    assert!(!row.contains("title=\"1 findings"), "{row}");
}

#[test]
fn html_report_lists_the_files_it_did_not_check_and_why() {
    let dir = tempfile::tempdir().unwrap();
    let calls = dir.path().join("calls");
    std::fs::create_dir(&calls).unwrap();
    std::fs::write(calls.join("ok.txt"), "Agent: calm down\n").unwrap();
    std::fs::write(calls.join("bad.jsonl"), "{\"text\": \"hi\"}\nnot json\n").unwrap();
    std::fs::write(calls.join("<i>logo.png"), [0u8, 159, 146, 150]).unwrap();
    std::fs::write(calls.join("tab\tlogo.png"), [0u8, 159, 146, 150]).unwrap();
    let args = [
        "--format",
        "html",
        "--exit-zero",
        "-o",
        "report.html",
        "calls",
    ];
    let (code, _, err) = crate::support::check_in(dir.path(), &args);
    assert_eq!(code, 2, "a file could not be read: {err}");
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    let section = &html[html
        .find("id=\"h-not-checked\"")
        .expect("a section of them")..];
    let section = &section[..section.find("</section>").unwrap()];
    let unread = "calls/bad.jsonl</th><td>could not be read</td><td>line 2, column 1:";
    assert!(section.contains(unread), "{section}");
    let skipped = "calls/&lt;i&gt;logo.png</th><td>skipped</td><td>not a transcript file";
    assert!(section.contains(skipped), "{section}");
    assert!(!html.contains("<i>logo"), "a path is text, not markup");
    assert!(section.contains("calls/tab\\x09logo.png</th>"), "{section}");
}

/// Conversations judged on less than they seem are counted on the page, as human output's
/// summary counts them: without an agent turn (no agent's words judged), and with the agent
/// guessed.
#[test]
fn html_report_counts_conversations_without_an_agent_turn_or_with_a_guessed_agent() {
    let dir = tempfile::tempdir().unwrap();
    let calls = [
        (
            "customer.txt",
            "Customer: my bill doubled\nCustomer: hello?\n",
        ),
        (
            "guessed.json",
            r#"[{"speaker": "Ben", "text": "my order is late"},
                {"speaker": "Ria", "text": "Thanks for contacting us, how can I help?"}]"#,
        ),
        (
            "ok.txt",
            "Agent: let me take care of this\nCustomer: thanks\n",
        ),
    ];
    for (name, text) in calls {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let (_, page, err) = crate::support::check_in(dir.path(), &["-f", "html", "--exit-zero", "."]);
    for card in [
        "<dt>no agent turn</dt><dd>1</dd>",
        "<dt>agent guessed</dt><dd>1</dd>",
    ] {
        assert!(page.contains(card), "no card {card}: {err}");
    }
    let (_, page, _) = crate::support::check_in(dir.path(), &["-f", "html", "ok.txt"]);
    assert!(
        !page.contains("<dt>no agent turn</dt>"),
        "only when there are some"
    );
}
