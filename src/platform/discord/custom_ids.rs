//! The custom ids of colloquy's Discord buttons and forms: what each asks for, written and read
//! in one place so the buttons that make them and the handlers that read them agree.

/// What a custom id asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Action {
    Vote {
        poll: i64,
        index: usize,
    },
    Why {
        poll: i64,
    },
    Pick {
        poll: i64,
    },
    Reason {
        poll: i64,
        index: usize,
    },
    /// The claim review buttons and forms ([`super::review`]).
    ClaimApprove {
        claim: i64,
    },
    ClaimEdit {
        claim: i64,
    },
    ClaimReject {
        claim: i64,
    },
    ClaimEdited {
        claim: i64,
    },
    Propose,
    /// Raise (or lower) a hand from a live session's agenda post.
    Hand {
        session: i64,
        up: bool,
    },
}

impl Action {
    pub fn parse(custom_id: &str) -> Option<Action> {
        let parts: Vec<&str> = custom_id.split(':').collect();
        let id = |s: &str| s.parse::<i64>().ok();
        let index = |s: &str| s.parse::<usize>().ok();
        Some(match parts.as_slice() {
            ["cq", "vote", p, i] => Action::Vote {
                poll: id(p)?,
                index: index(i)?,
            },
            ["cq", "reason", p, i] => Action::Reason {
                poll: id(p)?,
                index: index(i)?,
            },
            ["cq", "why", p] => Action::Why { poll: id(p)? },
            ["cq", "pick", p] => Action::Pick { poll: id(p)? },
            ["cq", "hand-up", s] => Action::Hand {
                session: id(s)?,
                up: true,
            },
            ["cq", "hand-down", s] => Action::Hand {
                session: id(s)?,
                up: false,
            },
            ["cq", "approve", c] => Action::ClaimApprove { claim: id(c)? },
            ["cq", "edit", c] => Action::ClaimEdit { claim: id(c)? },
            ["cq", "reject", c] => Action::ClaimReject { claim: id(c)? },
            ["cq", "edited", c] => Action::ClaimEdited { claim: id(c)? },
            ["cq", "propose"] => Action::Propose,
            _ => return None,
        })
    }

    pub fn id(&self) -> String {
        match self {
            Action::Vote { poll, index } => format!("cq:vote:{poll}:{index}"),
            Action::Why { poll } => format!("cq:why:{poll}"),
            Action::Pick { poll } => format!("cq:pick:{poll}"),
            Action::Reason { poll, index } => format!("cq:reason:{poll}:{index}"),
            Action::ClaimApprove { claim } => format!("cq:approve:{claim}"),
            Action::ClaimEdit { claim } => format!("cq:edit:{claim}"),
            Action::ClaimReject { claim } => format!("cq:reject:{claim}"),
            Action::ClaimEdited { claim } => format!("cq:edited:{claim}"),
            Action::Propose => "cq:propose".to_string(),
            Action::Hand { session, up: true } => format!("cq:hand-up:{session}"),
            Action::Hand { session, up: false } => format!("cq:hand-down:{session}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn custom_ids_round_trip() {
        for a in [
            Action::Vote { poll: 3, index: 2 },
            Action::Why { poll: 3 },
            Action::Pick { poll: 3 },
            Action::Reason { poll: 3, index: 0 },
            Action::ClaimApprove { claim: 12 },
            Action::ClaimEdit { claim: 12 },
            Action::ClaimReject { claim: 12 },
            Action::ClaimEdited { claim: 12 },
            Action::Propose,
            Action::Hand {
                session: 4,
                up: true,
            },
            Action::Hand {
                session: 4,
                up: false,
            },
        ] {
            assert_eq!(Action::parse(&a.id()), Some(a.clone()));
            assert!(a.id().len() <= 100);
        }
        assert_eq!(Action::parse("cq:vote:x:1"), None);
        assert_eq!(Action::parse("cq:vote:1"), None);
        assert_eq!(Action::parse("other:vote:1:1"), None);
        assert_eq!(Action::parse("cq:why:1:2"), None);
        assert_eq!(Action::parse("cq:approve"), None);
        assert_eq!(Action::parse("cq:propose:1"), None);
    }
}
