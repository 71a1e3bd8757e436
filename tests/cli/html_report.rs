//! The HTML report in a real browser: hostile transcript text shows as text, and the page shows
//! its summary and findings.

use crate::support::{check, run};

/// Headless Chromium, when installed (`.ci/run` installs it; elsewhere the browser test is
/// skipped with a message unless `CI` is set).
fn chromium() -> Option<std::path::PathBuf> {
    let found = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .map(std::path::PathBuf::from)
        .find(|p| p.exists());
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have chromium: .ci/run installs it"
        );
        eprintln!("chromium not installed: browser test skipped");
    }
    found
}

#[test]
fn html_report_renders_in_a_browser_with_transcript_text_escaped() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("xss.txt"),
        "Agent: Hello, this is Dana.\nCustomer: <img src=x onerror=alert(2)> cancel my account!\n\
         Agent: Sorry, that is not my job & more. <script>document.title='pwned'</script>\n",
    )
    .unwrap();
    let report = dir.path().join("report.html");
    let (code, _, _) = run(check(&[
        "--format",
        "html",
        "-o",
        report.to_str().unwrap(),
        "fixtures/calls",
    ])
    .arg(dir.path()));
    assert_eq!(code, 1);
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(
        !html.contains("<script") && !html.contains("<img"),
        "nothing from a transcript is markup"
    );
    assert!(html.contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;"));
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "the page fetches nothing"
    );
    let Some(chromium) = chromium() else { return };
    let profile = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("file://{}", report.display()))
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&out.stdout);
    assert!(
        dom.contains("<title>talklint report</title>"),
        "the script did not run: {}",
        &dom[..dom.len().min(300)]
    );
    assert!(
        !dom.contains("<script") && !dom.contains("<img"),
        "no injected element in the DOM"
    );
    assert!(
        dom.contains("&lt;img src=x onerror=alert(2)&gt;"),
        "the transcript's markup shows as text"
    );
    assert_eq!(
        dom.matches("<details").count(),
        3,
        "one entry per conversation"
    );
    assert!(
        dom.contains("<b>3</b>conversations") && dom.contains("<b>33.3%</b>pass rate"),
        "summary numbers"
    );
    assert!(
        dom.contains(
            "<mark class=\"error\" title=\"ownership/not-my-department\">not my job</mark>"
        ),
        "the finding is highlighted in its turn"
    );
}
