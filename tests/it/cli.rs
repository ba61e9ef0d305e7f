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
        dir.path().join("poll-2.png").exists(),
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

/// `check-config` on `toml` (written to c.toml in `dir`) with only the variables `env`.
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
        "{}\n{LLM}api_key_env = \"CQ_IT_KEY\"\ntimeout_secs = 60\n[privacy]\nretention_days = 30\n[prompts]\ndir = \"my-prompts\"\n",
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
    let toml = format!(
        "[discord]\ntoken_env = \"CQ_IT_DC\"\n[matrix]\nhomeserver = \"https://m.example.org\"\nuser = \"@bot:example.org\"\npassword_env = \"Sup3rSecretPassw0rd\"\n[llm]\nendpoint = \"http://x\"\nmodel = \"m\"\napi_key_env = \"sk-pasted.secret-9x\"\n[log]\nlevel = \"loud\"\n"
    );
    let (ok, out) = check_config(
        dir.path(),
        &toml,
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
