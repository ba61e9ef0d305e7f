//! Configuration: defaults, then the TOML file, then `COLLOQUY_…` environment variables
//! (figment). Secrets are never in the file: it names the environment variables that
//! hold them.

use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::store::Location;

#[derive(Debug, Error)]
pub enum ConfigError {
    #[error("the configuration is not valid: {0}")]
    Invalid(String),
    #[error("{0} is not set in the environment (the config names it as the {1})")]
    MissingSecret(String, &'static str),
    #[error("{}", describe_problems(path, problems))]
    Problems {
        path: String,
        problems: Vec<Problem>,
    },
}

/// One thing wrong in the configuration: the key, the value as given (never a secret's),
/// and what is expected instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The key as a user finds it in the file, e.g. `[discord] guild_id`.
    pub key: String,
    /// The offending value, quoted; `None` when it is not shown (a secret, or nothing given).
    pub value: Option<String>,
    /// What the key needs.
    pub expected: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.value {
            Some(v) => write!(f, "{} = {v}: {}", self.key, self.expected),
            None => write!(f, "{}: {}", self.key, self.expected),
        }
    }
}

/// "FILE has 2 problems:" and one indented line each.
pub fn describe_problems(path: &str, problems: &[Problem]) -> String {
    let mut text = format!(
        "{path} has {} {}:",
        problems.len(),
        if problems.len() == 1 {
            "problem"
        } else {
            "problems"
        }
    );
    for p in problems {
        text.push_str("\n  - ");
        text.push_str(&p.to_string());
    }
    text
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Storage {
    /// The database: a SQLite file (`"colloquy.db"` or `"sqlite://colloquy.db"`) or a
    /// PostgreSQL URL (`"postgres://user@host/db"`, shared by several processes).
    /// `COLLOQUY_DB` in the environment takes its place (the place for a password).
    pub database: Location,
    /// The secret behind anonymous votes (created at first run, mode 0600). Default:
    /// beside the database, with `.secret` appended.
    pub secret_file: Option<PathBuf>,
    /// Several processes on one database: how long a process holds what only one may run
    /// (its Discord shards, its Matrix account) unless it renews the hold (every third of
    /// this), in seconds. A process that died frees them after this long.
    pub lease_seconds: u64,
    /// How long a process holds a post it took from the outbox to send, in seconds: if it
    /// dies meanwhile, another process sends the post after this long. Keep it above the
    /// time one post may take (a request times out after 60 s).
    pub claim_seconds: u64,
}

impl Default for Storage {
    fn default() -> Self {
        Storage {
            database: Location::Sqlite(PathBuf::from("colloquy.db")),
            secret_file: None,
            lease_seconds: DEFAULT_LEASE_SECS,
            claim_seconds: DEFAULT_CLAIM_SECS,
        }
    }
}

/// `[storage] lease_seconds` unless the config says otherwise.
pub const DEFAULT_LEASE_SECS: u64 = 30;
/// `[storage] claim_seconds` unless the config says otherwise.
pub const DEFAULT_CLAIM_SECS: u64 = 120;
/// The longest lease or claim accepted, in seconds (an hour).
pub const MAX_LEASE_SECS: u64 = 3600;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// The largest reading a chat upload may be, in KiB.
    pub max_upload_kib: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_upload_kib: 2048,
        }
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Privacy {
    /// Delete replies older than this many days.
    pub retention_days: Option<u32>,
}

/// `[archive]`: the bot writes each group's static archive after each session.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Archive {
    /// The folder for the archives: one folder per group inside it.
    pub dir: Option<PathBuf>,
    /// Where that folder is published (e.g. "https://example.org/colloquy"): the summary
    /// post links the session's page there.
    pub base_url: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Prompts {
    /// A folder with edited copies of the templates in prompts/.
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Discord {
    /// The environment variable holding the bot token.
    #[serde(default = "default_discord_token_env")]
    pub token_env: String,
    /// Members with this role are facilitators (besides Manage Server).
    pub facilitator_role: Option<String>,
    /// Register commands on this server only (instant; for testing servers). A number
    /// is accepted quoted or not (an environment variable gives one unquoted).
    #[serde(default, deserialize_with = "string_or_number")]
    pub guild_id: Option<String>,
    /// Send REST calls and the gateway lookup here instead of discord.com.
    pub api_base: Option<String>,
    /// The gateway shards this process holds, `"FIRST-LAST"` (e.g. `"0-3"`), when several
    /// processes share the bot: each holds a range of the same `shard_total`. Default:
    /// every shard.
    pub shards: Option<String>,
    /// How many shards the bot has in all (Discord allows at most 2,500 servers a shard).
    /// Needed with `shards`; alone, this process holds all of them.
    pub shard_total: Option<u32>,
}

impl Discord {
    /// The shards this process runs: `None` when the config leaves it to Discord's
    /// recommendation (one process, every shard).
    pub fn shard_range(&self) -> Result<Option<crate::domain::shards::ShardRange>, String> {
        use crate::domain::shards::ShardRange;
        match (&self.shards, self.shard_total) {
            (None, None) => Ok(None),
            (None, Some(total)) if total > 0 => Ok(Some(ShardRange::all(total))),
            (None, Some(_)) => Err("shard_total is at least 1".into()),
            (Some(_), None) => Err(
                "shards needs shard_total too: the number of shards all the processes share".into(),
            ),
            (Some(range), Some(total)) => ShardRange::parse(range, total).map(Some),
        }
    }
}

fn default_discord_token_env() -> String {
    "DISCORD_TOKEN".into()
}

/// An id given as `"123"` or `123`.
fn string_or_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Id {
        Text(String),
        Unsigned(u64),
        Signed(i64),
    }
    let id = Option::<Id>::deserialize(d).map_err(|_| {
        serde::de::Error::custom("a server id (a number), e.g. \"123456789012345678\"")
    })?;
    Ok(id.map(|id| match id {
        Id::Text(s) => s,
        Id::Unsigned(n) => n.to_string(),
        Id::Signed(n) => n.to_string(),
    }))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Autojoin {
    Anyone,
    #[default]
    Facilitators,
    None,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Matrix {
    pub homeserver: String,
    pub user: String,
    pub password_env: Option<String>,
    pub access_token_env: Option<String>,
    /// Folder for the SDK's state and encryption store and the saved session.
    #[serde(default = "default_matrix_store")]
    pub store: PathBuf,
    #[serde(default)]
    pub autojoin: Autojoin,
    /// User ids that are facilitators in every room (besides power level >= 50).
    #[serde(default)]
    pub facilitators: Vec<String>,
}

fn default_matrix_store() -> PathBuf {
    PathBuf::from("matrix-store")
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Llm {
    /// An OpenAI-compatible API base, e.g. http://127.0.0.1:11434/v1.
    pub endpoint: String,
    pub model: String,
    /// The environment variable holding an API key, if the server wants one.
    pub api_key_env: Option<String>,
    #[serde(default = "default_llm_timeout")]
    pub timeout_secs: u64,
}

fn default_llm_timeout() -> u64 {
    30
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Log {
    /// "text" or "json".
    pub format: String,
    /// A tracing filter, e.g. "info" or "colloquy=debug".
    pub level: String,
}

impl Default for Log {
    fn default() -> Self {
        Log {
            format: "text".into(),
            level: "info".into(),
        }
    }
}

/// The whole configuration.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub storage: Storage,
    pub limits: Limits,
    pub privacy: Privacy,
    pub prompts: Prompts,
    pub archive: Archive,
    pub log: Log,
    pub discord: Option<Discord>,
    pub matrix: Option<Matrix>,
    pub llm: Option<Llm>,
}

/// The sections a config file may have.
const SECTIONS: &[&str] = &[
    "storage", "limits", "privacy", "prompts", "archive", "log", "discord", "matrix", "llm",
];

/// The longest LLM timeout accepted, in seconds.
pub const MAX_LLM_TIMEOUT_SECS: u64 = 600;
/// The largest chat upload limit accepted, in KiB (50 MiB).
pub const MAX_UPLOAD_KIB: usize = 50 * 1024;
/// The longest retention accepted, in days (100 years).
pub const MAX_RETENTION_DAYS: u32 = 36_500;

impl Config {
    /// Defaults, then the file, then `COLLOQUY_SECTION__KEY` variables; refused with every
    /// problem at once if anything is invalid (so `run` refuses what `check-config` reports).
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let (config, problems) = Config::inspect(path, &|var| std::env::var(var).ok())?;
        if problems.is_empty() {
            Ok(config)
        } else {
            Err(ConfigError::Problems {
                path: path.display().to_string(),
                problems,
            })
        }
    }

    /// Load what can be loaded and list every problem. `env` reads an environment
    /// variable (the secrets the config names, and `COLLOQUY_LOG`); values are only
    /// checked for being set, never returned. A section that cannot be read at all is
    /// left at its default (or off) and reported.
    pub fn inspect(
        path: &Path,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<(Config, Vec<Problem>), ConfigError> {
        if !path.exists() {
            return Err(ConfigError::Invalid(format!(
                "{} does not exist",
                path.display()
            )));
        }
        let figment = Figment::from(Toml::file(path))
            // Only SECTION__KEY variables: COLLOQUY_DB or a secret such as
            // COLLOQUY_MATRIX_PASSWORD are not configuration keys.
            .merge(
                Env::prefixed("COLLOQUY_")
                    .filter(|k| k.as_str().contains("__"))
                    .split("__"),
            );
        // A file that is not TOML at all: nothing else can be said.
        let top: figment::value::Dict = figment
            .extract()
            .map_err(|e| ConfigError::Invalid(e.to_string()))?;
        let mut problems = Vec::new();
        for key in top.keys() {
            if !SECTIONS.contains(&key.as_str()) {
                problems.push(Problem {
                    key: format!("[{key}]"),
                    value: None,
                    expected: format!(
                        "not a section colloquy knows (the sections are {})",
                        SECTIONS.join(", ")
                    ),
                });
            }
        }
        let mut config = Config {
            storage: section(&figment, "storage", &mut problems).unwrap_or_default(),
            limits: section(&figment, "limits", &mut problems).unwrap_or_default(),
            privacy: section(&figment, "privacy", &mut problems).unwrap_or_default(),
            prompts: section(&figment, "prompts", &mut problems).unwrap_or_default(),
            archive: section(&figment, "archive", &mut problems).unwrap_or_default(),
            log: section(&figment, "log", &mut problems).unwrap_or_default(),
            discord: section(&figment, "discord", &mut problems),
            matrix: section(&figment, "matrix", &mut problems),
            llm: section(&figment, "llm", &mut problems),
        };
        // Relative paths are relative to the config file.
        let base = path.parent().unwrap_or(Path::new("."));
        config = config.relative_to(base);
        // COLLOQUY_DB names the database instead (a PostgreSQL password stays out of files).
        if let Some(db) = env("COLLOQUY_DB").filter(|v| !v.trim().is_empty()) {
            match db.parse::<Location>() {
                Ok(location) => config.storage.database = location,
                Err(e) => problems.push(Problem {
                    key: "COLLOQUY_DB".into(),
                    value: None,
                    expected: e,
                }),
            }
        }
        let mut check = Checker {
            problems,
            env,
            figment: &figment,
        };
        config.check(&mut check);
        Ok((config, check.problems))
    }

    fn relative_to(mut self, base: &Path) -> Config {
        let fix = |p: &mut PathBuf| {
            if p.is_relative() && !p.as_os_str().is_empty() {
                *p = base.join(&*p);
            }
        };
        if let Location::Sqlite(p) = &mut self.storage.database {
            fix(p);
        }
        if let Some(s) = self.storage.secret_file.as_mut() {
            fix(s);
        }
        if let Some(d) = self.prompts.dir.as_mut() {
            fix(d);
        }
        if let Some(d) = self.archive.dir.as_mut() {
            fix(d);
        }
        if let Some(m) = self.matrix.as_mut() {
            fix(&mut m.store);
        }
        self
    }

    /// Every value the running bot would trip over, each checked once.
    fn check(&self, c: &mut Checker<'_>) {
        self.check_storage(c);
        let kib = self.limits.max_upload_kib;
        if !(1..=MAX_UPLOAD_KIB).contains(&kib) {
            c.bad(
                "limits.max_upload_kib",
                Some(kib.to_string()),
                format!("a size in KiB from 1 to {MAX_UPLOAD_KIB} (50 MiB); 2048 is 2 MiB"),
            );
        }
        if !(3..=MAX_LEASE_SECS).contains(&self.storage.lease_seconds) {
            c.bad(
                "storage.lease_seconds",
                Some(self.storage.lease_seconds.to_string()),
                format!(
                    "a number of seconds from 3 to {MAX_LEASE_SECS} (default {DEFAULT_LEASE_SECS})"
                ),
            );
        }
        if !(2..=MAX_LEASE_SECS).contains(&self.storage.claim_seconds) {
            c.bad(
                "storage.claim_seconds",
                Some(self.storage.claim_seconds.to_string()),
                format!(
                    "a number of seconds from 2 to {MAX_LEASE_SECS} (default {DEFAULT_CLAIM_SECS})"
                ),
            );
        }
        if let Some(days) = self.privacy.retention_days
            && !(1..=MAX_RETENTION_DAYS).contains(&days)
        {
            c.bad(
                "privacy.retention_days",
                Some(days.to_string()),
                format!(
                    "a number of days from 1 to {MAX_RETENTION_DAYS} (leave the key out to keep replies)"
                ),
            );
        }
        if let Some(dir) = &self.prompts.dir {
            if !dir.is_dir() {
                c.bad(
                    "prompts.dir",
                    Some(quoted_path(dir)),
                    if dir.exists() {
                        "a folder, not a file (paths are relative to the config file)"
                    } else {
                        "a folder that exists (paths are relative to the config file; leave the key out for the built-in templates)"
                    },
                );
            } else if let Err(e) = crate::render::Prompts::load(Some(dir)) {
                c.bad(
                    "prompts.dir",
                    Some(quoted_path(dir)),
                    format!("templates that load: {e}"),
                );
            }
        }
        if let Some(dir) = &self.archive.dir
            && dir.exists()
            && !dir.is_dir()
        {
            c.bad(
                "archive.dir",
                Some(quoted_path(dir)),
                "a folder (created if missing; paths are relative to the config file)",
            );
        }
        if let Some(url) = &self.archive.base_url {
            check_url(c, "archive.base_url", url, "https://example.org/colloquy");
            if self.archive.dir.is_none() {
                c.bad(
                    "archive.base_url",
                    Some(quoted(url)),
                    "to be set together with archive.dir (the folder published there)",
                );
            }
        }
        if !matches!(self.log.format.as_str(), "text" | "json") {
            c.bad(
                "log.format",
                Some(quoted(&self.log.format)),
                "\"text\" or \"json\"",
            );
        }
        if let Err(expected) = check_log_filter(&self.log.level) {
            c.bad("log.level", Some(quoted(&self.log.level)), expected);
        }
        if let Some(level) = (c.env)("COLLOQUY_LOG")
            && let Err(expected) = check_log_filter(&level)
        {
            c.problems.push(Problem {
                key: "COLLOQUY_LOG (it replaces [log] level)".into(),
                value: Some(quoted(&level)),
                expected,
            });
        }
        if let Some(d) = &self.discord {
            check_discord(d, c);
        }
        if let Some(m) = &self.matrix {
            check_matrix(m, c);
        }
        if let Some(l) = &self.llm {
            check_llm(l, c);
        }
    }

    fn check_storage(&self, c: &mut Checker<'_>) {
        let db = match &self.storage.database {
            Location::Sqlite(db) => db,
            Location::Postgres(_) => {
                // Every process on the database must hash anonymous ballots and forget-me
                // requests with the same secret: it cannot be a file made at first start.
                if self.storage.secret_file.is_none() {
                    c.bad(
                        "storage.secret_file",
                        None,
                        "a file every process sharing the PostgreSQL database reads (the same secret in each; there is no \"beside the database\" for a server)",
                    );
                }
                return self.check_secret(c);
            }
        };
        if db.as_os_str().is_empty() {
            c.bad(
                "storage.database",
                None,
                "a file name, e.g. \"colloquy.db\"",
            );
        } else if db.is_dir() {
            c.bad(
                "storage.database",
                Some(quoted_path(db)),
                "a database file, not a folder",
            );
        } else if !db.exists()
            && let Some(parent) = db.parent()
            && !parent.as_os_str().is_empty()
            && !parent.is_dir()
        {
            c.bad(
                "storage.database",
                Some(quoted_path(db)),
                format!(
                    "a file in a folder that exists ({} does not; paths are relative to the config file)",
                    parent.display()
                ),
            );
        }
        self.check_secret(c);
    }

    fn check_secret(&self, c: &mut Checker<'_>) {
        if let Some(secret) = &self.storage.secret_file {
            if secret.as_os_str().is_empty() {
                c.bad(
                    "storage.secret_file",
                    None,
                    "a file name (leave the key out for one beside the database)",
                );
            } else if secret.is_dir() {
                c.bad(
                    "storage.secret_file",
                    Some(quoted_path(secret)),
                    "a file, not a folder",
                );
            }
        }
        let secret = self.secret_path();
        if secret.is_file() {
            let valid = std::fs::read_to_string(&secret)
                .ok()
                .and_then(|text| parse_secret(&text))
                .is_some();
            if !valid {
                c.bad(
                    "storage.secret_file",
                    Some(quoted_path(&secret)),
                    "a file holding a valid secret (restore it from a backup: deleting it unlinks earlier anonymous votes from their pre/post pairs)",
                );
            }
        }
    }

    /// Where the anonymous-vote secret lives.
    pub fn secret_path(&self) -> PathBuf {
        self.storage
            .secret_file
            .clone()
            .unwrap_or_else(|| match &self.storage.database {
                Location::Sqlite(db) => secret_beside(db),
                // Refused by the checks; named here so nothing is made beside a URL.
                Location::Postgres(_) => PathBuf::from("colloquy.secret"),
            })
    }
}

/// Collects problems while the config is checked.
struct Checker<'a> {
    problems: Vec<Problem>,
    env: &'a dyn Fn(&str) -> Option<String>,
    figment: &'a Figment,
}

impl Checker<'_> {
    /// A problem at `section.key`, written `[section] key` (and naming the
    /// `COLLOQUY_SECTION__KEY` variable when the value came from there).
    fn bad(&mut self, path: &str, value: Option<String>, expected: impl Into<String>) {
        let mut key = display_key(path);
        let from_env = self
            .figment
            .find_metadata(path)
            .is_some_and(|m| m.name.contains("environment"));
        if from_env {
            key.push_str(&format!(
                " (from {})",
                format!("COLLOQUY_{}", path.replace('.', "__")).to_uppercase()
            ));
        }
        self.problems.push(Problem {
            key,
            value,
            expected: expected.into(),
        });
    }

    /// `path` names an environment variable that must hold `what`. Its value is never
    /// shown; a name that does not look like a variable is not shown either (it may be
    /// the secret itself, pasted in by mistake).
    fn secret_var(&mut self, path: &str, var: &str, what: &str, required: bool) {
        if !is_env_name(var) {
            self.bad(
                path,
                None,
                format!(
                    "the name of an environment variable (letters, digits and _) that holds the {what}, not the {what} itself (the value is not shown)"
                ),
            );
        } else if required && (self.env)(var).is_none_or(|v| v.trim().is_empty()) {
            if shows_env_name(var, false) {
                self.bad(
                    path,
                    Some(quoted(var)),
                    format!("${var} is not set in the environment; set it to the {what}"),
                );
            } else {
                self.bad(
                    path,
                    None,
                    format!(
                        "the variable it names is not set in the environment (its name is not shown: names are usually capitals, e.g. DISCORD_TOKEN, and this may be the {what} itself)"
                    ),
                );
            }
        }
    }
}

/// `discord.guild_id` -> `[discord] guild_id`.
fn display_key(path: &str) -> String {
    match path.split_once('.') {
        Some((section, key)) => format!("[{section}] {key}"),
        None => format!("[{path}]"),
    }
}

/// One section, or `None` when it is absent or cannot be read. Every key of the wrong
/// type or unknown to the section is recorded, not only the first: each is set aside in
/// turn and the rest read again, so the values that can be read are checked too.
fn section<T: serde::de::DeserializeOwned>(
    figment: &Figment,
    name: &str,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    let value = figment.find_value(name).ok()?;
    let Some(mut dict) = value.into_dict() else {
        problems.push(Problem {
            key: format!("[{name}]"),
            value: None,
            expected: format!("a section: a line [{name}] with its keys below it"),
        });
        return None;
    };
    let mut set_aside: Vec<String> = Vec::new();
    // Each round either reads the section or sets one more key aside.
    for _ in 0..=dict.len() {
        let e = match Figment::from(Serialized::defaults(&dict)).extract::<T>() {
            Ok(value) => return Some(value),
            Err(e) => e,
        };
        let key = match &e.kind {
            figment::error::Kind::UnknownField(found, _) => Some(found.clone()),
            // A required key that was set aside: already reported.
            figment::error::Kind::MissingField(missing)
                if set_aside.contains(&missing.to_string()) =>
            {
                return None;
            }
            _ => e.path.iter().find(|p| *p != name).cloned(),
        };
        problems.push(type_problem(name, &e));
        match key {
            Some(key) if dict.remove(&key).is_some() => set_aside.push(key),
            _ => return None,
        }
    }
    None
}

/// A value of the wrong type, or a key the section does not have.
fn type_problem(section: &str, e: &figment::Error) -> Problem {
    // The key inside the section (figment appends the section to the path).
    let mut inner = e.path.clone();
    if inner.last().is_some_and(|p| p == section) {
        inner.pop();
    } else if inner.first().is_some_and(|p| p == section) {
        inner.remove(0);
    }
    let mut key = inner.join(".");
    let secret_key = inner.last().is_some_and(|k| k.ends_with("_env"));
    let mut value = None;
    let expected = match &e.kind {
        figment::error::Kind::UnknownField(found, known) => {
            key = found.clone();
            format!(
                "not a key of [{section}] (the keys are {})",
                known.join(", ")
            )
        }
        // A wrong value under a *_env key might be a secret pasted in: do not echo it.
        _ if secret_key => {
            "the name of an environment variable, as text (the value is not shown)".to_string()
        }
        figment::error::Kind::MissingField(missing) => {
            key = missing.to_string();
            format!("missing: [{section}] needs this key")
        }
        figment::error::Kind::InvalidType(found, wanted)
        | figment::error::Kind::InvalidValue(found, wanted) => {
            format!("{}, not {found}", friendly_type(wanted))
        }
        figment::error::Kind::UnknownVariant(found, known) => {
            value = Some(quoted(found));
            format!(
                "one of {}",
                known
                    .iter()
                    .map(|k| quoted(k))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
        kind => kind.to_string(),
    };
    Problem {
        key: if key.is_empty() {
            format!("[{section}]")
        } else {
            format!("[{section}] {key}")
        },
        value,
        expected,
    }
}

/// What serde calls a type, in a config writer's words.
fn friendly_type(wanted: &str) -> String {
    match wanted {
        "u8" | "u16" | "u32" | "u64" | "usize" => "a whole number, 0 or more".into(),
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number".into(),
        "a string" | "string" | "path" | "a path" | "path string" => "text in quotes".into(),
        "a sequence" => "a list in brackets, e.g. [\"a\", \"b\"]".into(),
        "a boolean" => "true or false".into(),
        other => other.to_string(),
    }
}

/// `"text"` as written in TOML.
fn quoted(text: &str) -> String {
    format!("{text:?}")
}

fn quoted_path(path: &Path) -> String {
    quoted(&path.display().to_string())
}

/// Whether a variable's name may be printed: it is set (so it is a real name), or it is
/// written as names usually are (capitals, digits, _). A name that is neither may be a
/// secret pasted into the config by mistake.
pub fn shows_env_name(name: &str, set: bool) -> bool {
    is_env_name(name)
        && (set
            || name
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'))
}

/// A plausible environment variable name.
pub fn is_env_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// An http(s) URL with a host.
fn check_url(c: &mut Checker<'_>, path: &str, url: &str, example: &str) {
    let ok = reqwest::Url::parse(url.trim()).is_ok_and(|u| {
        matches!(u.scheme(), "http" | "https") && u.host_str().is_some_and(|h| !h.is_empty())
    });
    if !ok {
        c.bad(
            path,
            Some(quoted(url)),
            format!("an http:// or https:// URL, e.g. \"{example}\""),
        );
    }
}

/// `@name:server`, as Matrix user ids are.
pub fn is_matrix_user_id(id: &str) -> bool {
    let Some(rest) = id.strip_prefix('@') else {
        return false;
    };
    let Some((local, server)) = rest.split_once(':') else {
        return false;
    };
    let clean = |s: &str| !s.is_empty() && !s.chars().any(|c| c.is_whitespace() || c == '/');
    clean(local) && clean(server)
}

/// A log filter: levels (`info`) or `target=level` directives, comma-separated, that
/// tracing accepts. A bare word is refused: tracing would read "loud" as a target and
/// log nothing else.
pub fn check_log_filter(filter: &str) -> Result<(), String> {
    use std::str::FromStr;
    use tracing_subscriber::filter::LevelFilter;
    let expected = || {
        "a level (off, error, warn, info, debug or trace) or target=level directives separated by commas, e.g. \"info,colloquy=debug\"".to_string()
    };
    let is_level = |s: &str| !s.trim().is_empty() && LevelFilter::from_str(s.trim()).is_ok();
    if filter.trim().is_empty() {
        return Err(expected());
    }
    for directive in filter.split(',') {
        let level = match directive.rsplit_once('=') {
            Some((_, level)) => level,
            None => directive,
        };
        if !is_level(level) {
            return Err(expected());
        }
    }
    tracing_subscriber::EnvFilter::try_new(filter).map_err(|e| format!("{} ({e})", expected()))?;
    Ok(())
}

fn check_discord(d: &Discord, c: &mut Checker<'_>) {
    if !cfg!(feature = "discord") {
        c.bad(
            "discord",
            None,
            "this build has no Discord support (feature \"discord\"): remove the section or use a build with it",
        );
    }
    c.secret_var("discord.token_env", &d.token_env, "Discord bot token", true);
    if let Some(role) = &d.facilitator_role
        && role.trim().is_empty()
    {
        c.bad(
            "discord.facilitator_role",
            Some(quoted(role)),
            "a role name, e.g. \"Facilitator\" (leave the key out for Manage Server alone)",
        );
    }
    if let Some(g) = &d.guild_id
        && g.trim().parse::<u64>().ok().filter(|g| *g != 0).is_none()
    {
        c.bad(
            "discord.guild_id",
            Some(quoted(g)),
            "a server id: the number Discord's \"Copy Server ID\" gives, e.g. \"123456789012345678\"",
        );
    }
    if let Err(e) = d.shard_range() {
        let key = if d.shards.is_some() {
            "discord.shards"
        } else {
            "discord.shard_total"
        };
        c.bad(key, d.shards.clone(), e);
    }
    if let Some(base) = &d.api_base {
        check_url(c, "discord.api_base", base, "http://127.0.0.1:8080");
    }
}

fn check_matrix(m: &Matrix, c: &mut Checker<'_>) {
    if !cfg!(feature = "matrix") {
        c.bad(
            "matrix",
            None,
            "this build has no Matrix support (feature \"matrix\"): remove the section or use a build with it",
        );
    }
    check_url(
        c,
        "matrix.homeserver",
        &m.homeserver,
        "https://matrix.example.org",
    );
    if !is_matrix_user_id(&m.user) {
        c.bad(
            "matrix.user",
            Some(quoted(&m.user)),
            "a Matrix user id like \"@colloquy:example.org\"",
        );
    }
    match (&m.password_env, &m.access_token_env) {
        (None, None) => c.bad(
            "matrix",
            None,
            "password_env or access_token_env: the variable that holds the bot's password or access token",
        ),
        (password, token) => {
            if let Some(var) = token {
                c.secret_var("matrix.access_token_env", var, "Matrix access token", true);
            }
            if let Some(var) = password {
                // The password is read only to log in: not while a saved session (or
                // an access token) is there.
                let needed = token.is_none() && !matrix_session_file(&m.store).exists();
                c.secret_var("matrix.password_env", var, "Matrix password", needed);
            }
        }
    }
    if m.store.as_os_str().is_empty() {
        c.bad("matrix.store", None, "a folder name, e.g. \"matrix-store\"");
    } else if m.store.exists() && !m.store.is_dir() {
        c.bad(
            "matrix.store",
            Some(quoted_path(&m.store)),
            "a folder (it is created if missing), not a file",
        );
    }
    for f in &m.facilitators {
        if !is_matrix_user_id(f) {
            c.bad(
                "matrix.facilitators",
                Some(quoted(f)),
                "Matrix user ids like \"@alice:example.org\"",
            );
        }
    }
}

fn check_llm(l: &Llm, c: &mut Checker<'_>) {
    check_url(c, "llm.endpoint", &l.endpoint, "http://127.0.0.1:11434/v1");
    if l.model.trim().is_empty() {
        c.bad(
            "llm.model",
            Some(quoted(&l.model)),
            "the model's name on the server, e.g. \"llama3.1\"",
        );
    }
    if let Some(var) = &l.api_key_env {
        c.secret_var("llm.api_key_env", var, "LLM API key", true);
    }
    if !(1..=MAX_LLM_TIMEOUT_SECS).contains(&l.timeout_secs) {
        c.bad(
            "llm.timeout_secs",
            Some(l.timeout_secs.to_string()),
            format!("seconds from 1 to {MAX_LLM_TIMEOUT_SECS}"),
        );
    }
}

/// Where the Matrix adapter keeps its saved login, in the store folder.
pub fn matrix_session_file(store: &Path) -> PathBuf {
    store.join("session.json")
}

/// `colloquy.db` -> `colloquy.db.secret`.
pub fn secret_beside(database: &Path) -> PathBuf {
    let mut name = database
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_else(|| "colloquy.db".into());
    name.push(".secret");
    database.with_file_name(name)
}

/// Read a secret from the environment variable the config names.
pub fn secret_from_env(var: &str, what: &'static str) -> Result<String, ConfigError> {
    match std::env::var(var) {
        Ok(v) if !v.trim().is_empty() => Ok(v.trim().to_string()),
        _ => Err(ConfigError::MissingSecret(var.to_string(), what)),
    }
}

/// The secret's bytes, if `text` holds one (hex, at least 16 bytes).
fn parse_secret(text: &str) -> Option<Vec<u8>> {
    hex::decode(text.trim()).ok().filter(|b| b.len() >= 16)
}

/// Load the anonymous-vote secret, creating it (32 random bytes, mode 0600) at first run.
pub fn load_or_create_secret(path: &Path) -> std::io::Result<crate::domain::anon::VoterSecret> {
    use rand::RngExt;
    if let Ok(text) = std::fs::read_to_string(path) {
        if let Some(bytes) = parse_secret(&text) {
            return Ok(crate::domain::anon::VoterSecret::new(bytes));
        }
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "{} does not hold a valid secret; restore it from a backup (deleting it unlinks earlier anonymous votes from their pre/post pairs)",
                path.display()
            ),
        ));
    }
    let bytes: Vec<u8> = (0..32).map(|_| rand::rng().random::<u8>()).collect();
    if let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir)?;
    }
    // Written whole to a file of this process's own, then linked into place: a second
    // process starting at the same moment (several bot processes on one host) either wins
    // the link or reads the winner's complete file, never a half-written or missing one.
    let tmp = path.with_extension(format!(
        "tmp-{}-{:x}",
        std::process::id(),
        rand::rng().random::<u64>()
    ));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    use std::io::Write;
    let written = (|| {
        let mut file = options.open(&tmp)?;
        file.write_all(hex::encode(&bytes).as_bytes())?;
        file.sync_all()?;
        std::fs::hard_link(&tmp, path)
    })();
    let _ = std::fs::remove_file(&tmp);
    match written {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return load_or_create_secret(path);
        }
        Err(e) => return Err(e),
    }
    Ok(crate::domain::anon::VoterSecret::new(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Several processes starting at once on one host share the secret file: every one gets
    /// the same secret and none fails (it used to fail with "File exists", or read a file the
    /// first had created but not yet written).
    #[test]
    fn processes_starting_together_share_one_secret() {
        for _ in 0..20 {
            let dir = tempfile::tempdir().expect("a temporary directory");
            let path = dir.path().join("vote.secret");
            let handles: Vec<_> = (0..8)
                .map(|_| {
                    let path = path.clone();
                    std::thread::spawn(move || {
                        load_or_create_secret(&path)
                            .map(|s| crate::domain::anon::scoped_voter_key(&s, "member", "scope"))
                    })
                })
                .collect();
            let secrets: Vec<String> = handles
                .into_iter()
                .map(|h| {
                    h.join()
                        .expect("no panic")
                        .expect("the secret is read or created")
                })
                .collect();
            assert!(secrets.iter().all(|s| s == &secrets[0]), "{secrets:?}");
            let files = std::fs::read_dir(dir.path())
                .expect("the directory")
                .count();
            assert_eq!(files, 1, "only the secret is left behind");
        }
    }

    /// Every secret variable is set (to a value that must never be printed); COLLOQUY_LOG is not.
    fn all_set(var: &str) -> Option<String> {
        (!matches!(var, "COLLOQUY_LOG" | "COLLOQUY_DB")).then(|| "not-for-printing".into())
    }

    /// COLLOQUY_DB names the database instead of the file's key (a PostgreSQL password
    /// stays out of the file); shown, it never carries the password; with PostgreSQL the
    /// secret must be a file every process shares, and a bad URL is a problem, not a panic.
    #[test]
    fn colloquy_db_names_a_postgres_database_without_showing_its_password() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        std::fs::write(&path, "[storage]\ndatabase = \"local.db\"\n").unwrap();
        let env = |var: &str| {
            (var == "COLLOQUY_DB").then(|| "postgres://bot:hunter2@db.internal/colloquy".into())
        };
        let (c, problems) = Config::inspect(&path, &env).unwrap();
        assert!(c.storage.database.is_postgres());
        assert_eq!(
            c.storage.database.to_string(),
            "postgres://bot:***@db.internal/colloquy"
        );
        let text = format!(
            "{problems:?} {}",
            serde_json::to_string(&c.storage).unwrap()
        );
        assert!(!text.contains("hunter2"), "{text}");
        assert!(
            problems.iter().any(|p| p.key.contains("secret_file")),
            "{problems:?}"
        );
        let bad = |var: &str| (var == "COLLOQUY_DB").then(|| "mysql://x/y".into());
        let (_, problems) = Config::inspect(&path, &bad).unwrap();
        assert!(
            problems
                .iter()
                .any(|p| p.key == "COLLOQUY_DB" && p.expected.contains("mysql://")),
            "{problems:?}"
        );
    }

    fn problems_of(text: &str) -> Vec<Problem> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        std::fs::write(&path, text).unwrap();
        Config::inspect(&path, &all_set).unwrap().1
    }

    #[test]
    fn example_config_loads() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        std::fs::write(&path, include_str!("../config/colloquy.example.toml")).unwrap();
        let (c, problems) = Config::inspect(&path, &all_set).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        assert!(c.discord.is_some() && c.matrix.is_some());
        assert!(
            c.storage
                .database
                .sqlite_path()
                .is_some_and(|p| p.starts_with(dir.path()))
        );
        // SAFETY (test only): no other test reads this variable.
        unsafe {
            std::env::set_var("COLLOQUY_LIMITS__MAX_UPLOAD_KIB", "99");
        }
        let (c, _) = Config::inspect(&path, &all_set).unwrap();
        assert_eq!(c.limits.max_upload_kib, 99);
        unsafe {
            std::env::remove_var("COLLOQUY_LIMITS__MAX_UPLOAD_KIB");
        }
        let unset = Config::inspect(&path, &|_| None).unwrap().1;
        let keys: Vec<&str> = unset.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(
            keys,
            ["[discord] token_env", "[matrix] password_env"],
            "unset secrets are problems: {unset:?}"
        );
        assert!(Config::load(&dir.path().join("nothing.toml")).is_err());
    }

    #[test]
    fn a_saved_matrix_session_needs_no_password() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        std::fs::write(
            &path,
            "[matrix]\nhomeserver = \"http://x\"\nuser = \"@a:x\"\npassword_env = \"PW\"\nstore = \"ms\"\n",
        )
        .unwrap();
        assert_eq!(Config::inspect(&path, &|_| None).unwrap().1.len(), 1);
        std::fs::create_dir(dir.path().join("ms")).unwrap();
        std::fs::write(matrix_session_file(&dir.path().join("ms")), "{}").unwrap();
        let problems = Config::inspect(&path, &|_| None).unwrap().1;
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn every_problem_is_reported_at_once_with_its_key() {
        let problems = problems_of(
            "[storage]\ndatabse = \"x\"\n[privacy]\nretention_days = 0\n[log]\nlevel = \"loud\"\n\
             [discord]\nguild_id = \"my server\"\n\
             [matrix]\nhomeserver = \"http://x\"\nuser = \"@a:x\"\n\
             [llm]\nendpoint = \"http://x\"\nmodel = \"m\"\ntimeout_secs = \"soon\"\n",
        );
        let keys: Vec<&str> = problems.iter().map(|p| p.key.as_str()).collect();
        for key in [
            "[storage] databse",
            "[privacy] retention_days",
            "[log] level",
            "[discord] guild_id",
            "[matrix]",
            "[llm] timeout_secs",
        ] {
            assert!(keys.contains(&key), "{key} missing from {keys:?}");
        }
        let level = problems.iter().find(|p| p.key == "[log] level").unwrap();
        assert_eq!(level.value.as_deref(), Some("\"loud\""));
    }

    #[test]
    fn numbers_from_the_environment_or_unquoted_are_server_ids() {
        assert!(problems_of("[discord]\nguild_id = 123456789012345678\n").is_empty());
        assert_eq!(
            problems_of("[discord]\nguild_id = 0\n")[0].key,
            "[discord] guild_id"
        );
    }

    #[test]
    fn log_filters_are_levels_or_directives() {
        for good in [
            "info",
            "WARN",
            "colloquy=debug",
            "info,colloquy=trace,sqlx=warn",
            "off",
        ] {
            assert!(check_log_filter(good).is_ok(), "{good}");
        }
        for bad in [
            "loud",
            "",
            " ",
            "colloquy",
            "info,loud",
            "colloquy=loud",
            "info,",
        ] {
            assert!(check_log_filter(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn matrix_user_ids_have_a_name_and_a_server() {
        assert!(is_matrix_user_id("@colloquy:example.org"));
        assert!(is_matrix_user_id("@a:localhost:8448"));
        for bad in ["colloquy", "@colloquy", "@:x", "@a:", "a:x", "@a b:x"] {
            assert!(!is_matrix_user_id(bad), "{bad}");
        }
    }

    #[test]
    fn names_that_may_be_secrets_are_not_shown() {
        assert!(shows_env_name("DISCORD_TOKEN", false));
        assert!(shows_env_name("discord_token", true));
        assert!(!shows_env_name("MTIzNDU2Nzg5MDEyMzQ1Njc4OQ", false));
        assert!(!shows_env_name("sk-abc.def", true));
    }

    #[test]
    fn secret_is_created_once_with_private_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.secret");
        load_or_create_secret(&path).unwrap();
        let first = std::fs::read_to_string(&path).unwrap();
        load_or_create_secret(&path).unwrap();
        assert_eq!(first, std::fs::read_to_string(&path).unwrap());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
                0o600
            );
        }
        std::fs::write(&path, "junk").unwrap();
        assert!(load_or_create_secret(&path).is_err());
    }
}
