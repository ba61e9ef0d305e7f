//! Discord's limits, and fitting text, nonces and errors into them: shared by the port,
//! the buttons, the interaction replies and the connection.

use poise::serenity_prelude as serenity;
use sha2::Digest;

use crate::ports::PortError;

/// Discord's limits.
pub(crate) const MAX_CONTENT: usize = 2000;
pub(crate) const MAX_EMBED_DESCRIPTION: usize = 4096;
pub(crate) const MAX_EMBED_TOTAL: usize = 6000;
pub(crate) const MAX_EMBEDS: usize = 10;
pub(crate) const MAX_FIELD_VALUE: usize = 1024;
pub(crate) const MAX_NONCE: usize = 25;
pub(crate) const MAX_ATTACHMENT_DESCRIPTION: usize = 1024;
/// JSON error code: a thread was already started on this message.
pub(crate) const THREAD_EXISTS: isize = 160004;
/// JSON error code: the poll has already expired.
pub(crate) const POLL_EXPIRED: isize = 520002;

/// A serenity error for logs and users: status, Discord's code and message; never a URL
/// (interaction URLs carry tokens) nor a header.
pub(crate) fn describe(e: &serenity::Error) -> String {
    match e {
        serenity::Error::Http(serenity::HttpError::UnsuccessfulRequest(r)) => format!(
            "Discord answered {} (code {}): {}",
            r.status_code.as_u16(),
            r.error.code,
            r.error.message
        ),
        serenity::Error::Http(serenity::HttpError::Request(r)) => {
            if r.is_timeout() {
                "the request to Discord timed out".into()
            } else if r.is_connect() {
                "cannot connect to Discord".into()
            } else {
                "the request to Discord failed".into()
            }
        }
        serenity::Error::Http(other) => format!("HTTP error: {other}"),
        other => other.to_string(),
    }
}

/// Discord's JSON error code, if the error is an answer from Discord.
pub(crate) fn error_code(e: &serenity::Error) -> Option<(u16, isize)> {
    match e {
        serenity::Error::Http(serenity::HttpError::UnsuccessfulRequest(r)) => {
            Some((r.status_code.as_u16(), r.error.code))
        }
        _ => None,
    }
}

/// Whether retrying could help.
pub(crate) fn port_error(e: &serenity::Error) -> PortError {
    let text = describe(e);
    match e {
        serenity::Error::Http(serenity::HttpError::UnsuccessfulRequest(r)) => {
            let s = r.status_code.as_u16();
            if s >= 500 || s == 429 || s == 408 {
                PortError::Transient(text)
            } else {
                PortError::Permanent(text)
            }
        }
        serenity::Error::Http(serenity::HttpError::Request(_))
        | serenity::Error::Io(_)
        | serenity::Error::Json(_)
        | serenity::Error::Tungstenite(_) => PortError::Transient(text),
        _ => PortError::Permanent(text),
    }
}

/// The outbox key as a nonce (Discord takes at most 25 characters).
pub(crate) fn nonce(key: &str) -> serenity::Nonce {
    if key.len() <= MAX_NONCE {
        serenity::Nonce::String(key.to_string())
    } else {
        let digest = hex::encode(sha2::Sha256::digest(key.as_bytes()));
        serenity::Nonce::String(digest[..MAX_NONCE].to_string())
    }
}

/// `text` within Discord's `max` characters for a field, its end replaced by "…".
pub(crate) fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(n: serenity::Nonce) -> String {
        match n {
            serenity::Nonce::String(s) => s,
            serenity::Nonce::Number(n) => n.to_string(),
        }
    }

    #[test]
    fn nonces_fit_and_are_stable() {
        assert_eq!(text(nonce("cq-12")), "cq-12");
        let long = text(nonce("a-very-long-outbox-key-that-does-not-fit"));
        assert_eq!(long.len(), MAX_NONCE);
        assert_eq!(
            long,
            text(nonce("a-very-long-outbox-key-that-does-not-fit"))
        );
        assert_ne!(
            long,
            text(nonce("a-very-long-outbox-key-that-does-not-fit!"))
        );
    }
}
