//! A process's range of Discord gateway shards: `shards = "0-3"` of `shard_total = 8`.
//! Discord sends a server's events to shard `(server id >> 22) % total`, and direct
//! messages to shard 0, so processes holding disjoint ranges of one total split the
//! servers between them and each event reaches exactly one of them.

use std::fmt;
use std::str::FromStr;

/// Shards `first..=last` of `total`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShardRange {
    pub first: u32,
    pub last: u32,
    pub total: u32,
}

impl ShardRange {
    /// Parse `"0-3"` or `"5"` against `total`; the message says what is wrong.
    pub fn parse(range: &str, total: u32) -> Result<ShardRange, String> {
        if total == 0 {
            return Err("shard_total is at least 1".into());
        }
        let range = range.trim();
        let number = |s: &str| {
            u32::from_str(s.trim()).map_err(|_| {
                format!("\"{range}\" is not a shard range: write FIRST-LAST, e.g. \"0-3\"")
            })
        };
        let (first, last) = match range.split_once('-') {
            Some((a, b)) => (number(a)?, number(b)?),
            None => {
                let n = number(range)?;
                (n, n)
            }
        };
        if first > last {
            return Err(format!(
                "\"{range}\" runs backwards: the first shard comes first, e.g. \"{last}-{first}\""
            ));
        }
        if last >= total {
            return Err(format!(
                "shard {last} does not exist with shard_total = {total} (shards are numbered 0 to {})",
                total - 1
            ));
        }
        Ok(ShardRange { first, last, total })
    }

    /// Every shard of `total` (one process holds them all).
    pub fn all(total: u32) -> ShardRange {
        ShardRange {
            first: 0,
            last: total.saturating_sub(1),
            total,
        }
    }

    pub fn shards(&self) -> impl Iterator<Item = u32> {
        self.first..=self.last
    }

    /// The shard Discord sends a server's events to.
    pub fn shard_of(guild_id: u64, total: u32) -> u32 {
        ((guild_id >> 22) % u64::from(total.max(1))) as u32
    }

    pub fn contains_guild(&self, guild_id: u64) -> bool {
        (self.first..=self.last).contains(&ShardRange::shard_of(guild_id, self.total))
    }
}

impl fmt::Display for ShardRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "shards {}-{} of {}", self.first, self.last, self.total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_parse_and_refuse_what_cannot_be() {
        assert_eq!(
            ShardRange::parse("0-3", 8),
            Ok(ShardRange {
                first: 0,
                last: 3,
                total: 8
            })
        );
        assert_eq!(
            ShardRange::parse(" 5 ", 8).map(|r| (r.first, r.last)),
            Ok((5, 5))
        );
        assert!(
            ShardRange::parse("4-8", 8)
                .unwrap_err()
                .contains("shard 8 does not exist")
        );
        assert!(
            ShardRange::parse("3-1", 8)
                .unwrap_err()
                .contains("backwards")
        );
        assert!(
            ShardRange::parse("a-b", 8)
                .unwrap_err()
                .contains("FIRST-LAST")
        );
        assert!(ShardRange::parse("0", 0).is_err());
        assert_eq!(
            ShardRange::all(4).shards().collect::<Vec<_>>(),
            [0, 1, 2, 3]
        );
    }

    #[test]
    fn a_servers_shard_is_its_id_shifted_modulo_the_total() {
        // Discord's documented example: shard_id = (guild_id >> 22) % num_shards.
        let guild: u64 = 41771983423143937;
        assert_eq!(ShardRange::shard_of(guild, 4), ((guild >> 22) % 4) as u32);
        let r = ShardRange::parse("0-1", 4).unwrap();
        assert_eq!(r.contains_guild(guild), ShardRange::shard_of(guild, 4) <= 1);
    }
}
