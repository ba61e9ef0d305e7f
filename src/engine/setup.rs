//! `setup`, the daily schedule's status, pause, resume and skip, and `help`.

use super::{CommandError, Engine, Reply, local_label_in};
use crate::domain::command::{Role, SetupArgs, VERBS, Verb, VoiceChannelArg, closest, verbs_for};
use crate::domain::ids::{ChannelKey, Platform};
use std::str::FromStr;

use crate::domain::schedule::{Days, ScheduleError};
use crate::i18n::{self, Locale};
use crate::store::{Group, GroupSettings};
use crate::t;

impl Engine {
    pub(super) async fn setup(
        &self,
        channel: &ChannelKey,
        args: SetupArgs,
    ) -> Result<Reply, CommandError> {
        let existing = self.store().group_by_channel(channel).await?;
        let current = existing.as_ref().map(Group::settings).unwrap_or_default();
        // Check everything before storing anything.
        let settings = GroupSettings {
            name: None,
            time_zone: given_or(args.tz, current.time_zone)?,
            post_time: given_or(args.time, current.post_time)?,
            days: given_or(args.days, current.days)?,
            catch_up: given_or(args.catch_up, current.catch_up)?,
            summary_time: given_or(args.summary_time, current.summary_time)?,
            words: args.words.map(|w| w as i64).unwrap_or(current.words),
            language: current.language,
        };
        // A new group speaks what it is told (else English); an existing one keeps its
        // language unless told otherwise. Refusals are in the language it speaks now.
        let speaks = existing.as_ref().map(Group::locale).unwrap_or_default();
        let language = match args.language.as_deref() {
            None => current.language,
            Some(code) => code.parse::<Locale>().map_err(|_| {
                CommandError::invalid(t!(
                    speaks,
                    "setup-unknown-language",
                    given = code.trim(),
                    supported = Locale::supported()
                ))
            })?,
        };
        let loc = if args.language.is_some() {
            language
        } else {
            speaks
        };
        if !(40..=5000).contains(&settings.words) {
            return Err(CommandError::invalid(t!(
                loc,
                "setup-bad-words",
                words = settings.words
            )));
        }
        if let Some(name) = &args.name
            && (name.trim().is_empty() || name.chars().count() > 60)
        {
            return Err(CommandError::invalid(t!(loc, "setup-bad-name")));
        }
        let voice = match args.voice_channel {
            None => None,
            Some(v) => Some(voice_channel(channel, v, loc)?),
        };
        let settings = GroupSettings {
            name: args.name.map(|n| n.trim().to_string()),
            language,
            ..settings
        };
        let (group, created) = self
            .store()
            .upsert_group(channel, &settings, super::store_ms(self.now()))
            .await?;
        if let Some((key, _)) = &voice {
            self.store()
                .set_voice_channel(group.id, key.as_ref())
                .await?;
        }
        self.inner.sessions.invalidate();
        let loc = group.locale();
        let next = self.next_post_label(&group).await?;
        let settings_text = t!(
            loc,
            "setup-settings",
            words = group.words,
            time = group.post_time.to_string(),
            zone = group.time_zone.to_string(),
            days = describe_days(group.days, loc),
            summary = group.summary_time.to_string(),
            language = t!(loc, "language-name")
        );
        let mut text = if created {
            t!(loc, "setup-created", settings = settings_text)
        } else {
            t!(loc, "setup-updated", settings = settings_text)
        };
        if let Some(n) = next {
            text.push(' ');
            text.push_str(&t!(loc, "setup-next-post", next = n));
        }
        match &voice {
            Some((Some(_), name)) => {
                text.push('\n');
                text.push_str(&t!(loc, "voice-channel-set", channel = name.as_str()));
            }
            Some((None, _)) => {
                text.push('\n');
                text.push_str(&t!(loc, "voice-channel-off"));
            }
            None => {}
        }
        text.push('\n');
        text.push_str(&t!(loc, "setup-import-hint"));
        Ok(Reply::public(text))
    }

    /// The next slot that will really post: not one already decided (today's, after
    /// `excerpt next`) and not one `schedule skip` covers.
    pub(super) async fn next_post(
        &self,
        group: &Group,
    ) -> Result<Option<(chrono::NaiveDate, chrono::DateTime<chrono::Utc>)>, CommandError> {
        let schedule = group.schedule();
        let mut after = self.now();
        // Two weeks of slots is more than any schedule skips in a row.
        for _ in 0..14 {
            let Some((date, at)) = schedule.next_slot(after) else {
                return Ok(None);
            };
            let date_text = date.to_string();
            let skipped = group
                .skip_through
                .as_deref()
                .is_some_and(|d| d >= date_text.as_str());
            if !skipped
                && self
                    .store()
                    .slot_outcome(group.id, &date_text)
                    .await?
                    .is_none()
            {
                return Ok(Some((date, at)));
            }
            after = at;
        }
        Ok(None)
    }

    /// When the group's next post is due, as the group reads it.
    pub(super) async fn next_post_label(
        &self,
        group: &Group,
    ) -> Result<Option<String>, CommandError> {
        let tz = Engine::zone(group);
        Ok(self
            .next_post(group)
            .await?
            .map(|(_, at)| local_label_in(at, tz, group.locale())))
    }

    pub(super) async fn schedule_status(&self, group: &Group) -> Result<Reply, CommandError> {
        let loc = group.locale();
        let readings = self.store().readings(group.id).await?;
        let left: i64 = readings.iter().map(|r| r.excerpt_count - r.posted).sum();
        let tz = Engine::zone(group);
        let today = group.schedule().local_date(self.now()).to_string();
        let mut lines = Vec::new();
        let mut first = Vec::new();
        if let Some((outcome, at)) = self.store().slot_decision(group.id, &today).await?
            && outcome == "posted"
        {
            first.push(t!(
                loc,
                "schedule-posted-today",
                time = i18n::format_time(crate::store::from_ms(at), tz, loc)
            ));
        }
        if group.paused {
            first.push(t!(loc, "schedule-paused-state"));
        } else {
            match self.next_post_label(group).await? {
                Some(next) => first.push(t!(loc, "schedule-next", next = next)),
                None => first.push(t!(loc, "schedule-none")),
            }
        }
        if let Some(d) = group
            .skip_through
            .as_ref()
            .filter(|d| d.as_str() >= today.as_str())
        {
            first.push(t!(loc, "schedule-skipping-through", date = d.as_str()));
        }
        lines.push(first.join(" "));
        lines.push(t!(
            loc,
            "schedule-settings",
            time = group.post_time.to_string(),
            zone = group.time_zone.to_string(),
            days = describe_days(group.days, loc),
            catch_up = match group.catch_up {
                crate::domain::schedule::CatchUp::Latest => t!(loc, "catch-up-latest"),
                crate::domain::schedule::CatchUp::Skip => t!(loc, "catch-up-skip"),
            },
            summary = group.summary_time.to_string()
        ));
        lines.push(t!(loc, "schedule-left", n = left));
        Ok(Reply::public(lines.join("\n")))
    }

    pub(super) async fn schedule_pause(
        &self,
        group: &Group,
        pause: bool,
    ) -> Result<Reply, CommandError> {
        let loc = group.locale();
        self.store().set_paused(group.id, pause).await?;
        Ok(Reply::public(if pause {
            t!(loc, "schedule-paused")
        } else {
            let mut text = t!(loc, "schedule-resumed");
            if let Some(n) = self.next_post_label(group).await? {
                text.push(' ');
                text.push_str(&t!(loc, "schedule-next", next = n));
            }
            text
        }))
    }

    pub(super) async fn schedule_skip(&self, group: &Group) -> Result<Reply, CommandError> {
        let loc = group.locale();
        let schedule = group.schedule();
        let Some((date, at)) = self.next_post(group).await? else {
            return Err(CommandError::invalid(t!(loc, "schedule-nothing-to-skip")));
        };
        let date_text = date.to_string();
        self.store()
            .set_skip_through(group.id, Some(&date_text))
            .await?;
        let mut skipped = group.clone();
        skipped.skip_through = Some(date_text);
        let mut text = t!(
            loc,
            "schedule-skipped",
            when = local_label_in(at, schedule.tz, loc)
        );
        if let Some((_, t)) = self.next_post(&skipped).await? {
            text.push(' ');
            text.push_str(&t!(
                loc,
                "schedule-after-skip",
                next = local_label_in(t, schedule.tz, loc)
            ));
        }
        Ok(Reply::public(text))
    }
}

/// `setup --voice-channel`: the channel to follow (`None`: stop following one) and its
/// name. Only Discord has voice channels, and only its adapter can tell what a typed name
/// means, so it hands over the channel it found.
fn voice_channel(
    group: &ChannelKey,
    arg: VoiceChannelArg,
    loc: Locale,
) -> Result<(Option<ChannelKey>, String), CommandError> {
    if group.platform != Platform::Discord {
        return Err(CommandError::invalid(t!(loc, "voice-channel-discord-only")));
    }
    match arg {
        VoiceChannelArg::Off => Ok((None, String::new())),
        VoiceChannelArg::Typed(_) => {
            Err(CommandError::invalid(t!(loc, "voice-channel-unresolved")))
        }
        VoiceChannelArg::Channel { id, name } => {
            Ok((Some(ChannelKey::new(Platform::Discord, id)), name))
        }
    }
}

/// The setting as given (checked), or the current one when none was given.
fn given_or<T: FromStr<Err = ScheduleError>>(
    given: Option<String>,
    current: T,
) -> Result<T, ScheduleError> {
    Ok(given.map(|s| s.parse()).transpose()?.unwrap_or(current))
}

pub(super) fn describe_days(days: Days, loc: Locale) -> String {
    use chrono::{Datelike, NaiveDate};
    match days {
        Days::ALL => t!(loc, "days-every-day"),
        Days::WEEKDAYS => t!(loc, "days-weekdays"),
        other => {
            // Weekday names from the locale's calendar: 2026-03-02 is a Monday.
            let monday = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap_or_default();
            (0..7)
                .map(|i| monday + chrono::Days::new(i))
                .filter(|d| other.contains(d.weekday()))
                .map(|d| d.format_localized("%a", loc.chrono()).to_string())
                .collect::<Vec<_>>()
                .join(", ")
        }
    }
}

/// The help text: every verb the caller may use here, or one verb in detail. Both come
/// from the command table the parser reads, so help and parser agree; the words are in
/// the group's language (help.ftl).
/// Help in `loc` (the group's language, or the member's outside a group).
pub(super) fn help(topic: Option<&str>, group: Option<&Group>, role: Role, loc: Locale) -> Reply {
    if let Some(topic) = topic {
        let found = verbs_for(topic);
        if found.is_empty() {
            let wanted = topic.trim().to_lowercase();
            // Whole verbs ("poll") before sub-verbs ("poll create"): `help poll` lists them all.
            let heads = VERBS.iter().map(|v| {
                let head = v.name.split(' ').next().unwrap_or(v.name);
                (head, head)
            });
            let suggestion = closest(&wanted, heads.chain(VERBS.iter().map(|v| (v.name, v.name))));
            return Reply::private(match suggestion {
                Some(s) => t!(loc, "help-no-command-hint", topic = topic, suggestion = s),
                None => t!(loc, "help-no-command", topic = topic),
            });
        }
        let text = found
            .iter()
            .map(|v| verb_help(v, loc))
            .collect::<Vec<_>>()
            .join("\n\n");
        return Reply::private(text);
    }
    let mut text = t!(loc, "help-intro");
    text.push_str("\n\n");
    if group.is_none() {
        text.push_str(&t!(loc, "help-not-a-group"));
        text.push_str("\n\n");
    }
    for v in VERBS {
        let mark = if role >= v.role {
            String::new()
        } else {
            format!(" *{}*", t!(loc, "help-facilitators-mark"))
        };
        text.push_str(&format!("- `{}`: {}{mark}\n", v.head(), v.summary_in(loc)));
    }
    text.push('\n');
    text.push_str(&t!(loc, "help-one-verb"));
    Reply::private(text)
}

/// One verb in detail: usage, who, what, its arguments and every option.
fn verb_help(v: &Verb, loc: Locale) -> String {
    let mut text = format!(
        "`{}`\n{}",
        v.usage(),
        t!(
            loc,
            "help-verb-line",
            summary = capitalize(&v.summary_in(loc)),
            who = who(v.role, loc)
        )
    );
    if !v.args.is_empty() {
        text.push('\n');
        for a in v.args {
            text.push_str(&format!("\n- `{}`: {}", a.shown, v.arg_help_in(a, loc)));
        }
    }
    if !v.flags.is_empty() {
        text.push_str("\n\n");
        text.push_str(&t!(loc, "help-options"));
        for f in v.flags {
            let also = if f.aliases.is_empty() {
                String::new()
            } else {
                let names: Vec<String> = f.aliases.iter().map(|a| format!("`--{a}`")).collect();
                format!(" ({})", t!(loc, "help-also-flag", names = names.join(", ")))
            };
            text.push_str(&format!(
                "\n- `{}`{also}: {}",
                f.usage(),
                v.flag_help_in(f, loc)
            ));
        }
    }
    if !v.aliases.is_empty() {
        let names: Vec<String> = v.aliases.iter().map(|a| format!("`{a}`")).collect();
        text.push_str("\n\n");
        text.push_str(&t!(loc, "help-also-typed", names = names.join(", ")));
    }
    text
}

fn who(role: Role, loc: Locale) -> String {
    match role {
        Role::Facilitator => t!(loc, "help-who-facilitators"),
        Role::Member => t!(loc, "help-who-members"),
        Role::Stranger => t!(loc, "help-who-anyone"),
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}
