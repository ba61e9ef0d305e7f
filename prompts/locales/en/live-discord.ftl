## live seminars on Discord: the voice or stage channel that counts for attendance
# After the setup reply; $channel is the channel's name.
voice-channel-set = Attendance: members in the voice channel “{ $channel }” count as present at live sessions, with the times they join and leave.
voice-channel-off = Attendance: no voice channel is followed any more; members count as present when they write, vote, raise a hand or take notes.
# `setup --voice-channel` on Matrix or in the console.
voice-channel-discord-only = Voice channels are followed on Discord only: here members count as present when they write, vote, raise a hand or take notes.
# The Discord adapter did not look the channel up (a typed name reached the core).
voice-channel-unresolved = Pick the voice channel in the `voice_channel` option of `/setup`.
voice-channel-unknown = There is no channel “{ $given }” in this server. Give a voice or stage channel by its name, its mention or its id, or `none` to stop following one.
voice-channel-not-voice = “{ $name }” is not a voice or stage channel, so nobody can be present in it: pick a voice or stage channel.
voice-channel-ambiguous = { $count } voice channels are named “{ $given }”: give the one you mean by its mention or its id.
voice-channel-unreadable = The server's channels cannot be read right now, so the voice channel was not changed; try again in a moment.
