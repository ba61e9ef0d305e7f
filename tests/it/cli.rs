//! The real binary: the demo, import with its errors and exit codes, `--json` output,
//! excerpts, summarize and export, all on a real SQLite file.

use std::path::Path;
use std::process::{Command, Output};

fn colloquy(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_colloquy"))
        .args(args)
        .current_dir(dir)
        .env_remove("COLLOQUY_DB")
        .output()
        .expect("the colloquy binary runs")
}

fn text(out: &[u8]) -> String {
    String::from_utf8_lossy(out).to_string()
}

#[test]
fn the_demo_runs_a_whole_day_and_is_the_same_for_a_seed() {
    let dir = tempfile::tempdir().unwrap();
    let first = colloquy(
        &["demo", "--db", "day.db", "--seed", "3", "--members", "5"],
        dir.path(),
    );
    assert!(first.status.success(), "{}", text(&first.stderr));
    let log = text(&first.stdout);
    for expected in [
        "excerpt 1 of",
        "Questions for discussion",
        "thread",
        "Poll #1 (before the discussion)",
        "How opinion moved",
        "## Summary:",
        "The database stays at day.db",
    ] {
        assert!(log.contains(expected), "missing {expected:?} in:\n{log}");
    }
    assert!(dir.path().join("day.db").exists());
    assert!(
        dir.path()
            .join("day-files/northmere-ir-reading-group-poll-2.png")
            .exists(),
        "the paired chart is saved"
    );
    let again = colloquy(
        &["demo", "--db", "day.db", "--seed", "3", "--members", "5"],
        dir.path(),
    );
    assert!(again.status.success());
    assert_eq!(log, text(&again.stdout), "a seed gives the same day");
    let other = colloquy(
        &["demo", "--db", "other.db", "--seed", "4", "--members", "5"],
        dir.path(),
    );
    assert_ne!(
        log.replace("day.db", ""),
        text(&other.stdout).replace("other.db", "")
    );
    // The database can be read afterwards.
    let summary = colloquy(
        &["summarize", "--session", "1", "--db", "day.db", "--json"],
        dir.path(),
    );
    assert!(summary.status.success(), "{}", text(&summary.stderr));
    let v: serde_json::Value =
        serde_json::from_slice(&summary.stdout).expect("--json is JSON on stdout alone");
    assert_eq!(v["participation"]["members"], 5);
}

#[test]
fn the_demo_will_not_overwrite_another_database() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("r.txt"),
        "A short reading. It has two sentences.",
    )
    .unwrap();
    let import = colloquy(
        &["import", "r.txt", "--group", "real", "--db", "mine.db"],
        dir.path(),
    );
    assert!(import.status.success(), "{}", text(&import.stderr));
    let demo = colloquy(&["demo", "--db", "mine.db"], dir.path());
    assert!(!demo.status.success());
    assert!(
        text(&demo.stderr).contains("holds other groups"),
        "{}",
        text(&demo.stderr)
    );
}

#[test]
fn import_prints_json_and_refuses_bad_files_with_a_nonzero_exit() {
    let dir = tempfile::tempdir().unwrap();
    let mut essay =
        String::from("A Study of Committees\n\nLena Moritz\n\nE-mail: lena@example.org\n\n");
    for i in 0..30 {
        essay.push_str(&format!("Committee {i} shows that deliberation takes time. Members should read before they vote. The U.S. Senate and Dr. Rao agree on this point.\n\n"));
    }
    std::fs::write(dir.path().join("essay.txt"), &essay).unwrap();
    let out = colloquy(
        &[
            "import",
            "essay.txt",
            "--group",
            "seminar",
            "--words",
            "120",
            "--json",
            "--db",
            "c.db",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(report["title"], "A Study of Committees");
    assert_eq!(report["author"], "Lena Moritz");
    assert!(report["excerpts"].as_u64().unwrap() >= 4);
    let excerpts = colloquy(
        &["excerpts", "--reading", "1", "--json", "--db", "c.db"],
        dir.path(),
    );
    let v: serde_json::Value = serde_json::from_slice(&excerpts.stdout).unwrap();
    let all = v["excerpts"].as_array().unwrap();
    assert!(
        all.iter()
            .all(|e| e["questions"].as_array().unwrap().len() >= 2)
    );
    assert!(
        all.iter()
            .all(|e| !e["text"].as_str().unwrap().contains("lena@example.org"))
    );

    let bad: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.txt", vec![], "empty"),
        ("bin.txt", vec![0, 159, 146, 150, 0, 1, 2], "binary"),
        ("latin.txt", b"na\xefve".to_vec(), "UTF-8"),
        ("marks.txt", b"...\n\n!!!\n".to_vec(), "no sentences"),
    ];
    for (name, bytes, expected) in bad {
        std::fs::write(dir.path().join(name), bytes).unwrap();
        let out = colloquy(
            &["import", name, "--group", "seminar", "--db", "c.db"],
            dir.path(),
        );
        assert!(!out.status.success(), "{name} should fail");
        assert!(
            text(&out.stderr).contains(expected),
            "{name}: {}",
            text(&out.stderr)
        );
        assert!(out.stdout.is_empty(), "errors go to stderr only");
    }
    let missing = colloquy(
        &["import", "nope.txt", "--group", "seminar", "--db", "c.db"],
        dir.path(),
    );
    assert!(!missing.status.success() && text(&missing.stderr).contains("nope.txt"));
    let after = colloquy(&["excerpts", "--reading", "2", "--db", "c.db"], dir.path());
    assert!(!after.status.success(), "no second reading was written");
}

#[test]
fn export_writes_files_and_the_db_comes_from_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let demo = colloquy(&["demo", "--db", "d.db", "--members", "3"], dir.path());
    assert!(demo.status.success());
    let out = Command::new(env!("CARGO_BIN_EXE_colloquy"))
        .args([
            "export",
            "--group",
            "console:demo",
            "--format",
            "all",
            "--out",
            "exports",
        ])
        .current_dir(dir.path())
        .env("COLLOQUY_DB", "d.db")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    for f in [
        "replies.csv",
        "votes.csv",
        "votes-anonymous.csv",
        "minutes-session-1.md",
    ] {
        assert!(dir.path().join("exports").join(f).exists(), "{f}");
    }
    let unknown = colloquy(
        &[
            "export", "--group", "nobody", "--format", "csv", "--db", "d.db",
        ],
        dir.path(),
    );
    assert!(!unknown.status.success() && text(&unknown.stderr).contains("no group"));
}
