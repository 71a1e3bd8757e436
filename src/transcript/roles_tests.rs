//! Tests of speaker roles: aliases, names and the people labels name.

use super::*;

#[test]
fn aliases_map_labels_to_roles() {
    let roles = Roles::default().with_aliases(Role::Agent, ["Sarah", "spk_0"]);
    assert_eq!(roles.role_of("AGENT"), Role::Agent);
    assert_eq!(roles.role_of("Caller"), Role::Customer);
    assert_eq!(roles.role_of("Agent Smith"), Role::Agent);
    assert_eq!(roles.role_of("sarah"), Role::Agent);
    assert_eq!(roles.role_of("SPK_0"), Role::Agent);
    assert_eq!(roles.role_of("spk_1"), Role::Unknown);
    assert_eq!(roles.role_of("Virtual Agent"), Role::Bot);
    assert_eq!(roles.role_of("Supporter"), Role::Unknown);
    let roles = Roles::default().with_aliases(Role::Agent, ["Sarah  Lee "]);
    for label in ["sarah lee", "SARAH\tLEE", "Sarah\u{a0}Lee"] {
        assert_eq!(roles.role_of(label), Role::Agent, "{label:?}");
        assert!(roles.is_configured(label), "{label:?}");
    }
}

proptest::proptest! {
    #[test]
    fn a_label_is_lowercased_with_single_spaces_as_str_does_it(label in "[ a-zA-Z0-9_\\-\t#é\u{a0}]{0,40}") {
        let mut buf = [0u8; 32];
        let words: Vec<&str> = label.split_whitespace().collect();
        proptest::prop_assert_eq!(folded(&label, &mut buf), words.join(" ").to_lowercase());
    }
}

#[test]
fn names_are_not_role_words_or_diarisation_labels() {
    for label in [
        "Sarah",
        "Kim Park",
        "sam@acme.example",
        "Speaker of the house",
        "Jo",
    ] {
        assert!(is_name(label), "{label}");
    }
    for label in [
        "Agent",
        "spk_0",
        "SPK_1",
        "Speaker 2",
        "speaker_3",
        "ch_0",
        "A",
        "2",
        "77",
        "internal",
        "",
    ] {
        assert!(!is_name(label), "{label}");
    }
}

#[test]
fn a_person_is_named_without_the_role_word_before_the_name() {
    assert_eq!(person("Agent Smith"), Some("Smith"));
    assert_eq!(person(" agent_Kim Park "), Some("Kim Park"));
    assert_eq!(person("Smith"), Some("Smith"));
    assert_eq!(
        person("Agent 7"),
        Some("Agent 7"),
        "numbered agents stay apart"
    );
    assert_eq!(person("Speaker of the house"), Some("Speaker of the house"));
    assert_eq!(person("Agent"), None);
    assert_eq!(person("spk_0"), None);
    // A team of its own name keeps its whole label; a service or team named by role words
    // alone names no one, as the role words do.
    for label in ["Billing Team", "Agent 7 Team"] {
        assert_eq!(person(label), Some(label));
    }
    for label in [
        "Client Services",
        "Customer Care",
        "Support Team",
        "Agent Team",
        "Customer Service Agent",
    ] {
        assert_eq!(person(label), None, "{label}");
    }
}

#[test]
fn a_label_with_a_part_in_brackets_has_the_role_and_person_of_its_parts() {
    let roles = Roles::default();
    assert_eq!(roles.role_of("Agent (Sarah)"), Role::Agent);
    assert_eq!(roles.role_of("Sarah (Agent)"), Role::Agent);
    assert_eq!(roles.role_of("John ( Customer )"), Role::Customer);
    assert_eq!(roles.role_of("Virtual Agent (Ava)"), Role::Bot);
    // The part before the brackets first.
    assert_eq!(roles.role_of("Agent (Customer Care)"), Role::Agent);
    assert_eq!(roles.role_of("Sarah (Acme)"), Role::Unknown);
    let configured = Roles::default().with_aliases(Role::Customer, ["Sarah (Agent)"]);
    assert_eq!(configured.role_of("sarah (agent)"), Role::Customer);
    assert_eq!(person("Agent (Sarah)"), Some("Sarah"));
    assert_eq!(person("Sarah Lee (Agent)"), Some("Sarah Lee"));
    assert_eq!(person("Agent Smith (Support)"), Some("Smith"));
    assert_eq!(person("Agent (spk_0)"), None);
    assert_eq!(
        person("Agent (Mary Ann De La Cruz)"),
        Some("Mary Ann De La Cruz")
    );
    for label in [
        "Agent (4521)",
        "Agent (#C-1234)",
        "Agent (A-17)",
        "Agent (Sarah, Billing)",
    ] {
        assert_eq!(person(label), None, "{label}");
    }
    assert_eq!(qualified("Agent (Sarah) "), Some(("Agent", "Sarah")));
    for label in [
        "Agent",
        "Agent (Sarah",
        "Agent ()",
        "(Sarah)",
        "A (b (c))",
        "A (b) c",
    ] {
        assert_eq!(qualified(label), None, "{label}");
    }
}

#[test]
fn a_customer_word_before_a_service_word_is_the_agent_side() {
    let roles = Roles::default();
    for label in [
        "Customer Service",
        "customer_support",
        "Client Services",
        "Customer Care Team",
        "Customer Service Agent",
        "Customer Service (Sam)",
        "Sam (Customer Care)",
        "Service Client",
    ] {
        assert_eq!(roles.role_of(label), Role::Agent, "{label}");
    }
    for label in ["Customer 2", "Customer (Ann)", "Client Smith", "Caller #2"] {
        assert_eq!(roles.role_of(label), Role::Customer, "{label}");
    }
}

#[test]
fn role_words_of_other_languages_name_roles() {
    let roles = Roles::default();
    for label in [
        "Agente",
        "ASESORA",
        "Beraterin",
        "CONSEILLÈRE",
        "Operatrice",
    ] {
        assert_eq!(roles.role_of(label), Role::Agent, "{label}");
    }
    for label in ["Cliente", "KUNDIN", "Kunde (Herr Müller)"] {
        assert_eq!(roles.role_of(label), Role::Customer, "{label}");
    }
    assert_eq!(person("Agente Lucía"), Some("Lucía"));
    assert!(!is_name("Conseiller"));
}
