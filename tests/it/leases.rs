//! Several processes on one database: leases on a Matrix account and on Discord shards,
//! and the outbox's claim, which another process takes over once a dead one's lease ran out.

use chrono::Duration;
use colloquy::domain::shards::ShardRange;
use colloquy::engine::leases::LeaseRequest;
use colloquy::store::testing::TestDb;

use crate::common::app::{TestApp, build_engine, monday, sample_reading};

colloquy::store_test! {
    /// A second process on the same Matrix account is refused with a message naming the
    /// account and the holder; once the first gives it up (or its lease runs out), it starts.
    async fn a_second_process_on_the_same_matrix_account_is_refused(db: TestDb) {
        let app = TestApp::new(db).await;
        let second_store = colloquy::store::Store::open_at(&app.location).await.unwrap();
        let second = build_engine(second_store, &app.clock, Default::default());
        let account = [LeaseRequest::matrix_account("@colloquy:localhost")];
        app.engine.take_leases("pid 1 #a", &account).await.unwrap();
        let err = second.take_leases("pid 2 #b", &account).await.unwrap_err().to_string();
        assert!(
            err.contains("the Matrix account @colloquy:localhost")
                && err.contains("pid 1 #a")
                && err.contains("already run by another colloquy process"),
            "{err}"
        );
        // The first renews while it runs: still refused a minute later.
        app.clock.set(monday(8, 0) + Duration::seconds(20));
        assert_eq!(app.engine.renew_leases("pid 1 #a").await.unwrap(), 1);
        app.clock.set(monday(8, 0) + Duration::seconds(45));
        assert!(second.take_leases("pid 2 #b", &account).await.is_err());
        // It dies (no more renewals): after its lease ran out the second one starts.
        app.clock.set(monday(8, 0) + Duration::seconds(90));
        second.take_leases("pid 2 #b", &account).await.unwrap();
        assert_eq!(app.engine.renew_leases("pid 1 #a").await.unwrap(), 0);
    }
}

colloquy::store_test! {
    /// Disjoint shard ranges of one total run side by side; an overlapping range or
    /// another total is refused, naming what the other process runs.
    async fn shard_ranges_must_be_disjoint_and_agree_on_the_total(db: TestDb) {
        let app = TestApp::new(db).await;
        let engine = &app.engine;
        let range = |r: &str, total| LeaseRequest::discord_shards(ShardRange::parse(r, total).unwrap());
        engine.take_leases("pid 1 #a", &range("0-3", 8)).await.unwrap();
        engine.take_leases("pid 2 #b", &range("4-7", 8)).await.unwrap();
        let overlap = engine
            .take_leases("pid 3 #c", &range("3-4", 8))
            .await
            .unwrap_err()
            .to_string();
        assert!(
            overlap.contains("Discord shard 3 of 8") && overlap.contains("pid 1 #a"),
            "{overlap}"
        );
        let total = engine
            .take_leases("pid 4 #d", &range("8-9", 16))
            .await
            .unwrap_err()
            .to_string();
        assert!(total.contains("same shard_total"), "{total}");
        // A refused process holds nothing: it took none of its range.
        assert_eq!(engine.renew_leases("pid 3 #c").await.unwrap(), 0);
        // The clean stop of the first frees its range for a new process.
        engine.release_leases("pid 1 #a").await.unwrap();
        engine.take_leases("pid 3 #c", &range("0-3", 8)).await.unwrap();
    }
}

colloquy::store_test! {
    /// A process that claimed the day's post and died: nobody posts it while its claim
    /// holds, another process posts it (once) after the claim ran out.
    async fn a_dead_processs_due_post_is_made_by_another_after_its_lease(db: TestDb) {
        let app = TestApp::at(monday(8, 59), db).await;
        app.setup_with_reading(&sample_reading(8)).await;
        app.deliver().await;
        app.clock.set(monday(9, 0));
        colloquy::engine::scheduler::run_due(&app.engine).await.unwrap();
        // The dead process claimed the post (two minutes) and never sent it.
        let now = monday(9, 0).timestamp_millis();
        let claimed = app
            .store
            .claim_outbox("pid 9 #dead", now, now + 120_000, 20)
            .await
            .unwrap();
        assert_eq!(claimed.len(), 1, "the excerpt's post");
        let second_store = colloquy::store::Store::open_at(&app.location).await.unwrap();
        let second = build_engine(second_store, &app.clock, Default::default());
        second.attach_port(app.port.clone());
        app.clock.set(monday(9, 1));
        let early = colloquy::engine::delivery::deliver_due(&second, "pid 2 #b").await.unwrap();
        assert_eq!(early.sent, 0, "the claim still holds");
        app.clock.set(monday(9, 3));
        let late = colloquy::engine::delivery::deliver_due(&second, "pid 2 #b").await.unwrap();
        assert_eq!(late.sent, 1);
        let again = colloquy::engine::delivery::deliver_due(&app.engine, "pid 1 #a").await.unwrap();
        assert_eq!(again.sent, 0, "never two posts");
        assert_eq!(
            app.log_text().matches("excerpt 1 of").count(),
            1,
            "{}",
            app.log_text()
        );
    }
}
