//! What an adapter makes of one raw platform event, before the engine sees it: the common
//! shape through which property tests and fuzz targets drive the adapters' translation
//! (a Discord gateway dispatch, a Matrix timeline event) without a network.

use crate::domain::ids::MemberKey;

/// One raw event, translated. The adapters' event handlers make the same engine calls
/// from the same translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Translated {
    /// A member's message, recorded if it belongs to a session.
    Message {
        message_id: String,
        author: MemberKey,
        text: String,
        thread_root: Option<String>,
        reply_to: Option<String>,
    },
    /// A member's edit of `message_id`.
    Edit { message_id: String, text: String },
    /// A deletion (Discord) or redaction (Matrix) of `message_id`.
    Delete { message_id: String },
    /// A command line, without the `!cq` prefix (Matrix).
    Command { line: String },
    /// A native poll vote on the poll posted as `poll_message`: the 0-based option, or
    /// `None` when the vote is taken back.
    Vote {
        poll_message: String,
        voter: MemberKey,
        option: Option<usize>,
    },
    /// A raised-hand reaction (Matrix ✋) by `member` on the post `post_id`: a hand
    /// raised when that post is a running session's agenda.
    HandReaction {
        reaction_id: String,
        post_id: String,
        member: MemberKey,
    },
    /// A click on one of colloquy's components (Discord), as its custom id reads.
    Component { custom_id: String },
}
