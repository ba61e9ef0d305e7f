//! The command line: `colloquy demo | import | excerpts | summarize | export | archive |
//! console | run | check-config`. Each subcommand opens what it needs and calls the engine.

mod repl;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, Result, anyhow, bail};
use clap::{Args, Parser, Subcommand};

use crate::domain::command::ExportFormat;
use crate::domain::import::{ImportOptions, MAX_READING_BYTES, human_size};
use crate::engine::{Engine, ExcerptDetail, GroupLookup, ImportTarget, channel_for};
use crate::ports::SystemClock;
use crate::store::Location;

/// colloquy: a discussion bot for reading groups.
#[derive(Debug, Parser)]
#[command(name = "colloquy", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Cmd,
}

/// Where the database is: --db, else COLLOQUY_DB, else colloquy.db here.
#[derive(Debug, Clone, Args)]
pub struct DbArg {
    /// The database: a SQLite file or a postgres:// URL [default: $COLLOQUY_DB or colloquy.db]
    #[arg(long, global = false)]
    pub db: Option<String>,
}

impl DbArg {
    pub fn location(&self) -> Result<Location> {
        let given = self
            .db
            .clone()
            .or_else(|| {
                std::env::var("COLLOQUY_DB")
                    .ok()
                    .filter(|v| !v.trim().is_empty())
            })
            .unwrap_or_else(|| "colloquy.db".to_string());
        given.parse().map_err(|e: String| anyhow!("--db: {e}"))
    }
}

#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Run a reading group's whole day offline and print it as a chat log.
    Demo {
        /// The SQLite file to write (replaced if it holds only an earlier demo).
        #[arg(long, default_value = "colloquy-demo.db")]
        db: PathBuf,
        /// Read this .txt or .md file instead of the built-in sample essay.
        #[arg(long)]
        reading: Option<PathBuf>,
        /// How many members take part (2 to 12).
        #[arg(long, default_value_t = 6)]
        members: usize,
        /// The seed of the simulated members (the same seed gives the same day).
        #[arg(long, default_value_t = 7)]
        seed: u64,
        /// The folder for charts and other attached files [default: beside the database,
        /// colloquy-demo-files/ for colloquy-demo.db].
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Also write the group's archive (a static site, as `colloquy archive` does) to DIR.
        #[arg(long, value_name = "DIR")]
        archive: Option<PathBuf>,
        /// Play an evening's live seminar instead: a timed agenda, the speaking queue,
        /// notes and actions, breakouts, attendance, the summary and the minutes.
        #[arg(long)]
        live: bool,
    },
    /// Import a .txt or .md file as a group's next reading. The group's settings are
    /// never changed, and a refused import writes nothing.
    Import {
        /// The file to import.
        file: PathBuf,
        /// The group: its short name, or its channel key (e.g. console:sem, discord:123).
        #[arg(long)]
        group: String,
        /// Make the group if there is none: a console group with the default schedule
        /// (daily at 09:00 UTC; run `setup` in it to change that).
        #[arg(long)]
        create: bool,
        /// The reading's title (default: the title the file opens with, else the file's name).
        #[arg(long)]
        title: Option<String>,
        /// The reading's author (default: the author line the file opens with, if any).
        #[arg(long)]
        author: Option<String>,
        /// About how many words per excerpt (default: the group's, 220).
        #[arg(long)]
        words: Option<usize>,
        /// The largest file to accept, in bytes [default: 2097152 (2 MB), as for chat uploads].
        #[arg(long, value_name = "BYTES")]
        max_size: Option<usize>,
        /// Import even if the group already has a reading with the same text.
        #[arg(long)]
        again: bool,
        /// Leave footnotes out instead of showing each under the excerpt that cites it.
        #[arg(long)]
        no_footnotes: bool,
        /// The reading's language: en, ru, zh, de or fr (default: detected from the text).
        #[arg(long, value_name = "CODE")]
        language: Option<String>,
        /// Print the result as JSON on stdout.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        db: DbArg,
    },
    /// Show a reading's excerpts with their questions and claims.
    Excerpts {
        /// The reading's number, as `import` and `reading list` print it.
        #[arg(long)]
        reading: i64,
        /// Print the excerpts as JSON on stdout.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        db: DbArg,
    },
    /// Summarize a session: participation, the questions taken up, and how opinion moved.
    Summarize {
        /// The session's number (the demo's first session is 1).
        #[arg(long)]
        session: i64,
        /// Print the summary as JSON on stdout instead of Markdown.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        db: DbArg,
    },
    /// Export a group's minutes (md), replies and votes (csv) or everything (json).
    Export {
        /// The group: its short name, or its channel key (e.g. console:sem, discord:123).
        #[arg(long)]
        group: String,
        /// md: the minutes; csv: replies and votes; json: everything; all: every format.
        #[arg(long, value_parser = ["md", "csv", "json", "all"])]
        format: String,
        /// The folder to write the files to.
        #[arg(long, default_value = ".")]
        out: PathBuf,
        #[command(flatten)]
        db: DbArg,
    },
    /// Write a group's archive: a static site of its readings (with the reading map),
    /// sessions, polls, summaries and minutes, with search. It opens from disk
    /// (index.html) or any static host. Every run rewrites every file.
    Archive {
        /// The group: its short name, or its channel key (e.g. console:sem, discord:123).
        #[arg(long)]
        group: String,
        /// The folder to write the site to (created if missing).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Write into a folder that holds other files (they are left alone; colloquy
        /// only ever deletes files it wrote).
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        db: DbArg,
    },
    /// Try colloquy by hand: type as members and use the `!cq` verbs.
    Console {
        /// The console group's name.
        #[arg(long, default_value = "main")]
        group: String,
        /// The folder for charts and other attached files [default: beside the database,
        /// colloquy-files/ for colloquy.db].
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        #[command(flatten)]
        db: DbArg,
    },
    /// Run the bot on the platforms the config names, until SIGTERM or Ctrl-C.
    Run {
        /// The TOML config file (see config/colloquy.example.toml); it is checked first,
        /// as `check-config` does.
        #[arg(long)]
        config: PathBuf,
    },
    /// Copy a whole database into an empty one (e.g. from SQLite to PostgreSQL when one
    /// machine is outgrown), then check every table's row count and checksum on both sides.
    /// Refuses a target that holds any rows. Stop `colloquy run` on the source first.
    Migrate {
        /// The database to copy: a SQLite file or a postgres:// URL.
        #[arg(long)]
        from: String,
        /// The empty database to fill (it gets colloquy's schema first).
        #[arg(long)]
        to: String,
    },
    /// Check a config file and the environment variables it names, listing every problem
    /// (secrets are never printed). Exits non-zero if there is any.
    CheckConfig {
        /// The TOML config file to check.
        #[arg(long)]
        config: PathBuf,
    },
    /// Measure: burst and steady-rate recording against a plain-insert baseline, and the
    /// memory of many idle groups. Bounded: it stops by itself. Build with --release.
    Bench {
        /// Synthetic groups that receive the events.
        #[arg(long, default_value_t = 100)]
        groups: usize,
        /// Events in the burst (0 skips the burst, the baseline and the steady phase).
        #[arg(long, default_value_t = 50_000)]
        burst: usize,
        /// Events per second in the steady phase (0 skips it).
        #[arg(long, default_value_t = 1_000)]
        rate: usize,
        /// Seconds of the steady phase.
        #[arg(long, default_value_t = 10)]
        seconds: u64,
        /// Groups for the idle-memory measurement (0 skips it); run it alone for a clean figure.
        #[arg(long, default_value_t = 0)]
        idle_groups: usize,
        /// Times the burst, the baselines and the steady phase are measured (median and range shown).
        #[arg(long, default_value_t = 3)]
        runs: usize,
        /// The most burst events in flight at once (each waits for its commit).
        #[arg(long, default_value_t = 4096)]
        in_flight: usize,
        /// Characters of generated Chinese to import, timed (0 skips it): the importer's
        /// speed on a long Chinese reading (segmentation, jieba key terms, questions).
        #[arg(long, default_value_t = 0)]
        import_chinese: usize,
        /// The idle bot of --idle-groups, run by the bench itself in a process of its own:
        /// opens this database, ticks the scheduler and prints its memory.
        #[arg(long, hide = true)]
        idle_db: Option<PathBuf>,
        /// Measure on this PostgreSQL server (`postgres://…`; each run in new schemas,
        /// dropped afterwards) instead of SQLite files in a temporary folder.
        #[arg(long)]
        db: Option<String>,
    },
    /// Record chat events from JSON lines (stdin or a file), printing one line per
    /// committed event: for backfills from exports and for crash tests.
    #[command(hide = true)]
    Ingest {
        /// The JSON-lines file to read, or - for stdin.
        #[arg(long, default_value = "-")]
        events: String,
        #[command(flatten)]
        db: DbArg,
    },
}

/// The tokio runtime the engine runs on, with [`engine_workers`] worker threads.
pub fn runtime() -> std::io::Result<tokio::runtime::Runtime> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let setting = std::env::var("TOKIO_WORKER_THREADS").ok();
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(engine_workers(setting.as_deref(), cores))
        .enable_all()
        .build()
}

/// How many worker threads the engine's runtime gets: `TOKIO_WORKER_THREADS` when it is a
/// positive number (tokio's own setting), else one fewer than the machine's cores, at least
/// one. The SQLite writer and the Discord gateway have threads of their own; a worker for
/// every core as well put more busy threads than cores on a small machine, and through the
/// fake Discord bursts of 1,000 and 10,000 messages ran 1.2x faster on two cores with one
/// engine worker than with two (README, Performance).
pub fn engine_workers(setting: Option<&str>, cores: usize) -> usize {
    match setting.map(str::trim).map(str::parse::<usize>) {
        Some(Ok(n)) if n > 0 => n,
        _ => cores.saturating_sub(1).max(1),
    }
}

/// Start logging for the parsed command line: `run` sets up its own from its config.
pub fn init_logging(cli: &Cli) {
    match cli.command {
        Cmd::Run { .. } => {}
        Cmd::CheckConfig { .. } => crate::app::init_cli_logging(false),
        _ => crate::app::init_cli_logging(true),
    }
}

/// Run the parsed command line.
pub async fn dispatch(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Cmd::Demo {
            db,
            reading,
            members,
            seed,
            out,
            archive,
            live,
        } => {
            let sink: crate::platform::console::Sink =
                Arc::new(std::sync::Mutex::new(std::io::stdout()));
            if live {
                crate::demo::run_live(
                    crate::demo::DemoOptions {
                        db,
                        reading,
                        members,
                        seed,
                        out,
                        archive,
                    },
                    sink,
                )
                .await?;
                return Ok(ExitCode::SUCCESS);
            }
            crate::demo::run(
                crate::demo::DemoOptions {
                    db,
                    reading,
                    members,
                    seed,
                    out,
                    archive,
                },
                sink,
            )
            .await?;
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Import {
            file,
            group,
            create,
            title,
            author,
            words,
            max_size,
            again,
            no_footnotes,
            language,
            json,
            db,
        } => {
            let request = ImportRequest {
                group,
                create,
                max_size: max_size.unwrap_or(MAX_READING_BYTES),
                json,
                options: ImportOptions {
                    title,
                    author,
                    words,
                    file_name: file.file_name().map(|n| n.to_string_lossy().to_string()),
                    drop_footnotes: no_footnotes,
                    again,
                    language,
                },
            };
            import(&file, request, &db.location()?).await
        }
        Cmd::Excerpts { reading, json, db } => excerpts(reading, json, &db.location()?).await,
        Cmd::Summarize { session, json, db } => {
            let engine =
                crate::boot::offline_existing(&db.location()?, Arc::new(SystemClock)).await?;
            let outcome = engine
                .summarize_session(session, false)
                .await
                .map_err(|e| anyhow!("{e}"))?;
            if json {
                println!("{}", serde_json::to_string_pretty(&outcome.view)?);
            } else {
                println!("{}", outcome.markdown);
            }
            engine.close().await;
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Export {
            group,
            format,
            out,
            db,
        } => {
            let engine =
                crate::boot::offline_existing(&db.location()?, Arc::new(SystemClock)).await?;
            let g = find_group(&engine, &group).await?;
            let format =
                ExportFormat::parse(&format).ok_or_else(|| anyhow!("unknown format {format}"))?;
            let files = crate::engine::export::export_scoped(
                &engine,
                &g,
                format,
                crate::engine::export::Scope::All,
            )
            .await
            .map_err(|e| anyhow!("{e}"))?;
            std::fs::create_dir_all(&out)
                .with_context(|| format!("cannot create {}", out.display()))?;
            for f in &files {
                let path = out.join(&f.name);
                std::fs::write(&path, &f.bytes)
                    .with_context(|| format!("cannot write {}", path.display()))?;
                eprintln!("wrote {}", path.display());
            }
            engine.close().await;
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Archive {
            group,
            out,
            force,
            db,
        } => {
            let engine =
                crate::boot::offline_existing(&db.location()?, Arc::new(SystemClock)).await?;
            let result = archive(&engine, &group, &out, force).await;
            engine.close().await;
            result
        }
        Cmd::Console { group, out, db } => {
            let db = db.location()?;
            let files = out.unwrap_or_else(|| match &db {
                Location::Sqlite(path) => crate::platform::console::files_dir_beside(path),
                Location::Postgres(_) => PathBuf::from("colloquy-files"),
            });
            repl::run_repl(&db, &group, files).await
        }
        Cmd::Run { config } => crate::app::run(&config).await,
        Cmd::Bench {
            groups,
            burst,
            rate,
            seconds,
            idle_groups,
            runs,
            in_flight,
            idle_db,
            import_chinese,
            db,
        } => {
            if import_chinese > 0 {
                print!(
                    "{}",
                    crate::loadtest::import_chinese(import_chinese, runs.clamp(1, 20))?
                );
                if burst == 0 && idle_groups == 0 {
                    return Ok(ExitCode::SUCCESS);
                }
            }
            if let Some(db) = idle_db {
                print!("{}", crate::loadtest::idle_bot(&db).await?);
                return Ok(ExitCode::SUCCESS);
            }
            let dir = tempfile_dir()?;
            if idle_groups > 0 {
                print!(
                    "{}",
                    crate::loadtest::idle_groups(dir.path(), idle_groups, runs.clamp(1, 20))
                        .await?
                );
            }
            if burst > 0 {
                let options = crate::loadtest::LoadOptions {
                    groups: groups.max(1),
                    burst,
                    rate,
                    seconds: seconds.min(120),
                    runs: runs.clamp(1, 20),
                    in_flight: in_flight.max(1),
                    postgres: match db.as_deref().map(str::parse::<Location>) {
                        None => None,
                        Some(Ok(Location::Postgres(url))) => Some(url),
                        Some(Ok(Location::Sqlite(_))) => bail!(
                            "bench --db takes a postgres:// URL; without it the bench measures SQLite files of its own"
                        ),
                        Some(Err(e)) => bail!("--db: {e}"),
                    },
                };
                print!("{}", crate::loadtest::run(dir.path(), &options).await?);
            }
            Ok(ExitCode::SUCCESS)
        }
        Cmd::CheckConfig { config } => crate::app::check_config(&config),
        Cmd::Migrate { from, to } => migrate(&from, &to).await,
        Cmd::Ingest { events, db } => crate::app::ingest(&events, &db.location()?).await,
    }
}

/// `colloquy migrate`: copy `from` into the empty `to` and print what was checked.
async fn migrate(from: &str, to: &str) -> Result<ExitCode> {
    let from: Location = from.parse().map_err(|e: String| anyhow!("--from: {e}"))?;
    let to: Location = to.parse().map_err(|e: String| anyhow!("--to: {e}"))?;
    if from == to {
        bail!("--from and --to are the same database ({from})");
    }
    let source = crate::store::Store::open_existing_at(&from)
        .await
        .with_context(|| format!("cannot open the source {from}"))?;
    let target = crate::store::Store::open_at(&to)
        .await
        .with_context(|| format!("cannot open the target {to}"))?;
    let copied = source.copy_into(&target).await;
    source.close().await;
    target.close().await;
    let copied = copied?;
    println!("copied {from} -> {to}");
    println!("{:<16} {:>9}  sha-256 (both sides)", "table", "rows");
    let mut total = 0;
    for t in &copied {
        println!("{:<16} {:>9}  {}", t.table, t.rows, &t.checksum[..16]);
        total += t.rows;
    }
    println!(
        "{} tables, {total} rows; counts and checksums match",
        copied.len()
    );
    Ok(ExitCode::SUCCESS)
}

async fn find_group(engine: &Engine, name: &str) -> Result<crate::store::Group> {
    engine
        .find_group(name)
        .await
        .map_err(|e| anyhow!("{e}"))?
        .found(name, None)
        .map_err(|e| anyhow!(e))
}

/// `colloquy archive`: build the group's site and write it.
async fn archive(engine: &Engine, group: &str, out: &Path, force: bool) -> Result<ExitCode> {
    let g = find_group(engine, group).await?;
    let report = engine
        .publish_archive(&g, out, force)
        .await
        .map_err(|e| anyhow!("{e}"))?;
    if report.was_stale {
        eprintln!(
            "a member asked to be forgotten since this archive was last written: every file was written again"
        );
    }
    for removed in &report.write.removed {
        eprintln!("removed {removed} (no longer part of the archive)");
    }
    println!(
        "wrote {} files of the archive of {} to {} (open {})",
        report.write.written,
        g.label(),
        out.display(),
        out.join("index.html").display()
    );
    Ok(ExitCode::SUCCESS)
}

/// What `colloquy import` was asked to do.
struct ImportRequest {
    group: String,
    create: bool,
    max_size: usize,
    json: bool,
    options: ImportOptions,
}

async fn import(file: &Path, request: ImportRequest, db: &Location) -> Result<ExitCode> {
    if request.group.trim().is_empty() {
        bail!(
            "--group is empty: give the group's short name or its channel key (e.g. console:sem)"
        );
    }
    // Check the size before reading the file into memory.
    let size = std::fs::metadata(file)
        .with_context(|| format!("cannot read {}", file.display()))?
        .len();
    let too_big = |size: usize| {
        anyhow!(
            "{} is {}; the limit is {} (as for chat uploads). Split the reading into parts and import them one after another, or give --max-size BYTES to allow a larger file.",
            file.display(),
            human_size(size),
            human_size(request.max_size)
        )
    };
    let size = usize::try_from(size).unwrap_or(usize::MAX);
    if size > request.max_size {
        return Err(too_big(size));
    }
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    if bytes.len() > request.max_size {
        return Err(too_big(bytes.len()));
    }
    let engine = crate::boot::offline(db, Arc::new(SystemClock)).await?;
    let target = match engine.find_group(&request.group).await {
        Ok(GroupLookup::Found(g)) => ImportTarget::Group(g),
        Ok(GroupLookup::Missing(_)) if request.create => {
            ImportTarget::Create(channel_for(&request.group))
        }
        Ok(lookup) => {
            engine.close().await;
            let message = lookup
                .found(
                    request.group.trim(),
                    Some("add --create to make a console group"),
                )
                .err()
                .unwrap_or_default();
            bail!("{message}");
        }
        Err(e) => {
            engine.close().await;
            bail!("{e}");
        }
    };
    let big = bytes.len() > 256 * 1024 && std::io::stderr().is_terminal();
    let progress: Option<Box<dyn Fn(usize, usize) + Send + Sync>> = if big {
        let bar = indicatif::ProgressBar::new(0);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} excerpts")
                .map(|s| s.progress_chars("=> "))
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar.set_message("importing");
        Some(Box::new(move |done, total| {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
            if done >= total && total > 0 {
                bar.finish_and_clear();
            }
        }))
    } else {
        None
    };
    let result = engine
        .import_into(target, bytes, request.options, progress)
        .await;
    engine.close().await;
    let report = result.map_err(|e| anyhow!("{e}"))?;
    if report.created_group {
        eprintln!(
            "created the group {} (run `setup` in its channel to set the schedule)",
            report.group
        );
    }
    if request.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!("{}", report.describe().replace("**", ""));
    }
    Ok(ExitCode::SUCCESS)
}

async fn excerpts(reading: i64, json: bool, db: &Location) -> Result<ExitCode> {
    let engine = crate::boot::offline_existing(db, Arc::new(SystemClock)).await?;
    let Some((r, excerpts)) = engine.reading_excerpts(reading).await? else {
        bail!("no reading #{reading} in {db}");
    };
    let mut out = Vec::new();
    for ExcerptDetail {
        excerpt: e,
        questions,
        claims,
    } in excerpts
    {
        let notes = &e.notes;
        out.push(serde_json::json!({
            "id": e.id, "seq": e.seq, "words": e.words, "text": e.text, "notes": notes,
            "terms": e.terms,
            "questions": questions.iter().map(|q| serde_json::json!({"kind": q.kind, "text": q.text})).collect::<Vec<_>>(),
            "claims": claims,
        }));
    }
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({
                "reading": {"id": r.id, "title": r.title, "author": r.author,
                            "metadata": r.metadata},
                "excerpts": out,
            }))?
        );
    } else {
        println!(
            "{} — {}",
            r.title,
            crate::domain::words::count(r.excerpt_count, "excerpt", "excerpts")
        );
        for e in &out {
            println!(
                "\n── excerpt {} ({})\n{}",
                e["seq"],
                crate::domain::words::count(e["words"].as_i64().unwrap_or(0), "word", "words"),
                e["text"].as_str().unwrap_or("")
            );
            for n in e["notes"].as_array().into_iter().flatten() {
                println!("  note {}", n.as_str().unwrap_or(""));
            }
            for q in e["questions"].as_array().into_iter().flatten() {
                println!(
                    "  ? [{}] {}",
                    q["kind"].as_str().unwrap_or(""),
                    q["text"].as_str().unwrap_or("")
                );
            }
            for c in e["claims"].as_array().into_iter().flatten() {
                println!("  ◆ {}", c.as_str().unwrap_or(""));
            }
        }
    }
    engine.close().await;
    Ok(ExitCode::SUCCESS)
}

/// A scratch folder for `bench`, removed when dropped.
struct ScratchDir(PathBuf);

impl ScratchDir {
    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn tempfile_dir() -> Result<ScratchDir> {
    let dir = std::env::temp_dir().join(format!("colloquy-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    Ok(ScratchDir(dir))
}

#[cfg(test)]
mod tests {
    use super::engine_workers;

    #[test]
    fn the_engine_leaves_a_core_to_the_writer_and_the_gateway() {
        assert_eq!(engine_workers(None, 2), 1);
        assert_eq!(engine_workers(None, 8), 7);
        assert_eq!(engine_workers(None, 1), 1);
        assert_eq!(engine_workers(None, 0), 1);
        // tokio's own setting wins when it is a positive number.
        assert_eq!(engine_workers(Some("3"), 2), 3);
        assert_eq!(engine_workers(Some(" 4 "), 2), 4);
        assert_eq!(engine_workers(Some("0"), 8), 7);
        assert_eq!(engine_workers(Some("many"), 8), 7);
    }

    use super::*;
    use clap::CommandFactory;

    /// Every subcommand and every argument of `cmd` and below that has no help text.
    fn undocumented(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
        for arg in cmd.get_arguments() {
            if arg.get_help().is_none() {
                missing.push(format!("{path} --{}", arg.get_id()));
            }
        }
        for sub in cmd.get_subcommands() {
            let sub_path = format!("{path} {}", sub.get_name());
            if sub.get_about().is_none() {
                missing.push(sub_path.clone());
            }
            undocumented(sub, &sub_path, missing);
        }
    }

    #[test]
    fn every_subcommand_and_argument_has_help_text() {
        let cmd = Cli::command();
        cmd.clone().debug_assert();
        assert!(cmd.get_about().is_some());
        let mut missing = Vec::new();
        undocumented(&cmd, "colloquy", &mut missing);
        assert!(missing.is_empty(), "no help text: {missing:?}");
    }
}
