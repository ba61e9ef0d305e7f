//! `colloquy migrate`: a group's whole history moves from SQLite to PostgreSQL (and back),
//! checked table by table, and a target that holds anything is refused.

use std::process::Command;

use colloquy::domain::anon::VoterSecret;
use colloquy::domain::command::Role;
use colloquy::store::testing::TestDb;
use colloquy::store::{Location, Store};

use crate::common::app::{TestApp, monday, sample_reading};

fn migrate(from: &Location, to: &Location) -> std::process::Output {
    let arg = |l: &Location| match l {
        Location::Sqlite(p) => p.to_string_lossy().to_string(),
        Location::Postgres(url) => url.clone(),
    };
    Command::new(env!("CARGO_BIN_EXE_colloquy"))
        .args(["migrate", "--from", &arg(from), "--to", &arg(to)])
        .output()
        .expect("run colloquy migrate")
}

/// The lines of the table the command prints (table, rows, checksum).
fn table_lines(out: &std::process::Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(2)
        .filter(|l| !l.contains("tables,"))
        .map(str::to_string)
        .collect()
}

#[tokio::test]
async fn a_groups_history_moves_to_postgres_and_back_checked_table_by_table() {
    // A day of a group on SQLite: an excerpt, replies, an anonymous poll, a forget-me.
    let app = TestApp::at(monday(8, 59), TestDb::Sqlite).await;
    let g = app.setup_with_reading(&sample_reading(8)).await;
    app.clock.set(monday(9, 0));
    app.tick().await;
    let session = app.current_session(&g).await;
    let thread = session.thread_id.clone().expect("a thread");
    for (who, text) in [
        ("ana", "Courts matter because they are predictable."),
        ("ben", "I doubt trust follows from rules alone."),
        ("cy", "What would count as evidence here?"),
    ] {
        app.say(who, Some(&thread), text).await;
    }
    app.fac("poll create \"Courts build trust\" --anonymous --minutes 10")
        .await;
    let poll = app.store.latest_poll(g.id).await.unwrap().unwrap();
    for (who, v) in [("ana", "agree"), ("ben", "disagree")] {
        app.run(who, Role::Member, &format!("vote {} {v}", poll.id))
            .await
            .unwrap();
    }
    app.run("cy", Role::Member, "privacy forget-me --confirm")
        .await
        .unwrap();
    app.deliver().await;
    let replies = app.store.group_replies(g.id).await.unwrap();
    let votes = app.store.votes(poll.id).await.unwrap();
    let TestApp {
        store,
        dir,
        location: sqlite,
        ..
    } = app;
    store.close().await;

    let postgres = TestDb::Postgres.fresh(dir.path()).await.unwrap();
    let out = migrate(&sqlite, &postgres);
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("counts and checksums match"), "{stdout}");
    let line = |table: &str| {
        stdout
            .lines()
            .find(|l| l.split_whitespace().next() == Some(table))
            .unwrap_or_else(|| panic!("no line for {table}: {stdout}"))
            .to_string()
    };
    assert_eq!(
        line("replies").split_whitespace().nth(1),
        Some("2"),
        "{stdout}"
    );
    assert_eq!(
        line("votes").split_whitespace().nth(1),
        Some("2"),
        "{stdout}"
    );
    assert!(
        !stdout.contains("leases"),
        "leases belong to processes: {stdout}"
    );

    // The same history on PostgreSQL, and the group carries on there: new rows get new ids.
    let app = TestApp::open(
        dir,
        postgres.clone(),
        monday(9, 30),
        VoterSecret::new(vec![42; 32]),
    )
    .await;
    assert_eq!(app.store.group_replies(g.id).await.unwrap(), replies);
    assert_eq!(app.store.votes(poll.id).await.unwrap(), votes);
    app.fac("poll create \"Rules are not enough\" --minutes 10")
        .await;
    let next = app.store.latest_poll(g.id).await.unwrap().unwrap();
    assert!(next.id > poll.id, "{} after {}", next.id, poll.id);

    // A target that holds anything is refused, and nothing is written to it.
    let again = migrate(&sqlite, &postgres);
    assert!(!again.status.success());
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(
        err.contains("is not empty") && err.contains("nothing was copied"),
        "{err}"
    );
    assert_eq!(app.store.polls(g.id).await.unwrap().len(), 2);

    // And back to a new SQLite file: the same rows give the same checksums.
    let TestApp { store, dir, .. } = app;
    store.close().await;
    let back = Location::Sqlite(dir.path().join("back.db"));
    let there = migrate(&postgres, &back);
    assert!(
        there.status.success(),
        "{}",
        String::from_utf8_lossy(&there.stderr)
    );
    let forth = Location::Postgres(match TestDb::Postgres.fresh(dir.path()).await.unwrap() {
        Location::Postgres(url) => url,
        Location::Sqlite(_) => unreachable!(),
    });
    let round = migrate(&back, &forth);
    assert!(
        round.status.success(),
        "{}",
        String::from_utf8_lossy(&round.stderr)
    );
    assert_eq!(table_lines(&there), table_lines(&round));
    let store = Store::open_at(&back).await.unwrap();
    assert_eq!(store.polls(g.id).await.unwrap().len(), 2);
    store.close().await;
}
