//! The phrases that tell an agent from a customer where no label says who is who: those only
//! the company's side says (offers of help, self-introductions with the company's name, checks
//! of the customer's details, a company's "we"), weighed over those either side may say (thanks
//! for a call, for patience), so that an outbound call's customer who answers "thanks for
//! calling" is not taken for the agent. Kept apart from the guess that uses them
//! (`role_guess.rs`), as the lists grow with each contact centre seen.

use super::label_key::same;
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use std::ops::AddAssign;
use std::sync::LazyLock;

/// What a phrase tells of its speaker.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CueKind {
    /// Said by an agent, and by a customer too at times: an outbound call's customer thanks
    /// the agent for calling.
    Either,
    /// Said by the company's side only.
    Agent,
    /// The company's side when a name follows, written with a capital (`thank you for calling
    /// Brightline`); a customer thanks the agent for calling them (`thanks for calling me back`).
    AgentGreeting,
    /// The company's side when a name written with a capital follows, then `from` among the next
    /// three words and a company (`this is Maria from Acme`); a customer says who they are
    /// without one (`this is John`), or speaks of a thing (`this is a charge from Netflix`).
    AgentIntroduction,
    /// Said by the customer only, of their own wait, order or charge, or asking for help.
    Customer,
}

/// The phrases, lowercase and single-spaced, found in any case and spacing in a turn; at most
/// 64.
const CUES: [(&str, CueKind); 62] = [
    ("thank you for calling", CueKind::Either),
    ("thanks for calling", CueKind::Either),
    // An inbound call's greeting names the company: `Thank you for calling Brightline`.
    ("thank you for calling ", CueKind::AgentGreeting),
    ("thanks for calling ", CueKind::AgentGreeting),
    ("thank you for contacting", CueKind::Either),
    ("thanks for contacting", CueKind::Either),
    ("thank you for reaching out", CueKind::Either),
    ("thanks for reaching out", CueKind::Either),
    ("for your patience", CueKind::Either),
    ("for the inconvenience", CueKind::Either),
    // Offers of help.
    ("how can i help", CueKind::Agent),
    ("how may i help", CueKind::Agent),
    ("how can i assist", CueKind::Agent),
    ("how may i assist", CueKind::Agent),
    ("how can we help", CueKind::Agent),
    ("what can i do for you", CueKind::Agent),
    ("anything else i can help", CueKind::Agent),
    ("anything else i can assist", CueKind::Agent),
    ("anything else i can do for you", CueKind::Agent),
    ("be happy to help", CueKind::Agent),
    ("we're happy to help", CueKind::Agent),
    ("we are happy to help", CueKind::Agent),
    ("i can help you with that", CueKind::Agent),
    // The company's voice.
    ("for contacting us", CueKind::Agent),
    ("for reaching out to us", CueKind::Agent),
    ("for choosing", CueKind::Agent),
    ("dm us", CueKind::Agent),
    ("send us a dm", CueKind::Agent),
    ("send us a direct message", CueKind::Agent),
    ("we're sorry to hear", CueKind::Agent),
    ("we are sorry to hear", CueKind::Agent),
    // An outbound call's opening: who calls, for whom, and why.
    ("this is ", CueKind::AgentIntroduction),
    ("my name is ", CueKind::AgentIntroduction),
    ("calling on behalf of", CueKind::Agent),
    ("calling about your", CueKind::Agent),
    ("calling regarding your", CueKind::Agent),
    ("calling to follow up on your", CueKind::Agent),
    ("call may be recorded", CueKind::Agent),
    ("call is being recorded", CueKind::Agent),
    // Checks of the customer's details.
    ("your account number", CueKind::Agent),
    ("your date of birth", CueKind::Agent),
    ("digits of your", CueKind::Agent),
    ("on your account", CueKind::Agent),
    // Taking the work on.
    ("let me look into that", CueKind::Agent),
    ("let me look into this", CueKind::Agent),
    ("let me pull up your", CueKind::Agent),
    ("i've refunded", CueKind::Agent),
    ("i have refunded", CueKind::Agent),
    // The customer's own wait, order and charge, and asking for help or for someone else.
    ("i've been on hold", CueKind::Customer),
    ("i have been on hold", CueKind::Customer),
    ("been trying to reach you", CueKind::Customer),
    ("i want to cancel", CueKind::Customer),
    ("i'd like to cancel", CueKind::Customer),
    ("i want a refund", CueKind::Customer),
    ("i was charged", CueKind::Customer),
    ("i got charged", CueKind::Customer),
    ("my order never", CueKind::Customer),
    ("i never received", CueKind::Customer),
    ("can you help me", CueKind::Customer),
    ("i need to speak to", CueKind::Customer),
    ("speak to a manager", CueKind::Customer),
    ("speak to a supervisor", CueKind::Customer),
];

// A turn's finds are a bit set of a `u64`.
const _: () = assert!(CUES.len() <= 64);

/// Words after `from` that name no company.
const NOT_A_COMPANY: [&str; 14] = [
    "my", "a", "an", "the", "your", "you", "another", "home", "work", "abroad", "overseas", "here",
    "there", "outside",
];

/// How many phrases of each kind a speaker's turns hold (each phrase once a turn).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Cues {
    agent_only: usize,
    either: usize,
    customer_only: usize,
}

impl Cues {
    /// How much the phrases make the speaker the agent: what an agent alone says less what a
    /// customer alone says first (one such phrase outweighs any number that either side says),
    /// then what either side says.
    fn weight(self) -> (isize, usize) {
        (
            self.agent_only as isize - self.customer_only as isize,
            self.either,
        )
    }
}

impl AddAssign for Cues {
    fn add_assign(&mut self, other: Cues) {
        self.agent_only += other.agent_only;
        self.either += other.either;
        self.customer_only += other.customer_only;
    }
}

/// The turns of each speaker searched at either end of a conversation: an agent greets, offers
/// help and checks who they speak to in their first turns, and closes in their last ones
/// ("is there anything else I can help you with?"); a long call's middle is not searched.
const CUED_TURNS: usize = 4;

/// Which of two speakers the phrases make the agent: the index of the label in `labels` whose
/// first and last [`CUED_TURNS`] turns weigh more ([`Cues::weight`]); `None` when both weigh as
/// much.
pub(super) fn agent_of_two(
    turns: &[super::Turn],
    source: &str,
    labels: [&str; 2],
) -> Option<usize> {
    let weight = |label| cues_of(turns, source, label).weight();
    match weight(labels[0]).cmp(&weight(labels[1])) {
        std::cmp::Ordering::Greater => Some(0),
        std::cmp::Ordering::Less => Some(1),
        std::cmp::Ordering::Equal => None,
    }
}

/// Whether the speaker `label` says what an agent alone says, in their first or last
/// [`CUED_TURNS`] turns (a greeting, an offer of help, a check of the customer's details).
pub(super) fn speaks_as_agent(turns: &[super::Turn], source: &str, label: &str) -> bool {
    cues_of(turns, source, label).agent_only > 0
}

/// The phrases the first and last [`CUED_TURNS`] turns of the speaker `label` hold.
fn cues_of(turns: &[super::Turn], source: &str, label: &str) -> Cues {
    let theirs = || {
        (turns.iter().enumerate())
            .filter(move |(_, t)| t.speaker.as_deref().is_some_and(|s| same(s, label)))
    };
    let mut cues = Cues::default();
    let mut after_first = 0;
    for (k, (i, t)) in theirs().take(CUED_TURNS).enumerate() {
        cues += turn_cues(t.text(source), k == 0);
        after_first = i + 1;
    }
    // The last turns, where they are not among the first.
    for (_, t) in theirs()
        .rev()
        .take_while(|(i, _)| *i >= after_first)
        .take(CUED_TURNS)
    {
        cues += turn_cues(t.text(source), false);
    }
    cues
}

/// The [`CUES`] `text` holds, in any case and spacing, each at word edges (a greeting only in
/// the speaker's `first` turn): the text is copied with single spaces and straight apostrophes
/// only when it may part words otherwise (a tab, a line break, two spaces, or a character beyond
/// ASCII, such as a no-break space or `’`).
fn turn_cues(text: &str, first: bool) -> Cues {
    static SEARCH: LazyLock<AhoCorasick> = LazyLock::new(|| {
        (AhoCorasick::builder().ascii_case_insensitive(true))
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(CUES.map(|(phrase, _)| phrase))
            .expect("fixed patterns build")
    });
    let odd = |w: &[u8]| w[0] >= 0x80 || matches!(w[0], b'\t' | b'\n' | b'\r') || w == b"  ";
    let spaced;
    let text = match text.as_bytes().windows(2).any(odd) || !text.is_ascii() {
        true => {
            spaced = (text.split_whitespace().collect::<Vec<_>>().join(" ")).replace('’', "'");
            &spaced
        }
        false => text,
    };
    let bytes = text.as_bytes();
    let word_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphanumeric);
    let mut found = 0u64;
    for m in SEARCH.find_overlapping_iter(text) {
        let (phrase, kind) = CUES[m.pattern().as_usize()];
        let edges = !(m.start() > 0 && word_at(m.start() - 1))
            && (phrase.ends_with(' ') || !word_at(m.end()));
        let rest = &text[m.end()..];
        let holds = match kind {
            CueKind::Either | CueKind::Agent | CueKind::Customer => true,
            CueKind::AgentGreeting => first && opens(&text[..m.start()]) && names(rest),
            CueKind::AgentIntroduction => names(rest) && introduces(rest),
        };
        if edges && holds {
            found |= 1 << m.pattern().as_u32();
        }
    }
    let count = |of: CueKind| {
        (CUES.iter().enumerate())
            .filter(|(i, (_, kind))| found & 1 << i != 0 && *kind == of)
            .count()
    };
    let (either, customer_only) = (count(CueKind::Either), count(CueKind::Customer));
    Cues {
        agent_only: found.count_ones() as usize - either - customer_only,
        either,
        customer_only,
    }
}

/// Whether `rest` opens with a name: a word written with a capital letter, not `I`.
fn names(rest: &str) -> bool {
    let word = rest.split_whitespace().next().unwrap_or("");
    let pronoun = word == "I" || word.starts_with("I'") || word.starts_with("I\u{2019}");
    word.starts_with(|c: char| c.is_uppercase()) && !pronoun
}

/// Whether `before`, a turn's text before a greeting, is at most a hello: a greeting that opens
/// the turn is the agent's answer to a call (`Hi, thank you for calling Brightline`), where one
/// later in it is a customer's thanks (`Oh yes, thank you for calling Maria`).
fn opens(before: &str) -> bool {
    const HELLOS: [&str; 8] = [
        "hi",
        "hello",
        "hey",
        "good",
        "morning",
        "afternoon",
        "evening",
        "and",
    ];
    before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| HELLOS.iter().any(|h| h.eq_ignore_ascii_case(w)))
}

/// Whether the words after `this is` or `my name is` say whose side the speaker is on: one of the
/// next three is `from`, and a company follows it (`Maria from Acme`, `Maria Lopez from Acme`).
fn introduces(rest: &str) -> bool {
    let mut words = rest.split_whitespace();
    (words.by_ref().take(3)).any(|w| w.eq_ignore_ascii_case("from")) && names_company(words)
}

/// Whether the next of `words` may name a company: a word that is none of [`NOT_A_COMPANY`].
fn names_company<'a>(mut words: impl Iterator<Item = &'a str>) -> bool {
    words.next().is_some_and(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        !w.is_empty() && !NOT_A_COMPANY.iter().any(|n| n.eq_ignore_ascii_case(w))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(agent_only: usize, either: usize) -> Cues {
        Cues {
            agent_only,
            either,
            customer_only: 0,
        }
    }

    /// The cues of a turn that is not the speaker's first.
    fn later(text: &str) -> Cues {
        turn_cues(text, false)
    }

    #[test]
    fn phrases_an_agent_alone_says_are_told_from_those_either_side_says() {
        assert_eq!(later("Thanks for calling, have a great day."), cues(0, 1));
        assert_eq!(later("Thank you, have a great day!"), cues(0, 0));
        assert_eq!(
            later("Thank you for contacting us. How can I help?"),
            cues(2, 1)
        );
        assert_eq!(later("HOW   CAN\tI help?"), cues(1, 0));
        assert_eq!(later("I\u{2019}ve refunded the second charge."), cues(1, 0));
        // At word edges only.
        assert_eq!(later("They said: 'admus', then 'dm used'."), cues(0, 0));
    }

    #[test]
    fn what_a_customer_alone_says_weighs_against_being_the_agent() {
        let customer = later("I've been on hold for an hour. Can you help me?");
        assert_eq!((customer.customer_only, customer.weight()), (2, (-2, 0)));
        // An agent's offer of help outweighs a customer's phrase quoted back to them.
        let agent = later("I can help you with that: you said 'I was charged twice'.");
        assert!(agent.weight() > customer.weight());
        assert!(later("Sorry about that.").weight() > customer.weight());
    }

    #[test]
    fn an_introduction_is_the_agents_only_with_a_name_and_a_company() {
        let agent = cues(1, 0);
        assert_eq!(later("Hi, this is Maria from Brightline Energy."), agent);
        assert_eq!(later("My name is Maria Lopez from Brightline."), agent);
        assert_eq!(later("Yes, this is John."), cues(0, 0));
        assert_eq!(
            later("This is John, calling from my work phone."),
            cues(0, 0)
        );
        assert_eq!(later("this is from the app"), cues(0, 0));
        assert_eq!(later("this is John from"), cues(0, 0));
        // A customer speaks of a thing from a company, calls from a place, asks the agent.
        assert_eq!(
            later("This is a charge from Netflix I didn't make"),
            cues(0, 0)
        );
        assert_eq!(later("I'm calling from Chicago about my bill"), cues(0, 0));
        assert_eq!(
            later("Can you confirm your name for my records?"),
            cues(0, 0)
        );
        assert_eq!(later("We apologize for the late payment."), cues(0, 0));
    }

    #[test]
    fn a_greeting_that_names_the_company_is_the_agents_in_their_first_turn() {
        let greeting = "Thank you for calling Brightline, this is Maria.";
        assert_eq!(turn_cues(greeting, true), cues(1, 1));
        assert_eq!(later(greeting), cues(0, 1));
        assert_eq!(
            turn_cues("Good morning, thank you for calling Brightline.", true),
            cues(1, 1)
        );
        // A customer thanks the agent for calling them, by name too.
        assert_eq!(turn_cues("Thanks for calling me back.", true), cues(0, 1));
        assert_eq!(
            turn_cues("Oh yes, thank you for calling Maria, I was waiting.", true),
            cues(0, 1)
        );
        assert_eq!(
            turn_cues("thanks for calling I was hoping", true),
            cues(0, 1)
        );
    }
}
