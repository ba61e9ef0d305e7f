//! Finding a group from what a person types on the command line: its channel key
//! (`console:sem`, `discord:123`) or its short name (`sem`, set by `setup --name` or the
//! console's `--group`). Finding never changes a group.

use super::{CommandError, Engine};
use crate::domain::ids::{ChannelKey, Platform};
use crate::store::Group;

/// What a look-up found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GroupLookup {
    Found(Box<Group>),
    /// Several groups have that short name: the key tells them apart.
    Ambiguous(Vec<Group>),
    /// No such group; the groups that exist, to name in the message.
    Missing(Vec<Group>),
}

impl GroupLookup {
    /// The group, or a message that says what there is instead. `create_hint` is added
    /// to the message for a missing group (e.g. "add --create to make a console group").
    pub fn found(self, query: &str, create_hint: Option<&str>) -> Result<Group, String> {
        match self {
            GroupLookup::Found(g) => Ok(*g),
            GroupLookup::Ambiguous(groups) => Err(format!(
                "several groups are named '{query}': {}; give the one you mean by its key",
                list(&groups)
            )),
            GroupLookup::Missing(groups) => {
                let here = if groups.is_empty() {
                    "this database has no groups yet".to_string()
                } else {
                    format!("groups here: {}", list(&groups))
                };
                let hint = create_hint.map(|h| format!("; {h}")).unwrap_or_default();
                Err(format!("no group named '{query}'; {here}{hint}"))
            }
        }
    }
}

/// "console:sem (Tuesday seminar), discord:123": each group's key and its name.
fn list(groups: &[Group]) -> String {
    groups
        .iter()
        .map(|g| match &g.name {
            Some(n) if format!("console:{n}") != g.channel => format!("{} ({n})", g.channel),
            _ => g.channel.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The channel a new group made from `query` gets: the key itself, or a console channel
/// named after it.
pub fn channel_for(query: &str) -> ChannelKey {
    let query = query.trim();
    query
        .parse()
        .unwrap_or_else(|_| ChannelKey::new(Platform::Console, query))
}

impl Engine {
    /// Find a group by its channel key or its short name; a bare name is also tried as
    /// a console channel (`sem` finds `console:sem` whatever `setup --name` called it).
    pub async fn find_group(&self, query: &str) -> Result<GroupLookup, CommandError> {
        let query = query.trim();
        let store = self.store();
        if query.is_empty() {
            return Ok(GroupLookup::Missing(store.groups().await?));
        }
        if let Ok(channel) = query.parse::<ChannelKey>() {
            return Ok(match store.group_by_channel(&channel).await? {
                Some(g) => GroupLookup::Found(Box::new(g)),
                None => GroupLookup::Missing(store.groups().await?),
            });
        }
        let mut named = store.groups_named(query).await?;
        if named.len() > 1 {
            return Ok(GroupLookup::Ambiguous(named));
        }
        if let Some(g) = named.pop() {
            return Ok(GroupLookup::Found(Box::new(g)));
        }
        let console = ChannelKey::new(Platform::Console, query);
        Ok(match store.group_by_channel(&console).await? {
            Some(g) => GroupLookup::Found(Box::new(g)),
            None => GroupLookup::Missing(store.groups().await?),
        })
    }
}
