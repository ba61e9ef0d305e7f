//! Voter keys for anonymous polls: a keyed hash of the member and the poll pair.
//!
//! The same member gets the same key on both polls of a pre/post pair (so their vote can
//! be changed and their shift counted), and different keys on unrelated polls, while
//! nobody holding the database without the secret can tell who the key belongs to.
//! Polls made for the opinion map key their voters per *scope* instead (a reading, or a
//! live session: [`scoped_voter_key`]), so that one member's anonymous votes across the
//! claims of a reading form one row of the map — still without saying whose.

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use super::ids::MemberKey;

/// The secret behind anonymous voter keys (32 random bytes, kept outside the database).
#[derive(Clone)]
pub struct VoterSecret(Vec<u8>);

impl VoterSecret {
    pub fn new(bytes: Vec<u8>) -> VoterSecret {
        VoterSecret(bytes)
    }
}

impl std::fmt::Debug for VoterSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("VoterSecret(…)")
    }
}

/// The tag of a forgotten member's tombstone: a keyed hash of the member, so the row that
/// keeps their history from being recorded again names nobody.
pub fn forget_tag(secret: &VoterSecret, member: &MemberKey) -> String {
    let mut mac = match Hmac::<Sha256>::new_from_slice(&secret.0) {
        Ok(mac) => mac,
        // HMAC accepts keys of any length; this cannot happen.
        Err(_) => return String::new(),
    };
    mac.update(b"colloquy-forget-v1\0");
    mac.update(member.key().as_bytes());
    format!("forgot:{}", hex::encode(mac.finalize().into_bytes()))
}

/// The anonymous voter key of `member` for the poll pair `pair_id`.
pub fn voter_key(secret: &VoterSecret, member: &MemberKey, pair_id: i64) -> String {
    let mut mac = match Hmac::<Sha256>::new_from_slice(&secret.0) {
        Ok(mac) => mac,
        // HMAC accepts keys of any length; this cannot happen.
        Err(_) => return String::new(),
    };
    mac.update(b"colloquy-vote-v1\0");
    mac.update(member.key().as_bytes());
    mac.update(b"\0");
    mac.update(pair_id.to_string().as_bytes());
    format!("anon:{}", hex::encode(mac.finalize().into_bytes()))
}

/// The anonymous voter key of `member_key` (as [`MemberKey::key`] spells it) within a
/// scope such as "reading:7": the same on every poll of that scope, different across
/// scopes and members.
pub fn scoped_voter_key(secret: &VoterSecret, member_key: &str, scope: &str) -> String {
    let mut mac = match Hmac::<Sha256>::new_from_slice(&secret.0) {
        Ok(mac) => mac,
        // HMAC accepts keys of any length; this cannot happen.
        Err(_) => return String::new(),
    };
    mac.update(b"colloquy-scoped-vote-v1\0");
    mac.update(member_key.as_bytes());
    mac.update(b"\0");
    mac.update(scope.as_bytes());
    format!("anon:{}", hex::encode(mac.finalize().into_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::Platform;

    #[test]
    fn stable_per_pair_and_unlinkable_across_polls() {
        let s = VoterSecret::new(vec![7; 32]);
        let ana = MemberKey::new(Platform::Discord, "1");
        let ben = MemberKey::new(Platform::Discord, "2");
        assert_eq!(voter_key(&s, &ana, 5), voter_key(&s, &ana, 5));
        assert_ne!(voter_key(&s, &ana, 5), voter_key(&s, &ana, 6));
        assert_ne!(voter_key(&s, &ana, 5), voter_key(&s, &ben, 5));
        // A forget-me tag is stable, per member, and neither names nor equals a vote key.
        assert_eq!(forget_tag(&s, &ana), forget_tag(&s, &ana));
        assert_ne!(forget_tag(&s, &ana), forget_tag(&s, &ben));
        assert!(!forget_tag(&s, &ana).contains(&ana.key()));
        assert!(!forget_tag(&s, &ana).contains("discord"));
        let other = VoterSecret::new(vec![8; 32]);
        assert_ne!(voter_key(&s, &ana, 5), voter_key(&other, &ana, 5));
        let key = voter_key(&s, &ana, 5);
        assert!(
            key.starts_with("anon:") && !key.contains("discord"),
            "{key}"
        );
        // Scoped keys: stable within a scope, different across scopes, members and the
        // per-pair keys.
        let a = scoped_voter_key(&s, &ana.key(), "reading:1");
        assert_eq!(a, scoped_voter_key(&s, &ana.key(), "reading:1"));
        assert_ne!(a, scoped_voter_key(&s, &ana.key(), "reading:2"));
        assert_ne!(a, scoped_voter_key(&s, &ben.key(), "reading:1"));
        assert_ne!(a, voter_key(&s, &ana, 1));
        assert!(a.starts_with("anon:") && !a.contains("discord"));
    }
}
