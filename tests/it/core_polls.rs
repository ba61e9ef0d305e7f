//! Claim polls: scales, deadlines, anonymity, hidden results, reasons, pre/post pairing,
//! the scheduler closing polls across a restart, and charts.

use colloquy::domain::anon::VoterSecret;
use colloquy::domain::command::Role;
use colloquy::store::testing::TestDb;

use crate::common::app::{TestApp, monday, sample_reading};

async fn app_with_session(db: TestDb) -> (TestApp, colloquy::store::Group) {
    let app = TestApp::at(monday(9, 0), db).await;
    let g = app.setup_with_reading(&sample_reading(6)).await;
    app.tick().await;
    (app, g)
}

async fn latest(app: &TestApp, g: &colloquy::store::Group) -> colloquy::store::PollRow {
    app.store.latest_poll(g.id).await.unwrap().unwrap()
}

colloquy::store_test! {
    async fn scales_options_and_limits(db: TestDb) {
        let (app, g) = app_with_session(db).await;
        app.fac("poll create \"Courts build trust\" --scale likert5 --minutes 10")
            .await;
        let p = latest(&app, &g).await;
        app.run(
            "ana",
            Role::Member,
            &format!("vote {} \"strongly agree\"", p.id),
        )
        .await
        .unwrap();
        app.run("ben", Role::Member, &format!("vote {} 2", p.id))
            .await
            .unwrap();
        assert_eq!(app.store.tally(p.id).await.unwrap(), vec![(1, 1), (4, 1)]);
        app.fac("poll create \"Trade is enough\" --scale yesno")
            .await;
        app.fac(
            "poll create \"Which theory fits?\" --options \"Realism | Liberalism | Constructivism\"",
        )
        .await;
        let p = latest(&app, &g).await;
        let err = app
            .run("ana", Role::Member, &format!("vote {} marxism", p.id))
            .await
            .unwrap_err();
        assert!(
            err.to_string()
                .contains("Realism, Liberalism, Constructivism"),
            "{err}"
        );
        let eleven: Vec<String> = (1..=11).map(|i| format!("o{i}")).collect();
        let cases = [
            (
                format!("poll create \"x\" --options \"{}\"", eleven.join("|")),
                "2 to 10 options",
            ),
            (
                format!("poll create \"{}\"", "c".repeat(301)),
                "301 characters",
            ),
            (
                format!("poll create \"x\" --options \"a | {}\"", "o".repeat(56)),
                "55",
            ),
            (
                "poll create \"x\" --minutes -5".to_string(),
                "between 1 minute and 30 days",
            ),
            (
                "poll create \"x\" --minutes 999999".to_string(),
                "between 1 minute and 30 days",
            ),
            ("poll create \"x\" --until 25:00".to_string(), "25:00"),
            (
                "poll create \"x\" --scale stars".to_string(),
                "unknown scale",
            ),
            (
                "poll create \"x\" --native --hours 2".to_string(),
                "Discord",
            ),
        ];
        for (line, expected) in cases {
            let err = app.run("fac", Role::Facilitator, &line).await.unwrap_err();
            assert!(err.to_string().contains(expected), "{line}: {err}");
        }
    }
}

colloquy::store_test! {
    async fn deadlines_are_shown_in_local_time_and_can_be_extended(db: TestDb) {
        let (app, g) = app_with_session(db).await;
        let reply = app
            .fac("poll create \"Courts build trust\" --until 18:00")
            .await;
        assert!(
            reply.text.contains("today at 18:00")
                && reply.text.contains("Mon 2 Mar, Europe/London time"),
            "{}",
            reply.text
        );
        let p = latest(&app, &g).await;
        let reply = app.fac(&format!("poll extend {} --minutes 30", p.id)).await;
        assert!(reply.text.contains("18:30"), "{}", reply.text);
        app.clock.set(monday(18, 10));
        assert_eq!(app.tick().await.polls_closed, 0, "extended past 18:00");
        app.clock.set(monday(18, 31));
        assert_eq!(app.tick().await.polls_closed, 1);
        let err = app
            .run("ana", Role::Member, &format!("vote {} agree", p.id))
            .await
            .unwrap_err();
        assert!(err.to_string().contains("closed"), "{err}");
    }
}

colloquy::store_test! {
    async fn anonymous_polls_hold_no_voter_identity_anywhere(db: TestDb) {
        let (app, g) = app_with_session(db).await;
        app.fac("poll create \"Courts build trust\" --anonymous --phase pre --minutes 20")
            .await;
        let pre = latest(&app, &g).await;
        for (who, v) in [
            ("ana", "agree"),
            ("ben", "disagree"),
            ("cy", "unsure"),
            ("dee", "agree"),
        ] {
            let r = app
                .run(
                    who,
                    Role::Member,
                    &format!("vote {} {v} --reason \"because {v}\"", pre.id),
                )
                .await
                .unwrap();
            assert!(r.private && r.text.contains("anonymous"), "{}", r.text);
        }
        // ana changes her mind: still one vote.
        app.run("ana", Role::Member, &format!("vote {} disagree", pre.id))
            .await
            .unwrap();
        assert_eq!(app.store.votes(pre.id).await.unwrap().len(), 4);
        app.clock.set(monday(9, 21));
        app.tick().await;
        app.fac("poll create --phase post --minutes 20").await;
        let post = latest(&app, &g).await;
        assert!(post.anonymous, "a post poll keeps its pair's anonymity");
        for (who, v) in [
            ("ana", "agree"),
            ("ben", "agree"),
            ("cy", "agree"),
            ("eve", "disagree"),
        ] {
            app.run(who, Role::Member, &format!("vote {} {v}", post.id))
                .await
                .unwrap();
        }
        app.clock.set(monday(9, 42));
        app.tick().await;
        // The pair still matches: ana, ben and cy voted twice.
        let view = app.engine.poll_result_view(&post).await.unwrap();
        let shift = view.shift.as_ref().expect("a shift");
        assert_eq!(shift.paired, 3);
        assert_eq!(shift.changed, 3);
        // No table, export or summary holds a member id or name for these votes.
        let mut rows = app.store.votes(pre.id).await.unwrap();
        rows.extend(app.store.votes(post.id).await.unwrap());
        let stored = app.store.raw_i64("SELECT COUNT(*) FROM votes").await.unwrap();
        assert_eq!(rows.len() as i64, stored, "every vote is one of the pair's");
        for colloquy::store::VoteRow {
            voter,
            member_key: member,
            voted_at: at,
            ..
        } in rows
        {
            assert!(
                voter.starts_with("anon:") && member.is_none() && at.is_none(),
                "{voter} {member:?} {at:?}"
            );
            for name in ["ana", "ben", "cy", "dee", "eve"] {
                assert!(!voter.contains(name));
            }
        }
        let members = app
            .store
            .raw_i64("SELECT COUNT(*) FROM members")
            .await
            .unwrap();
        assert_eq!(members, 0, "voting anonymously creates no member record");
        let export = app.fac("export --format all").await;
        for f in &export.files {
            let text = String::from_utf8_lossy(&f.bytes);
            for name in ["console:ana", "console:ben", "\"ana\"", ",ana,", "ana:"] {
                assert!(!text.contains(name), "{} contains {name}", f.name);
            }
        }
        let summary = app.run("ana", Role::Member, "summary").await.unwrap();
        assert!(
            !summary.text.contains("ana") && !summary.text.contains("ben"),
            "{}",
            summary.text
        );
        let everything = app.log_text();
        assert!(!everything.contains("console:ana"));
    }
}

colloquy::store_test! {
    async fn small_anonymous_polls_are_not_broken_down(db: TestDb) {
        let (app, g) = app_with_session(db).await;
        app.fac("poll create \"Courts build trust\" --anonymous --minutes 10")
            .await;
        let p = latest(&app, &g).await;
        app.run(
            "ana",
            Role::Member,
            &format!("vote {} agree --reason \"only me\"", p.id),
        )
        .await
        .unwrap();
        app.run("ben", Role::Member, &format!("vote {} disagree", p.id))
            .await
            .unwrap();
        app.clock.set(monday(9, 11));
        app.tick().await;
        let view = app.engine.poll_result_view(&p).await.unwrap();
        assert!(view.suppressed);
        assert!(
            view.markdown.contains("too few to show a breakdown"),
            "{}",
            view.markdown
        );
        assert!(
            !view.markdown.contains("only me"),
            "reasons are not shown either"
        );
        assert!(app.engine.chart_file(&view).unwrap().is_none());
    }
}

colloquy::store_test! {
    async fn hidden_results_stay_hidden_until_close(db: TestDb) {
        let (app, g) = app_with_session(db).await;
        app.fac("poll create \"Courts build trust\" --hidden --minutes 10")
            .await;
        let p = latest(&app, &g).await;
        for who in ["ana", "ben", "cy"] {
            app.run(who, Role::Member, &format!("vote {} agree", p.id))
                .await
                .unwrap();
        }
        for role in [Role::Member, Role::Facilitator] {
            let r = app
                .run("ana", role, &format!("poll results {}", p.id))
                .await
                .unwrap();
            assert!(
                r.text.contains("hidden until the poll closes") && !r.text.contains("Agree: 3"),
                "{}",
                r.text
            );
            assert!(r.files.is_empty());
        }
        app.fac(&format!("poll close {}", p.id)).await;
        let r = app
            .run("ana", Role::Member, &format!("poll results {}", p.id))
            .await
            .unwrap();
        assert!(r.text.contains("Agree: 3 (100%)"), "{}", r.text);
    }
}

colloquy::store_test! {
    async fn pre_post_pairs_count_only_members_who_voted_twice(db: TestDb) {
        let (app, g) = app_with_session(db).await;
        app.fac("poll create \"Courts build trust\" --phase pre --minutes 10")
            .await;
        let pre = latest(&app, &g).await;
        for (who, v) in [
            ("ana", "disagree"),
            ("ben", "unsure"),
            ("cy", "agree"),
            ("dee", "disagree"),
        ] {
            app.run(who, Role::Member, &format!("vote {} {v}", pre.id))
                .await
                .unwrap();
        }
        let err = app
            .run(
                "fac",
                Role::Facilitator,
                "poll create \"Something else\" --phase post",
            )
            .await
            .unwrap_err();
        assert!(
            err.to_string().contains("repeats its pre poll's claim"),
            "{err}"
        );
        app.fac("poll create --phase post --minutes 10").await;
        let post = latest(&app, &g).await;
        // ana and ben move toward agree, cy stays, dee does not vote again, eve only votes after.
        for (who, v) in [
            ("ana", "agree"),
            ("ben", "agree"),
            ("cy", "agree"),
            ("eve", "disagree"),
        ] {
            app.run(
                who,
                Role::Member,
                &format!("vote {} {v} --reason \"{who} thinks so\"", post.id),
            )
            .await
            .unwrap();
        }
        app.clock.set(monday(9, 11));
        app.tick().await;
        let view = app.engine.poll_result_view(&post).await.unwrap();
        let s = view.shift.as_ref().unwrap();
        assert_eq!(
            (s.paired, s.changed, s.toward_positive, s.toward_negative),
            (3, 2, 2, 0)
        );
        assert_eq!(
            s.net.as_deref(),
            Some("+1.00"),
            "paired means: (-1 + 0 + 1)/3 = 0 before, 1 after"
        );
        assert!(
            view.markdown.contains("Disagree → Agree: 1")
                && view.markdown.contains("Unsure → Agree: 1"),
            "{}",
            view.markdown
        );
        assert!(view.markdown.contains("3 members voted in both"));
        assert!(
            view.markdown
                .contains("- Agree: “ana thinks so”; “ben thinks so”; “cy thinks so”"),
            "{}",
            view.markdown
        );
        // The paired chart is a PNG of the chart width, with two series labelled in words.
        let chart = app.engine.chart_file(&view).unwrap().expect("a chart");
        let img =
            image::load_from_memory_with_format(&chart.bytes, image::ImageFormat::Png).expect("a PNG");
        assert_eq!(img.width(), colloquy::chart::WIDTH);
        let data = app.engine.chart_data(&view).expect("chart data");
        let labels: Vec<&str> = data.series.iter().map(|s| s.label.as_str()).collect();
        // Before: ana, ben, cy, dee (4); after: ana, ben, cy, eve (4).
        assert_eq!(
            labels,
            [
                format!("Before (poll #{} · 4 voters)", post.id - 1),
                format!("After (poll #{} · 4 voters)", post.id)
            ]
        );
        assert!(
            chart.description.contains("before and #") && chart.description.contains("2 of 3"),
            "{}",
            chart.description
        );
        // The description says the counts and shares the bars show, for both series.
        for s in &data.series {
            let total: u32 = s.counts.iter().sum();
            for (option, count) in data.options.iter().zip(&s.counts) {
                let said = format!("{option} {}", colloquy::chart::bar_label(*count, total));
                assert!(
                    chart.description.contains(&said),
                    "{said:?} in {}",
                    chart.description
                );
            }
        }
        assert!(
            chart
                .description
                .contains("Before (4 voters): Agree 1 · 25 %, Disagree 2 · 50 %, Unsure 1 · 25 %."),
            "{}",
            chart.description
        );
    }
}

/// A console engine on the database `db`, saving attachments where the CLI does.
async fn console_on(
    db: &std::path::Path,
) -> (colloquy::engine::Engine, colloquy::ports::ManualClock) {
    let store = colloquy::store::Store::open(db).await.unwrap();
    let clock = colloquy::ports::ManualClock::new(monday(9, 0));
    let options = crate::common::app::EngineOptions {
        secret: VoterSecret::new(vec![7; 32]),
        ..Default::default()
    };
    let engine = crate::common::app::build_engine(store, &clock, options);
    crate::common::app::attach_console(
        &engine,
        &clock,
        chrono_tz::UTC,
        Some(colloquy::platform::console::files_dir_beside(db)),
    );
    (engine, clock)
}

async fn as_in(engine: &colloquy::engine::Engine, group: &str, who: &str, role: Role, line: &str) {
    use colloquy::domain::ids::{ChannelKey, MemberKey, Platform};
    engine
        .execute(colloquy::engine::Invocation {
            channel: ChannelKey::new(Platform::Console, group),
            caller: colloquy::engine::Caller {
                key: MemberKey::new(Platform::Console, who),
                name: who.into(),
                role,
                locale: None,
            },
            command: colloquy::domain::command::parse(line).unwrap(),
            attachment: None,
        })
        .await
        .unwrap_or_else(|e| panic!("`{line}` in {group}: {e}"));
}

#[tokio::test]
async fn charts_are_saved_beside_the_database_named_by_group_and_poll() {
    let dir = tempfile::tempdir().unwrap();
    // Two groups in one database, and a second database in the same folder whose poll
    // has the same number as the first database's.
    let mut saved = Vec::new();
    for (db, groups) in [
        (
            "club.db",
            vec![("seminar", "Tuesday Seminar"), ("reading", "Reading Club")],
        ),
        ("other.db", vec![("seminar", "Tuesday Seminar")]),
    ] {
        let db = dir.path().join(db);
        let (engine, clock) = console_on(&db).await;
        for (i, (channel, name)) in groups.iter().enumerate() {
            as_in(
                &engine,
                channel,
                "fac",
                Role::Facilitator,
                &format!("setup --tz UTC --name \"{name}\""),
            )
            .await;
            as_in(
                &engine,
                channel,
                "fac",
                Role::Facilitator,
                "poll create \"Courts build trust\" --minutes 10",
            )
            .await;
            // A different vote in each, so the charts differ.
            let vote = format!("vote {} {}", i + 1, ["agree", "disagree"][i % 2]);
            as_in(&engine, channel, "ana", Role::Member, &vote).await;
        }
        clock.set(monday(9, 11));
        colloquy::engine::scheduler::run_due(&engine).await.unwrap();
        colloquy::engine::delivery::deliver_due(&engine, "test")
            .await
            .unwrap();
        engine.close().await;
        saved.push(colloquy::platform::console::files_dir_beside(&db));
    }
    assert_eq!(saved[0], dir.path().join("club-files"));
    let read = |p: std::path::PathBuf| {
        std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    };
    let seminar = read(saved[0].join("tuesday-seminar-poll-1.png"));
    let reading = read(saved[0].join("reading-club-poll-2.png"));
    let other = read(saved[1].join("tuesday-seminar-poll-1.png"));
    assert!(seminar.starts_with(b"\x89PNG") && reading.starts_with(b"\x89PNG"));
    assert_ne!(seminar, reading, "each group's chart is its own");
    assert_eq!(
        seminar, other,
        "the same poll in another database is another file"
    );
    assert!(
        !dir.path().join("poll-1.png").exists(),
        "nothing is written loose in the folder"
    );
}

colloquy::store_test! {
    async fn suggestions_come_from_the_current_excerpt(db: TestDb) {
        let (app, g) = app_with_session(db).await;
        let r = app.fac("poll suggest").await;
        assert!(r.text.contains("1. "), "{}", r.text);
        app.fac("poll create --suggestion 1 --minutes 5").await;
        let p = latest(&app, &g).await;
        let s = app.current_session(&g).await;
        let claims = app.store.claims(s.excerpt_id.unwrap()).await.unwrap();
        assert_eq!(p.claim, claims[0]);
        assert!(p.claim.chars().count() <= 300);
        let err = app
            .run("fac", Role::Facilitator, "poll create --suggestion 9")
            .await
            .unwrap_err();
        assert!(err.to_string().contains("no suggestion 9"), "{err}");
    }
}

colloquy::store_test! {
    async fn the_scheduler_closes_a_poll_after_a_restart(db: TestDb) {
        let (app, g) = app_with_session(db).await;
        app.fac("poll create \"Courts build trust\" --minutes 15")
            .await;
        let p = latest(&app, &g).await;
        app.run("ana", Role::Member, &format!("vote {} agree", p.id))
            .await
            .unwrap();
        app.deliver().await;
        // The bot stops before the deadline and comes back long after it.
        let TestApp {
            store,
            dir,
            location,
            ..
        } = app;
        store.close().await;
        let app = TestApp::open(dir, location, monday(11, 0), VoterSecret::new(vec![42; 32])).await;
        let outcome = app.tick().await;
        assert_eq!(outcome.polls_closed, 1);
        let closed = app.store.poll(p.id).await.unwrap().unwrap();
        assert!(closed.closed_at.is_some());
        assert!(
            app.log_text()
                .contains(&format!("Results of poll #{}", p.id))
        );
        assert_eq!(app.tick().await.polls_closed, 0, "closed once");
    }
}
