//! Live seminars (issue 18) through the engine with a manual clock, on both stores: the
//! agenda and its timeboxes (announcements, warnings, a restart mid-item), the speaking
//! queue, notes/decisions/actions, attendance, breakouts, and the record in the summary,
//! minutes, exports and `stats`; every bad input of the issue refused with nothing changed.

use chrono::Duration;
use colloquy::domain::command::{ExportFormat, Role};
use colloquy::domain::ids::{ChannelKey, MemberKey, Platform};
use colloquy::store::testing::TestDb;

use crate::common::app::{TestApp, monday, sample_reading};

/// A group with a reading, its first excerpt posted, and a live session running at 18:00.
async fn seminar(db: TestDb) -> TestApp {
    let app = TestApp::at(monday(9, 0), db).await;
    app.setup_with_reading(&sample_reading(6)).await;
    app.tick().await;
    app.clock.set(monday(18, 0));
    app.fac("session start --title \"Thucydides, book V\"")
        .await;
    app
}

fn err(r: Result<colloquy::engine::Reply, colloquy::engine::CommandError>) -> String {
    match r {
        Ok(reply) => panic!("expected a refusal, got: {}", reply.text),
        Err(e) => e.to_string(),
    }
}

async fn member(app: &TestApp, who: &str, line: &str) -> colloquy::engine::Reply {
    app.run(who, Role::Member, line)
        .await
        .unwrap_or_else(|e| panic!("{who}: `{line}` failed: {e}"))
}

/// The text the bot posted after `mark` in the log.
fn posted_since(app: &TestApp, mark: usize) -> String {
    app.log_text()[mark..].to_string()
}

colloquy::store_test! {
async fn the_agenda_runs_on_the_clock_and_survives_a_restart_mid_item(db: TestDb) {
    let app = seminar(db).await;
    let g = app.group().await;
    // Nothing to start or move before an agenda exists.
    assert!(err(app.run("fac", Role::Facilitator, "agenda next").await).contains("no agenda"));
    assert!(err(app.run("fac", Role::Facilitator, "agenda start").await).contains("no agenda"));
    let set = app
        .fac("agenda set \"Opening 5m | Part I: faction 20m | Wrap-up 10m\"")
        .await;
    assert!(set.text.contains("3 items, 35 min"), "{}", set.text);
    app.deliver().await;
    let log = app.log_text();
    assert!(log.contains("## Agenda (35 min in all)"), "{log}");
    assert!(log.contains("2. Part I: faction — 20 min"), "{log}");
    assert!(err(app.run("fac", Role::Facilitator, "agenda next").await).contains("not started"));
    // Members may not run the agenda.
    assert!(matches!(
        app.run("ana", Role::Member, "agenda start").await,
        Err(colloquy::engine::CommandError::FacilitatorOnly(_))
    ));
    let mark = app.log_text().len();
    app.fac("agenda start").await;
    app.tick().await;
    let said = posted_since(&app, mark);
    assert!(
        said.contains("**Now: Opening** (item 1 of 3, 5 min until 18:05). Next: Part I: faction."),
        "{said}"
    );
    assert!(err(app.run("fac", Role::Facilitator, "agenda start").await).contains("already running"));
    // A reply during the opening is filed under it.
    app.say("ana", None, "Opening thoughts: the Melians misjudge Sparta.").await;
    // Two minutes before the end: the warning, once.
    app.clock.set(monday(18, 3));
    let mark = app.log_text().len();
    let o = app.tick().await;
    assert_eq!(o.live.warnings, 1);
    assert_eq!(app.tick().await.live.warnings, 0, "warned once");
    let said = posted_since(&app, mark);
    assert!(said.contains("Two minutes left for **Opening** (ends at 18:05). Then: Part I: faction."), "{said}");
    // The bot stops mid-item and comes back after the opening's time ran out.
    app.engine.close().await;
    let (dir, location) = (app.dir, app.location);
    let app = TestApp::open(dir, location, monday(18, 6), colloquy::domain::anon::VoterSecret::new(vec![42; 32])).await;
    let mark = app.log_text().len();
    let o = app.tick().await;
    assert_eq!(o.live.items_started, 1);
    let said = posted_since(&app, mark);
    // Part I starts at the opening's planned end, so it keeps its whole 20 minutes.
    assert!(said.contains("**Now: Part I: faction** (item 2 of 3, 20 min until 18:25)"), "{said}");
    let status = app.run("ana", Role::Member, "agenda").await.unwrap();
    assert!(status.private);
    assert!(status.text.contains("1. Opening — 5 min (done)"), "{}", status.text);
    assert!(status.text.contains("2. Part I: faction — 20 min **(running: 19 min left, until 18:25)**"), "{}", status.text);
    // Extend, then bad extensions.
    let ext = app.fac("agenda extend 5m").await;
    assert!(ext.text.contains("now ends at 18:30"), "{}", ext.text);
    for bad in ["agenda extend 0m", "agenda extend -5m", "agenda extend soon"] {
        let e = err(app.run("fac", Role::Facilitator, bad).await);
        assert!(e.contains("5m") || e.contains("length of time"), "{bad}: {e}");
    }
    app.say("bo", None, "Part I: the Athenians speak of necessity.").await;
    app.fac("poll create \"Might makes right\" --minutes 10").await;
    // Back to the opening, then forward twice to the wrap-up; then past the end.
    app.clock.set(monday(18, 10));
    app.fac("agenda back").await;
    assert!(err(app.run("fac", Role::Facilitator, "agenda back").await).contains("first item"));
    app.fac("agenda next").await;
    app.fac("agenda next").await;
    app.tick().await;
    let log = app.log_text();
    assert!(log.contains("**Now: Wrap-up** (item 3 of 3, 10 min until 18:20). This is the last item."), "{log}");
    app.clock.set(monday(18, 21));
    let mark = app.log_text().len();
    app.tick().await;
    assert!(posted_since(&app, mark).contains("Time is up for **Wrap-up**: that was the agenda's last item."));
    assert!(err(app.run("fac", Role::Facilitator, "agenda next").await).contains("finished"));
    // A finished agenda cannot be replaced.
    assert!(err(app.run("fac", Role::Facilitator, "agenda set \"Again 5m\"").await).contains("already started"));
    // The record: the poll and replies under their items.
    let session = app.store.open_live_session(g.id).await.unwrap().unwrap();
    let runs = app.store.agenda_runs(session.id).await.unwrap();
    assert_eq!(runs.iter().map(|r| r.seq).collect::<Vec<_>>(), [1, 2, 1, 2, 3]);
    app.fac("session end").await;
    app.tick().await;
    let log = app.log_text();
    assert!(log.contains("**By agenda item**"), "{log}");
    assert!(log.contains("**1. Opening** (5 min; ran 18:00–18:05, 18:10–18:10) · 1 reply"), "{log}");
    assert!(log.contains("**2. Part I: faction** (20 min; ran 18:05–18:10, 18:10–18:10) · 1 reply"), "{log}");
    assert!(log.contains("- Poll #1 Might makes right"), "{log}");
    let files = app.engine.export(&g, ExportFormat::Markdown, Some(session.id)).await.unwrap();
    let minutes = String::from_utf8(files[0].bytes.clone()).unwrap();
    assert!(minutes.contains("## Discussion, by agenda item"), "{minutes}");
    let opening = minutes.find("### 1. Opening").unwrap();
    let part = minutes.find("### 2. Part I: faction").unwrap();
    let melians = minutes.find("the Melians misjudge Sparta").unwrap();
    let necessity = minutes.find("speak of necessity").unwrap();
    assert!(opening < melians && melians < part && part < necessity, "{minutes}");
}
}

colloquy::store_test! {
async fn every_bad_agenda_is_refused_and_changes_nothing(db: TestDb) {
    let app = TestApp::at(monday(9, 0), db).await;
    app.setup_with_reading(&sample_reading(6)).await;
    // No live session yet.
    assert!(err(app.run("fac", Role::Facilitator, "agenda set \"Opening 5m\"").await).contains("No live session"));
    app.clock.set(monday(18, 0));
    app.fac("session start").await;
    let g = app.group().await;
    let session = app.store.open_live_session(g.id).await.unwrap().unwrap();
    let many = (1..=21).map(|i| format!("Item {i} 5m")).collect::<Vec<_>>().join(" | ");
    let cases: Vec<(String, &str)> = vec![
        ("agenda set \"Opening 0m | Talk 20m\"".into(), "at least one minute"),
        ("agenda set \"Opening 5m | Talk -20m\"".into(), "at least one minute"),
        (format!("agenda set \"{many}\""), "at most 20 items"),
        ("agenda set \"Marathon 5h | Ultra 4h\"".into(), "at most 8 hours"),
        ("agenda set \"Opening | Talk 20m\"".into(), "has no timebox"),
        ("agenda set".into(), "Markdown list"),
        ("agenda next".into(), "no agenda"),
        ("agenda extend 5m".into(), "no agenda"),
    ];
    for (line, expected) in cases {
        let e = err(app.run("fac", Role::Facilitator, &line).await);
        assert!(e.contains(expected), "{line}: {e}");
        assert!(app.store.agenda_items(session.id).await.unwrap().is_empty(), "{line} changed the agenda");
    }
    // An attached Markdown list works.
    let upload = colloquy::engine::Upload {
        name: "agenda.md".into(),
        bytes: b"## Tonight\n\n- Opening (5 min)\n- Part I: faction -- 20m\n1. Wrap-up 10m\n".to_vec(),
    };
    let r = app.run_with("fac", Role::Facilitator, "agenda set", Some(upload)).await.unwrap();
    assert!(r.text.contains("3 items, 35 min"), "{}", r.text);
    let items = app.store.agenda_items(session.id).await.unwrap();
    assert_eq!(items.iter().map(|i| (i.title.as_str(), i.minutes)).collect::<Vec<_>>(),
        [("Opening", 5), ("Part I: faction", 20), ("Wrap-up", 10)]);
}
}

colloquy::store_test! {
async fn the_speaking_queue_in_order_and_as_a_progressive_stack(db: TestDb) {
    let app = seminar(db).await;
    let g = app.group().await;
    let session = app.store.open_live_session(g.id).await.unwrap().unwrap();
    assert!(err(app.run("fac", Role::Facilitator, "queue next").await).contains("queue is empty"));
    // Ana has spoken three times already, Bo once, Cy never.
    for _ in 0..3 {
        app.say("ana", None, "Ana again on the Melian dialogue.").await;
    }
    app.say("bo", None, "Bo on the Athenian envoys.").await;
    let a = member(&app, "ana", "hand the question of justice").await;
    assert!(a.private && a.confidential && a.text.contains("you are next"), "{}", a.text);
    let b = member(&app, "bo", "hand").await;
    assert!(b.text.contains("2nd in the queue (1 ahead of you)"), "{}", b.text);
    let c = member(&app, "cy", "hand up").await;
    assert!(c.text.contains("3rd in the queue"), "{}", c.text);
    // A hand raised twice.
    let twice = err(app.run("bo", Role::Member, "hand").await);
    assert!(twice.contains("already up: you are 2nd"), "{twice}");
    assert_eq!(app.store.hands(session.id, &["waiting"]).await.unwrap().len(), 3);
    let q = member(&app, "cy", "queue").await;
    assert!(q.private);
    assert!(q.text.contains("1. ana — the question of justice\n2. bo\n3. cy"), "{}", q.text);
    assert!(q.text.contains("You are 3rd in the queue."), "{}", q.text);
    // Members cannot call the queue.
    assert!(matches!(app.run("bo", Role::Member, "queue next").await,
        Err(colloquy::engine::CommandError::FacilitatorOnly(_))));
    // Progressive: Cy (never spoke), then Bo (once), then Ana (three times).
    app.fac("queue mode progressive").await;
    let q = member(&app, "ana", "queue").await;
    assert!(q.text.contains("1. cy\n2. bo\n3. ana — the question of justice"), "{}", q.text);
    assert!(q.text.contains("You are 3rd"), "{}", q.text);
    let next = app.fac("queue next").await;
    assert!(!next.private);
    assert!(next.text.contains("The floor is **cy**'s. Next: bo."), "{}", next.text);
    let skip = app.fac("queue skip").await;
    assert!(skip.text.contains("Skipped bo"), "{}", skip.text);
    // Bo may raise again; lowering a hand that is not up is refused.
    assert!(err(app.run("bo", Role::Member, "hand down").await).contains("not up"));
    member(&app, "bo", "hand").await;
    member(&app, "bo", "hand down").await;
    let q = member(&app, "bo", "queue").await;
    assert!(q.text.contains("Speaking now: **cy**") && q.text.contains("Your hand is not up"), "{}", q.text);
    let cleared = app.fac("queue clear").await;
    assert!(cleared.text.contains("1 hand lowered"), "{}", cleared.text);
    assert!(err(app.run("fac", Role::Facilitator, "queue clear").await).contains("empty"));
    assert!(err(app.run("fac", Role::Facilitator, "queue next").await).contains("empty"));
    // Raising a hand is attendance.
    let people = app.engine.attendance(&g, &session, false).await.unwrap();
    let cy = people.iter().find(|a| a.name == "cy").unwrap();
    assert!(cy.hand && !cy.wrote, "{cy:?}");
}
}

colloquy::store_test! {
async fn notes_decisions_and_actions_reach_the_minutes_and_the_next_session(db: TestDb) {
    let app = seminar(db).await;
    let g = app.group().await;
    app.fac("agenda set \"Opening 5m | Planning 20m\"").await;
    app.fac("agenda start").await;
    app.say("ana", None, "I can circulate the map before Monday.").await;
    let n = member(&app, "bo", "note the Melians appeal to hope").await;
    assert!(n.text.contains("is in the minutes under **Opening**"), "{}", n.text);
    app.fac("agenda next").await;
    app.fac("decision we read book VI next week").await;
    // Bad actions change nothing.
    let before = app.store.open_actions(g.id).await.unwrap().len();
    let e = err(app.run("bo", Role::Member, "action @zed write the summary").await);
    assert!(e.contains("zed is not a member of this group"), "{e}");
    let e = err(app.run("bo", Role::Member, "action @ana write it --due someday").await);
    assert!(e.contains("not a date"), "{e}");
    let e = err(app.run("bo", Role::Member, "note").await);
    assert!(e.contains("needs"), "{e}");
    assert_eq!(app.store.open_actions(g.id).await.unwrap().len(), before);
    let a = member(&app, "bo", "action @ana circulate the opinion map --due friday").await;
    assert!(a.text.contains("for **ana** (due 2026-03-06) is in the minutes under **Planning**"), "{}", a.text);
    let id = app.store.open_actions(g.id).await.unwrap()[0].id;
    let list = member(&app, "cy", "actions").await;
    assert!(list.text.contains(&format!("#{id} **ana**: circulate the opinion map (due 2026-03-06)")), "{}", list.text);
    // Only the owner or a facilitator closes it.
    let e = err(app.run("cy", Role::Member, &format!("action done {id}")).await);
    assert!(e.contains("only they or a facilitator"), "{e}");
    app.fac("session end").await;
    app.tick().await;
    let session = app.store.sessions(g.id).await.unwrap().into_iter().find(|s| s.kind == "live").unwrap();
    let files = app.engine.export(&g, ExportFormat::Markdown, Some(session.id)).await.unwrap();
    let minutes = String::from_utf8(files[0].bytes.clone()).unwrap();
    assert!(minutes.contains("**1. Opening**") && minutes.contains("- Note: the Melians appeal to hope"), "{minutes}");
    assert!(minutes.contains("- **Decision:** we read book VI next week"), "{minutes}");
    assert!(minutes.contains(&format!("- Action #{id} **ana**: circulate the opinion map (due 2026-03-06)")), "{minutes}");
    // The next session opens with the open actions.
    app.clock.set(monday(18, 0) + Duration::days(7));
    let mark = app.log_text().len();
    app.fac("session start").await;
    app.deliver().await;
    let said = posted_since(&app, mark);
    assert!(said.contains("Open action items from earlier sessions"), "{said}");
    assert!(said.contains("circulate the opinion map (due 2026-03-06, overdue)"), "{said}");
    let done = member(&app, "ana", &format!("action done {id}")).await;
    assert!(done.text.contains(&format!("Action #{id} is done")), "{}", done.text);
    assert!(err(app.run("ana", Role::Member, &format!("action done {id}")).await).contains("already done"));
    assert!(err(app.run("ana", Role::Member, "action done 9999").await).contains("no action #9999"));
    assert!(member(&app, "ana", "actions").await.text.contains("no open action items"));
}
}

colloquy::store_test! {
async fn attendance_from_writing_voting_hands_and_voice_in_stats_and_exports(db: TestDb) {
    let app = seminar(db).await;
    let g = app.group().await;
    let voice = |who: &str, joined: bool| {
        let engine = app.engine.clone();
        let who = who.to_string();
        async move {
            engine
                .on_presence(&ChannelKey::new(Platform::Console, "seminar"), &MemberKey::new(Platform::Console, &who), &who, joined)
                .await
                .unwrap()
        }
    };
    assert!(voice("dee", true).await);
    assert!(!voice("dee", true).await, "a repeated join changes nothing");
    // Presence in a channel that is no group is ignored.
    assert!(!app.engine.on_presence(&ChannelKey::new(Platform::Console, "elsewhere"), &TestApp::member("x"), "x", true).await.unwrap());
    app.clock.set(monday(18, 5));
    app.say("ana", None, "Present and writing.").await;
    app.fac("poll create \"Justice needs equal power\" --minutes 30").await;
    app.deliver().await;
    app.clock.set(monday(18, 7));
    member(&app, "bo", "vote 1 agree").await;
    member(&app, "cy", "hand").await;
    app.clock.set(monday(18, 40));
    voice("dee", false).await;
    app.clock.set(monday(19, 0));
    app.fac("session end").await;
    app.tick().await;
    let session = app.store.sessions(g.id).await.unwrap().into_iter().find(|s| s.kind == "live").unwrap();
    let people = app.engine.attendance(&g, &session, false).await.unwrap();
    let lines: Vec<String> = people.iter().map(|a| format!("{} {}–{} {}", a.name, a.from, a.to, a.how)).collect();
    assert_eq!(lines, [
        "dee 18:00–18:40 in voice",
        "ana 18:05–18:05 wrote",
        "bo 18:07–18:07 voted",
        "cy 18:07–18:07 raised a hand",
    ]);
    // The summary posted at the end, the minutes, the JSON and CSV exports, and stats.
    assert!(app.log_text().contains("- dee: 18:00–18:40 (in voice)"), "{}", app.log_text());
    let files = app.engine.export(&g, ExportFormat::All, Some(session.id)).await.unwrap();
    let by_name = |n: &str| String::from_utf8(files.iter().find(|f| f.name.ends_with(n)).unwrap_or_else(|| panic!("no {n}")).bytes.clone()).unwrap();
    assert!(by_name(".md").contains("**Attendance** (4)"));
    let csv = by_name("attendance.csv");
    assert!(csv.contains("dee,18:00,18:40,false,false,false,true"), "{csv}");
    let json: serde_json::Value = serde_json::from_str(&by_name(".json")).unwrap();
    let live = json["sessions"].as_array().unwrap().iter().find(|s| s["kind"] == "live").unwrap();
    assert_eq!(live["attendance"].as_array().unwrap().len(), 4);
    let stats = app.fac("stats").await;
    assert!(stats.text.contains("**Attendance at live sessions**"), "{}", stats.text);
    assert!(stats.text.contains(": 4 (dee, ana, bo, cy)"), "{}", stats.text);
}
}

colloquy::store_test! {
async fn breakouts_split_the_present_members_and_gather_report_backs(db: TestDb) {
    let app = seminar(db).await;
    let g = app.group().await;
    let session = app.store.open_live_session(g.id).await.unwrap().unwrap();
    assert!(err(app.run("fac", Role::Facilitator, "breakout 2").await).contains("Nobody is present"));
    // The facilitator's own note makes them present, but the one who asks stays out.
    app.fac("note we split into threads after the opening").await;
    assert!(err(app.run("fac", Role::Facilitator, "breakout 1").await).contains("Nobody is present"));
    for who in ["ana", "bo", "cy", "dee", "eve"] {
        app.say(who, None, &format!("{who} is here.")).await;
    }
    for (line, expected) in [
        ("breakout 0", "at least one thread"),
        ("breakout 6", "5 members are present"),
        ("breakout 2 --minutes 0", "1 to 180 minutes"),
        ("breakout 2 --by mood", "--by takes opinion"),
    ] {
        let e = err(app.run("fac", Role::Facilitator, line).await);
        assert!(e.contains(expected), "{line}: {e}");
        assert!(app.store.session_breakouts(session.id).await.unwrap().is_empty(), "{line} changed something");
    }
    // By opinion with no claims voted: at random, and the reply says why.
    let r = app.fac("breakout 2 --minutes 10 --by opinion").await;
    assert!(r.text.contains("split at random, since the opinion map has no groups"), "{}", r.text);
    assert!(err(app.run("fac", Role::Facilitator, "breakout 2").await).contains("already running"));
    app.deliver().await;
    let b = &app.store.session_breakouts(session.id).await.unwrap()[0];
    let rooms = app.store.breakout_rooms(b.id).await.unwrap();
    assert_eq!(rooms.len(), 2);
    let mut everyone = Vec::new();
    for room in &rooms {
        let members = app.store.breakout_room_members(room.id).await.unwrap();
        assert!((2..=3).contains(&members.len()), "{members:?}");
        everyone.extend(members.into_iter().map(|(_, n)| n));
        // The excerpt's questions are the prompts.
        assert!(room.prompt.ends_with('?'), "{}", room.prompt);
    }
    everyone.sort();
    assert_eq!(everyone, ["ana", "bo", "cy", "dee", "eve"]);
    let log = app.log_text();
    assert!(log.contains("## Breakout 1 of 2") && log.contains("thread “Breakout 2 of 2” opened"), "{log}");
    // Talk in a thread is part of the live session; it is no report-back before the ask.
    let t1 = rooms[0].thread_id.clone().unwrap();
    let t2 = rooms[1].thread_id.clone().unwrap();
    let in_room = |i: usize| {
        let store = app.store.clone();
        let id = rooms[i].id;
        async move {
            store.breakout_room_members(id).await.unwrap().into_iter().map(|(_, n)| n).collect::<Vec<_>>()
        }
    };
    let (one, two) = (in_room(0).await, in_room(1).await);
    let (_, o) = app.say("ana", Some(&t1), "We think hope is the Melians' mistake.").await;
    assert_eq!(o, colloquy::engine::MessageOutcome::Recorded { session_id: session.id });
    // Time is up: each thread is asked, the first answer kept, then gathered here.
    app.clock.set(monday(18, 10));
    let o = app.tick().await;
    assert_eq!(o.live.breakouts_ended, 1);
    assert!(app.log_text().contains("please answer here with this thread's report-back in one line"));
    app.say(&one[0], Some(&t1), "Hope is a poor strategy for the weak.\nMore detail here.").await;
    app.say(&one[1], Some(&t1), "A second answer is not the report.").await;
    let mark = app.log_text().len();
    app.tick().await;
    assert!(!posted_since(&app, mark).contains("report-backs"), "waits for the other thread");
    app.say(&two[0], Some(&t2), "Athens argues from necessity, not justice.").await;
    app.tick().await;
    let said = posted_since(&app, mark);
    assert!(said.contains("## Breakout report-backs (2 threads)"), "{said}");
    assert!(said.contains(&format!("- **Thread 1** ({}): Hope is a poor strategy for the weak.", one[0])), "{said}");
    assert!(said.contains(&format!("- **Thread 2** ({}): Athens argues from necessity, not justice.", two[0])), "{said}");
    // A second breakout may run now; the summary keeps the first one's report-backs.
    app.fac("session end").await;
    app.tick().await;
    let log = app.log_text();
    assert!(log.contains("**Breakout at 18:00** (2 threads, 10 min)"), "{log}");
    assert!(log.contains(&format!("Hope is a poor strategy for the weak. — {}", one[0])), "{log}");
    assert!(!log.contains("mixing opinion groups"), "no map, so no mixing: {log}");
}
}

colloquy::store_test! {
async fn breakouts_by_opinion_mix_the_map_groups(db: TestDb) {
    let app = seminar(db).await;
    let g = app.group().await;
    let session = app.store.open_live_session(g.id).await.unwrap().unwrap();
    // Two camps of five vote on six claims the opposite way.
    let claims = ["Power decides", "Justice binds the strong", "Neutrality is safe",
        "Hope is rational", "Empire is necessary", "Sparta will help"];
    for c in claims {
        app.fac(&format!("poll create \"{c}\" --minutes 60")).await;
    }
    let camp_a = ["ana", "bo", "cy", "dee", "eve"];
    let camp_b = ["fay", "gus", "hal", "ivy", "jo"];
    for (i, _) in claims.iter().enumerate() {
        let poll = i + 1;
        for who in camp_a {
            member(&app, who, &format!("vote {poll} {}", if i % 2 == 0 { "agree" } else { "disagree" })).await;
        }
        for who in camp_b {
            member(&app, who, &format!("vote {poll} {}", if i % 2 == 0 { "disagree" } else { "agree" })).await;
        }
    }
    let r = app.fac("breakout 5 --minutes 15 --by opinion").await;
    assert!(r.text.contains("mixing the opinion map's groups"), "{}", r.text);
    let b = &app.store.session_breakouts(session.id).await.unwrap()[0];
    assert!(b.by_opinion);
    for room in app.store.breakout_rooms(b.id).await.unwrap() {
        let names: Vec<String> = app.store.breakout_room_members(room.id).await.unwrap().into_iter().map(|(_, n)| n).collect();
        let a = names.iter().filter(|n| camp_a.contains(&n.as_str())).count();
        let bb = names.iter().filter(|n| camp_b.contains(&n.as_str())).count();
        assert_eq!((a, bb), (1, 1), "each thread holds one of each camp: {names:?}");
    }
}
}

/// `colloquy demo --live`, in process: the whole seminar plays and its minutes hold the
/// agenda, the notes, the decision, the actions, the breakout report-backs and attendance.
#[tokio::test]
async fn the_live_demo_plays_a_whole_seminar() {
    let dir = tempfile::tempdir().unwrap();
    let (sink, log) = colloquy::demo::memory_sink();
    let report = colloquy::demo::run_live(
        colloquy::demo::DemoOptions {
            db: dir.path().join("live.db"),
            reading: None,
            members: 6,
            seed: 7,
            out: Some(dir.path().join("files")),
            archive: None,
        },
        sink,
    )
    .await
    .unwrap();
    let log = String::from_utf8(log.lock().unwrap().clone()).unwrap();
    let m = &report.minutes;
    for expected in [
        "## Discussion, by agenda item",
        "### 2. Part I: why small states hedge",
        "- Note: the group wants to compare hedging with neutrality",
        "- **Decision:** next week we compare hedging with Swiss-style neutrality",
        "- Action #",
        "**Breakout at 18:28** (2 threads, 10 min)",
        "Hedging lasts only as long as the great powers compete.",
        "**Attendance** (7)",
        "- Bruno: 18:00–18:47 (wrote, voted, in voice)",
    ] {
        assert!(m.contains(expected), "the minutes lack {expected:?}:\n{m}");
    }
    assert_eq!(m.matches("**By agenda item**").count(), 1, "{m}");
    // The bad inputs of the evening were refused, and the next week opened with the actions.
    for expected in [
        "⚠ Your hand is already up",
        "⚠ A breakout needs at least one thread",
        "threads would leave some empty",
        "⚠ @Zed is not a member of this group",
        "**Open action items from earlier sessions**",
        "(due 2026-03-06, overdue)",
    ] {
        assert!(log.contains(expected), "the log lacks {expected:?}");
    }
    assert_eq!(
        log.matches("**Open action items from earlier sessions**")
            .count(),
        1
    );
    // The facilitator who runs the breakout stays out of the threads.
    assert!(!log.contains("**Members:** Amara, Bruno, Chen, Dalia, Prof. Okafor"));
    assert!(!report.summary.is_empty());
}

colloquy::store_test! {
/// Voice states (Discord's voice-state events, as the adapter translates them): a join in
/// the group's voice channel, a mute (the same channel again), a move to another channel
/// (a leave), a join elsewhere (nothing), and a leave; and `setup --voice-channel` where
/// there are no voice channels is refused with nothing changed.
async fn voice_states_join_move_and_leave_the_groups_voice_channel(db: TestDb) {
    let app = seminar(db).await;
    let g = app.group().await;
    let room = ChannelKey::new(Platform::Discord, "700");
    let lounge = ChannelKey::new(Platform::Discord, "701");
    app.store.set_voice_channel(g.id, Some(&room)).await.unwrap();
    assert_eq!(app.store.groups_by_voice_channel(&room).await.unwrap().len(), 1);
    let eve = MemberKey::new(Platform::Discord, "42");
    let dan = MemberKey::new(Platform::Discord, "43");
    let state = |who: MemberKey, name: &'static str, at: Option<ChannelKey>| {
        let engine = app.engine.clone();
        async move { engine.on_voice_state(&who, name, at.as_ref(), None).await.unwrap() }
    };
    assert_eq!(state(eve.clone(), "eve", Some(room.clone())).await, 1);
    assert_eq!(state(eve.clone(), "eve", Some(room.clone())).await, 0, "a mute is no new stay");
    assert_eq!(state(dan.clone(), "dan", Some(lounge.clone())).await, 0, "another channel counts for no group");
    assert_eq!(state(dan.clone(), "dan", None).await, 0, "leaving it neither");
    app.clock.set(monday(18, 10));
    assert_eq!(state(dan.clone(), "dan", Some(room.clone())).await, 1);
    app.clock.set(monday(18, 20));
    assert_eq!(state(eve.clone(), "eve", Some(lounge.clone())).await, 1, "a move out is a leave");
    app.clock.set(monday(18, 30));
    assert_eq!(state(dan.clone(), "dan", None).await, 1);
    assert_eq!(state(dan.clone(), "dan", None).await, 0, "a repeated leave changes nothing");
    // A leave reported by another server (its voice channels given) is not a leave here.
    assert_eq!(state(dan.clone(), "dan", Some(room.clone())).await, 1);
    let elsewhere = [ChannelKey::new(Platform::Discord, "900")];
    assert_eq!(app.engine.on_voice_state(&dan, "dan", None, Some(&elsewhere)).await.unwrap(), 0);
    let here = [room.clone(), lounge.clone()];
    assert_eq!(app.engine.on_voice_state(&dan, "dan", None, Some(&here)).await.unwrap(), 1);
    let session = app.store.sessions(g.id).await.unwrap().into_iter().find(|s| s.kind == "live").unwrap();
    let people = app.engine.attendance(&g, &session, false).await.unwrap();
    let lines: Vec<String> = people.iter().map(|a| format!("{} {}–{} {}", a.name, a.from, a.to, a.how)).collect();
    assert_eq!(lines, ["eve 18:00–18:20 in voice", "dan 18:10–18:30 in voice"]);
    // On reconnecting, the server's voice states at once: eve came back while the bot was
    // away (a join), then is gone at the next reconnect (a leave); a channel of no group
    // changes nothing.
    app.clock.set(monday(18, 40));
    let snapshot = |present: Vec<(MemberKey, String, ChannelKey)>| {
        let engine = app.engine.clone();
        let channels = [room.clone(), lounge.clone()];
        async move { engine.on_voice_snapshot(&channels, &present).await.unwrap() }
    };
    assert_eq!(snapshot(vec![(eve.clone(), "eve".into(), room.clone()), (dan.clone(), "dan".into(), lounge.clone())]).await, 1);
    assert_eq!(snapshot(vec![(eve.clone(), "eve".into(), room.clone())]).await, 0, "nothing changed since");
    app.clock.set(monday(18, 45));
    assert_eq!(snapshot(vec![]).await, 1);
    assert!(app.store.open_presence_members(g.id, "voice").await.unwrap().is_empty());
    let people = app.engine.attendance(&g, &session, false).await.unwrap();
    assert_eq!(format!("{} {}–{}", people[0].name, people[0].from, people[0].to), "eve 18:00–18:45");
    // No voice channels in the console (nor on Matrix): refused, the group unchanged.
    for line in ["setup --voice-channel lounge", "setup --voice-channel none --words 300"] {
        let e = err(app.run("fac", Role::Facilitator, line).await);
        assert!(e.contains("Voice channels are followed on Discord only"), "{line}: {e}");
    }
    let after = app.group().await;
    assert_eq!(after.voice_channel, Some(room.key()));
    assert_eq!(after.words, g.words);
}
}
