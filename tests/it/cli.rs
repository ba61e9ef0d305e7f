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
    let out = colloquy(
        &[
            "demo",
            "--db",
            "third.db",
            "--seed",
            "3",
            "--members",
            "5",
            "--out",
            "charts",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        dir.path()
            .join("charts/northmere-ir-reading-group-poll-2.png")
            .exists(),
        "--out names the folder for the charts"
    );
    assert!(!dir.path().join("third-files").exists());
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
        &[
            "import", "r.txt", "--group", "real", "--create", "--db", "mine.db",
        ],
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
            "--create",
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
        (
            "heads.md",
            b"# Title\n\n## One\n\n## Two\n".to_vec(),
            "only headings",
        ),
        (
            "line.txt",
            b"A Title\n\nsome words that never end like a sentence\n".to_vec(),
            "no sentences",
        ),
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

fn colloquy_with_input(args: &[&str], dir: &Path, input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_colloquy"))
        .args(args)
        .current_dir(dir)
        .env_remove("COLLOQUY_DB")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the colloquy binary runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("colloquy ends")
}

/// An essay of `paragraphs` paragraphs (about 40 words each) with a title and author.
fn essay(paragraphs: usize) -> String {
    let mut text = String::from("Committees at Work\n\nLena Moritz\n\n");
    for i in 0..paragraphs {
        text.push_str(&format!(
            "Committee {i} shows that deliberation takes time. Members should read the papers \
             before they vote on anything. The chair keeps the minutes and reads them back at \
             the next meeting. Nobody expects a quick decision on the budget this year.\n\n"
        ));
    }
    text
}

/// Every group's settings and the number of readings, read from the database file.
async fn groups_and_readings(db: &Path) -> (Vec<colloquy::store::Group>, usize) {
    let store = colloquy::store::Store::open(db)
        .await
        .expect("open the database");
    let groups = store.groups().await.expect("groups");
    let mut readings = 0;
    for g in &groups {
        readings += store.readings(g.id).await.expect("readings").len();
    }
    store.close().await;
    (groups, readings)
}

/// A console group `sem`, set up in the console with a name, a time zone and days.
fn set_up_sem(dir: &Path) {
    let out = colloquy_with_input(
        &["console", "--group", "sem", "--db", "g.db"],
        dir,
        "!cq setup --name \"Tuesday seminar\" --tz America/New_York --days mon-fri --summary-time 20:00\n",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("now a reading group"),
        "{}",
        text(&out.stdout)
    );
}

#[tokio::test]
async fn import_finds_an_existing_group_and_never_changes_its_settings() {
    let dir = tempfile::tempdir().unwrap();
    set_up_sem(dir.path());
    let db = dir.path().join("g.db");
    let (before, _) = groups_and_readings(&db).await;
    assert_eq!(before.len(), 1);
    assert_eq!(before[0].time_zone.name(), "America/New_York");
    std::fs::write(dir.path().join("essay.txt"), essay(6)).unwrap();
    std::fs::write(dir.path().join("other.txt"), essay(7)).unwrap();
    std::fs::write(dir.path().join("third.txt"), essay(8)).unwrap();
    // By the console's group name, by the key, and by the name `setup` gave it.
    for (file, group) in [
        ("essay.txt", "sem"),
        ("other.txt", "console:sem"),
        ("third.txt", "tuesday seminar"),
    ] {
        let out = colloquy(
            &["import", file, "--group", group, "--db", "g.db"],
            dir.path(),
        );
        assert!(out.status.success(), "{group}: {}", text(&out.stderr));
        let said = format!("{}{}", text(&out.stdout), text(&out.stderr));
        assert!(!said.contains("created"), "{group}: {said}");
        assert!(said.contains("Imported Committees at Work"), "{said}");
    }
    let (after, readings) = groups_and_readings(&db).await;
    assert_eq!(after, before, "the group's settings are unchanged");
    assert_eq!(readings, 3);
    let export = colloquy(
        &[
            "export", "--group", "sem", "--format", "json", "--out", "x", "--db", "g.db",
        ],
        dir.path(),
    );
    assert!(export.status.success(), "{}", text(&export.stderr));
}

#[tokio::test]
async fn an_unknown_group_needs_create_and_a_failed_import_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("n.db");
    std::fs::write(dir.path().join("essay.txt"), essay(6)).unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    let out = colloquy(
        &["import", "essay.txt", "--group", "sem", "--db", "n.db"],
        dir.path(),
    );
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("no group named 'sem'") && err.contains("add --create"),
        "{err}"
    );
    // Refused with --create: an empty file, a bad --words, an empty title.
    for args in [
        vec!["empty.txt"],
        vec!["essay.txt", "--words", "3"],
        vec!["essay.txt", "--title", " "],
    ] {
        let mut all = vec!["import"];
        all.extend(args.iter().copied());
        all.extend(["--group", "sem", "--create", "--db", "n.db"]);
        let out = colloquy(&all, dir.path());
        assert!(!out.status.success(), "{args:?} should fail");
        assert!(
            !text(&out.stderr).contains("created"),
            "{}",
            text(&out.stderr)
        );
    }
    assert_eq!(
        groups_and_readings(&db).await,
        (Vec::new(), 0),
        "nothing written"
    );
    let out = colloquy(
        &[
            "import",
            "essay.txt",
            "--group",
            "sem",
            "--create",
            "--db",
            "n.db",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("created the group console:sem"));
    let (groups, readings) = groups_and_readings(&db).await;
    assert_eq!((groups.len(), readings), (1, 1));
    // Another unknown name lists the groups there are.
    let out = colloquy(
        &["import", "essay.txt", "--group", "nope", "--db", "n.db"],
        dir.path(),
    );
    assert!(
        text(&out.stderr).contains("groups here: console:sem"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn the_cli_has_the_chat_size_limit_unless_max_size_says_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let mut big = essay(1);
    while big.len() <= 2 * 1024 * 1024 {
        big.push_str(&essay(200));
    }
    std::fs::write(dir.path().join("big.txt"), &big).unwrap();
    let out = colloquy(
        &[
            "import", "big.txt", "--group", "s", "--create", "--db", "s.db",
        ],
        dir.path(),
    );
    assert!(!out.status.success(), "a file over 2 MB is refused");
    let err = text(&out.stderr);
    assert!(
        err.contains("the limit is 2 MB") && err.contains("--max-size"),
        "{err}"
    );
    let small = essay(3);
    std::fs::write(dir.path().join("small.txt"), &small).unwrap();
    let limit = (small.len() - 1).to_string();
    let out = colloquy(
        &[
            "import",
            "small.txt",
            "--group",
            "s",
            "--create",
            "--max-size",
            &limit,
            "--db",
            "s.db",
        ],
        dir.path(),
    );
    assert!(!out.status.success(), "--max-size is the limit");
    let limit = small.len().to_string();
    let out = colloquy(
        &[
            "import",
            "small.txt",
            "--group",
            "s",
            "--create",
            "--max-size",
            &limit,
            "--db",
            "s.db",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn the_same_text_twice_needs_again_and_an_empty_title_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("essay.txt"), essay(6)).unwrap();
    // The same text with a BOM, CRLF line endings and other front matter.
    let copy = format!(
        "\u{feff}{}",
        essay(6)
            .replace("Committees at Work", "Committees (copy)")
            .replace('\n', "\r\n")
    );
    std::fs::write(dir.path().join("copy.txt"), copy).unwrap();
    let import = |args: &[&str]| {
        let mut all = vec!["import"];
        all.extend(args);
        all.extend(["--group", "d", "--create", "--db", "d.db"]);
        colloquy(&all, dir.path())
    };
    assert!(import(&["essay.txt"]).status.success());
    let twice = import(&["copy.txt"]);
    assert!(!twice.status.success());
    let err = text(&twice.stderr);
    assert!(
        err.contains("already has this text: reading #1") && err.contains("--again"),
        "{err}"
    );
    let again = import(&["copy.txt", "--again"]);
    assert!(again.status.success(), "{}", text(&again.stderr));
    assert!(text(&again.stdout).contains("reading #2"));
    for title in ["", "   "] {
        let out = import(&["essay.txt", "--again", "--title", title]);
        assert!(!out.status.success(), "title {title:?}");
        assert!(
            text(&out.stderr).contains("--title is empty"),
            "{}",
            text(&out.stderr)
        );
    }
}

/// An essay whose paragraph 2 cites [1] and paragraph 6 cites [2], with a notes block.
fn annotated(paragraphs: usize) -> String {
    let mut text = essay(paragraphs);
    text = text.replacen(
        "Committee 2 shows that deliberation takes time.",
        "Committee 2 shows that deliberation takes time.[1]",
        1,
    );
    text = text.replacen(
        "Committee 6 shows that deliberation takes time.",
        "Committee 6 shows that deliberation takes time.[2]",
        1,
    );
    text.push_str(
        "FOOTNOTES:\n\n[1] The minutes of the second committee survive\nin the town archive.\n\n\
         [2] The sixth committee met only twice.\n",
    );
    text
}

#[test]
fn footnotes_go_with_the_citing_excerpt_or_are_dropped() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), annotated(10)).unwrap();
    let out = colloquy(
        &[
            "import",
            "notes.txt",
            "--group",
            "f",
            "--create",
            "--words",
            "80",
            "--db",
            "f.db",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("2 footnotes"),
        "{}",
        text(&out.stdout)
    );
    let excerpts = |reading: &str| -> Vec<serde_json::Value> {
        let out = colloquy(
            &["excerpts", "--reading", reading, "--json", "--db", "f.db"],
            dir.path(),
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["excerpts"].as_array().unwrap().clone()
    };
    let kept = excerpts("1");
    assert!(kept.len() >= 4);
    let mut seen = Vec::new();
    for e in &kept {
        let body = e["text"].as_str().unwrap();
        assert!(
            !body.contains("FOOTNOTES")
                && !body.contains("archive")
                && !body.contains("met only twice"),
            "a footnote in the text: {body}"
        );
        for n in e["notes"].as_array().unwrap() {
            let n = n.as_str().unwrap();
            assert!(body.contains(&n[..3]), "{n} under {body}");
            seen.push(n.to_string());
        }
    }
    assert_eq!(
        seen,
        vec![
            "[1] The minutes of the second committee survive in the town archive.",
            "[2] The sixth committee met only twice."
        ]
    );
    // The last excerpt is body text, not the notes.
    let last = kept.last().unwrap()["text"].as_str().unwrap();
    assert!(last.starts_with("Committee"), "{last}");

    let out = colloquy(
        &[
            "import",
            "notes.txt",
            "--group",
            "f",
            "--again",
            "--no-footnotes",
            "--words",
            "80",
            "--db",
            "f.db",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let dropped = excerpts("2");
    assert_eq!(dropped.len(), kept.len());
    for e in &dropped {
        assert!(e["notes"].as_array().unwrap().is_empty());
        assert!(!e["text"].as_str().unwrap().contains("archive"));
    }
}

#[tokio::test]
async fn a_reading_of_more_than_thirty_posting_days_gets_a_notice() {
    let dir = tempfile::tempdir().unwrap();
    set_up_sem(dir.path());
    std::fs::write(dir.path().join("long.txt"), essay(40)).unwrap();
    std::fs::write(dir.path().join("short.txt"), essay(8)).unwrap();
    let out = colloquy(
        &[
            "import", "long.txt", "--group", "sem", "--words", "40", "--db", "g.db",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    let (groups, _) = groups_and_readings(&dir.path().join("g.db")).await;
    let store = colloquy::store::Store::open(&dir.path().join("g.db"))
        .await
        .unwrap();
    let n = store.readings(groups[0].id).await.unwrap()[0].excerpt_count;
    store.close().await;
    assert!(n > 30, "{n} excerpts");
    let weeks = (n as f64 / 5.0).round() as i64;
    assert!(
        said.contains(&format!("this reading has {n} excerpts, one per posting day: about {weeks} weeks at the group's schedule (weekdays)")),
        "{said}"
    );
    let out = colloquy(
        &["import", "short.txt", "--group", "sem", "--db", "g.db"],
        dir.path(),
    );
    assert!(out.status.success());
    assert!(
        !text(&out.stdout).contains("weeks"),
        "{}",
        text(&out.stdout)
    );
}

/// `check-config` on `toml` (written to c.toml in `dir`) with only the variables `env`.
#[test]
fn archive_writes_a_site_and_refuses_what_it_should() {
    let dir = tempfile::tempdir().unwrap();
    let demo = colloquy(
        &[
            "demo",
            "--db",
            "d.db",
            "--members",
            "4",
            "--archive",
            "demo-site",
        ],
        dir.path(),
    );
    assert!(demo.status.success(), "{}", text(&demo.stderr));
    assert!(text(&demo.stdout).contains("The group's archive:"));
    assert!(dir.path().join("demo-site/index.html").exists());
    let out = colloquy(
        &[
            "archive",
            "--group",
            "console:demo",
            "--out",
            "site",
            "--db",
            "d.db",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    // It counts what it wrote: every file in the folder but its own list of them.
    let written = walk_files(&dir.path().join("site"))
        .into_iter()
        .filter(|p| !p.ends_with(".colloquy-archive"))
        .count();
    assert!(
        text(&out.stdout).contains(&format!("wrote {written} files")),
        "{} files in the folder; it said: {}",
        written,
        text(&out.stdout)
    );
    for f in [
        "index.html",
        "session-1.html",
        "reading-1.html",
        "search.html",
        "poll-2.png",
    ] {
        assert!(dir.path().join("site").join(f).exists(), "{f}");
    }
    // The same database, the same bytes (the demo wrote its copy in another process).
    for f in [
        "index.html",
        "session-1.html",
        "reading-1.html",
        "poll-2.png",
    ] {
        assert_eq!(
            std::fs::read(dir.path().join("site").join(f)).unwrap(),
            std::fs::read(dir.path().join("demo-site").join(f)).unwrap(),
            "{f}"
        );
    }
    let unknown = colloquy(
        &["archive", "--group", "nobody", "--out", "x", "--db", "d.db"],
        dir.path(),
    );
    assert!(!unknown.status.success());
    assert!(
        text(&unknown.stderr).contains("no group"),
        "{}",
        text(&unknown.stderr)
    );
    // A folder of other files is refused, and --force writes beside them.
    std::fs::create_dir(dir.path().join("notes")).unwrap();
    std::fs::write(dir.path().join("notes/thesis.tex"), "mine").unwrap();
    let refused = colloquy(
        &[
            "archive", "--group", "demo", "--out", "notes", "--db", "d.db",
        ],
        dir.path(),
    );
    assert!(!refused.status.success());
    let err = text(&refused.stderr);
    assert!(
        err.contains("thesis.tex") && err.contains("--force"),
        "{err}"
    );
    assert!(!dir.path().join("notes/index.html").exists());
    let forced = colloquy(
        &[
            "archive", "--group", "demo", "--out", "notes", "--force", "--db", "d.db",
        ],
        dir.path(),
    );
    assert!(forced.status.success(), "{}", text(&forced.stderr));
    assert!(dir.path().join("notes/index.html").exists());
    assert!(dir.path().join("notes/thesis.tex").exists());
    // No database there: an error, never a new empty one.
    let missing = colloquy(
        &[
            "archive", "--group", "demo", "--out", "y", "--db", "none.db",
        ],
        dir.path(),
    );
    assert!(!missing.status.success() && !dir.path().join("none.db").exists());
}

fn check_config(dir: &Path, toml: &str, env: &[(&str, &str)]) -> (bool, String) {
    std::fs::write(dir.join("c.toml"), toml).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_colloquy"))
        .args(["check-config", "--config", "c.toml"])
        .current_dir(dir)
        .env_clear()
        .envs(env.iter().copied())
        .output()
        .expect("the colloquy binary runs");
    (
        out.status.success(),
        format!("{}{}", text(&out.stdout), text(&out.stderr)),
    )
}

const LLM: &str = "[llm]\nendpoint = \"http://127.0.0.1:11434/v1\"\nmodel = \"m\"\n";
const MATRIX: &str = "[matrix]\nhomeserver = \"https://m.example.org\"\nuser = \"@bot:example.org\"\naccess_token_env = \"CQ_IT_MX\"\n";
const DISCORD: &str = "[discord]\ntoken_env = \"CQ_IT_DC\"\n";
/// The secrets the snippets above name.
const SECRETS: &[(&str, &str)] = &[("CQ_IT_MX", "mx-value"), ("CQ_IT_DC", "dc-value")];

#[test]
fn check_config_refuses_each_bad_value_naming_its_key() {
    let dir = tempfile::tempdir().unwrap();
    // (what is wrong, the config, the key the report names, the value it names)
    let table: Vec<(&str, String, &str, &str)> = vec![
        (
            "an unknown log level",
            "[log]\nlevel = \"loud\"\n".into(),
            "[log] level",
            "\"loud\"",
        ),
        (
            "a bare word as log filter",
            "[log]\nlevel = \"colloquy\"\n".into(),
            "[log] level",
            "\"colloquy\"",
        ),
        (
            "an unknown log format",
            "[log]\nformat = \"yaml\"\n".into(),
            "[log] format",
            "\"yaml\"",
        ),
        (
            "an archive base_url that is not http(s)",
            "[archive]\ndir = \"site\"\nbase_url = \"ftp://example.org\"\n".into(),
            "[archive] base_url",
            "\"ftp://example.org\"",
        ),
        (
            "an archive base_url without a dir",
            "[archive]\nbase_url = \"https://example.org/a\"\n".into(),
            "[archive] base_url",
            "\"https://example.org/a\"",
        ),
        (
            "a zero LLM timeout",
            format!("{LLM}timeout_secs = 0\n"),
            "[llm] timeout_secs",
            "0",
        ),
        (
            "a day-long LLM timeout",
            format!("{LLM}timeout_secs = 86400\n"),
            "[llm] timeout_secs",
            "86400",
        ),
        (
            "an unset LLM key",
            format!("{LLM}api_key_env = \"CQ_IT_UNSET\"\n"),
            "[llm] api_key_env",
            "CQ_IT_UNSET",
        ),
        (
            "an LLM endpoint without a scheme",
            "[llm]\nendpoint = \"localhost:11434\"\nmodel = \"m\"\n".into(),
            "[llm] endpoint",
            "\"localhost:11434\"",
        ),
        (
            "an empty LLM model",
            "[llm]\nendpoint = \"http://x\"\nmodel = \"\"\n".into(),
            "[llm] model",
            "\"\"",
        ),
        (
            "a missing prompts folder",
            "[prompts]\ndir = \"my-prompts\"\n".into(),
            "[prompts] dir",
            "my-prompts",
        ),
        (
            "zero retention",
            "[privacy]\nretention_days = 0\n".into(),
            "[privacy] retention_days",
            "0",
        ),
        (
            "negative retention",
            "[privacy]\nretention_days = -5\n".into(),
            "[privacy] retention_days",
            "-5",
        ),
        (
            "a zero upload limit",
            "[limits]\nmax_upload_kib = 0\n".into(),
            "[limits] max_upload_kib",
            "0",
        ),
        (
            "a database in a missing folder",
            "[storage]\ndatabase = \"nowhere/bot.db\"\n".into(),
            "[storage] database",
            "bot.db",
        ),
        (
            "a misspelt key",
            "[storage]\ndatabse = \"bot.db\"\n".into(),
            "[storage] databse",
            "database",
        ),
        (
            "an unknown section",
            "[discrod]\ntoken_env = \"X\"\n".into(),
            "[discrod]",
            "sections",
        ),
        (
            "a server name as guild id",
            format!("{DISCORD}guild_id = \"my server\"\n"),
            "[discord] guild_id",
            "\"my server\"",
        ),
        (
            "an unset Discord token",
            "[discord]\ntoken_env = \"CQ_IT_UNSET\"\n".into(),
            "[discord] token_env",
            "CQ_IT_UNSET",
        ),
        (
            "an empty facilitator role",
            format!("{DISCORD}facilitator_role = \" \"\n"),
            "[discord] facilitator_role",
            "\" \"",
        ),
        (
            "a Discord api_base without a scheme",
            format!("{DISCORD}api_base = \"127.0.0.1:8080\"\n"),
            "[discord] api_base",
            "\"127.0.0.1:8080\"",
        ),
        (
            "a homeserver that is not a URL",
            MATRIX.replace("https://m.example.org", "m.example.org"),
            "[matrix] homeserver",
            "\"m.example.org\"",
        ),
        (
            "a user that is not a Matrix id",
            MATRIX.replace("@bot:example.org", "colloquy"),
            "[matrix] user",
            "\"colloquy\"",
        ),
        (
            "a facilitator that is not a Matrix id",
            format!("{MATRIX}facilitators = [\"alice\"]\n"),
            "[matrix] facilitators",
            "\"alice\"",
        ),
        (
            "an unknown autojoin",
            format!("{MATRIX}autojoin = \"everyone\"\n"),
            "[matrix] autojoin",
            "\"everyone\"",
        ),
        (
            "no Matrix secret at all",
            "[matrix]\nhomeserver = \"https://m.example.org\"\nuser = \"@bot:example.org\"\n"
                .into(),
            "[matrix]",
            "password_env or access_token_env",
        ),
        (
            "an unset Matrix token",
            MATRIX.replace("CQ_IT_MX", "CQ_IT_UNSET"),
            "[matrix] access_token_env",
            "CQ_IT_UNSET",
        ),
        (
            "a Matrix store that is a file",
            format!("{MATRIX}store = \"c.toml\"\n"),
            "[matrix] store",
            "c.toml",
        ),
    ];
    for (what, toml, key, value) in &table {
        let (ok, out) = check_config(dir.path(), toml, SECRETS);
        assert!(!ok, "{what}: check-config passed:\n{out}");
        let line = out
            .lines()
            .find(|l| l.contains(key))
            .unwrap_or_else(|| panic!("{what}: no line names {key}:\n{out}"));
        assert!(
            line.contains(value),
            "{what}: {value} is not named:\n{line}"
        );
    }
    // A bad COLLOQUY_LOG (which replaces [log] level) is refused too.
    let (ok, out) = check_config(dir.path(), "", &[("COLLOQUY_LOG", "loud")]);
    assert!(!ok && out.contains("COLLOQUY_LOG"), "{out}");
    // All problems at once, not only the first.
    let all = format!(
        "[log]\nlevel = \"loud\"\nformat = \"yaml\"\n[privacy]\nretention_days = 0\n{DISCORD}guild_id = \"my server\"\n"
    );
    let (ok, out) = check_config(dir.path(), &all, SECRETS);
    assert!(!ok);
    for key in [
        "[log] level",
        "[log] format",
        "[privacy] retention_days",
        "[discord] guild_id",
    ] {
        assert!(out.contains(key), "{key} missing:\n{out}");
    }
    assert!(out.contains("has 4 problems"), "{out}");
}

#[test]
fn check_config_passes_a_good_config() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("my-prompts")).unwrap();
    let good = format!(
        "{}\n{LLM}api_key_env = \"CQ_IT_KEY\"\ntimeout_secs = 60\n[privacy]\nretention_days = 30\n[prompts]\ndir = \"my-prompts\"\n[archive]\ndir = \"site\"\nbase_url = \"https://example.org/colloquy\"\n",
        include_str!("../../config/colloquy.example.toml")
            .replace("# guild_id", "guild_id")
            .replace("[privacy]", "")
            .replace("[prompts]", "")
    );
    let (ok, out) = check_config(
        dir.path(),
        &good,
        &[
            ("DISCORD_TOKEN", "t"),
            ("COLLOQUY_MATRIX_PASSWORD", "p"),
            ("CQ_IT_KEY", "k"),
            ("COLLOQUY_LOG", "info,colloquy=debug"),
        ],
    );
    assert!(ok, "{out}");
    assert!(out.contains("no problems found"), "{out}");
}

#[test]
fn check_config_never_prints_a_secret_even_one_pasted_in_place_of_a_name() {
    let dir = tempfile::tempdir().unwrap();
    let toml = "[discord]\ntoken_env = \"CQ_IT_DC\"\n[matrix]\nhomeserver = \"https://m.example.org\"\nuser = \"@bot:example.org\"\npassword_env = \"Sup3rSecretPassw0rd\"\n[llm]\nendpoint = \"http://x\"\nmodel = \"m\"\napi_key_env = \"sk-pasted.secret-9x\"\n[log]\nlevel = \"loud\"\n";
    let (ok, out) = check_config(
        dir.path(),
        toml,
        &[("CQ_IT_DC", "hunter2-discord-token-value")],
    );
    assert!(!ok, "{out}");
    for secret in [
        "hunter2-discord-token-value",
        "Sup3rSecretPassw0rd",
        "sk-pasted.secret-9x",
    ] {
        assert!(!out.contains(secret), "{secret} printed:\n{out}");
    }
    for key in ["[matrix] password_env", "[llm] api_key_env", "[log] level"] {
        assert!(out.contains(key), "{key} missing:\n{out}");
    }
}

#[test]
fn run_refuses_what_check_config_refuses() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("c.toml"),
        "[storage]\ndatabase = \"bot.db\"\n[log]\nlevel = \"loud\"\n[privacy]\nretention_days = 0\n",
    )
    .unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_colloquy"))
        .args(["run", "--config", "c.toml"])
        .current_dir(dir.path())
        .env_remove("COLLOQUY_LOG")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > std::time::Duration::from_secs(20) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("run started with an invalid config");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert!(!status.success());
    assert!(
        stderr.contains("[log] level") && stderr.contains("[privacy] retention_days"),
        "{stderr}"
    );
    assert!(!dir.path().join("bot.db").exists(), "nothing was opened");
}

#[test]
fn reading_verbs_never_create_a_database() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["excerpts", "--reading", "1", "--db", "missing.db"][..],
        &["excerpts", "--reading", "1", "--db", "missing.db", "--json"],
        &["summarize", "--session", "1", "--db", "missing.db"],
        &[
            "export",
            "--group",
            "g",
            "--format",
            "md",
            "--db",
            "missing.db",
        ],
    ] {
        let out = colloquy(args, dir.path());
        assert!(!out.status.success(), "{args:?}");
        assert!(
            text(&out.stderr).contains(
                "no database at missing.db (colloquy creates one with `import`, `demo`, `console` or `run`)"
            ),
            "{args:?}: {}",
            text(&out.stderr)
        );
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert!(left.is_empty(), "{args:?} left {left:?}");
    }
    // From COLLOQUY_DB too.
    let out = Command::new(env!("CARGO_BIN_EXE_colloquy"))
        .args(["excerpts", "--reading", "1"])
        .current_dir(dir.path())
        .env("COLLOQUY_DB", "typo.db")
        .output()
        .unwrap();
    assert!(!out.status.success() && text(&out.stderr).contains("no database at typo.db"));
    assert!(!dir.path().join("typo.db").exists());
}

#[test]
fn logs_written_to_a_pipe_have_no_colour_codes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("c.toml"),
        "[storage]\ndatabase = \"bot.db\"\n[log]\nformat = \"text\"\nlevel = \"info\"\n",
    )
    .unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_colloquy"))
        .args(["run", "--config", "c.toml"])
        .current_dir(dir.path())
        .env_remove("COLLOQUY_LOG")
        .env_remove("NO_COLOR")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufRead::lines(std::io::BufReader::new(child.stderr.take().unwrap()));
    let health = lines.next().expect("a log line").unwrap();
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    let _ = child.wait();
    assert!(health.contains("colloquy started"), "{health}");
    for line in std::iter::once(&health).chain(&rest) {
        assert!(!line.contains('\u{1b}'), "a colour code in {line:?}");
    }
    // A short command's warnings and debug lines, to a pipe, are plain too.
    let out = Command::new(env!("CARGO_BIN_EXE_colloquy"))
        .args(["excerpts", "--reading", "9", "--db", "bot.db"])
        .current_dir(dir.path())
        .env("COLLOQUY_LOG", "debug")
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("DEBUG"),
        "debug lines were logged: {stderr}"
    );
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
}

#[test]
fn help_describes_every_flag() {
    let dir = tempfile::tempdir().unwrap();
    let out = colloquy(&["help", "excerpts"], dir.path());
    let help = text(&out.stdout);
    assert!(out.status.success(), "{help}");
    assert!(
        help.contains("--reading <READING>") && help.contains("The reading's number"),
        "{help}"
    );
    assert!(
        help.contains("--json") && help.contains("Print the excerpts as JSON"),
        "{help}"
    );
}

/// `colloquy bench` stays runnable (the README's performance figures come from it): a
/// small burst beside its two plain baselines, and the idle groups measured in bots of
/// their own (new processes of the same binary) that print their memory.
#[test]
fn the_bench_runs_small_and_measures_idle_bots_in_processes_of_their_own() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = colloquy(
        &[
            "bench",
            "--burst",
            "300",
            "--rate",
            "0",
            "--runs",
            "2",
            "--idle-groups",
            "5",
        ],
        dir.path(),
    );
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", text(&out.stderr));
    for figure in [
        "idle: 5 groups scheduled, a bot restarted on them ticking 30 times, 2 runs",
        "  RSS: median ",
        "file-backed (the binary's code): median ",
        "the process that imported them as well: RSS ",
        "(a) plain",
        "(b) ",
    ] {
        assert!(stdout.contains(figure), "no {figure:?} in:\n{stdout}");
    }
}

/// Every file under `dir`, at any depth.
fn walk_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read the folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            out.extend(walk_files(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// The binary runs on jemalloc with the options src/main.rs gives it (one arena, the
/// figures in the README's Performance section were measured with them).
#[test]
#[cfg(all(unix, not(target_env = "musl")))]
fn the_binary_allocates_with_jemalloc_and_its_options() {
    let out = Command::new(env!("CARGO_BIN_EXE_colloquy"))
        .arg("--version")
        .env("_RJEM_MALLOC_CONF", "confirm_conf:true")
        .output()
        .expect("the colloquy binary runs");
    assert!(out.status.success(), "{out:?}");
    let said = String::from_utf8_lossy(&out.stderr);
    for option in [
        "narenas:1",
        "tcache_max:1024",
        "dirty_decay_ms:500",
        "muzzy_decay_ms:0",
    ] {
        assert!(
            said.contains(&format!("Set conf value: {option}")),
            "jemalloc did not take {option}:\n{said}"
        );
    }
}
