//! One list of every verb of the command table, each with a concrete line a test can
//! send on any platform; a test checks the list is exactly the table, so a new verb
//! cannot be left out of the permission and help tests.

use colloquy::domain::command::{VERBS, parse};

/// A verb as typed (`"poll create"`) and one line that runs it.
#[derive(Debug, Clone, Copy)]
pub struct VerbExample {
    pub verb: &'static str,
    pub line: &'static str,
}

const fn v(verb: &'static str, line: &'static str) -> VerbExample {
    VerbExample { verb, line }
}

/// Every verb, in the table's order. Poll lines name poll 1, the first poll of a test.
pub const EVERY_VERB: &[VerbExample] = &[
    v("setup", "setup --tz UTC"),
    v("reading import", "reading import"),
    v("reading list", "reading list"),
    v("reading preview", "reading preview"),
    v("excerpt next", "excerpt next"),
    v("schedule status", "schedule status"),
    v("schedule pause", "schedule pause"),
    v("schedule resume", "schedule resume"),
    v("schedule skip", "schedule skip"),
    v("poll create", "poll create \"A claim\""),
    v("poll close", "poll close 1"),
    v("poll results", "poll results 1"),
    v("poll suggest", "poll suggest"),
    v("poll extend", "poll extend 1 --minutes 5"),
    v("vote", "vote 1 agree"),
    v("claim add", "claim add \"A member's claim\""),
    v("claim queue", "claim queue"),
    v("claim approve", "claim approve 1"),
    v("claim reject", "claim reject 1"),
    v("claim cards", "claim cards"),
    v("map", "map"),
    v("report", "report"),
    v(
        "quiz add",
        "quiz add \"Who wrote it?\" --options \"A | B\" --answer 1",
    ),
    v("session start", "session start"),
    v("session end", "session end"),
    v("agenda set", "agenda set \"Opening 5m | Talk 20m\""),
    v("agenda start", "agenda start"),
    v("agenda next", "agenda next"),
    v("agenda back", "agenda back"),
    v("agenda extend", "agenda extend 5m"),
    v("agenda status", "agenda status"),
    v("hand raise", "hand a question on courts"),
    v("hand down", "hand down"),
    v("queue show", "queue"),
    v("queue next", "queue next"),
    v("queue skip", "queue skip"),
    v("queue clear", "queue clear"),
    v("queue mode", "queue mode progressive"),
    v("note", "note the group reads part II next"),
    v("decision", "decision we meet again on Monday"),
    v(
        "action add",
        "action @someone circulate the map --due friday",
    ),
    v("action list", "actions"),
    v("action done", "action done 1"),
    v("breakout", "breakout 2 --minutes 10"),
    v("summary", "summary"),
    v("stats", "stats"),
    v("export", "export --format json"),
    v("privacy my-data", "privacy my-data"),
    v("privacy forget-me", "privacy forget-me"),
    v("privacy quotes", "privacy quotes off"),
    v("help", "help"),
];

/// The verbs alone, as typed.
pub fn every_verb_name() -> impl Iterator<Item = &'static str> {
    EVERY_VERB.iter().map(|e| e.verb)
}

#[test]
fn the_list_is_exactly_the_command_table() {
    let table: Vec<&str> = VERBS.iter().map(|v| v.name).collect();
    let listed: Vec<&str> = every_verb_name().collect();
    assert_eq!(listed, table, "EVERY_VERB must follow VERBS");
    for e in EVERY_VERB {
        let parsed = parse(e.line).unwrap_or_else(|err| panic!("{}: {err}", e.line));
        assert_eq!(parsed.verb(), e.verb, "{} runs another verb", e.line);
    }
}
