//! Native polls: what a create-message `poll` becomes, votes, results, expiry and voters.

use serde_json::{Value, json};

use super::ids::snowflake_timestamp;
use super::model::{ApiError, Effects, State, id_of};
use super::templates::person_user_json;

impl State {
    pub(super) fn poll_from_request(poll: &Value, now_id: u64) -> Result<Value, ApiError> {
        let question = poll["question"]["text"].as_str().unwrap_or_default();
        if question.is_empty() || question.chars().count() > 300 {
            return Err(ApiError::invalid_form(
                "poll.question.text must be 1-300 characters",
            ));
        }
        let answers = poll["answers"].as_array().cloned().unwrap_or_default();
        if answers.is_empty() || answers.len() > 10 {
            return Err(ApiError::invalid_form(
                "poll.answers must have 1-10 answers",
            ));
        }
        let mut out = Vec::new();
        for (i, a) in answers.iter().enumerate() {
            let text = a["poll_media"]["text"].as_str().unwrap_or_default();
            if text.chars().count() > 55 || (text.is_empty() && a["poll_media"]["emoji"].is_null())
            {
                return Err(ApiError::invalid_form(
                    "poll answer text must be 1-55 characters",
                ));
            }
            out.push(json!({"answer_id": i + 1, "poll_media": a["poll_media"]}));
        }
        let hours = poll["duration"].as_u64().unwrap_or(24);
        if !(1..=768).contains(&hours) {
            return Err(ApiError::invalid_form("poll.duration must be 1-768 hours"));
        }
        let expiry_ms = super::ids::snowflake_unix_ms(now_id) + hours * 3_600_000;
        let expiry = chrono::DateTime::from_timestamp_millis(i64::try_from(expiry_ms).unwrap_or(0))
            .unwrap_or_default()
            .format("%Y-%m-%dT%H:%M:%S%.6f+00:00")
            .to_string();
        Ok(json!({
            "question": poll["question"],
            "answers": out,
            "expiry": expiry,
            "allow_multiselect": poll["allow_multiselect"].as_bool().unwrap_or(false),
            "layout_type": poll["layout_type"].as_u64().unwrap_or(1),
            "results": {"is_finalized": false, "answer_counts": []},
        }))
    }

    /// Counts per answer, as Discord puts them in `poll.results`.
    fn poll_results(&self, message_id: u64, finalized: bool) -> Value {
        let counts: Vec<Value> = self
            .poll_votes
            .get(&message_id)
            .map(|answers| {
                answers
                    .iter()
                    .filter(|(_, v)| !v.is_empty())
                    .map(|(a, v)| json!({"id": a, "count": v.len(), "me_voted": v.contains(&self.ids.bot_user_id)}))
                    .collect()
            })
            .unwrap_or_default();
        json!({"is_finalized": finalized, "answer_counts": counts})
    }

    /// Records a vote (add or remove) and refreshes the message's poll results.
    pub fn vote(&mut self, message_id: u64, answer_id: u64, user_id: u64, add: bool) {
        let voters = self
            .poll_votes
            .entry(message_id)
            .or_default()
            .entry(answer_id)
            .or_default();
        if add && !voters.contains(&user_id) {
            voters.push(user_id);
        } else if !add {
            voters.retain(|u| *u != user_id);
        }
        let results = self.poll_results(message_id, false);
        if let Some(m) = self.messages.get_mut(&message_id)
            && m.json["poll"].is_object()
        {
            m.json["poll"]["results"] = results;
        }
    }

    pub fn expire_poll(
        &mut self,
        channel_id: u64,
        message_id: u64,
    ) -> Result<(Value, Effects), ApiError> {
        let m = self.message(channel_id, message_id)?;
        if !m.json["poll"].is_object() {
            return Err(ApiError::new(
                400,
                520001,
                "This message does not have a poll",
            ));
        }
        if id_of(&m.json["author"], "id") != Some(self.ids.bot_user_id) {
            return Err(ApiError::new(
                403,
                50005,
                "Cannot expire a poll authored by another user",
            ));
        }
        if m.json["poll"]["results"]["is_finalized"] == true {
            return Err(ApiError::new(400, 520002, "This poll has already expired"));
        }
        let results = self.poll_results(message_id, true);
        let now = snowflake_timestamp(self.snowflakes.next());
        let Some(m) = self.messages.get_mut(&message_id) else {
            return Err(ApiError::unknown_message());
        };
        m.json["poll"]["results"] = results;
        m.json["poll"]["expiry"] = json!(now);
        let json = m.json.clone();
        Ok((
            json.clone(),
            vec![("MESSAGE_UPDATE", self.gateway_message(&json))],
        ))
    }

    pub fn voters(
        &self,
        channel_id: u64,
        message_id: u64,
        answer_id: u64,
        after: Option<u64>,
        limit: usize,
    ) -> Result<Value, ApiError> {
        let m = self.message(channel_id, message_id)?;
        if !m.json["poll"].is_object() {
            return Err(ApiError::new(
                400,
                520001,
                "This message does not have a poll",
            ));
        }
        let mut ids: Vec<u64> = self
            .poll_votes
            .get(&message_id)
            .and_then(|a| a.get(&answer_id))
            .cloned()
            .unwrap_or_default();
        ids.sort_unstable();
        let users: Vec<Value> = ids
            .into_iter()
            .filter(|u| after.is_none_or(|a| *u > a))
            .take(limit)
            .filter_map(|u| self.members.get(&u).map(person_user_json))
            .collect();
        Ok(json!({"users": users}))
    }
}
