//! What tests read and arrange: recorded requests, waits, failure injection, the fake's
//! messages, threads, registered commands and the bot's answers to interactions.

use std::time::Duration;

use serde_json::Value;
use serenity::model::channel::{GuildChannel, Message};

use super::FakeDiscord;
use super::interactions::InteractionReply;
use super::record::{Injection, Request, Rule, StoredFile, normalize_prefix};

impl FakeDiscord {
    /// Waits (on change notifications, not a fixed sleep) until `check` returns `Some`; panics
    /// with `what` and the recorded requests after `timeout`.
    pub async fn wait_for<T>(
        &self,
        what: &str,
        timeout: Duration,
        mut check: impl FnMut(&Self) -> Option<T>,
    ) -> T {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let notified = self.shared.changed.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if let Some(t) = check(self) {
                return t;
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                if let Some(t) = check(self) {
                    return t;
                }
                let seen: Vec<String> = self
                    .requests()
                    .iter()
                    .map(|r| format!("{} {} -> {}", r.method, r.path, r.status))
                    .collect();
                panic!(
                    "fake discord: timed out after {timeout:?} waiting for {what}; requests so far: {seen:#?}"
                );
            }
        }
    }

    /// Every request so far, oldest first (recorded once answered).
    pub fn requests(&self) -> Vec<Request> {
        self.shared.lock().requests.clone()
    }

    /// Requests with this method whose path (without `/api/v10`) starts with `path_prefix`.
    pub fn requests_matching(&self, method: &str, path_prefix: &str) -> Vec<Request> {
        self.requests()
            .into_iter()
            .filter(|r| r.is(method, path_prefix))
            .collect()
    }

    /// Waits for the first request (past or future) that satisfies `pred`.
    pub async fn wait_for_request(
        &self,
        pred: impl Fn(&Request) -> bool,
        timeout: Duration,
    ) -> Request {
        // `pred` may call back into the fake, so it runs without the lock held.
        self.wait_for("a matching request", timeout, |f| {
            f.requests().into_iter().find(|r| pred(r))
        })
        .await
    }

    /// Requests that hit no route (answered 404).
    pub fn unknown_routes(&self) -> Vec<Request> {
        self.shared.lock().unknown_routes.clone()
    }

    /// Fails the test if the bot called a route the fake does not know.
    pub fn assert_no_unknown_routes(&self) {
        let unknown = self.unknown_routes();
        assert!(
            unknown.is_empty(),
            "the bot called routes the fake Discord does not know: {:#?}",
            unknown
                .iter()
                .map(|r| format!("{} {}", r.method, r.path))
                .collect::<Vec<_>>()
        );
    }

    fn inject(&self, method: &str, path_prefix: &str, injection: Injection, count: usize) {
        self.shared.lock().rules.push(Rule {
            method: method.to_string(),
            path_prefix: normalize_prefix(path_prefix),
            injection,
            remaining: count,
        });
    }

    /// Answers the next `count` matching requests with `status` (e.g. 500, 502, 503).
    pub fn fail_next(&self, method: &str, path_prefix: &str, status: u16, count: usize) {
        self.inject(method, path_prefix, Injection::Fail(status), count);
    }

    /// Delays the next `count` matching requests by `delay`, then handles them normally.
    pub fn delay_next(&self, method: &str, path_prefix: &str, delay: Duration, count: usize) {
        self.inject(method, path_prefix, Injection::Delay(delay), count);
    }

    /// The next `count` matching requests are recorded (status 0) and never answered or
    /// acted on: the sender waits until it times out or dies.
    pub fn stall_next(&self, method: &str, path_prefix: &str, count: usize) {
        self.inject(method, path_prefix, Injection::Stall, count);
    }

    fn parse_message(v: &Value) -> Message {
        match serde_json::from_value(v.clone()) {
            Ok(m) => m,
            Err(e) => panic!(
                "fake discord: stored message does not parse as serenity's Message: {e}\n{v:#}"
            ),
        }
    }

    /// The messages of a channel or thread in the fake's model, oldest first.
    pub fn messages_in(&self, channel_id: u64) -> Vec<Message> {
        self.shared
            .lock()
            .messages_in(channel_id)
            .iter()
            .map(|m| Self::parse_message(&m.json))
            .collect()
    }

    /// One message by id, as stored (REST form).
    pub fn message(&self, message_id: u64) -> Option<Message> {
        self.message_json(message_id)
            .map(|m| Self::parse_message(&m))
    }

    pub fn message_json(&self, message_id: u64) -> Option<Value> {
        self.shared
            .lock()
            .messages
            .get(&message_id)
            .map(|m| m.json.clone())
    }

    /// The files uploaded with a message (bytes included).
    pub fn message_files(&self, message_id: u64) -> Vec<StoredFile> {
        self.shared
            .lock()
            .messages
            .get(&message_id)
            .map(|m| m.files.clone())
            .unwrap_or_default()
    }

    /// Waits until `channel_id` has a message satisfying `pred`, and returns it.
    pub async fn wait_for_message(
        &self,
        channel_id: u64,
        timeout: Duration,
        pred: impl Fn(&Message) -> bool,
    ) -> Message {
        self.wait_for("a matching message", timeout, |f| {
            f.messages_in(channel_id).into_iter().find(|m| pred(m))
        })
        .await
    }

    /// A channel or thread as GET /channels/{id} answers.
    pub fn channel(&self, channel_id: u64) -> Option<GuildChannel> {
        let v = self.shared.lock().channels.get(&channel_id).cloned()?;
        serde_json::from_value(v).ok()
    }

    /// The bot's DM channel with a user, once the bot opened it.
    pub fn dm_channel_of(&self, user_id: u64) -> Option<u64> {
        let st = self.shared.lock();
        st.channels
            .iter()
            .find(|(_, c)| {
                c["type"] == 1
                    && c["recipients"][0]["id"].as_str() == Some(user_id.to_string().as_str())
            })
            .map(|(id, _)| *id)
    }

    /// All threads, oldest first.
    pub fn threads(&self) -> Vec<GuildChannel> {
        let st = self.shared.lock();
        st.channels
            .values()
            .filter(|c| c["type"] == 11)
            .filter_map(|c| serde_json::from_value(c.clone()).ok())
            .collect()
    }

    /// The commands registered by bulk overwrite: (global, guild).
    pub fn commands(&self) -> (Vec<Value>, Vec<Value>) {
        let st = self.shared.lock();
        (st.global_commands.clone(), st.guild_commands.clone())
    }

    /// Everything the bot did with an interaction token, in order.
    pub fn interaction_responses(&self, token: &str) -> Vec<InteractionReply> {
        self.shared
            .lock()
            .interactions
            .get(token)
            .map(|i| i.replies.clone())
            .unwrap_or_default()
    }

    /// Waits for the bot's first answer (the callback) to an interaction.
    pub async fn wait_for_interaction_response(
        &self,
        token: &str,
        timeout: Duration,
    ) -> InteractionReply {
        self.wait_for_interaction_responses(token, 1, timeout)
            .await
            .remove(0)
    }

    /// Waits until the bot has done at least `n` things with an interaction token.
    pub async fn wait_for_interaction_responses(
        &self,
        token: &str,
        n: usize,
        timeout: Duration,
    ) -> Vec<InteractionReply> {
        let what = format!("{n} response(s) to interaction {token}");
        self.wait_for(&what, timeout, |f| {
            Some(f.interaction_responses(token)).filter(|r| r.len() >= n)
        })
        .await
    }
}
