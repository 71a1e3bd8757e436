//! `--statistics`: problems, rewards and tags counted apart, per rule and per category, most
//! first; the mean score per named agent; the score distribution.

use crate::support::{check, run, talklint};

#[test]
fn statistics_count_rules_categories_and_agents() {
    let (_, out, _) = run(&mut check(&[
        "--statistics",
        "-q",
        "fixtures/calls",
        "fixtures/formats/captions.srt",
        "fixtures/formats/chat.json",
        "fixtures/formats/chat.jsonl",
        "fixtures/formats/script.md",
        "fixtures/formats/teams.vtt",
    ]));
    let section = |title: &str| -> Vec<String> {
        out.split(title)
            .nth(1)
            .unwrap_or_else(|| panic!("{title} in {out}"))
            .lines()
            .skip(1)
            .take_while(|l| !l.is_empty())
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    };
    let rules = section("Problems per rule:");
    assert_eq!(
        rules[..2],
        ["6 closing/anything-else", "5 ownership/not-my-department"],
        "most frequent first"
    );
    assert!(section("Problems per category:").contains(&"5 ownership".to_string()));
    // Rewards are counted apart from problems, never among them: a category's praise is no
    // count of what went wrong in it.
    assert_eq!(section("Rewards per rule:")[0], "4 empathy/sorry-to-hear");
    assert!(!rules.iter().any(|r| r.contains("empathy/")), "{out}");
    assert_eq!(section("Rewards per category:")[0], "4 empathy");
    // The default pack's tags, too, are counted apart.
    let args = [
        "check",
        "--no-config",
        "--statistics",
        "-q",
        "fixtures/calls",
    ];
    let (_, out, _) = run(talklint().args(args));
    let tags = out.split("Tags per rule:").nth(1).unwrap_or_default();
    let problems = out.split("Problems per rule:").nth(1).unwrap_or_default();
    let problems = &problems[..problems.find("Tags per rule:").unwrap_or(problems.len())];
    assert!(tags.contains("  loyalty/frustration\n"), "{out}");
    assert!(!problems.contains("loyalty/"), "{out}");
    assert_eq!(
        section("Mean score per agent (conversations):"),
        ["63.0 Dana (1)"],
        "named agents only, not 'Agent'"
    );
    let histogram = section("Score distribution (conversations):");
    assert_eq!(histogram.len(), 11);
    let total: usize = histogram
        .iter()
        .map(|l| l.rsplit(' ').next().unwrap().parse::<usize>().unwrap())
        .sum();
    assert_eq!(total, 7);
}

/// A scan with no problem says so under the problems' headings; rewards and tags, none found,
/// have none.
#[test]
fn a_scan_without_problems_keeps_their_headings() {
    let dir = tempfile::tempdir().unwrap();
    crate::support::write(dir.path(), "t.txt", "Agent: ok\nCustomer: ok\n");
    let (_, out, _) = run(talklint().current_dir(dir.path()).args([
        "check",
        "--no-config",
        "--statistics",
        "t.txt",
    ]));
    assert!(
        out.contains("\nProblems per rule:\n\nProblems per category:\n\n"),
        "{out}"
    );
    assert!(
        !out.contains("Rewards per") && !out.contains("Tags per"),
        "{out}"
    );
}
