//! Words: what the bot says is true and well formed — plurals, "did you mean", help that
//! matches the parser, schedule and deadline statements, and the console's roles, threads
//! and anonymous polls.

use colloquy::domain::command::{ParseError, Role, parse};
use colloquy::platform::console::ConsoleChat;
use colloquy::store::testing::TestDb;

use crate::common::app::{TestApp, monday, sample_reading};

/// One short paragraph: a reading of a single excerpt.
const ONE_EXCERPT: &str = "# A Short Note\n\nCourts that act predictably lower the cost of cooperation, and voters notice it over time. Critics doubt that rules alone build trust, yet slow institutional change is durable.\n";

fn error_of(line: &str) -> String {
    match parse(line) {
        Ok(c) => panic!("`{line}` parsed as {c:?}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn misspelt_verbs_and_flags_get_a_suggestion() {
    let e = error_of("pol create \"Courts build trust\"");
    assert!(e.contains("did you mean `poll`?"), "{e}");
    let e = error_of("poll create \"Courts build trust\" --minuts 10");
    assert!(e.contains("did you mean `--minutes`?"), "{e}");
    // A sub-verb typed as a verb.
    let e = error_of("import");
    assert!(e.contains("did you mean `reading import`?"), "{e}");
    // A misspelt sub-verb.
    let e = error_of("poll creat \"x\"");
    assert!(e.contains("did you mean `poll create`?"), "{e}");
    // Nothing close: no wild guess.
    let e = error_of("frobnicate");
    assert!(
        e.contains("unknown command") && !e.contains("did you mean"),
        "{e}"
    );
}

/// The `--flags` a text mentions.
fn flags_in(text: &str) -> std::collections::BTreeSet<String> {
    let mut out = std::collections::BTreeSet::new();
    for (i, _) in text.match_indices("--") {
        let name: String = text[i + 2..]
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || *c == '-')
            .collect();
        let name = name.trim_end_matches('-');
        if !name.is_empty() {
            out.insert(name.to_string());
        }
    }
    out
}

#[tokio::test]
async fn help_lists_exactly_the_flags_the_parser_takes() {
    let app = TestApp::new(TestDb::Sqlite).await;
    let mut helps = Vec::new();
    for verb in crate::common::verbs::every_verb_name() {
        let help = app
            .run("ana", Role::Member, &format!("help {verb}"))
            .await
            .expect("help")
            .text;
        helps.push((verb, help));
    }
    // Every flag any help mentions, and flags the parser once took without saying so.
    let mut corpus = std::collections::BTreeSet::new();
    for (_, h) in &helps {
        corpus.extend(flags_in(h));
    }
    for extra in ["option", "claim", "timezone", "hours", "reason", "x"] {
        corpus.insert(extra.to_string());
    }
    for (verb, help) in &helps {
        let documented = flags_in(help);
        for flag in &corpus {
            let line = format!("{verb} --{flag}=1");
            let accepted = !matches!(parse(&line), Err(ParseError::UnknownFlag { .. }));
            assert_eq!(
                accepted,
                documented.contains(flag),
                "`{line}`: the parser {} it, `help {verb}` {} it:\n{help}",
                if accepted { "takes" } else { "refuses" },
                if documented.contains(flag) {
                    "lists"
                } else {
                    "does not list"
                },
            );
        }
    }
}

#[tokio::test]
async fn help_poll_create_lists_hours() {
    let app = TestApp::new(TestDb::Sqlite).await;
    let help = app
        .run("ana", Role::Member, "help poll create")
        .await
        .expect("help")
        .text;
    assert!(help.contains("--hours"), "{help}");
}

#[tokio::test]
async fn schedule_status_after_excerpt_next_names_the_next_real_post() {
    // Monday 08:00 in London; posts at 09:00 every day.
    let app = TestApp::new(TestDb::Sqlite).await;
    app.setup_with_reading(&sample_reading(8)).await;
    app.fac("excerpt next").await;
    app.deliver().await;
    let status = app
        .run("ana", Role::Member, "schedule status")
        .await
        .expect("status")
        .text;
    assert!(
        status.contains("Today's excerpt was posted at 08:00"),
        "{status}"
    );
    assert!(status.contains("Tue 3 Mar, 09:00"), "{status}");
    assert!(!status.contains("Mon 2 Mar, 09:00"), "{status}");
    // The schedule agrees: nothing is posted at 09:00 today.
    app.clock.set(monday(9, 1));
    assert!(app.tick().await.posted.is_empty());
}

#[tokio::test]
async fn poll_until_a_time_that_has_passed_says_tomorrow() {
    let app = TestApp::at(monday(11, 30), TestDb::Sqlite).await;
    app.setup_with_reading(&sample_reading(4)).await;
    let receipt = app
        .fac("poll create \"Courts build trust\" --until 00:01")
        .await
        .text;
    assert!(
        receipt.contains("tomorrow at 00:01") && receipt.contains("in 12 h 31 min"),
        "{receipt}"
    );
    let later = app
        .fac("poll create \"Rules alone build trust\" --until 18:00")
        .await
        .text;
    assert!(
        later.contains("today at 18:00") && later.contains("in 6 h 30 min"),
        "{later}"
    );
}

#[tokio::test]
async fn a_single_excerpt_is_one_excerpt() {
    let app = TestApp::new(TestDb::Sqlite).await;
    app.fac("setup --tz Europe/London --time 09:00").await;
    let upload = colloquy::engine::Upload {
        name: "note.md".into(),
        bytes: ONE_EXCERPT.as_bytes().to_vec(),
    };
    let imported = app
        .run_with("fac", Role::Facilitator, "reading import", Some(upload))
        .await
        .expect("import")
        .text;
    assert!(imported.contains("in 1 excerpt."), "{imported}");
    let list = app.fac("reading list").await.text;
    assert!(list.contains(", 1 excerpt ·"), "{list}");
    assert!(!list.contains("1 excerpts"), "{list}");
}

fn console(app: &TestApp) -> ConsoleChat {
    ConsoleChat::new(app.engine.clone(), app.port.clone(), app.channel.clone())
}

fn last_line(app: &TestApp) -> String {
    app.log_text()
        .lines()
        .last()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test]
async fn the_console_keeps_each_speakers_role_across_as() {
    let app = TestApp::new(TestDb::Sqlite).await;
    let mut chat = console(&app);
    chat.handle_line("/as ana --facilitator", None).await;
    assert!(last_line(&app).contains("ana, a facilitator"));
    chat.handle_line("/as ben", None).await;
    assert!(last_line(&app).contains("ben, a member"));
    chat.handle_line("/as ana", None).await;
    assert!(
        last_line(&app).contains("ana, a facilitator"),
        "{}",
        last_line(&app)
    );
    // "you" starts as a facilitator and stays one.
    chat.handle_line("/as you", None).await;
    assert!(last_line(&app).contains("you, a facilitator"));
    chat.handle_line("/as ana --member", None).await;
    assert!(last_line(&app).contains("ana, a member"));
    chat.handle_line("/as ana", None).await;
    assert!(last_line(&app).contains("ana, a member"));
    // The role is the one commands run with.
    chat.handle_line("!cq setup --tz UTC", None).await;
    assert!(
        last_line(&app).contains("Only facilitators can use `setup`"),
        "{}",
        app.log_text()
    );
}

#[tokio::test]
async fn the_console_says_when_it_writes_in_an_excerpt_thread() {
    let app = TestApp::at(monday(9, 0), TestDb::Sqlite).await;
    app.setup_with_reading(&sample_reading(6)).await;
    app.tick().await;
    // A console opened on this database (as after a restart).
    let mut chat = console(&app);
    chat.handle_line("/as ana", None).await;
    chat.handle_line("Courts matter here.", None).await;
    chat.handle_line("And predictability.", None).await;
    let log = app.log_text();
    assert_eq!(
        log.matches("now in the thread of excerpt 1").count(),
        1,
        "{log}"
    );
    assert!(log.contains("/channel"), "{log}");
    chat.handle_line("/channel", None).await;
    chat.handle_line("In the channel.", None).await;
    chat.handle_line("/thread", None).await;
    assert!(
        last_line(&app).contains("thread of excerpt 1"),
        "{}",
        last_line(&app)
    );
}

#[tokio::test]
async fn the_console_takes_anonymous_votes_only_in_a_direct_message() {
    let app = TestApp::at(monday(9, 0), TestDb::Sqlite).await;
    app.setup_with_reading(&sample_reading(6)).await;
    app.tick().await;
    let mut chat = console(&app);
    chat.handle_line(
        "!cq poll create \"Courts build trust\" --anonymous --minutes 30",
        None,
    )
    .await;
    let poll = app
        .store
        .latest_poll(app.group().await.id)
        .await
        .unwrap()
        .unwrap();
    chat.handle_line("/as ana", None).await;
    chat.handle_line(
        &format!("!cq vote {} agree --reason \"judges are slow\"", poll.id),
        None,
    )
    .await;
    let log = app.log_text();
    assert!(
        log.contains(&format!(
            "Poll #{} is anonymous: send your vote to me in a direct message",
            poll.id
        )),
        "{log}"
    );
    let votes = |app: &TestApp| {
        let store = app.store.clone();
        async move {
            store
                .tally(poll.id)
                .await
                .unwrap()
                .iter()
                .map(|(_, c)| *c)
                .sum::<i64>()
        }
    };
    assert_eq!(votes(&app).await, 0, "the public vote was not counted");
    let ballots = [
        ("ana", "agree", "judges are slow"),
        ("ben", "disagree", "rules alone do nothing"),
        ("cy", "agree", "predictable benches"),
    ];
    for (who, option, reason) in ballots {
        chat.handle_line(&format!("/as {who}"), None).await;
        chat.handle_line(
            &format!("/dm !cq vote {} {option} --reason \"{reason}\"", poll.id),
            None,
        )
        .await;
    }
    assert_eq!(votes(&app).await, 3, "{}", app.log_text());
    chat.handle_line("/as you", None).await;
    chat.handle_line(&format!("!cq poll close {}", poll.id), None)
        .await;
    let log = app.log_text();
    assert!(log.contains("“judges are slow”"), "{log}");
    for line in log.lines() {
        for (who, _, reason) in ballots {
            assert!(
                !(line.contains(reason) && line.contains(who)),
                "a reason by member: {line}"
            );
        }
    }
}
