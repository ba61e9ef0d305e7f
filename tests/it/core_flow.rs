//! A group's day through the engine: setup, import, the excerpt post and its thread,
//! replies with edits and deletions, live sessions, summaries, exports, permissions.

use colloquy::domain::command::Role;
use colloquy::domain::ids::Platform;
use colloquy::engine::{IncomingMessage, MessageOutcome, Upload};
use colloquy::store::testing::TestDb;

use crate::common::app::{TestApp, monday, sample_reading};

colloquy::store_test! {
    async fn commands_in_a_channel_that_is_not_set_up_are_refused_clearly(db: TestDb) {
        let app = TestApp::new(db).await;
        let err = app
            .run("ana", Role::Facilitator, "excerpt next")
            .await
            .unwrap_err();
        assert!(err.to_string().contains("not set up"), "{err}");
        let help = app.run("ana", Role::Stranger, "help").await.unwrap();
        assert!(help.text.contains("setup"));
        let err = app
            .run("fac", Role::Facilitator, "setup --tz Mars/Olympus")
            .await
            .unwrap_err();
        assert!(err.to_string().contains("Europe/London"), "{err}");
        let err = app
            .run("fac", Role::Facilitator, "setup --time 25:00")
            .await
            .unwrap_err();
        assert!(err.to_string().contains("25:00"), "{err}");
        assert!(
            app.store.groups().await.unwrap().is_empty(),
            "nothing stored after a refused setup"
        );
    }
}

colloquy::store_test! {
    async fn import_refuses_bad_files_and_writes_nothing(db: TestDb) {
        let app = TestApp::new(db).await;
        app.fac("setup --tz UTC").await;
        let cases: Vec<(&str, Vec<u8>, &str)> = vec![
            ("empty.txt", Vec::new(), "empty"),
            (
                "binary.txt",
                b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
                "binary",
            ),
            ("latin1.txt", b"Caf\xe9 society matters.".to_vec(), "UTF-8"),
            ("picture.png", b"Some text.".to_vec(), ".txt or .md"),
            (
                "nothing.txt",
                b"--- *** ---\n\n... !!! ...\n".to_vec(),
                "no sentences",
            ),
            (
                "contacts.txt",
                b"E-mail: a@b.org\n\nDOI: 10.1/x\n".to_vec(),
                "no body",
            ),
            ("huge.txt", vec![b'a'; 3 * 1024 * 1024], "limit"),
        ];
        for (name, bytes, expected) in cases {
            let upload = Upload {
                name: name.into(),
                bytes,
            };
            let err = app
                .run_with("fac", Role::Facilitator, "reading import", Some(upload))
                .await
                .unwrap_err();
            assert!(err.to_string().contains(expected), "{name}: {err}");
        }
        let err = app
            .run("fac", Role::Facilitator, "reading import")
            .await
            .unwrap_err();
        assert!(err.to_string().contains("Attach"), "{err}");
        let g = app.group().await;
        assert!(
            app.store.readings(g.id).await.unwrap().is_empty(),
            "no reading stored"
        );
        let n = app
            .store
            .raw_i64("SELECT COUNT(*) FROM excerpts")
            .await
            .unwrap();
        assert_eq!(n, 0);
    }
}

colloquy::store_test! {
    async fn a_day_of_discussion_is_recorded_and_summarized(db: TestDb) {
        let app = TestApp::at(monday(8, 58), db).await;
        let group = app.setup_with_reading(&sample_reading(10)).await;
        let readings = app.store.readings(group.id).await.unwrap();
        assert_eq!(readings[0].title, "Institutions and Trust");
        assert_eq!(readings[0].author.as_deref(), Some("Rosa Delgado"));
        assert!(
            readings[0]
                .metadata
                .iter()
                .any(|m| m.value.contains("r.delgado@example.org")),
            "contact lines are metadata"
        );
        let excerpts = app.store.excerpts(readings[0].id).await.unwrap();
        assert!(
            excerpts.iter().all(|e| !e.text.contains("E-mail")),
            "front matter never becomes an excerpt"
        );

        app.clock.set(monday(9, 0));
        app.tick().await;
        let session = app.current_session(&group).await;
        let thread = session
            .thread_id
            .clone()
            .expect("the excerpt opened a thread");
        let log = app.log_text();
        assert!(log.contains("excerpt 1 of"), "{log}");
        assert!(log.contains("Questions for discussion"));
        let questions = app.store.questions(excerpts[0].id).await.unwrap();
        assert!(questions.len() >= 2);
        for q in &questions {
            assert!(log.contains(&q.text), "question posted: {}", q.text);
        }

        // Replies in the thread are recorded; ordinary chat in the channel is not.
        let (m1, o1) = app
            .say(
                "ana",
                Some(&thread),
                "Institutional trust needs predictable courts, surely?",
            )
            .await;
        assert_eq!(
            o1,
            MessageOutcome::Recorded {
                session_id: session.id
            }
        );
        let (_, o2) = app
            .say(
                "ben",
                Some(&thread),
                "Predictable courts lower the cost of cooperation between parties.",
            )
            .await;
        assert!(matches!(o2, MessageOutcome::Recorded { .. }));
        let (m3, _) = app
            .say(
                "cy",
                Some(&thread),
                "Coalition bargaining is a separate point from trust in courts.",
            )
            .await;
        let (_, o4) = app.say("dee", None, "Anyone up for lunch?").await;
        assert_eq!(o4, MessageOutcome::NotInSession);
        // A reply to the excerpt post itself (not in the thread) also counts.
        let reply_to_post = colloquy::engine::IncomingMessage {
            platform: colloquy::domain::ids::Platform::Console,
            channel_id: "seminar".into(),
            thread_root: None,
            reply_to: session.post_message_id.clone(),
            message_id: "direct-reply".into(),
            author: TestApp::member("eve"),
            author_name: "eve".into(),
            text: "Replying to the post: the durable effect is the interesting part.".into(),
            at: app.engine.now(),
        };
        assert!(matches!(
            app.engine.on_message(reply_to_post.clone()).await.unwrap(),
            MessageOutcome::Recorded { .. }
        ));
        // A replayed event is not recorded twice.
        assert!(matches!(
            app.engine.on_message(reply_to_post).await.unwrap(),
            MessageOutcome::Duplicate { .. }
        ));

        // Edits update, deletions mark deleted (and erase the text).
        let edit = colloquy::engine::MessageEdit {
            platform: colloquy::domain::ids::Platform::Console,
            message_id: m1.clone(),
            author: None,
            text: "Institutional trust needs predictable courts and patient voters.".into(),
            at: app.engine.now(),
        };
        assert_eq!(
            app.engine.on_edit(edit).await.unwrap(),
            MessageOutcome::Updated
        );
        let del = colloquy::engine::MessageDelete {
            platform: colloquy::domain::ids::Platform::Console,
            message_id: m3.clone(),
            at: app.engine.now(),
        };
        assert_eq!(
            app.engine.on_delete(del).await.unwrap(),
            MessageOutcome::Updated
        );
        let replies = app.store.session_replies(session.id).await.unwrap();
        assert_eq!(replies.len(), 4);
        let edited = replies.iter().find(|r| r.message_id == m1).unwrap();
        assert!(edited.text.contains("patient voters") && edited.edited_at.is_some());
        let deleted = replies.iter().find(|r| r.message_id == m3).unwrap();
        assert!(deleted.deleted_at.is_some() && deleted.text.is_empty());

        // A basic poll: one changeable vote per member, closed on time, tallied.
        app.fac("poll create \"Predictable courts build trust\" --minutes 30")
            .await;
        app.deliver().await;
        let poll = app.store.latest_poll(group.id).await.unwrap().unwrap();
        assert_eq!(poll.session_id, Some(session.id));
        for (who, vote) in [
            ("ana", "agree"),
            ("ben", "agree"),
            ("cy", "disagree"),
            ("ana", "disagree"),
        ] {
            app.run(who, Role::Member, &format!("vote {} {vote}", poll.id))
                .await
                .unwrap();
        }
        app.clock.set(monday(9, 31));
        assert_eq!(app.tick().await.polls_closed, 1);
        let tally = app.store.tally(poll.id).await.unwrap();
        assert_eq!(
            tally,
            vec![(0, 1), (1, 2)],
            "ana's changed vote counts once"
        );
        assert!(app.log_text().contains("Results of poll #1"));

        // At the summary time the session ends and its summary is posted.
        app.clock.set(monday(21, 0));
        let outcome = app.tick().await;
        assert_eq!(outcome.sessions_ended, 1);
        let summary = app
            .store
            .session_summary(session.id)
            .await
            .unwrap()
            .expect("summary stored");
        assert!(
            summary.body.contains("3 members, 3 replies"),
            "{}",
            summary.body
        );
        assert!(
            summary
                .body
                .contains("Institutional trust needs predictable courts, surely?")
                || summary.body.contains("patient voters")
        );
        assert!(
            !summary
                .body
                .contains("Coalition bargaining is a separate point"),
            "deleted replies are not quoted"
        );
        assert!(app.log_text().contains("## Summary:"));
    }
}

colloquy::store_test! {
    async fn live_sessions_record_every_channel_message_between_start_and_end(db: TestDb) {
        let app = TestApp::new(db).await;
        app.fac("setup --tz UTC").await;
        let (_, before) = app.say("ana", None, "Before the seminar.").await;
        assert_eq!(before, MessageOutcome::NotInSession);
        let start = app.fac("session start --title \"Week 3 seminar\"").await;
        assert!(start.text.contains("Live session"), "{}", start.text);
        assert!(
            app.run("fac", Role::Facilitator, "session start")
                .await
                .is_err(),
            "one live session at a time"
        );
        app.say("ana", None, "Trust in courts grows slowly over decades.")
            .await;
        app.say(
            "ben",
            None,
            "Why would voters reward judicial independence at all?",
        )
        .await;
        app.fac("session end").await;
        app.deliver().await;
        let (_, after) = app.say("cy", None, "After the seminar.").await;
        assert_eq!(after, MessageOutcome::NotInSession);
        let g = app.group().await;
        let live = app
            .store
            .sessions(g.id)
            .await
            .unwrap()
            .into_iter()
            .find(|s| s.kind == "live")
            .unwrap();
        assert_eq!(app.store.session_replies(live.id).await.unwrap().len(), 2);
        assert!(
            app.log_text().contains("Summary: Week 3 seminar"),
            "{}",
            app.log_text()
        );
        let err = app
            .run("fac", Role::Facilitator, "session end")
            .await
            .unwrap_err();
        assert!(err.to_string().contains("No live session"));
    }
}

colloquy::store_test! {
    async fn members_cannot_run_facilitator_verbs(db: TestDb) {
        let app = TestApp::new(db).await;
        app.setup_with_reading(&sample_reading(4)).await;
        for line in [
            "excerpt next",
            "poll create \"x\"",
            "session start",
            "stats",
            "export",
            "schedule pause",
            "setup --tz UTC",
        ] {
            let err = app.run("ana", Role::Member, line).await.unwrap_err();
            assert!(
                err.to_string().contains("Only facilitators"),
                "{line}: {err}"
            );
        }
        for line in ["reading list", "schedule status", "help", "privacy my-data"] {
            assert!(app.run("ana", Role::Member, line).await.is_ok(), "{line}");
        }
        let err = app
            .run("zed", Role::Stranger, "reading list")
            .await
            .unwrap_err();
        assert!(err.to_string().contains("Only members"), "{err}");
    }
}

colloquy::store_test! {
    async fn messages_that_arrive_together_are_recorded_together(db: TestDb) {
        let app = TestApp::at(monday(9, 0), db).await;
        let (_, s, thread) = app.first_excerpt_thread().await;
        let (earlier, _) = app.say("ana", Some(&thread), "Courts first.").await;
        let message = |id: &str, who: &str, channel: &str, text: &str| IncomingMessage {
            platform: Platform::Console,
            channel_id: channel.into(),
            thread_root: None,
            reply_to: None,
            message_id: id.into(),
            author: TestApp::member(who),
            author_name: who.into(),
            text: text.into(),
            at: app.engine.now(),
        };
        let outcomes = app
            .engine
            .on_messages(vec![
                message("b1", "ben", &thread, "Trust grows slowly."),
                message("b2", "cy", "elsewhere", "Lunch, anyone?"),
                message(&earlier, "ana", &thread, "Courts first."),
                message("b3", "dee", &thread, "Coalitions complicate it."),
            ])
            .await;
        let outcomes: Vec<MessageOutcome> = outcomes.into_iter().map(|o| o.unwrap()).collect();
        assert_eq!(
            outcomes,
            [
                MessageOutcome::Recorded { session_id: s.id },
                MessageOutcome::NotInSession,
                MessageOutcome::Duplicate { session_id: s.id },
                MessageOutcome::Recorded { session_id: s.id },
            ]
        );
        let texts: Vec<String> = app
            .store
            .session_replies(s.id)
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.text)
            .collect();
        assert_eq!(
            texts,
            ["Courts first.", "Trust grows slowly.", "Coalitions complicate it."]
        );
        assert!(app.engine.on_messages(vec![]).await.is_empty());
    }
}

colloquy::store_test! {
    async fn exports_give_minutes_csv_and_json(db: TestDb) {
        let app = TestApp::at(monday(9, 0), db).await;
        let (g, _, thread) = app.first_excerpt_thread().await;
        app.say(
            "ana",
            Some(&thread),
            "=HYPERLINK(\"http://evil\") is not a formula here",
        )
        .await;
        app.say("ben", Some(&thread), "A normal reply about courts.")
            .await;
        app.fac("poll create \"Courts matter\" --anonymous --minutes 10")
            .await;
        let p = app.store.latest_poll(g.id).await.unwrap().unwrap();
        for who in ["ana", "ben", "cy"] {
            app.run(who, Role::Member, &format!("vote {} agree", p.id))
                .await
                .unwrap();
        }
        let reply = app.fac("export --format all").await;
        assert!(reply.private);
        let names: Vec<&str> = reply.files.iter().map(|f| f.name.as_str()).collect();
        assert!(
            names.contains(&"replies.csv") && names.contains(&"votes-anonymous.csv"),
            "{names:?}"
        );
        let minutes = reply
            .files
            .iter()
            .find(|f| f.name.starts_with("minutes-"))
            .unwrap();
        let md = String::from_utf8(minutes.bytes.clone()).unwrap();
        assert!(
            md.contains("## Discussion") && md.contains("**ben**"),
            "{md}"
        );
        let csv = String::from_utf8(
            reply
                .files
                .iter()
                .find(|f| f.name == "replies.csv")
                .unwrap()
                .bytes
                .clone(),
        )
        .unwrap();
        assert!(
            csv.contains("'=HYPERLINK"),
            "formulas are neutralised: {csv}"
        );
        let anon = String::from_utf8(
            reply
                .files
                .iter()
                .find(|f| f.name == "votes-anonymous.csv")
                .unwrap()
                .bytes
                .clone(),
        )
        .unwrap();
        assert!(anon.starts_with("poll,claim,phase,option,reason"), "{anon}");
        assert!(
            !anon.contains("ana") && !anon.contains("console:"),
            "no voter in anonymous exports: {anon}"
        );
        let json = reply
            .files
            .iter()
            .find(|f| f.name.ends_with(".json"))
            .unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&json.bytes).unwrap();
        assert_eq!(doc["readings"][0]["title"], "Institutions and Trust");
        assert!(!String::from_utf8_lossy(&json.bytes).contains("console:ana"));
    }
}

fn upload(name: &str, text: &str) -> Upload {
    Upload {
        name: name.into(),
        bytes: text.as_bytes().to_vec(),
    }
}

colloquy::store_test! {
    async fn the_same_text_twice_is_refused_in_chat_unless_again(db: TestDb) {
        let app = TestApp::new(db).await;
        app.fac("setup --tz UTC").await;
        let text = sample_reading(4);
        app.run_with(
            "fac",
            Role::Facilitator,
            "reading import",
            Some(upload("r.md", &text)),
        )
        .await
        .expect("the first import");
        // The same text with other line endings and wrapping is the same reading.
        let copy = text.replace("\n\n", "\r\n\r\n").replace(". ", ".\r\n");
        let err = app
            .run_with(
                "fac",
                Role::Facilitator,
                "reading import",
                Some(upload("copy.md", &copy)),
            )
            .await
            .unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains("already has this text") && msg.contains("--again"),
            "{msg}"
        );
        let g = app.group().await;
        assert_eq!(app.store.readings(g.id).await.unwrap().len(), 1);
        let again = app
            .run_with(
                "fac",
                Role::Facilitator,
                "reading import --again",
                Some(upload("copy.md", &copy)),
            )
            .await
            .expect("--again imports it");
        assert!(again.text.contains("reading #2"), "{}", again.text);
        // Another text is not a duplicate.
        app.run_with(
            "fac",
            Role::Facilitator,
            "reading import",
            Some(upload("other.md", &sample_reading(5))),
        )
        .await
        .expect("a different text");
        assert_eq!(app.store.readings(g.id).await.unwrap().len(), 3);
    }
}

colloquy::store_test! {
    async fn chat_refuses_an_empty_title_and_headings_only(db: TestDb) {
        let app = TestApp::new(db).await;
        app.fac("setup --tz UTC").await;
        let err = app
            .run_with(
                "fac",
                Role::Facilitator,
                "reading import --title \"  \"",
                Some(upload("r.md", &sample_reading(2))),
            )
            .await
            .unwrap_err();
        assert!(err.to_string().contains("--title is empty"), "{err}");
        let err = app
            .run_with(
                "fac",
                Role::Facilitator,
                "reading import",
                Some(upload("h.md", "# Title\n\n## One\n\n## Two\n")),
            )
            .await
            .unwrap_err();
        assert!(err.to_string().contains("only headings"), "{err}");
        let g = app.group().await;
        assert!(app.store.readings(g.id).await.unwrap().is_empty());
    }
}

/// Paragraphs of about 45 words; paragraph 1 cites note [1], paragraph 3 cites [2].
fn annotated_reading(paragraphs: usize) -> String {
    let mut text = String::from("# Harbours of the North\n\n*by Ines Varga*\n\n");
    for p in 0..paragraphs {
        let marker = match p {
            1 => "[1]",
            3 => "[2]",
            _ => "",
        };
        text.push_str(&format!(
            "Harbour {p} grew because merchants trusted its courts.{marker} Ships came back each spring \
             when the ice broke on the river. The town council kept the quays in repair and taxed the \
             cargo lightly. Rival ports copied the rules but not the trust that made them work.\n\n"
        ));
    }
    text.push_str(
        "## Notes\n\n1. The court sat every market day, from the records of the guild.\n\n\
         2. A second note: the quays were rebuilt in stone.\n",
    );
    text
}

colloquy::store_test! {
    async fn a_footnote_is_posted_under_the_excerpt_that_cites_it(db: TestDb) {
        let app = TestApp::at(monday(8, 58), db).await;
        app.fac("setup --tz Europe/London --time 09:00 --days daily --words 60")
            .await;
        let reply = app
            .run_with(
                "fac",
                Role::Facilitator,
                "reading import",
                Some(upload("h.md", &annotated_reading(6))),
            )
            .await
            .expect("import");
        assert!(reply.text.contains("2 footnotes"), "{}", reply.text);
        let g = app.group().await;
        let reading = &app.store.readings(g.id).await.unwrap()[0];
        let excerpts = app.store.excerpts(reading.id).await.unwrap();
        assert!(excerpts.len() >= 3, "{excerpts:#?}");
        for e in &excerpts {
            assert!(
                !e.text.contains("Notes") && !e.text.contains("guild"),
                "{}",
                e.text
            );
            for n in e.notes.clone() {
                assert!(e.text.contains(&n[..3]), "{n} under: {}", e.text);
            }
        }
        let all: Vec<String> = excerpts.iter().flat_map(|e| e.notes.clone()).collect();
        assert_eq!(all.len(), 2);
        assert_eq!(excerpts[0].notes.clone(), Vec::<String>::new());

        // Post excerpts until the one with the first note: it carries its note.
        let cited = excerpts
            .iter()
            .find(|e| !e.notes.clone().is_empty())
            .unwrap();
        assert!(cited.seq > 1, "the note is not on the first excerpt");
        app.clock.set(monday(9, 0));
        app.tick().await;
        app.deliver().await;
        for _ in 1..cited.seq {
            app.fac("excerpt next").await;
            app.deliver().await;
        }
        let log = app.log_text();
        let marker = format!("excerpt {} of", cited.seq);
        let (before, post) = log
            .split_once(&marker)
            .expect("the citing excerpt was posted");
        let post = post.split("Reply in this thread").next().unwrap();
        let notes_at = post.find("*Notes*").expect("a Notes section");
        let questions_at = post.find("Questions for discussion").unwrap();
        assert!(notes_at < questions_at, "{post}");
        assert!(
            post.contains("- [1] The court sat every market day"),
            "{post}"
        );
        assert!(
            !before.contains("The court sat"),
            "the note is posted once, with its excerpt"
        );

        // --no-footnotes leaves them out (and the text is the same: --again).
        let reply = app
            .run_with(
                "fac",
                Role::Facilitator,
                "reading import --again --no-footnotes",
                Some(upload("h.md", &annotated_reading(6))),
            )
            .await
            .expect("import without notes");
        assert!(reply.text.contains("left out"), "{}", reply.text);
        let second = &app.store.readings(g.id).await.unwrap()[1];
        let excerpts = app.store.excerpts(second.id).await.unwrap();
        assert!(excerpts.iter().all(|e| e.notes.clone().is_empty()));
        assert!(excerpts.iter().all(|e| !e.text.contains("guild")));
    }
}

colloquy::store_test! {
    async fn a_long_reading_gets_a_notice_of_how_many_weeks_it_takes(db: TestDb) {
        let app = TestApp::new(db).await;
        app.fac("setup --tz UTC --days mon-fri --words 60").await;
        let reply = app
            .run_with(
                "fac",
                Role::Facilitator,
                "reading import",
                Some(upload("long.md", &annotated_reading(40))),
            )
            .await
            .expect("import");
        let g = app.group().await;
        let n = app.store.readings(g.id).await.unwrap()[0].excerpt_count;
        assert!(n > 30, "{n} excerpts");
        let weeks = (n as f64 / 5.0).round() as i64;
        assert!(
            reply
                .text
                .contains(&format!("{n} excerpts, one per posting day: about {weeks} weeks at the group's schedule (weekdays)")),
            "{}",
            reply.text
        );
        let short = app
            .run_with(
                "fac",
                Role::Facilitator,
                "reading import",
                Some(upload("short.md", &annotated_reading(5))),
            )
            .await
            .expect("import");
        assert!(!short.text.contains("weeks"), "{}", short.text);
    }
}
