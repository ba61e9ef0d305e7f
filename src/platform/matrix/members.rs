//! Who a Matrix member is (their key and display name) and telling them something
//! privately in their direct room with the bot; shared by the event handlers and reactions.

use std::sync::Arc;

use matrix_sdk::Room;
use matrix_sdk::ruma::{MilliSecondsSinceUnixEpoch, UserId};

use super::Bot;
use crate::domain::ids::{MemberKey, Platform};

/// An event's time in milliseconds since the Unix epoch.
pub(super) fn ms(ts: MilliSecondsSinceUnixEpoch) -> i64 {
    i64::from(ts.get())
}

pub(super) fn member(user: &UserId) -> MemberKey {
    MemberKey::new(Platform::Matrix, user.as_str())
}

/// A member's display name in a room (their user id's local part when they set none).
pub(super) async fn display_name(room: &Room, user: &UserId) -> String {
    match room.get_member_no_sync(user).await {
        Ok(Some(m)) => m.display_name().unwrap_or(m.name()).to_string(),
        _ => user.localpart().to_string(),
    }
}

/// Tell a member privately why what they did was not taken, when they did it live (not
/// an event replayed after a restart). Sent in the background: the sync loop goes on.
pub(super) fn tell_if_live(
    bot: &Arc<Bot>,
    member: MemberKey,
    at: MilliSecondsSinceUnixEpoch,
    text: String,
) {
    if ms(at) < bot.started_ms {
        return;
    }
    tell(bot, member, text);
}

/// Tell a member something privately, in their direct room with the bot. Sent in the
/// background: the sync loop goes on.
pub(super) fn tell(bot: &Arc<Bot>, member: MemberKey, text: String) {
    let port = bot.port.clone();
    tokio::spawn(async move {
        use crate::ports::ChatPort;
        if let Err(e) = port.send_private(&member, &text, &[]).await {
            tracing::warn!(error = %e, "could not tell a member something privately");
        }
    });
}
