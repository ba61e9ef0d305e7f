//! Platform ids as text tagged with their platform: `discord:112233`, `matrix:!abc:example.org`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Where a group lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Platform {
    Console,
    Discord,
    Matrix,
}

impl Platform {
    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Console => "console",
            Platform::Discord => "discord",
            Platform::Matrix => "matrix",
        }
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum IdError {
    #[error("unknown platform \"{0}\" (expected console, discord or matrix)")]
    UnknownPlatform(String),
    #[error("\"{0}\" is not a tagged id like discord:123 or matrix:!room:server")]
    Untagged(String),
}

impl TryFrom<String> for Platform {
    type Error = IdError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl FromStr for Platform {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "console" => Ok(Platform::Console),
            "discord" => Ok(Platform::Discord),
            "matrix" => Ok(Platform::Matrix),
            other => Err(IdError::UnknownPlatform(other.to_string())),
        }
    }
}

macro_rules! tagged_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name {
            pub platform: Platform,
            pub id: String,
        }

        impl $name {
            pub fn new(platform: Platform, id: impl Into<String>) -> Self {
                Self { platform, id: id.into() }
            }
            /// The tagged text form, e.g. `discord:123`.
            pub fn key(&self) -> String {
                format!("{}:{}", self.platform, self.id)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}:{}", self.platform, self.id)
            }
        }

        impl FromStr for $name {
            type Err = IdError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let (platform, id) = s.split_once(':').ok_or_else(|| IdError::Untagged(s.to_string()))?;
                if id.is_empty() {
                    return Err(IdError::Untagged(s.to_string()));
                }
                Ok(Self { platform: platform.parse()?, id: id.to_string() })
            }
        }

        impl TryFrom<String> for $name {
            type Error = IdError;
            fn try_from(s: String) -> Result<Self, Self::Error> {
                s.parse()
            }
        }

        impl From<$name> for String {
            fn from(v: $name) -> String {
                v.key()
            }
        }
    };
}

tagged_id!(
    /// A group's channel or room: `discord:112233`, `matrix:!abc:example.org`, `console:demo`.
    ChannelKey
);
tagged_id!(
    /// A member of a platform: `discord:4455`, `matrix:@alice:example.org`, `console:alice`.
    MemberKey
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_tagged_ids() {
        let k: ChannelKey = "matrix:!abc:example.org".parse().unwrap();
        assert_eq!(k.platform, Platform::Matrix);
        assert_eq!(k.id, "!abc:example.org");
        assert_eq!(k.to_string(), "matrix:!abc:example.org");
        assert_eq!(
            "discord".parse::<ChannelKey>(),
            Err(IdError::Untagged("discord".into()))
        );
        assert!("slack:1".parse::<MemberKey>().is_err());
    }
}
