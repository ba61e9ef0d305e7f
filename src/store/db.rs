//! The two engines under one store: where a database is ([`Location`]), its connection
//! pool ([`Pool`]) and write transaction ([`Tx`]), and the macros that run one SQL text on
//! whichever engine is open. SQL is written once with `$1`-style placeholders, which both
//! SQLite and PostgreSQL accept; the few statements that differ say so where they are.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use sqlx::{PgPool, Postgres, Sqlite, SqlitePool, Transaction};

/// Where a database is: a SQLite file or a PostgreSQL server.
#[derive(Clone, PartialEq, Eq)]
pub enum Location {
    Sqlite(PathBuf),
    /// A `postgres://` URL (it may hold a password: shown only through `Display`, which
    /// hides it).
    Postgres(String),
}

impl Location {
    /// The SQLite file, if this is one.
    pub fn sqlite_path(&self) -> Option<&Path> {
        match self {
            Location::Sqlite(p) => Some(p),
            Location::Postgres(_) => None,
        }
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self, Location::Postgres(_))
    }
}

impl FromStr for Location {
    type Err = String;

    /// `postgres://…` or `postgresql://…` is a server; `sqlite://PATH`, `sqlite:PATH` or a
    /// plain path is a SQLite file.
    fn from_str(s: &str) -> Result<Location, String> {
        let s = s.trim();
        if s.is_empty() {
            return Err("the database is empty: give a file name or a postgres:// URL".into());
        }
        if s.starts_with("postgres://") || s.starts_with("postgresql://") {
            // Checked here so a typo is reported at start, naming the URL without its password.
            sqlx::postgres::PgConnectOptions::from_str(s).map_err(|e| {
                format!(
                    "{} is not a PostgreSQL URL: {}",
                    redact(s),
                    redact_in(&e.to_string(), s)
                )
            })?;
            return Ok(Location::Postgres(s.to_string()));
        }
        if let Some(rest) = s
            .strip_prefix("sqlite://")
            .or_else(|| s.strip_prefix("sqlite:"))
        {
            if rest.is_empty() {
                return Err("sqlite:// needs a file name, e.g. sqlite://colloquy.db".into());
            }
            return Ok(Location::Sqlite(PathBuf::from(rest)));
        }
        if let Some((scheme, _)) = s.split_once("://") {
            return Err(format!(
                "unknown database scheme `{scheme}://`: use sqlite://FILE or postgres://…"
            ));
        }
        Ok(Location::Sqlite(PathBuf::from(s)))
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Sqlite(p) => write!(f, "{}", p.display()),
            Location::Postgres(url) => f.write_str(&redact(url)),
        }
    }
}

impl fmt::Debug for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Location({self})")
    }
}

impl serde::Serialize for Location {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Location::Sqlite(p) => s.serialize_str(&p.to_string_lossy()),
            // Serialized for `check-config` and logs: never with its password.
            Location::Postgres(url) => s.serialize_str(&redact(url)),
        }
    }
}

impl<'de> serde::Deserialize<'de> for Location {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A URL with its password (and any `password=` parameter) replaced by `***`.
pub fn redact(url: &str) -> String {
    let mut out = url.to_string();
    if let Some((scheme, rest)) = url.split_once("://") {
        let (authority, tail) = match rest.find(['/', '?']) {
            Some(i) => rest.split_at(i),
            None => (rest, ""),
        };
        if let Some((userinfo, host)) = authority.rsplit_once('@') {
            let user = userinfo.split_once(':').map(|(u, _)| u).unwrap_or(userinfo);
            let hidden = if userinfo.contains(':') { ":***" } else { "" };
            out = format!("{scheme}://{user}{hidden}@{host}{tail}");
        }
    }
    // `?password=…` in the query string.
    if let Some(i) = out.find("password=") {
        let end = out[i..].find('&').map(|e| i + e).unwrap_or(out.len());
        out.replace_range(i + "password=".len()..end, "***");
    }
    out
}

/// `text` with the password of `url` (if any) replaced, for errors that might echo it.
pub fn redact_in(text: &str, url: &str) -> String {
    let password = url
        .split_once("://")
        .and_then(|(_, rest)| rest.split(['/', '?']).next())
        .and_then(|authority| authority.rsplit_once('@'))
        .and_then(|(userinfo, _)| userinfo.split_once(':'))
        .map(|(_, p)| p)
        .filter(|p| !p.is_empty());
    match password {
        Some(p) => text.replace(p, "***"),
        None => text.to_string(),
    }
}

/// The open database's connections.
#[derive(Clone, Debug)]
pub enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

impl Pool {
    pub fn is_postgres(&self) -> bool {
        matches!(self, Pool::Postgres(_))
    }

    pub async fn close(&self) {
        match self {
            Pool::Sqlite(p) => p.close().await,
            Pool::Postgres(p) => p.close().await,
        }
    }

    pub fn is_closed(&self) -> bool {
        match self {
            Pool::Sqlite(p) => p.is_closed(),
            Pool::Postgres(p) => p.is_closed(),
        }
    }
}

/// A write transaction on either engine. Ends with [`Tx::commit`]; dropped, it rolls back.
pub struct Tx(pub(super) TxKind);

pub(super) enum TxKind {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

impl Tx {
    pub async fn commit(self) -> super::Result<()> {
        match self.0 {
            TxKind::Sqlite(t) => t.commit().await?,
            TxKind::Postgres(t) => t.commit().await?,
        }
        Ok(())
    }

    pub async fn rollback(self) -> super::Result<()> {
        match self.0 {
            TxKind::Sqlite(t) => t.rollback().await?,
            TxKind::Postgres(t) => t.rollback().await?,
        }
        Ok(())
    }
}

/// A JSON array stored as text (the same on both engines), decoded as the row is read:
/// `#[sqlx(try_from = "JsonColumn")]` on a field whose type reads from it.
pub struct JsonColumn(String);

impl<DB: sqlx::Database> sqlx::Type<DB> for JsonColumn
where
    String: sqlx::Type<DB>,
{
    fn type_info() -> DB::TypeInfo {
        <String as sqlx::Type<DB>>::type_info()
    }
    fn compatible(ty: &DB::TypeInfo) -> bool {
        <String as sqlx::Type<DB>>::compatible(ty)
    }
}

impl<'r, DB: sqlx::Database> sqlx::Decode<'r, DB> for JsonColumn
where
    String: sqlx::Decode<'r, DB>,
{
    fn decode(value: DB::ValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
        Ok(JsonColumn(<String as sqlx::Decode<DB>>::decode(value)?))
    }
}

impl TryFrom<JsonColumn> for Vec<String> {
    type Error = serde_json::Error;
    fn try_from(c: JsonColumn) -> Result<Self, Self::Error> {
        serde_json::from_str(&c.0)
    }
}

impl TryFrom<JsonColumn> for Vec<crate::domain::reading::MetaItem> {
    type Error = serde_json::Error;
    fn try_from(c: JsonColumn) -> Result<Self, Self::Error> {
        serde_json::from_str(&c.0)
    }
}

/// Run `$body` with `$c` bound to the pool of whichever engine `$pool` (a `&Pool`) is.
/// The body is compiled once per engine, so a query's types are checked for both.
macro_rules! on_pool {
    ($pool:expr, $c:ident => $body:expr) => {
        match $pool {
            $crate::store::db::Pool::Sqlite($c) => $body,
            $crate::store::db::Pool::Postgres($c) => $body,
        }
    };
}

/// Run `$body` with `$c` bound to the connection of the transaction `$tx` (a `&mut Tx`).
macro_rules! on_tx {
    ($tx:expr, $c:ident => $body:expr) => {
        match &mut $tx.0 {
            $crate::store::db::TxKind::Sqlite(t) => {
                let $c = &mut **t;
                $body
            }
            $crate::store::db::TxKind::Postgres(t) => {
                let $c = &mut **t;
                $body
            }
        }
    };
}

pub(crate) use {on_pool, on_tx};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_parse_and_hide_passwords() {
        assert_eq!(
            "colloquy.db".parse::<Location>().unwrap(),
            Location::Sqlite("colloquy.db".into())
        );
        assert_eq!(
            "sqlite://data/c.db".parse::<Location>().unwrap(),
            Location::Sqlite("data/c.db".into())
        );
        let pg: Location = "postgres://bot:s3cret@db.example:5432/colloquy"
            .parse()
            .unwrap();
        assert!(pg.is_postgres());
        assert_eq!(
            pg.to_string(),
            "postgres://bot:***@db.example:5432/colloquy"
        );
        assert_eq!(
            redact("postgres://db/c?user=bot&password=s3cret&sslmode=disable"),
            "postgres://db/c?user=bot&password=***&sslmode=disable"
        );
        assert_eq!(
            redact_in("failed for s3cret", "postgres://bot:s3cret@h/db"),
            "failed for ***"
        );
        let err = "mysql://x".parse::<Location>().unwrap_err();
        assert!(err.contains("mysql://"), "{err}");
    }
}
