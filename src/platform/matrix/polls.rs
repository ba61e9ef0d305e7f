//! Polls as Matrix events: the unstable `org.matrix.msc3381.poll.*` start and end events
//! that Element and most clients show (answer ids "1".."n"), and the answer read from a
//! response of either kind (unstable or stable `m.poll.response`).

use matrix_sdk::ruma::OwnedEventId;
use matrix_sdk::ruma::events::poll::start::PollKind;
use matrix_sdk::ruma::events::poll::unstable_end::UnstablePollEndEventContent;
use matrix_sdk::ruma::events::poll::unstable_start::{
    NewUnstablePollStartEventContent, UnstablePollAnswer, UnstablePollAnswers,
    UnstablePollStartContentBlock, UnstablePollStartEventContent,
};

use crate::ports::{PollPost, PortError};

/// The event type of a poll start, as sent.
pub(super) const START_TYPE: &str = "org.matrix.msc3381.poll.start";
/// The event type of a poll end, as sent.
pub(super) const END_TYPE: &str = "org.matrix.msc3381.poll.end";

/// A native poll for a (non-anonymous) colloquy poll. Hidden results: `Undisclosed`, so
/// clients show the tally only once the poll has ended.
pub(super) fn start_content(post: &PollPost) -> Result<serde_json::Value, PortError> {
    let answers: Vec<UnstablePollAnswer> = post
        .options
        .iter()
        .enumerate()
        .map(|(i, o)| UnstablePollAnswer::new((i + 1).to_string(), o.as_str()))
        .collect();
    let answers: UnstablePollAnswers = answers
        .try_into()
        .map_err(|_| PortError::Permanent("a Matrix poll takes 1 to 20 options".into()))?;
    let question = crate::t!(
        post.locale,
        "matrix-poll-question",
        id = post.poll_id,
        claim = post.claim.as_str()
    );
    let mut block = UnstablePollStartContentBlock::new(question, answers);
    block.kind = if post.hidden {
        PollKind::Undisclosed
    } else {
        PollKind::Disclosed
    };
    let fallback = format!(
        "{}\n\n{}",
        post.markdown,
        crate::t!(post.locale, "matrix-poll-fallback", id = post.poll_id)
    );
    let content: UnstablePollStartEventContent =
        NewUnstablePollStartEventContent::plain_text(fallback, block).into();
    Ok(super::content::to_json(&content))
}

/// The announcement of an anonymous poll: votes in a room are visible to everyone in it, so
/// members vote by text in a direct message with the bot.
pub(super) fn anonymous_announcement(post: &PollPost) -> String {
    format!(
        "{}\n\n{}",
        post.markdown,
        crate::t!(post.locale, "matrix-poll-anonymous", id = post.poll_id)
    )
}

/// The end of a native poll.
pub(super) fn end_content(
    poll_id: i64,
    locale: crate::i18n::Locale,
    start: OwnedEventId,
) -> serde_json::Value {
    let content = UnstablePollEndEventContent::new(
        crate::t!(locale, "matrix-poll-closed", id = poll_id),
        start,
    );
    super::content::to_json(&content)
}

/// The option a response chose (0-based), from its first answer id. `None` for an empty
/// response (a vote taken back) or an id colloquy did not send.
pub(super) fn chosen_index(answers: &[String]) -> Option<Option<usize>> {
    match answers.first() {
        None => Some(None),
        Some(id) => id
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|n| *n >= 1)
            .map(|n| Some(n - 1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(hidden: bool) -> PollPost {
        PollPost {
            poll_id: 7,
            claim: "Realism explains it".into(),
            options: vec!["Agree".into(), "Disagree".into(), "Unsure".into()],
            closes_at: chrono::Utc::now(),
            closes_local: "soon".into(),
            anonymous: false,
            hidden,
            phase: None,
            native: false,
            markdown: "**Poll #7:** Realism explains it".into(),
            locale: crate::i18n::Locale::En,
        }
    }

    #[test]
    fn start_event_has_numbered_answers_and_the_kind() {
        let c = start_content(&post(false)).unwrap();
        let block = &c[START_TYPE];
        assert_eq!(block["answers"][0]["id"], "1");
        assert_eq!(block["answers"][2]["id"], "3");
        assert_eq!(block["answers"][1]["org.matrix.msc1767.text"], "Disagree");
        assert_eq!(block["kind"], "org.matrix.msc3381.poll.disclosed");
        assert_eq!(block["max_selections"], 1);
        let c = start_content(&post(true)).unwrap();
        assert_eq!(c[START_TYPE]["kind"], "org.matrix.msc3381.poll.undisclosed");
    }

    #[test]
    fn answers_map_to_indexes() {
        assert_eq!(chosen_index(&["2".into()]), Some(Some(1)));
        assert_eq!(chosen_index(&[]), Some(None));
        assert_eq!(chosen_index(&["b".into()]), None);
        assert_eq!(chosen_index(&["0".into()]), None);
    }
}
