//! Notes, decisions and action items for the minutes: each filed under the agenda item
//! running when it was written; actions have an owner (a member of the group) and an
//! optional due date, are listed with `action list`, posted at the start of the group's
//! next session while open, and closed with `action done N`.

use super::messages;
use crate::domain::command::Role;
use crate::domain::ids::{MemberKey, Platform};
use crate::domain::live::{MAX_NOTE_CHARS, parse_due};
use crate::engine::{Caller, CommandError, Engine, Reply, store_ms};
use crate::i18n::Locale;
use crate::store::{Group, MinutesItemRow, NewMinutesItem};

/// A member named in a command: their key and the name to show.
struct Named {
    key: String,
    name: String,
}

impl Engine {
    /// The text of a note, decision or action, checked.
    fn minutes_text(loc: Locale, text: &str, what: &str) -> Result<String, CommandError> {
        let text = crate::domain::text::defang_mentions(text.trim());
        if text.is_empty() {
            return Err(CommandError::invalid(messages::text_empty(loc, what)));
        }
        if text.chars().count() > MAX_NOTE_CHARS {
            return Err(CommandError::invalid(messages::text_too_long(loc, what)));
        }
        Ok(text)
    }

    /// `note` and `decision`.
    pub(in crate::engine) async fn add_note(
        &self,
        group: &Group,
        caller: &Caller,
        kind: &'static str,
        text: &str,
    ) -> Result<Reply, CommandError> {
        let loc = group.locale();
        let session = self.live_session(group).await?;
        let text = Self::minutes_text(loc, text, kind)?;
        let now = store_ms(self.now());
        let run = self.item_at(session.id, now).await?;
        let id = self
            .store()
            .add_minutes_item(
                &NewMinutesItem {
                    group_id: group.id,
                    session_id: session.id,
                    item_id: run.as_ref().map(|r| r.item_id),
                    kind,
                    text: &text,
                    author_key: &caller.key.key(),
                    owner_key: None,
                    due: None,
                    created_at: now,
                },
                &crate::engine::record::clean_name(&caller.name),
                None,
            )
            .await?;
        Ok(Reply::public(messages::noted(
            loc,
            kind,
            id,
            run.as_ref().map(|r| r.title.as_str()),
        )))
    }

    /// Who `typed` names in this group: a mention (`<@123>`), a Matrix id, or `@name` /
    /// `name` as the group knows them.
    async fn member_named(&self, group: &Group, typed: &str) -> Result<Named, CommandError> {
        let loc = group.locale();
        let platform = group.platform;
        let t = typed.trim();
        let shown = t.to_string();
        let not_member = || CommandError::invalid(messages::not_a_member(loc, &shown));
        // A platform mention or id first.
        let direct: Option<MemberKey> = match platform {
            Platform::Discord => t
                .strip_prefix("<@")
                .and_then(|r| r.strip_suffix('>'))
                .map(|r| r.trim_start_matches('!'))
                .filter(|id| !id.is_empty() && id.chars().all(|c| c.is_ascii_digit()))
                .map(|id| MemberKey::new(Platform::Discord, id)),
            Platform::Matrix => {
                (t.starts_with('@') && t.contains(':')).then(|| MemberKey::new(Platform::Matrix, t))
            }
            Platform::Console => None,
        };
        if let Some(key) = direct {
            let k = key.key();
            if self.store().member_in_group(group.id, &k).await? {
                let name = self
                    .store()
                    .member_display_name(&k)
                    .await?
                    .unwrap_or_else(|| t.to_string());
                return Ok(Named { key: k, name });
            }
            // Not seen here yet: the platform knows whether they are in the channel.
            let channel = group
                .channel_key()
                .map_err(|e| CommandError::Internal(e.to_string()))?;
            if let Some(port) = self.port(platform)
                && let Ok(role) = port.role_in(&channel, &key).await
                && role >= Role::Member
            {
                let name = self
                    .store()
                    .member_display_name(&k)
                    .await?
                    .unwrap_or_else(|| t.trim_start_matches('@').to_string());
                return Ok(Named { key: k, name });
            }
            return Err(not_member());
        }
        let name = t.trim_start_matches('@');
        if name.is_empty() {
            return Err(not_member());
        }
        if platform == Platform::Console {
            let k = MemberKey::new(Platform::Console, name).key();
            if self.store().member_in_group(group.id, &k).await? {
                let shown = self
                    .store()
                    .member_display_name(&k)
                    .await?
                    .unwrap_or_else(|| name.to_string());
                return Ok(Named {
                    key: k,
                    name: shown,
                });
            }
        }
        let keys = self.store().group_members_named(group.id, name).await?;
        match keys.as_slice() {
            [one] => Ok(Named {
                key: one.clone(),
                name: self
                    .store()
                    .member_display_name(one)
                    .await?
                    .unwrap_or_else(|| name.to_string()),
            }),
            [] => Err(not_member()),
            many => Err(CommandError::invalid(messages::ambiguous_member(
                loc,
                &shown,
                many.len(),
            ))),
        }
    }

    pub(in crate::engine) async fn action_add(
        &self,
        group: &Group,
        caller: &Caller,
        owner: &str,
        text: &str,
        due: Option<String>,
    ) -> Result<Reply, CommandError> {
        let loc = group.locale();
        let session = self.live_session(group).await?;
        let text = Self::minutes_text(loc, text, "action")?;
        let tz = Engine::zone(group);
        let today = self.now().with_timezone(&tz).date_naive();
        let due = due
            .map(|d| parse_due(&d, today).map_err(|e| CommandError::invalid(e.to_string())))
            .transpose()?
            .map(|d| d.to_string());
        let owner = self.member_named(group, owner).await?;
        // The owner's name as they are known, not as typed.
        let now = store_ms(self.now());
        let run = self.item_at(session.id, now).await?;
        let id = self
            .store()
            .add_minutes_item(
                &NewMinutesItem {
                    group_id: group.id,
                    session_id: session.id,
                    item_id: run.as_ref().map(|r| r.item_id),
                    kind: "action",
                    text: &text,
                    author_key: &caller.key.key(),
                    owner_key: Some(&owner.key),
                    due: due.as_deref(),
                    created_at: now,
                },
                &crate::engine::record::clean_name(&caller.name),
                Some(&owner.name),
            )
            .await?;
        Ok(Reply::public(messages::action_added(
            loc,
            id,
            &owner.name,
            due.as_deref(),
            run.as_ref().map(|r| r.title.as_str()),
        )))
    }

    /// The open actions as a list (`at_start`: the post at a session's start).
    pub(in crate::engine) async fn open_actions_text(
        &self,
        group: &Group,
        at_start: bool,
    ) -> Result<String, CommandError> {
        let loc = group.locale();
        let open = self.store().open_actions(group.id).await?;
        if open.is_empty() {
            return Ok(if at_start {
                messages::all_actions_done(loc)
            } else {
                messages::no_open_actions(loc)
            });
        }
        let today = self
            .now()
            .with_timezone(&Engine::zone(group))
            .date_naive()
            .to_string();
        let mut text = if at_start {
            messages::open_actions_at_start(loc)
        } else {
            messages::open_actions_header(loc)
        };
        for a in &open {
            text.push('\n');
            text.push_str(&action_line(loc, a, &today));
        }
        Ok(text)
    }

    pub(in crate::engine) async fn action_list(
        &self,
        group: &Group,
    ) -> Result<Reply, CommandError> {
        Ok(Reply::private(self.open_actions_text(group, false).await?))
    }

    pub(in crate::engine) async fn action_done(
        &self,
        group: &Group,
        caller: &Caller,
        id: i64,
    ) -> Result<Reply, CommandError> {
        let loc = group.locale();
        let Some(item) = self.store().minutes_item(group.id, id).await? else {
            return Err(CommandError::invalid(messages::no_such_action(loc, id)));
        };
        if item.kind != "action" {
            return Err(CommandError::invalid(messages::not_an_action(loc, id)));
        }
        if item.done_at.is_some() {
            return Err(CommandError::invalid(messages::action_already_done(
                loc, id,
            )));
        }
        let owner = item
            .owner
            .clone()
            .unwrap_or_else(|| crate::t!(loc, "a-member"));
        if caller.role < Role::Facilitator && item.owner_key.as_deref() != Some(&caller.key.key()) {
            return Err(CommandError::invalid(messages::action_not_yours(
                loc, id, &owner,
            )));
        }
        if !self.store().finish_action(id, store_ms(self.now())).await? {
            return Err(CommandError::invalid(messages::action_already_done(
                loc, id,
            )));
        }
        Ok(Reply::public(messages::action_done(
            loc, id, &owner, &item.text,
        )))
    }

    /// Queue the open actions for the start of a session (when there are any), once a
    /// day: a live seminar and the day's excerpt do not both repeat them.
    pub(crate) async fn post_open_actions(&self, group: &Group) -> Result<(), CommandError> {
        let group_id = group.id;
        if self.store().open_actions(group_id).await?.is_empty() {
            return Ok(());
        }
        let day = self
            .now()
            .with_timezone(&Engine::zone(group))
            .date_naive()
            .to_string();
        let (key, payload) = super::LivePost::OpenActions { group_id, day }.entry();
        self.store()
            .enqueue(group_id, &key, &payload, store_ms(self.now()))
            .await?;
        Ok(())
    }
}

/// "- #3 **Ana**: circulate the map (due 2026-03-06)".
pub(crate) fn action_line(loc: Locale, a: &MinutesItemRow, today: &str) -> String {
    let owner = a
        .owner
        .clone()
        .unwrap_or_else(|| crate::t!(loc, "a-member"));
    let overdue = a.done_at.is_none() && a.due.as_deref().is_some_and(|d| d < today);
    messages::action_line(loc, a.id, &owner, &a.text, a.due.as_deref(), overdue)
}
