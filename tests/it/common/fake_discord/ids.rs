//! Snowflake ids and the fixed identities of the fake: application, bot, guild, roles, channel.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use serenity::model::Permissions;

/// Discord's epoch (2015-01-01T00:00:00Z) in milliseconds since the Unix epoch.
const DISCORD_EPOCH_MS: u64 = 1_420_070_400_000;

/// Hands out increasing snowflakes built like Discord's: milliseconds since 2015 shifted left by
/// 22 bits, so ids are realistic 18-19 digit values and their timestamps are now.
#[derive(Debug, Default)]
pub struct Snowflakes {
    last: AtomicU64,
    /// How far the fake's clock runs ahead of the machine's (see `FakeDiscord::advance`).
    ahead_ms: AtomicU64,
}

impl Snowflakes {
    pub fn next(&self) -> u64 {
        let now_ms = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_millis() as u64)
            .unwrap_or(DISCORD_EPOCH_MS)
            + self.ahead_ms.load(Ordering::SeqCst);
        let candidate = now_ms.saturating_sub(DISCORD_EPOCH_MS) << 22;
        let previous = self
            .last
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |last| {
                Some(candidate.max(last + 1))
            })
            .unwrap_or_else(|last| last);
        candidate.max(previous + 1)
    }

    /// Moves the clock ids are made from forward by `ms` (time passing in a test).
    pub fn advance(&self, ms: u64) {
        self.ahead_ms.fetch_add(ms, Ordering::SeqCst);
    }

    /// Makes sure no later id is `id` or below (for an id made by hand).
    pub fn reserve_through(&self, id: u64) {
        self.last.fetch_max(id, Ordering::SeqCst);
    }
}

/// The Unix time in milliseconds at which a snowflake was made.
pub fn snowflake_unix_ms(id: u64) -> u64 {
    (id >> 22) + DISCORD_EPOCH_MS
}

/// The RFC 3339 timestamp of a snowflake, as Discord writes message timestamps.
pub fn snowflake_timestamp(id: u64) -> String {
    let ms = i64::try_from(snowflake_unix_ms(id)).unwrap_or(0);
    chrono::DateTime::from_timestamp_millis(ms)
        .unwrap_or_default()
        .format("%Y-%m-%dT%H:%M:%S%.6f+00:00")
        .to_string()
}

/// The fixed ids of one fake Discord world. The application id equals the bot user's id and
/// the @everyone role's id equals the guild id, as on Discord.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Identities {
    pub application_id: u64,
    pub bot_user_id: u64,
    pub owner_user_id: u64,
    pub guild_id: u64,
    pub everyone_role_id: u64,
    pub facilitator_role_id: u64,
    pub admin_role_id: u64,
    pub bot_role_id: u64,
    pub channel_id: u64,
}

impl Identities {
    pub fn generate(ids: &Snowflakes) -> Self {
        let bot = ids.next();
        let guild = ids.next();
        Self {
            application_id: bot,
            bot_user_id: bot,
            owner_user_id: ids.next(),
            guild_id: guild,
            everyone_role_id: guild,
            facilitator_role_id: ids.next(),
            admin_role_id: ids.next(),
            bot_role_id: ids.next(),
            channel_id: ids.next(),
        }
    }
}

impl Identities {
    /// The same world seen from another guild: its id (also its @everyone role's) and its
    /// first text channel; application, bot and the named roles stay.
    pub fn in_guild(&self, guild_id: u64, channel_id: u64) -> Identities {
        Identities {
            guild_id,
            everyone_role_id: guild_id,
            channel_id,
            ..*self
        }
    }
}

/// Permissions Discord gives @everyone in a new guild (the ones that matter here).
pub fn everyone_permissions() -> Permissions {
    Permissions::VIEW_CHANNEL
        | Permissions::SEND_MESSAGES
        | Permissions::READ_MESSAGE_HISTORY
        | Permissions::EMBED_LINKS
        | Permissions::ATTACH_FILES
        | Permissions::ADD_REACTIONS
        | Permissions::USE_APPLICATION_COMMANDS
        | Permissions::CREATE_PUBLIC_THREADS
        | Permissions::SEND_MESSAGES_IN_THREADS
        | Permissions::SEND_POLLS
}

/// What the bot's managed role grants: everything a discussion bot needs.
pub fn bot_permissions() -> Permissions {
    everyone_permissions()
        | Permissions::MANAGE_MESSAGES
        | Permissions::MANAGE_THREADS
        | Permissions::CREATE_PRIVATE_THREADS
}

/// A guild member the tests act as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub id: u64,
    pub name: String,
    pub roles: Vec<u64>,
    /// Total guild permissions (what Discord puts in `member.permissions` of an interaction).
    pub permissions: Permissions,
    pub bot: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snowflakes_increase_and_look_real() {
        let ids = Snowflakes::default();
        let a = ids.next();
        let b = ids.next();
        assert!(b > a);
        let digits = a.to_string().len();
        assert!((18..=19).contains(&digits), "{a} has {digits} digits");
        let ts = snowflake_timestamp(a);
        assert!(ts.starts_with("20"), "{ts}");
    }
}
