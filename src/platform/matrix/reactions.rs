//! Reactions: a raised-hand reaction (✋, also 🤚 or 🙋) on a live session's agenda post raises the
//! reacting member's hand; redacting that reaction lowers it again. Which keys count as a
//! raised hand is decided here; the engine decides whether it is an agenda post, keeps a
//! reaction from counting twice, and answers with the member's place in the queue, which
//! is told privately, in the member's direct room with the bot.

use std::sync::Arc;

use matrix_sdk::Room;
use matrix_sdk::ruma::{EventId, MilliSecondsSinceUnixEpoch, UserId};

use super::Bot;
use super::members::{display_name, member, tell, tell_if_live};

/// The hands that ask for the floor: ✋ (raised hand), 🤚 (raised back of hand) and 🙋
/// (person raising a hand).
const HANDS: [char; 3] = ['\u{270B}', '\u{1F91A}', '\u{1F64B}'];
/// 🙋, the one that comes as a woman or a man too (`🙋‍♀️`).
const PERSON: char = '\u{1F64B}';
/// Emoji and text variation selectors (`✋️`).
const VARIATION: [char; 2] = ['\u{FE0F}', '\u{FE0E}'];
/// Skin-tone modifiers (🏻 … 🏿).
const SKIN_TONES: std::ops::RangeInclusive<char> = '\u{1F3FB}'..='\u{1F3FF}';

/// Whether a reaction's key is a raised hand: ✋ (what the agenda post asks for), 🤚 or
/// 🙋, with or without a variation selector, in any skin tone, 🙋 also as a woman or a
/// man (`✋`, `✋️`, `✋🏽`, `🙋‍♀️`). A wave (👋), an open hand (🖐) or a thumbs-up is
/// not a request to speak, and neither is a key with anything else in it.
pub(crate) fn is_raised_hand(key: &str) -> bool {
    let key = key.trim();
    let mut chars = key.chars();
    let Some(base) = chars.next().filter(|c| HANDS.contains(c)) else {
        return false;
    };
    let mut rest: Vec<char> = chars.collect();
    if base == PERSON {
        // 🙋 ZWJ ♀/♂ (VS16): drop the gender, keep what came before it.
        if rest.last().is_some_and(|c| VARIATION.contains(c))
            && rest.len() >= 3
            && rest[rest.len() - 3] == '\u{200D}'
        {
            rest.pop();
        }
        if let [.., zwj, gender] = rest.as_slice()
            && *zwj == '\u{200D}'
            && matches!(gender, '\u{2640}' | '\u{2642}')
        {
            rest.truncate(rest.len() - 2);
        }
    }
    match rest.as_slice() {
        [] => true,
        [c] => VARIATION.contains(c) || SKIN_TONES.contains(c),
        [v, t] => VARIATION.contains(v) && SKIN_TONES.contains(t),
        _ => false,
    }
}

/// A ✋ reaction `reaction` by `sender` on `post`: raise their hand if `post` is the agenda
/// of a running session, and tell them their place (or why not) privately.
pub(super) async fn hand_up(
    bot: &Arc<Bot>,
    room: &Room,
    reaction: &EventId,
    post: &EventId,
    sender: &UserId,
    at: MilliSecondsSinceUnixEpoch,
) {
    let who = member(sender);
    let name = display_name(room, sender).await;
    match bot
        .engine
        .hand_by_reaction(post.as_str(), reaction.as_str(), &who, &name)
        .await
    {
        Ok(None) => {}
        Ok(Some(reply)) => {
            tracing::info!(room = %room.room_id(), event = %reaction, "hand raised by a reaction");
            tell(bot, who, reply.text);
        }
        Err(e) => {
            tracing::info!(room = %room.room_id(), event = %reaction, error = %e.cause(), "hand reaction not taken");
            tell_if_live(bot, who, at, e.to_string());
        }
    }
}

/// The event `target` was redacted: if it was a ✋ reaction whose hand is still waiting,
/// that hand goes down and its member is told.
pub(super) async fn maybe_hand_down(bot: &Arc<Bot>, room: &Room, target: &str) {
    match bot.engine.hand_reaction_withdrawn(target).await {
        Ok(None) => {}
        Ok(Some((who, reply))) => {
            tracing::info!(room = %room.room_id(), event = %target, "hand lowered: its reaction was redacted");
            tell(bot, who, reply.text);
        }
        Err(e) => {
            tracing::error!(room = %room.room_id(), event = %target, error = %e, "cannot lower a hand raised by a reaction");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_raised_hand;

    #[test]
    fn a_raised_hand_in_any_skin_tone_and_presentation() {
        for key in [
            "✋",
            "✋\u{FE0F}",
            "✋\u{FE0E}",
            "✋🏻",
            "✋🏽",
            "✋🏿",
            "✋\u{FE0F}🏾",
            " ✋ ",
            "🤚",
            "🤚🏼",
            "🙋",
            "🙋🏾",
            "🙋\u{200D}\u{2640}\u{FE0F}",
            "🙋\u{200D}\u{2642}",
            "🙋🏻\u{200D}\u{2642}\u{FE0F}",
        ] {
            assert!(is_raised_hand(key), "{key:?} is a raised hand");
        }
    }

    #[test]
    fn waves_open_hands_and_other_keys_are_not_hands() {
        for key in [
            "",
            "👍",
            "🖐️",
            "👋",
            "✋✋",
            "✋x",
            "hand",
            "✋🏽🏽",
            "x✋",
            "✌️",
            "✋\u{200D}\u{2640}",
            "🙋\u{200D}",
            "🙋\u{200D}\u{2640}\u{FE0F}\u{FE0F}",
            "🤚\u{200D}\u{2642}",
        ] {
            assert!(!is_raised_hand(key), "{key:?} is not a raised hand");
        }
    }
}
