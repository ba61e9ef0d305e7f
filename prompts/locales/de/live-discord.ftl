## Live-Seminare auf Discord: der Sprach- oder Stage-Kanal, der für die Anwesenheit zählt
# Nach der Antwort auf setup; $channel ist der Name des Kanals.
voice-channel-set = Anwesenheit: Wer im Sprachkanal „{ $channel }“ ist, gilt bei Live-Sitzungen als anwesend, mit den Zeiten des Kommens und Gehens.
voice-channel-off = Anwesenheit: Es wird kein Sprachkanal mehr verfolgt; anwesend ist, wer schreibt, abstimmt, sich meldet oder Notizen anlegt.
# `setup --voice-channel` auf Matrix oder in der Konsole.
voice-channel-discord-only = Sprachkanäle werden nur auf Discord verfolgt: Hier ist anwesend, wer schreibt, abstimmt, sich meldet oder Notizen anlegt.
# Der Discord-Adapter hat den Kanal nicht nachgeschlagen (ein getippter Name erreichte den Kern).
voice-channel-unresolved = Wähle den Sprachkanal in der Option `voice_channel` von `/setup`.
voice-channel-unknown = Auf diesem Server gibt es keinen Kanal „{ $given }“. Gib einen Sprach- oder Stage-Kanal mit Namen, Erwähnung oder ID an, oder `none`, um keinen mehr zu verfolgen.
voice-channel-not-voice = „{ $name }“ ist kein Sprach- oder Stage-Kanal, dort kann also niemand anwesend sein: Wähle einen Sprach- oder Stage-Kanal.
voice-channel-ambiguous = { $count } Sprachkanäle heißen „{ $given }“: Gib den gemeinten mit seiner Erwähnung oder ID an.
voice-channel-unreadable = Die Kanäle des Servers lassen sich gerade nicht lesen, daher wurde der Sprachkanal nicht geändert; versuche es gleich noch einmal.
