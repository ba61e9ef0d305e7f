//! The daily schedule with an injected clock: once a day, after downtime, across DST,
//! paused, skipped, running out of excerpts, and two schedulers on one database.

use chrono::{Duration, TimeZone, Utc};
use colloquy::domain::command::Role;
use colloquy::store::testing::TestDb;

use crate::common::app::{TestApp, monday, sample_reading};

async fn posted_sessions(app: &TestApp) -> Vec<colloquy::store::SessionRow> {
    let g = app.group().await;
    app.store.sessions(g.id).await.expect("sessions")
}

colloquy::store_test! {
    async fn posts_once_per_local_day_at_the_post_time(db: TestDb) {
        let app = TestApp::at(monday(8, 0), db).await;
        app.setup_with_reading(&sample_reading(12)).await;
        assert!(app.tick().await.posted.is_empty(), "nothing before 09:00");
        app.clock.set(monday(9, 0));
        assert_eq!(app.tick().await.posted.len(), 1);
        // Ticking again the same day, even much later, posts nothing more.
        for h in [9, 12, 20, 23] {
            app.clock.set(monday(h, 30));
            assert!(app.tick().await.posted.is_empty(), "posted twice at {h}:30");
        }
        app.clock.set(monday(9, 0) + Duration::days(1));
        assert_eq!(app.tick().await.posted.len(), 1, "the next day posts again");
        let sessions = posted_sessions(&app).await;
        assert_eq!(sessions.len(), 2);
        assert_eq!(sessions[0].local_date.as_deref(), Some("2026-03-02"));
        assert_eq!(sessions[1].local_date.as_deref(), Some("2026-03-03"));
        // The posts went out, each with its thread.
        assert!(
            sessions
                .iter()
                .all(|s| s.thread_id.is_some() && s.post_message_id.is_some())
        );
        assert_eq!(app.log_text().matches("┌ thread").count(), 2);
    }
}

colloquy::store_test! {
    async fn downtime_across_the_post_time_posts_once_when_back_and_never_a_burst(db: TestDb) {
        let app = TestApp::at(monday(8, 0), db).await;
        app.setup_with_reading(&sample_reading(12)).await;
        // Down from Monday 08:00 until Thursday 15:00: three post times missed.
        app.clock.set(monday(15, 0) + Duration::days(3));
        let outcome = app.tick().await;
        assert_eq!(
            outcome.posted.len(),
            1,
            "one post for the latest missed slot, not three"
        );
        let sessions = posted_sessions(&app).await;
        assert_eq!(sessions[0].local_date.as_deref(), Some("2026-03-05"));
        app.clock.set(monday(16, 0) + Duration::days(3));
        assert!(app.tick().await.posted.is_empty());
        // With catch_up = "skip", a missed slot waits for the next day.
        app.fac("setup --catch-up skip").await;
        app.clock.set(monday(12, 0) + Duration::days(4));
        let outcome = app.tick().await;
        assert!(
            outcome.posted.is_empty(),
            "skip: Friday's slot was missed by three hours"
        );
        assert!(
            outcome
                .not_posted
                .iter()
                .any(|(_, d, why)| d == "2026-03-06" && why == "missed")
        );
        app.clock.set(monday(9, 5) + Duration::days(5));
        assert_eq!(
            app.tick().await.posted.len(),
            1,
            "skip still posts a slot reached on time"
        );
    }
}

colloquy::store_test! {
    async fn daylight_saving_days_keep_the_local_post_time(db: TestDb) {
        // London moves to BST on Sunday 2026-03-29: 09:00 local is 08:00 UTC from then on.
        let saturday = Utc.with_ymd_and_hms(2026, 3, 28, 7, 0, 0).single().unwrap();
        let app = TestApp::at(saturday, db).await;
        app.setup_with_reading(&sample_reading(12)).await;
        app.clock.set(
            Utc.with_ymd_and_hms(2026, 3, 28, 8, 59, 0)
                .single()
                .unwrap(),
        );
        assert!(app.tick().await.posted.is_empty());
        app.clock
            .set(Utc.with_ymd_and_hms(2026, 3, 28, 9, 0, 0).single().unwrap());
        assert_eq!(app.tick().await.posted.len(), 1, "Saturday 09:00 GMT");
        app.clock.set(
            Utc.with_ymd_and_hms(2026, 3, 29, 7, 59, 0)
                .single()
                .unwrap(),
        );
        assert!(
            app.tick().await.posted.is_empty(),
            "Sunday 08:59 BST is too early"
        );
        app.clock
            .set(Utc.with_ymd_and_hms(2026, 3, 29, 8, 0, 0).single().unwrap());
        assert_eq!(
            app.tick().await.posted.len(),
            1,
            "Sunday 09:00 BST = 08:00 UTC"
        );
        // And back to GMT on 2026-10-25: one post that day, at 09:00 GMT.
        let app = TestApp::at(
            Utc.with_ymd_and_hms(2026, 10, 24, 20, 0, 0)
                .single()
                .unwrap(),
        db,
        )
        .await;
        app.setup_with_reading(&sample_reading(12)).await;
        app.clock.set(
            Utc.with_ymd_and_hms(2026, 10, 25, 8, 30, 0)
                .single()
                .unwrap(),
        );
        assert!(
            app.tick().await.posted.is_empty(),
            "08:30 GMT is before 09:00 local"
        );
        app.clock.set(
            Utc.with_ymd_and_hms(2026, 10, 25, 9, 0, 0)
                .single()
                .unwrap(),
        );
        assert_eq!(app.tick().await.posted.len(), 1);
        app.clock.set(
            Utc.with_ymd_and_hms(2026, 10, 25, 23, 30, 0)
                .single()
                .unwrap(),
        );
        assert!(
            app.tick().await.posted.is_empty(),
            "the 25-hour day still posts once"
        );
    }
}

colloquy::store_test! {
    async fn pause_resume_and_skip(db: TestDb) {
        let app = TestApp::at(monday(8, 0), db).await;
        app.setup_with_reading(&sample_reading(12)).await;
        app.fac("schedule pause").await;
        app.clock.set(monday(9, 0));
        assert!(app.tick().await.posted.is_empty(), "paused");
        let status = app
            .run("ana", Role::Member, "schedule status")
            .await
            .expect("status");
        assert!(status.text.contains("paused"), "{}", status.text);
        assert!(
            app.run("ana", Role::Member, "schedule resume")
                .await
                .is_err(),
            "members cannot resume"
        );
        app.fac("schedule resume").await;
        // The paused day stays skipped; the next day posts.
        app.clock.set(monday(10, 0));
        assert!(app.tick().await.posted.is_empty());
        app.clock.set(monday(9, 0) + Duration::days(1));
        assert_eq!(app.tick().await.posted.len(), 1);
        // Skip the next post (Wednesday), then Thursday posts.
        app.clock.set(monday(12, 0) + Duration::days(1));
        let reply = app.fac("schedule skip").await;
        assert!(reply.text.contains("Wed 4 Mar"), "{}", reply.text);
        app.clock.set(monday(9, 0) + Duration::days(2));
        assert!(app.tick().await.posted.is_empty(), "Wednesday skipped");
        app.clock.set(monday(9, 0) + Duration::days(3));
        assert_eq!(app.tick().await.posted.len(), 1, "Thursday posts");
    }
}

colloquy::store_test! {
    async fn a_finished_reading_is_announced_once_and_the_next_one_is_picked_up(db: TestDb) {
        let app = TestApp::at(monday(8, 0), db).await;
        app.setup_with_reading(&sample_reading(2)).await;
        let readings = app.store.readings(app.group().await.id).await.unwrap();
        let excerpts = readings[0].excerpt_count;
        assert!(excerpts >= 1);
        for day in 0..excerpts {
            app.clock.set(monday(9, 0) + Duration::days(day));
            assert_eq!(app.tick().await.posted.len(), 1);
        }
        for day in excerpts..excerpts + 3 {
            app.clock.set(monday(9, 0) + Duration::days(day));
            let o = app.tick().await;
            assert!(o.posted.is_empty());
        }
        assert_eq!(
            app.log_text()
                .matches("We have reached the end of the reading")
                .count(),
            1,
            "said once"
        );
        // A new reading is picked up at the next post time.
        let upload = colloquy::engine::Upload {
            name: "next.txt".into(),
            bytes: sample_reading(3).into_bytes(),
        };
        app.run_with("fac", Role::Facilitator, "reading import", Some(upload))
            .await
            .unwrap();
        app.clock.set(monday(9, 0) + Duration::days(excerpts + 3));
        assert_eq!(app.tick().await.posted.len(), 1);
    }
}

colloquy::store_test! {
    async fn two_schedulers_on_one_database_never_post_twice(db: TestDb) {
        let app = TestApp::at(monday(8, 0), db).await;
        app.setup_with_reading(&sample_reading(40)).await;
        // A second instance: its own engine and connection pool on the same file.
        let second = colloquy::store::Store::open_at(&app.location)
            .await
            .unwrap();
        let engine2 = crate::common::app::build_engine(second, &app.clock, Default::default());
        engine2.attach_port(app.port.clone());
        let mut posted = 0;
        for day in 0..5 {
            app.clock.set(monday(9, 0) + Duration::days(day));
            // Both run at the same moment, many times over.
            let mut tasks = Vec::new();
            for i in 0..8 {
                let e = if i % 2 == 0 {
                    app.engine.clone()
                } else {
                    engine2.clone()
                };
                tasks.push(tokio::spawn(async move {
                    colloquy::engine::scheduler::run_due(&e).await
                }));
            }
            for t in tasks {
                posted += t.await.unwrap().unwrap().posted.len();
            }
        }
        assert_eq!(posted, 5, "one post per day across both instances");
        let sessions = posted_sessions(&app).await;
        assert_eq!(sessions.len(), 5);
        let mut excerpts: Vec<i64> = sessions.iter().filter_map(|s| s.excerpt_id).collect();
        excerpts.dedup();
        assert_eq!(excerpts.len(), 5, "no excerpt posted twice");
        // Both deliver the outbox at once: still one post each.
        let (a, b) = tokio::join!(
            colloquy::engine::delivery::deliver_due(&app.engine, "one"),
            colloquy::engine::delivery::deliver_due(&engine2, "two")
        );
        let sent = a.unwrap().sent + b.unwrap().sent;
        let rows = app.store.outbox_rows().await.unwrap();
        assert_eq!(
            sent,
            rows.len(),
            "each queued post sent by exactly one instance"
        );
        assert!(rows.iter().all(|r| r.status == "sent" && r.attempts == 1));
        assert_eq!(app.log_text().matches("┌ thread").count(), 5);
    }
}

colloquy::store_test! {
    async fn excerpt_next_counts_as_the_day_post_before_the_post_time(db: TestDb) {
        let app = TestApp::at(monday(8, 0), db).await;
        app.setup_with_reading(&sample_reading(12)).await;
        let reply = app.fac("excerpt next").await;
        assert!(reply.text.contains("today's post"), "{}", reply.text);
        app.clock.set(monday(9, 0));
        assert!(
            app.tick().await.posted.is_empty(),
            "today's post was already made"
        );
        // After the day's post, `excerpt next` adds an extra one.
        let reply = app.fac("excerpt next").await;
        assert!(!reply.text.contains("today's post"));
        assert_eq!(posted_sessions(&app).await.len(), 2);
    }
}
