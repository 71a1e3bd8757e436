//! Who the agent is where no label says: two speakers whose labels name no role (a diariser's
//! `spk_0`/`spk_1`, a chat's two names) are told apart by what they say, and a speaker beside
//! one whose role is known has the other role.

use super::role_advice::first_labels;
use super::roles::Role;
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use std::cmp::Ordering;
use std::rc::Rc;
use std::sync::LazyLock;

/// The default for diarised two-speaker calls and chats of two names: when no speaker label maps
/// to a role and there are exactly two labels (`spk_0`/`spk_1`, `0`/`1`, `A`/`B`, `Ben`/`Ria`),
/// the agent is the speaker whose turns hold more of an agent's set phrases ([`AGENT_CUES`]: a
/// chat's customer usually writes first, and the agent answers "thanks for contacting us, how can
/// I help?"); when they hold as many, whoever says the first turn of three words or more (a call
/// opens with the agent's greeting; a caller's "Mm." or "Hello?" before it does not count). The
/// other is the customer. Turns that name no speaker (a segment the diariser gave no label) are
/// no third speaker and keep their role; when that first turn is one of them, nothing says who
/// the agent is, and there is no guess. Config `roles:` overrides it. A transcript whose roles
/// were guessed says so ([`Transcript::agent_guessed`](super::Transcript::agent_guessed)).
pub(crate) fn assign_diarised_roles(t: &mut super::Transcript, source: &str) {
    if let Some(given) = other_side_of_one(&mut t.turns) {
        t.agent_guessed |= given == Role::Agent;
        return;
    }
    // A reader may have guessed already (AWS PCA's speaker order), and then no turn is left
    // without a role: its guess stands.
    t.agent_guessed |= guess_roles(&mut t.turns, source);
}

/// With two speakers of whom one has the agent's or the customer's role (by its label, or
/// `roles:`) and the other none, the other has the other role: a chat whose agents `roles:`
/// names reads whole, though its customer's name changes with each chat. A bot's or the
/// system's messages are no third speaker. The role given, if any: an agent so found is a guess
/// (a bot the labels do not name may be the one beside the customer).
fn other_side_of_one(turns: &mut [super::Turn]) -> Option<Role> {
    let unnamed = |t: &super::Turn| t.speaker.is_some() && t.role == Role::Unknown;
    if !turns.iter().any(unnamed) {
        return None;
    }
    let people = |t: &&super::Turn| !matches!(t.role, Role::Bot | Role::System | Role::Any);
    let labels = first_labels(turns.iter().filter(people), 3);
    let [a, b] = labels[..] else {
        return None;
    };
    let role_of = |label: &str| {
        let mut roles = (turns.iter())
            .filter(|t| t.speaker.as_deref() == Some(label))
            .map(|t| t.role);
        let first = roles.next()?;
        roles.all(|r| r == first).then_some(first)
    };
    let (other, label) = match (role_of(a)?, role_of(b)?) {
        (Role::Agent, Role::Unknown) => (Role::Customer, b),
        (Role::Customer, Role::Unknown) => (Role::Agent, b),
        (Role::Unknown, Role::Agent) => (Role::Customer, a),
        (Role::Unknown, Role::Customer) => (Role::Agent, a),
        _ => return None,
    };
    let label = label.to_string();
    for t in (turns.iter_mut()).filter(|t| t.speaker.as_deref() == Some(&*label)) {
        t.role = other;
    }
    Some(other)
}

/// [`assign_diarised_roles`] of `turns`: whether it gave them roles.
fn guess_roles(turns: &mut [super::Turn], source: &str) -> bool {
    let mut named = turns.iter().filter(|t| t.speaker.is_some());
    if named.any(|t| t.role != Role::Unknown) {
        return false;
    }
    // The first three distinct labels: a third is enough to say no.
    let labels = first_labels(turns.iter(), 3);
    if labels.len() != 2 {
        return false;
    }
    let cues = |label: &str| -> usize {
        (turns.iter())
            .filter(|t| t.speaker.as_deref() == Some(label))
            .take(CUED_TURNS)
            .map(|t| agent_cues(t.text(source)))
            .sum()
    };
    let opener: Rc<str> = match cues(labels[0]).cmp(&cues(labels[1])) {
        Ordering::Greater => labels[0].into(),
        Ordering::Less => labels[1].into(),
        Ordering::Equal => match turns
            .iter()
            .find(|t| t.text(source).split_whitespace().count() >= 3)
        {
            Some(t) => match &t.speaker {
                Some(speaker) => speaker.clone(),
                None => return false,
            },
            None => labels[0].into(),
        },
    };
    for t in turns {
        let Some(speaker) = &t.speaker else {
            continue;
        };
        t.role = if *speaker == opener {
            Role::Agent
        } else {
            Role::Customer
        };
    }
    true
}

/// Set phrases that an agent says and a customer seldom does, a space between words.
const AGENT_CUES: [&str; 15] = [
    "how can i help",
    "how may i help",
    "how can i assist",
    "how may i assist",
    "thank you for calling",
    "thanks for calling",
    "thank you for contacting",
    "thanks for contacting",
    "thank you for reaching out",
    "thanks for reaching out",
    "for your patience",
    "for the inconvenience",
    "anything else i can help",
    "anything else i can assist",
    "anything else i can do for you",
];

/// The turns of each speaker searched for [`AGENT_CUES`]: an agent greets and offers help in
/// their first turns, and a long call is not searched to its end.
const CUED_TURNS: usize = 4;

/// How many of [`AGENT_CUES`] `text` holds, in any case and spacing: the text is copied with
/// single spaces only when it may part words otherwise (a tab, a line break, two spaces, or a
/// character beyond ASCII, such as a no-break space).
fn agent_cues(text: &str) -> usize {
    static CUES: LazyLock<AhoCorasick> = LazyLock::new(|| {
        (AhoCorasick::builder().ascii_case_insensitive(true))
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(AGENT_CUES)
            .expect("fixed patterns build")
    });
    let odd = |w: &[u8]| w[0] >= 0x80 || matches!(w[0], b'\t' | b'\n' | b'\r') || w == b"  ";
    let spaced;
    let text = match text.as_bytes().windows(2).any(odd) || !text.is_ascii() {
        true => {
            spaced = text.split_whitespace().collect::<Vec<_>>().join(" ");
            &spaced
        }
        false => text,
    };
    let found = (CUES.find_iter(text)).fold(0u32, |seen, m| seen | 1 << m.pattern().as_u32());
    found.count_ones() as usize
}
