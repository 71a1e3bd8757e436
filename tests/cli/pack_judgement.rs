//! The built-in pack's judgement on single agent replies, through `check`: what it counts as a
//! deflection, a commitment and empathy, and what it leaves alone (a blind probe of new Twitter
//! replies found its word lists narrower than the label definitions).

use crate::support::{default_pack_report, write};

/// The default pack's findings on each reply (one agent turn per file), as `category:kind` of
/// each finding (`ownership:forbid`, as `eval` selects them), in the replies' order.
fn fired(replies: &[&str]) -> Vec<Vec<String>> {
    let dir = tempfile::tempdir().unwrap();
    for (i, reply) in replies.iter().enumerate() {
        write(
            dir.path(),
            &format!("{i:03}.txt"),
            &format!("Agent: {reply}\n"),
        );
    }
    let report = default_pack_report(dir.path());
    let mut out = vec![Vec::new(); replies.len()];
    for c in report["conversations"].as_array().unwrap() {
        let name = c["path"]
            .as_str()
            .unwrap()
            .rsplit(['/', '\\'])
            .next()
            .unwrap();
        let i: usize = name.trim_end_matches(".txt").parse().unwrap();
        out[i] = c["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                format!(
                    "{}:{} ({})",
                    f["category"].as_str().unwrap(),
                    f["kind"].as_str().unwrap(),
                    f["rule"].as_str().unwrap()
                )
            })
            .collect();
    }
    out
}

/// Each reply's verdict for `selector` (`ownership:forbid`) is `expected`; names every reply
/// that differs, with what fired.
fn judged(replies: &[&str], selector: &str, expected: bool) {
    let wrong: Vec<String> = fired(replies)
        .iter()
        .zip(replies)
        .filter(|(found, _)| {
            found.iter().any(|f| f.starts_with(&format!("{selector} "))) != expected
        })
        .map(|(found, reply)| format!("{reply:?} fired {found:?}"))
        .collect();
    assert!(
        wrong.is_empty(),
        "{selector} should be {expected} for:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn a_step_the_agent_says_it_cannot_take_is_a_deflection_not_a_commitment() {
    // "we can check" inside "nothing more we can check" cleared the hand-off after it, and
    // "I can fix" inside "nothing I can fix" was rewarded as a commitment.
    let refusals = [
        "There's nothing more we can check on our end, you'll need to contact your bank.",
        "Nothing I can fix from here, sorry. You'll need to speak to the store.",
        "That isn't something we can escalate, please contact the seller directly.",
        "There's really not much more we can look into, please contact your provider.",
    ];
    judged(&refusals, "ownership:forbid", true);
    judged(&refusals[1..2], "ownership:reward", false);
    let kept = [
        "There's nothing more we can check on our end, so I've escalated it to our engineers.",
        "We can check that for you now, please send us your order number.",
        "If there's nothing else we can check for you, have a great day!",
        "There's nothing I can see wrong with your account, could you try again?",
    ];
    judged(&kept, "ownership:forbid", false);
}
