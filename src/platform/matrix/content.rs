//! Message contents from Markdown: a plain body plus an HTML `formatted_body`, raw HTML in
//! the text shown as text, and an explicit (empty) `m.mentions` so that "@room" or a name
//! inside user text never pings anyone.

use matrix_sdk::ruma::events::Mentions;
use matrix_sdk::ruma::events::room::message::{
    FormattedBody, MessageType, RoomMessageEventContent, TextMessageEventContent,
};

/// A text message rendered from Markdown, mentioning no one.
pub(super) fn markdown(text: &str) -> RoomMessageEventContent {
    let mut content = RoomMessageEventContent::new(MessageType::Text(text_block(text)));
    content.mentions = Some(Mentions::new());
    content
}

/// A notice (the bot's answers to commands), rendered from Markdown, mentioning no one.
pub(super) fn notice(text: &str) -> RoomMessageEventContent {
    let block = text_block(text);
    let notice = match block.formatted {
        Some(f) => matrix_sdk::ruma::events::room::message::NoticeMessageEventContent::html(
            block.body, f.body,
        ),
        None => {
            matrix_sdk::ruma::events::room::message::NoticeMessageEventContent::plain(block.body)
        }
    };
    let mut content = RoomMessageEventContent::new(MessageType::Notice(notice));
    content.mentions = Some(Mentions::new());
    content
}

fn text_block(text: &str) -> TextMessageEventContent {
    // `<` as an entity: HTML typed by members (in claims or quoted replies) stays text.
    let escaped = text.replace('<', "&lt;");
    match FormattedBody::markdown(&escaped) {
        Some(html) => TextMessageEventContent::html(text, html.body),
        None => TextMessageEventContent::plain(text),
    }
}

/// A content as JSON, for sending with a transaction id and our own key field.
pub(super) fn to_json<T: serde::Serialize>(content: &T) -> serde_json::Value {
    serde_json::to_value(content).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(c: &RoomMessageEventContent) -> serde_json::Value {
        to_json(c)
    }

    #[test]
    fn markdown_becomes_html_with_a_plain_body_and_no_mentions() {
        let c = json(&markdown("**Poll #1:** agree?\n\n1. Agree\n2. Disagree"));
        assert_eq!(c["msgtype"], "m.text");
        assert!(c["body"].as_str().unwrap().starts_with("**Poll #1:**"));
        assert!(
            c["formatted_body"]
                .as_str()
                .unwrap()
                .contains("<strong>Poll #1:</strong>")
        );
        assert_eq!(c["m.mentions"], serde_json::json!({}));
    }

    #[test]
    fn html_in_text_is_shown_not_rendered() {
        let c = json(&markdown("**x** <img src=\"mxc://evil/1\"> @room"));
        let html = c["formatted_body"].as_str().unwrap();
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;img"), "{html}");
        assert_eq!(c["m.mentions"], serde_json::json!({}));
    }

    #[test]
    fn plain_text_stays_plain() {
        let c = json(&notice("Done."));
        assert_eq!(c["msgtype"], "m.notice");
        assert!(c.get("formatted_body").is_none());
    }
}
