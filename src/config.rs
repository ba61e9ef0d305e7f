//! Configuration: defaults, then the TOML file, then `COLLOQUY_…` environment variables
//! (figment). Secrets are never in the file: it names the environment variables that
//! hold them.

use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ConfigError {
    #[error("the configuration is not valid: {0}")]
    Invalid(String),
    #[error("{0} is not set in the environment (the config names it as the {1})")]
    MissingSecret(String, &'static str),
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Storage {
    /// The SQLite database file.
    pub database: PathBuf,
    /// The secret behind anonymous votes (created at first run, mode 0600). Default:
    /// beside the database, with `.secret` appended.
    pub secret_file: Option<PathBuf>,
}

impl Default for Storage {
    fn default() -> Self {
        Storage {
            database: PathBuf::from("colloquy.db"),
            secret_file: None,
        }
    }
}

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
    /// Register commands on this server only (instant; for testing servers).
    pub guild_id: Option<String>,
    /// Send REST calls and the gateway lookup here instead of discord.com.
    pub api_base: Option<String>,
}

fn default_discord_token_env() -> String {
    "DISCORD_TOKEN".into()
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
    pub log: Log,
    pub discord: Option<Discord>,
    pub matrix: Option<Matrix>,
    pub llm: Option<Llm>,
}

impl Config {
    /// Defaults, then the file, then `COLLOQUY_SECTION__KEY` variables.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        if !path.exists() {
            return Err(ConfigError::Invalid(format!(
                "{} does not exist",
                path.display()
            )));
        }
        let config: Config = Figment::from(Serialized::defaults(Config::default()))
            .merge(Toml::file(path))
            // Only SECTION__KEY variables: COLLOQUY_DB or a secret such as
            // COLLOQUY_MATRIX_PASSWORD are not configuration keys.
            .merge(
                Env::prefixed("COLLOQUY_")
                    .filter(|k| k.as_str().contains("__"))
                    .split("__"),
            )
            .extract()
            .map_err(|e| ConfigError::Invalid(e.to_string()))?;
        config.check()?;
        // Relative paths are relative to the config file.
        let base = path.parent().unwrap_or(Path::new("."));
        Ok(config.relative_to(base))
    }

    fn relative_to(mut self, base: &Path) -> Config {
        let fix = |p: &mut PathBuf| {
            if p.is_relative() {
                *p = base.join(&*p);
            }
        };
        fix(&mut self.storage.database);
        if let Some(s) = self.storage.secret_file.as_mut() {
            fix(s);
        }
        if let Some(d) = self.prompts.dir.as_mut() {
            fix(d);
        }
        if let Some(m) = self.matrix.as_mut() {
            fix(&mut m.store);
        }
        self
    }

    fn check(&self) -> Result<(), ConfigError> {
        if let Some(m) = &self.matrix {
            if m.password_env.is_none() && m.access_token_env.is_none() {
                return Err(ConfigError::Invalid(
                    "[matrix] needs password_env or access_token_env".into(),
                ));
            }
            if !m.user.starts_with('@') || !m.user.contains(':') {
                return Err(ConfigError::Invalid(format!(
                    "[matrix] user must look like @name:server, not \"{}\"",
                    m.user
                )));
            }
            if !(m.homeserver.starts_with("http://") || m.homeserver.starts_with("https://")) {
                return Err(ConfigError::Invalid(
                    "[matrix] homeserver must be an http(s) URL".into(),
                ));
            }
        }
        if let Some(d) = &self.discord
            && let Some(base) = &d.api_base
            && !(base.starts_with("http://") || base.starts_with("https://"))
        {
            return Err(ConfigError::Invalid(
                "[discord] api_base must be an http(s) URL".into(),
            ));
        }
        if let Some(l) = &self.llm
            && !(l.endpoint.starts_with("http://") || l.endpoint.starts_with("https://"))
        {
            return Err(ConfigError::Invalid(
                "[llm] endpoint must be an http(s) URL".into(),
            ));
        }
        if !matches!(self.log.format.as_str(), "text" | "json") {
            return Err(ConfigError::Invalid(
                "[log] format is \"text\" or \"json\"".into(),
            ));
        }
        Ok(())
    }

    /// Where the anonymous-vote secret lives.
    pub fn secret_path(&self) -> PathBuf {
        self.storage
            .secret_file
            .clone()
            .unwrap_or_else(|| secret_beside(&self.storage.database))
    }
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

/// Load the anonymous-vote secret, creating it (32 random bytes, mode 0600) at first run.
pub fn load_or_create_secret(path: &Path) -> std::io::Result<crate::domain::anon::VoterSecret> {
    use rand::RngExt;
    if let Ok(text) = std::fs::read_to_string(path) {
        if let Ok(bytes) = hex::decode(text.trim())
            && bytes.len() >= 16
        {
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
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    use std::io::Write;
    let mut file = options.open(path)?;
    file.write_all(hex::encode(&bytes).as_bytes())?;
    file.sync_all()?;
    Ok(crate::domain::anon::VoterSecret::new(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_config_loads() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        std::fs::write(&path, include_str!("../config/colloquy.example.toml")).unwrap();
        let c = Config::load(&path).unwrap();
        assert!(c.discord.is_some() && c.matrix.is_some());
        assert!(c.storage.database.starts_with(dir.path()));
        // SAFETY (test only): no other test reads these variables.
        unsafe {
            std::env::set_var("COLLOQUY_MATRIX_PASSWORD_TEST_ONLY", "hunter2");
            std::env::set_var("COLLOQUY_LIMITS__MAX_UPLOAD_KIB", "99");
        }
        let c = Config::load(&path).unwrap();
        assert_eq!(c.limits.max_upload_kib, 99);
        unsafe {
            std::env::remove_var("COLLOQUY_LIMITS__MAX_UPLOAD_KIB");
        }
        std::fs::write(&path, "[storage]\ndatabse = \"x\"\n").unwrap();
        assert!(Config::load(&path).is_err(), "typos are refused");
        std::fs::write(
            &path,
            "[matrix]\nhomeserver = \"http://x\"\nuser = \"@a:x\"\n",
        )
        .unwrap();
        assert!(Config::load(&path).is_err(), "matrix needs a secret source");
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
