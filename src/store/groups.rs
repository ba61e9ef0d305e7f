//! Groups: a channel or room bound as a reading group, with its schedule settings.

use sqlx::FromRow;

use super::db::on_pool;

use super::{Result, Store};
use crate::domain::ids::{ChannelKey, Platform};
use crate::domain::schedule::{CatchUp, ClockTime, Days, Schedule, Zone};
use crate::i18n::Locale;

/// A group as stored.
#[derive(Debug, Clone, FromRow, PartialEq, Eq)]
pub struct Group {
    pub id: i64,
    pub channel: String,
    /// Parsed as the row is read: a row with an unknown platform is an error, not a guess.
    #[sqlx(try_from = "String")]
    pub platform: Platform,
    pub name: Option<String>,
    /// Checked as the row is read: a zone the time-zone database does not know is an error.
    #[sqlx(try_from = "String")]
    pub time_zone: Zone,
    #[sqlx(try_from = "String")]
    pub post_time: ClockTime,
    #[sqlx(try_from = "String")]
    pub days: Days,
    #[sqlx(try_from = "String")]
    pub catch_up: CatchUp,
    #[sqlx(try_from = "String")]
    pub summary_time: ClockTime,
    /// The weekday of the weekly digest (one day).
    #[sqlx(try_from = "String")]
    pub digest_day: Days,
    #[sqlx(try_from = "String")]
    pub digest_time: ClockTime,
    pub words: i64,
    pub paused: bool,
    pub skip_through: Option<String>,
    pub created_at: i64,
    /// The language the bot speaks here (`setup --language`).
    #[sqlx(try_from = "String")]
    pub language: Locale,
    /// The voice or stage channel whose members count as present at live sessions
    /// (`setup --voice-channel`, Discord), as a channel key; `None`: none is followed.
    pub voice_channel: Option<String>,
}

impl Group {
    /// The group's channel key.
    pub fn channel_key(&self) -> Result<ChannelKey, crate::domain::ids::IdError> {
        self.channel.parse()
    }

    /// The schedule (every part was checked as the row was read).
    pub fn schedule(&self) -> Schedule {
        Schedule {
            tz: self.time_zone.tz(),
            post_time: self.post_time.time(),
            days: self.days,
            catch_up: self.catch_up,
            summary_time: self.summary_time.time(),
        }
    }

    /// Its settings as `setup` stores them (without a new name).
    pub fn settings(&self) -> GroupSettings {
        GroupSettings {
            name: None,
            time_zone: self.time_zone,
            post_time: self.post_time,
            days: self.days,
            catch_up: self.catch_up,
            summary_time: self.summary_time,
            words: self.words,
            language: self.language,
        }
    }

    /// The language the bot speaks in this group.
    pub fn locale(&self) -> Locale {
        self.language
    }

    /// A short name to show: the given name, or the channel.
    pub fn label(&self) -> String {
        self.name.clone().unwrap_or_else(|| self.channel.clone())
    }
}

/// Settings to store with `setup`, already validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupSettings {
    pub name: Option<String>,
    pub time_zone: Zone,
    pub post_time: ClockTime,
    pub days: Days,
    pub catch_up: CatchUp,
    pub summary_time: ClockTime,
    pub words: i64,
    pub language: Locale,
}

impl Default for GroupSettings {
    /// A new group's settings: 09:00 UTC daily, summaries at 21:00, about 220 words.
    fn default() -> Self {
        let at = |h, m| ClockTime(chrono::NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default());
        GroupSettings {
            name: None,
            time_zone: Zone(chrono_tz::UTC),
            post_time: at(9, 0),
            days: Days::ALL,
            catch_up: CatchUp::Latest,
            summary_time: at(21, 0),
            words: 220,
            language: Locale::En,
        }
    }
}

pub(super) const GROUP_COLUMNS: &str = COLUMNS;

const COLUMNS: &str = "id, channel, platform, name, time_zone, post_time, days, catch_up, summary_time, \
                       digest_day, digest_time, words, paused, skip_through, created_at, language, \
                       voice_channel";

impl Store {
    pub async fn group_by_channel(&self, channel: &ChannelKey) -> Result<Option<Group>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM groups WHERE channel = $1"
        )))
        .bind(channel.key())
        .fetch_optional(c).await)?,
        )
    }

    /// The languages of the groups `member` (a member key) took part in, by a reply or a
    /// named vote: the group they were last active in first, one entry per group.
    pub async fn member_group_locales(&self, member: &str) -> Result<Vec<Locale>> {
        let rows: Vec<(String, i64)> = on_pool!(&self.pool, c => sqlx::query_as(
            "SELECT g.language, MAX(t.at) AS last FROM (
                 SELECT s.group_id AS group_id, r.posted_at AS at
                   FROM replies r JOIN sessions s ON s.id = r.session_id
                  WHERE r.member_key = $1
                 UNION ALL
                 SELECT p.group_id AS group_id, COALESCE(v.voted_at, 0) AS at
                   FROM votes v JOIN polls p ON p.id = v.poll_id
                  WHERE v.member_key = $1
             ) t JOIN groups g ON g.id = t.group_id
             GROUP BY g.id, g.language
             ORDER BY last DESC, g.id",
        )
        .bind(member)
        .fetch_all(c).await)?;
        rows.into_iter()
            .map(|(code, _)| {
                code.parse::<Locale>()
                    .map_err(|e| super::StoreError::Unreadable {
                        what: "groups.language".into(),
                        reason: e.to_string(),
                    })
            })
            .collect()
    }

    pub async fn group(&self, id: i64) -> Result<Option<Group>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM groups WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(c).await)?,
        )
    }

    /// Groups whose short name is `name` (ignoring case and surrounding spaces).
    pub async fn groups_named(&self, name: &str) -> Result<Vec<Group>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM groups WHERE name IS NOT NULL AND lower(trim(name)) = lower(trim($1)) ORDER BY id"
        )))
        .bind(name)
        .fetch_all(c).await)?,
        )
    }

    pub async fn groups(&self) -> Result<Vec<Group>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM groups ORDER BY id"
        )))
        .fetch_all(c).await)?,
        )
    }

    /// Create the group or update its settings; returns it and whether it was new.
    pub async fn upsert_group(
        &self,
        channel: &ChannelKey,
        settings: &GroupSettings,
        now_ms: i64,
    ) -> Result<(Group, bool)> {
        let existed = self.group_by_channel(channel).await?.is_some();
        on_pool!(&self.pool, c => sqlx::query(
            "INSERT INTO groups (channel, platform, name, time_zone, post_time, days, catch_up, summary_time, words, created_at, language)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
             ON CONFLICT(channel) DO UPDATE SET
               name = COALESCE(excluded.name, groups.name), time_zone = excluded.time_zone,
               post_time = excluded.post_time, days = excluded.days, catch_up = excluded.catch_up,
               summary_time = excluded.summary_time, words = excluded.words,
               language = excluded.language",
        )
        .bind(channel.key())
        .bind(channel.platform.as_str())
        .bind(&settings.name)
        .bind(settings.time_zone.name())
        .bind(settings.post_time.to_string())
        .bind(settings.days.to_string())
        .bind(settings.catch_up.as_str())
        .bind(settings.summary_time.to_string())
        .bind(settings.words)
        .bind(now_ms)
        .bind(settings.language.code())
        .execute(c).await.map(|d| d.rows_affected()))?;
        let group =
            self.group_by_channel(channel)
                .await?
                .ok_or_else(|| super::StoreError::Vanished {
                    what: format!("the group of {}", channel.key()),
                })?;
        Ok((group, !existed))
    }

    /// Follow `channel` (a voice or stage channel) for the group's attendance, or none.
    pub async fn set_voice_channel(
        &self,
        group_id: i64,
        channel: Option<&ChannelKey>,
    ) -> Result<()> {
        on_pool!(&self.pool, c => sqlx::query("UPDATE groups SET voice_channel = $1 WHERE id = $2")
            .bind(channel.map(ChannelKey::key))
            .bind(group_id)
            .execute(c).await.map(|d| d.rows_affected()))?;
        Ok(())
    }

    /// The groups that follow the voice channel `channel` (usually one).
    pub async fn groups_by_voice_channel(&self, channel: &ChannelKey) -> Result<Vec<Group>> {
        Ok(
            on_pool!(&self.pool, c => sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM groups WHERE voice_channel = $1 ORDER BY id"
        )))
        .bind(channel.key())
        .fetch_all(c).await)?,
        )
    }

    pub async fn set_paused(&self, group_id: i64, paused: bool) -> Result<()> {
        on_pool!(&self.pool, c => sqlx::query("UPDATE groups SET paused = $1 WHERE id = $2")
            .bind(paused)
            .bind(group_id)
            .execute(c).await.map(|d| d.rows_affected()))?;
        Ok(())
    }

    pub async fn set_skip_through(&self, group_id: i64, date: Option<&str>) -> Result<()> {
        on_pool!(&self.pool, c => sqlx::query("UPDATE groups SET skip_through = $1 WHERE id = $2")
            .bind(date)
            .bind(group_id)
            .execute(c).await.map(|d| d.rows_affected()))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_support::{TestDb, temp_store};

    crate::store_test! {
        /// A row the time-zone database or the platform list does not know is an error that
        /// names the column, never a group quietly on UTC or on a guessed platform.
        async fn rows_with_an_unknown_zone_or_platform_are_errors_not_guesses(db: TestDb) {
            let (store, _dir) = temp_store(db).await;
            for (channel, platform, zone, bad) in [
                ("console:a", "console", "Mars/Olympus", "time_zone"),
                ("console:b", "carrier-pigeon", "UTC", "platform"),
            ] {
                crate::store::db::on_pool!(store.pool(), c => sqlx::query(
                    "INSERT INTO groups (channel, platform, time_zone, post_time, days, catch_up, summary_time, words, created_at)
                     VALUES ($1, $2, $3, '09:00', 'daily', 'latest', '21:00', 220, 0)",
                )
                .bind(channel)
                .bind(platform)
                .bind(zone)
                .execute(c).await.map(|d| d.rows_affected()))
                .unwrap();
                let key: crate::domain::ids::ChannelKey = channel.parse().unwrap();
                let err = store.group_by_channel(&key).await.unwrap_err().to_string();
                assert!(err.contains(bad), "{err}");
                crate::store::db::on_pool!(store.pool(), c => sqlx::query("DELETE FROM groups")
                    .execute(c).await.map(|d| d.rows_affected()))
                    .unwrap();
            }
        }
    }

    crate::store_test! {
        /// Every schedule column is checked as the row is read: a hand-edited post time, day
        /// list or digest day is an error naming the column (the schema itself refuses a bad
        /// catch-up rule), not a failure later in the
        /// scheduler or a silent default. Settings round-trip through their stored form.
        async fn schedule_columns_are_typed_and_checked_as_the_row_is_read(db: TestDb) {
            let (store, _dir) = temp_store(db).await;
            let key: crate::domain::ids::ChannelKey = "console:typed".parse().unwrap();
            let settings = GroupSettings {
                days: Days::parse("mon,wed,fri").unwrap(),
                catch_up: CatchUp::Skip,
                post_time: "07:30".parse().unwrap(),
                ..GroupSettings::default()
            };
            let (group, _) = store.upsert_group(&key, &settings, 0).await.unwrap();
            assert_eq!(group.days.to_string(), "mon,wed,fri");
            assert_eq!(group.catch_up, CatchUp::Skip);
            assert_eq!(group.post_time.to_string(), "07:30");
            assert_eq!(group.digest_day.to_string(), "sun");
            for (column, value) in [
                ("post_time", "9 o'clock"),
                ("days", "someday"),
                ("summary_time", "25:00"),
                ("digest_day", "funday"),
            ] {
                crate::store::db::on_pool!(store.pool(), c => sqlx::query(sqlx::AssertSqlSafe(format!(
                    "UPDATE groups SET {column} = $1 WHERE channel = 'console:typed'"
                )))
                .bind(value)
                .execute(c).await.map(|d| d.rows_affected()))
                .unwrap();
                let err = store.group_by_channel(&key).await.unwrap_err().to_string();
                assert!(err.contains(column), "{column}: {err}");
                crate::store::db::on_pool!(store.pool(), c => sqlx::query("DELETE FROM groups")
                    .execute(c).await.map(|d| d.rows_affected()))
                    .unwrap();
                store.upsert_group(&key, &settings, 0).await.unwrap();
            }
        }
    }
}
