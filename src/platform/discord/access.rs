//! Who is asking: a facilitator (Manage Server, Administrator, the server owner or the
//! configured facilitator role), a member of the server, or a stranger (a direct message);
//! and which group channel an interaction belongs to (a thread counts as its parent).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use poise::serenity_prelude as serenity;

use crate::domain::command::Role;
use crate::domain::ids::{ChannelKey, Platform};

/// What the role check needs to know about a server.
#[derive(Debug, Clone)]
struct GuildInfo {
    owner: serenity::UserId,
    /// (id, name, permissions); the @everyone role has the server's id.
    roles: Vec<(serenity::RoleId, String, serenity::Permissions)>,
}

/// How long a server's roles fetched over REST are trusted.
const GUILD_TTL: Duration = Duration::from_secs(300);

/// The role check, with the facilitator role from the config.
pub(crate) struct Access {
    /// A role name (case-insensitive) or id.
    facilitator_role: Option<String>,
    fetched: Mutex<HashMap<serenity::GuildId, (Instant, GuildInfo)>>,
}

impl Access {
    pub fn new(facilitator_role: Option<String>) -> Access {
        Access {
            facilitator_role: facilitator_role
                .map(|r| r.trim().to_string())
                .filter(|r| !r.is_empty()),
            fetched: Mutex::new(HashMap::new()),
        }
    }

    /// The server's owner and roles: from the gateway cache, else over REST (cached a while).
    async fn guild_info(
        &self,
        cache: &serenity::Cache,
        http: &serenity::Http,
        guild: serenity::GuildId,
    ) -> Option<GuildInfo> {
        if let Some(g) = cache.guild(guild) {
            return Some(GuildInfo {
                owner: g.owner_id,
                roles: g
                    .roles
                    .values()
                    .map(|r| (r.id, r.name.clone(), r.permissions))
                    .collect(),
            });
        }
        if let Ok(map) = self.fetched.lock()
            && let Some((at, info)) = map.get(&guild)
            && at.elapsed() < GUILD_TTL
        {
            return Some(info.clone());
        }
        match http.get_guild(guild).await {
            Ok(g) => {
                let info = GuildInfo {
                    owner: g.owner_id,
                    roles: g
                        .roles
                        .values()
                        .map(|r| (r.id, r.name.clone(), r.permissions))
                        .collect(),
                };
                if let Ok(mut map) = self.fetched.lock() {
                    map.insert(guild, (Instant::now(), info.clone()));
                }
                Some(info)
            }
            Err(e) => {
                tracing::warn!(error = %super::limits::describe(&e), "cannot read the server's roles");
                None
            }
        }
    }

    fn is_facilitator_role(&self, info: &GuildInfo, member_roles: &[serenity::RoleId]) -> bool {
        let Some(wanted) = &self.facilitator_role else {
            return false;
        };
        member_roles.iter().any(|id| {
            id.get().to_string() == *wanted
                || info
                    .roles
                    .iter()
                    .any(|(rid, name, _)| rid == id && name.eq_ignore_ascii_case(wanted))
        })
    }

    /// The role of a guild member. `permissions` are the member's computed permissions
    /// when Discord sent them (interactions do); otherwise they come from the roles.
    pub async fn role_of(
        &self,
        cache: &serenity::Cache,
        http: &serenity::Http,
        guild: Option<serenity::GuildId>,
        member: Option<&serenity::Member>,
    ) -> Role {
        let (Some(guild), Some(member)) = (guild, member) else {
            return Role::Stranger;
        };
        if let Some(p) = member.permissions
            && (p.manage_guild() || p.administrator())
        {
            return Role::Facilitator;
        }
        let info = self.guild_info(cache, http, guild).await;
        if let Some(info) = &info {
            if info.owner == member.user.id {
                return Role::Facilitator;
            }
            if member.permissions.is_none() {
                let perms = info
                    .roles
                    .iter()
                    .filter(|(id, _, _)| id.get() == guild.get() || member.roles.contains(id))
                    .fold(serenity::Permissions::empty(), |acc, (_, _, p)| acc | *p);
                if perms.manage_guild() || perms.administrator() {
                    return Role::Facilitator;
                }
            }
            if self.is_facilitator_role(info, &member.roles) {
                return Role::Facilitator;
            }
        }
        Role::Member
    }
}

/// The channel whose group a command or click belongs to: a thread's parent, else itself.
pub(crate) fn group_channel(
    cache: &serenity::Cache,
    guild: Option<serenity::GuildId>,
    channel: serenity::ChannelId,
    partial: Option<&serenity::PartialChannel>,
) -> ChannelKey {
    let is_thread = |k: serenity::ChannelType| {
        matches!(
            k,
            serenity::ChannelType::PublicThread
                | serenity::ChannelType::PrivateThread
                | serenity::ChannelType::NewsThread
        )
    };
    let parent = partial
        .filter(|p| is_thread(p.kind))
        .and_then(|p| p.parent_id)
        .or_else(|| {
            let g = cache.guild(guild?)?;
            g.threads
                .iter()
                .find(|t| t.id == channel)
                .and_then(|t| t.parent_id)
        });
    ChannelKey::new(
        Platform::Discord,
        parent.unwrap_or(channel).get().to_string(),
    )
}

/// The name shown for a member: their server nickname, global name or username.
pub(crate) fn display_name(user: &serenity::User, nick: Option<&str>) -> String {
    nick.map(str::to_string)
        .or_else(|| user.global_name.clone())
        .unwrap_or_else(|| user.name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(roles: Vec<u64>, permissions: Option<serenity::Permissions>) -> serenity::Member {
        let mut m = serenity::Member::default();
        m.user.id = serenity::UserId::new(7);
        m.roles = roles.into_iter().map(serenity::RoleId::new).collect();
        m.permissions = permissions;
        m
    }

    #[tokio::test]
    async fn roles_from_permissions_and_the_configured_role() {
        let access = Access::new(Some("Facilitator".into()));
        let guild = serenity::GuildId::new(1);
        // Seed the REST cache so that no request is made.
        access.fetched.lock().unwrap().insert(
            guild,
            (
                Instant::now(),
                GuildInfo {
                    owner: serenity::UserId::new(99),
                    roles: vec![
                        (
                            serenity::RoleId::new(1),
                            "@everyone".into(),
                            serenity::Permissions::empty(),
                        ),
                        (
                            serenity::RoleId::new(5),
                            "facilitator".into(),
                            serenity::Permissions::empty(),
                        ),
                        (
                            serenity::RoleId::new(6),
                            "Admin".into(),
                            serenity::Permissions::MANAGE_GUILD,
                        ),
                    ],
                },
            ),
        );
        let cache = serenity::Cache::new();
        let http = serenity::Http::new("x");
        let role = |m: serenity::Member| {
            let (access, cache, http) = (&access, &cache, &http);
            async move { access.role_of(cache, http, Some(guild), Some(&m)).await }
        };
        assert_eq!(
            role(member(vec![], Some(serenity::Permissions::MANAGE_GUILD))).await,
            Role::Facilitator
        );
        assert_eq!(
            role(member(vec![5], Some(serenity::Permissions::empty()))).await,
            Role::Facilitator
        );
        assert_eq!(role(member(vec![6], None)).await, Role::Facilitator);
        assert_eq!(
            role(member(vec![], Some(serenity::Permissions::SEND_MESSAGES))).await,
            Role::Member
        );
        assert_eq!(
            access.role_of(&cache, &http, None, None).await,
            Role::Stranger
        );
    }
}
