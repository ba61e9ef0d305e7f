//! Voice and stage channels and members' voice connections: joining, moving, leaving and
//! muting send VOICE_STATE_UPDATE as Discord does (one dispatch with the member's whole new
//! state, `channel_id` null on leaving), only to sessions that identified with the
//! GUILD_VOICE_STATES intent; GUILD_CREATE lists who is in voice.

use super::FakeDiscord;
use super::ids::{Person, bot_permissions};
use super::model::VoiceSeat;
use super::templates::{VoiceFlags, voice_channel_json, voice_state_json};

/// The intent without which Discord sends no voice states.
pub const GUILD_VOICE_STATES: u64 = 1 << 7;

impl FakeDiscord {
    fn add_voice_like(&self, name: &str, stage: bool) -> u64 {
        let (id, json) = {
            let mut st = self.shared.lock();
            let id = st.snowflakes.next();
            let json = voice_channel_json(&st.ids, id, name, stage);
            st.channels.insert(id, json.clone());
            (id, json)
        };
        self.shared.apply(vec![("CHANNEL_CREATE", json)]);
        id
    }

    /// A voice channel in the first guild; dispatches CHANNEL_CREATE.
    pub fn add_voice_channel(&self, name: &str) -> u64 {
        self.add_voice_like(name, false)
    }

    /// A stage channel in the first guild; dispatches CHANNEL_CREATE.
    pub fn add_stage_channel(&self, name: &str) -> u64 {
        self.add_voice_like(name, true)
    }

    /// Another bot in the guild (a music bot, say), which can join voice too.
    pub fn other_bot(&self, name: &str) -> Person {
        let mut st = self.shared.lock();
        let p = Person {
            id: st.snowflakes.next(),
            name: name.into(),
            roles: vec![],
            permissions: bot_permissions(),
            bot: true,
        };
        st.members.insert(p.id, p.clone());
        p
    }

    /// Sends `who`'s voice state: in `seat`'s channel, or (`None`) in none after `seat`.
    fn send_voice_state(&self, who: &Person, seat: &VoiceSeat, in_channel: bool) {
        let json = voice_state_json(
            seat.guild_id,
            in_channel.then_some(seat.channel_id),
            who,
            &seat.session_id,
            if in_channel {
                seat.flags
            } else {
                VoiceFlags::default()
            },
        );
        self.shared.apply(vec![("VOICE_STATE_UPDATE", json)]);
    }

    /// `who` joins voice or stage channel `channel`, or moves there from another (one
    /// VOICE_STATE_UPDATE either way, as on Discord; a move keeps the voice session).
    /// Panics if `channel` is not a voice or stage channel: Discord's client cannot join one.
    pub fn voice_join(&self, who: &Person, channel: u64) {
        let seat = {
            let mut st = self.shared.lock();
            let Some(c) = st.channels.get(&channel) else {
                panic!("fake discord: no channel {channel} to join");
            };
            assert!(
                c["type"] == 2 || c["type"] == 13,
                "fake discord: {channel} is not a voice or stage channel"
            );
            let guild_id = super::model::id_of(c, "guild_id").unwrap_or(st.ids.guild_id);
            let session_id = match st.voice.get(&who.id) {
                Some(s) => s.session_id.clone(),
                None => format!("voice{:x}", st.snowflakes.next()),
            };
            let flags = st.voice.get(&who.id).map(|s| s.flags).unwrap_or_default();
            let seat = VoiceSeat {
                guild_id,
                channel_id: channel,
                session_id,
                flags,
            };
            st.voice.insert(who.id, seat.clone());
            seat
        };
        self.send_voice_state(who, &seat, true);
    }

    /// `who` leaves voice (disconnects): `channel_id` null. Nothing is sent when `who`
    /// was in no channel, as on Discord.
    pub fn voice_leave(&self, who: &Person) {
        let left = self.shared.lock().voice.remove(&who.id);
        if let Some(seat) = left {
            self.send_voice_state(who, &seat, false);
        }
    }

    /// `who` mutes, deafens, starts video…: the same channel, a new state.
    pub fn voice_flags(&self, who: &Person, flags: VoiceFlags) {
        let seat = {
            let mut st = self.shared.lock();
            let Some(seat) = st.voice.get_mut(&who.id) else {
                panic!("fake discord: {} is not in voice", who.name);
            };
            seat.flags = flags;
            seat.clone()
        };
        self.send_voice_state(who, &seat, true);
    }
}
