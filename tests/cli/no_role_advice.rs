//! The advice given for speakers whose label names no role: the `roles:` line to write, as
//! `check` warns of it.
//! Followed, the advice gives each speaker a role and the other role to the other speaker.

use crate::localised_roles::check_call;

/// `check`'s warnings on `text` with a config of `roles`.
fn warnings(text: &str, roles: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let config = format!("rules: [default]\n{roles}");
    let (out, err) = check_call(dir.path(), &config, text, &[]);
    out + &err
}

/// With the agent named, the speaker left is proposed as the customer (it was proposed as an
/// agent too, so that following the advice put both under `agent`); with neither named, one
/// line names both, said to be a guess.
#[test]
fn the_roles_proposed_are_the_ones_missing() {
    let out = warnings(
        "Pepa: Hola, tengo un problema.\nLucía: Hola, dígame.\n",
        "roles: {agent: [Lucía]}\n",
    );
    assert!(
        out.contains("1 of 2 turns have a speaker with no role (\"Pepa\")")
            && out.contains("(`roles: {customer: [\"Pepa\"]}`)"),
        "{out}"
    );
    let out = warnings(
        "Pepa: Hola, tengo un problema.\nLucía: Hola, dígame.\n",
        "roles: {customer: [Pepa]}\n",
    );
    assert!(out.contains("(`roles: {agent: [\"Lucía\"]}`)"), "{out}");
    let out = warnings(
        "Lucía: Buenos días, le atiende Lucía.\nPepa: Hola, tengo un problema.\n",
        "",
    );
    assert!(
        out.contains(
            "2 of 2 turns have a speaker with no role (\"Lucía\", \"Pepa\"): agent and customer \
             rules skip them; name their roles in the config (`roles: {agent: [\"Lucía\"], \
             customer: [\"Pepa\"]}`, a guess that the first to speak is the agent: swap them if \
             the customer spoke first)"
        ),
        "{out}"
    );
    // The line proposed, written in the config, leaves no speaker without a role.
    let out = warnings(
        "Lucía: Buenos días, le atiende Lucía.\nPepa: Hola, tengo un problema.\n",
        "roles: {agent: [\"Lucía\"], customer: [\"Pepa\"]}\n",
    );
    assert!(!out.contains("no role"), "{out}");
}
