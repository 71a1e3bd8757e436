//! `talklint import`: imported categories written back as a YAML rule file a team can edit and
//! extend, each condition under a comment naming the vendor fields it comes from. Loading it
//! gives the rules loading the JSON gives (a test holds the two to the same findings).

use super::{Category, Cond, Imported, Look, Search, Test, Window};
use crate::rules::schema::Speaker;
use std::fmt::Write;

/// The YAML rule file of every category of `files` (`(source name, what it gave)`), with the
/// ones left out named in comments.
pub(crate) fn yaml(files: &[(String, Imported)]) -> String {
    let mut out = String::from(
        "# talklint rules written by `talklint import` from cloud definitions: edit and extend them\n\
         # like any rule file. Each category or matcher is one `kind: tag` rule; the comments name\n\
         # the vendor fields each condition comes from.\n",
    );
    let count: usize = files.iter().map(|(_, i)| i.categories.len()).sum();
    out.push_str(if count == 0 {
        "rules: []\n"
    } else {
        "rules:\n"
    });
    for (source, imported) in files {
        for c in &imported.categories {
            rule(&mut out, source, c);
        }
        for s in &imported.skipped {
            let line = format!("Left out: {} from {source}: {}", s.label, s.reason);
            comment(&mut out, "  ", &line);
        }
    }
    out
}

fn rule(out: &mut String, source: &str, c: &Category) {
    comment(out, "  ", &format!("From {source}: {}", c.vendor.thing()));
    comment(out, "  ", &c.note);
    let _ = writeln!(out, "  - id: {}", c.id);
    out.push_str("    kind: tag\n    speaker: any\n");
    let _ = writeln!(out, "    description: {}", quote(&c.description(source)));
    out.push_str("    when:\n");
    block(out, &c.when, 6);
}

/// `cond` as a block mapping whose lines start `indent` spaces in.
fn block(out: &mut String, cond: &Cond, indent: usize) {
    let pad = " ".repeat(indent);
    match &cond.test {
        Test::All(items) | Test::Any(items) => {
            let key = if matches!(cond.test, Test::All(_)) {
                "all"
            } else {
                "any"
            };
            let _ = writeln!(out, "{pad}{key}:");
            for item in items {
                list_item(out, item, indent + 2);
            }
        }
        Test::Not(inner) => match &inner.test {
            Test::Search(s) => {
                let _ = writeln!(out, "{pad}not: {}", flow(s));
            }
            _ => {
                let _ = writeln!(out, "{pad}not:");
                block(out, inner, indent + 2);
            }
        },
        // Imported conditions always start with a group; a lone search is an `all` of one.
        Test::Search(s) => {
            let _ = writeln!(out, "{pad}all:\n{pad}  - {}", flow(s));
        }
    }
}

/// `cond` as an item of a list whose dashes are `indent` spaces in, after its note.
fn list_item(out: &mut String, cond: &Cond, indent: usize) {
    let pad = " ".repeat(indent);
    if let Some(note) = &cond.note {
        comment(out, &pad, note);
    }
    if let Test::Search(s) = &cond.test {
        let _ = writeln!(out, "{pad}- {}", flow(s));
        return;
    }
    let mut inner = String::new();
    block(&mut inner, cond, indent + 2);
    // The first line's indentation becomes the dash: `- all:` with its items below.
    let _ = write!(out, "{pad}- {}", &inner[indent + 2..]);
}

/// A search as a flow mapping: `{speaker: agent, phrases: ["…"], window: {…}}`.
fn flow(s: &Search) -> String {
    let names: Vec<&str> = s.speaker.iter().map(|s| speaker(*s)).collect();
    let speaker = match names.as_slice() {
        [one] => one.to_string(),
        many => format!("[{}]", many.join(", ")),
    };
    let list = |items: &[String]| {
        items
            .iter()
            .map(|p| quote(p))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let look = match &s.look {
        Look::Words { phrases, regex } => {
            let phrases = (!phrases.is_empty()).then(|| format!("phrases: [{}]", list(phrases)));
            let regex = (!regex.is_empty()).then(|| format!("regex: [{}]", list(regex)));
            [phrases, regex]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ")
        }
        Look::Silence(secs) => format!("timing: {{silence_seconds: {secs}}}"),
        Look::InterruptsTotal(secs) => format!("timing: {{interrupts_total_seconds: {secs}}}"),
    };
    let window = match s.window {
        None => String::new(),
        Some(w) => format!(", window: {{{}}}", window(w)),
    };
    format!("{{speaker: {speaker}, {look}{window}}}")
}

/// The window as YAML's flow mapping holds it; a percent is of the media, as the loaded spec's is.
fn window(w: Window) -> String {
    let of = if w.is_percent() {
        ", percent_of: media"
    } else {
        ""
    };
    let range = match w {
        Window::BetweenSeconds(a, b) => format!("between_seconds: [{a}, {b}]"),
        Window::LastSeconds(s) => format!("last_seconds: {s}"),
        Window::FirstPercent(p) => format!("first_percent: {p}"),
        Window::LastPercent(p) => format!("last_percent: {p}"),
        Window::BetweenPercent(a, b) => format!("between_percent: [{a}, {b}]"),
    };
    format!("{range}{of}")
}

fn speaker(s: Speaker) -> &'static str {
    match s {
        Speaker::Agent => "agent",
        Speaker::Customer => "customer",
        Speaker::Bot => "bot",
        Speaker::Any => "any",
    }
}

/// A YAML double-quoted string: `"` and `\` escaped, and [`escaped`] characters.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if escaped(&mut out, c) => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A comment line, `pad` in, with `text` kept on it: a vendor's name or a file name may hold a
/// line break, which would end the comment and let the rest be read as rules.
fn comment(out: &mut String, pad: &str, text: &str) {
    out.push_str(pad);
    out.push_str("# ");
    for c in text.chars() {
        if !escaped(out, c) {
            out.push(c);
        }
    }
    out.push('\n');
}

/// Writes `c` as a YAML escape when YAML would not keep it as itself (controls, line and
/// paragraph separators, byte order marks) or refuses it (the noncharacters U+FFFE and U+FFFF,
/// which no vendor refuses in a name or a query); says whether it did.
fn escaped(out: &mut String, c: char) -> bool {
    match c {
        '\n' => out.push_str("\\n"),
        '\t' => out.push_str("\\t"),
        c if c.is_control()
            || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}')
            || crate::yaml::refused(c) =>
        {
            let _ = write!(out, "\\u{:04x}", c as u32);
        }
        _ => return false,
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_strings_read_back_as_themselves() {
        for s in [
            "plain",
            "say \"hi\"",
            "back\\slash \\(x\\)",
            "tab\tnew\nline",
            "\u{85}\u{2028}",
            "non\u{fffe}characters\u{ffff}",
        ] {
            let back: String = crate::yaml::from_str(&quote(s)).unwrap();
            assert_eq!(back, s);
        }
    }

    #[test]
    fn a_comment_stays_on_its_line() {
        let mut out = String::new();
        comment(&mut out, "  ", "X\n  - id: evil/rule\r\u{2028}#");
        assert_eq!(out, "  # X\\n  - id: evil/rule\\u000d\\u2028#\n");
    }
}
