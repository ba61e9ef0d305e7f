# The Discord adapter's own lines (src/platform/discord): /help and its errors.
discord-help-intro = **colloquy** posts a daily excerpt of your group's reading with discussion questions in a thread, records the replies, runs polls on claims and summarizes each session.
discord-help-not-set-up = This channel is not a reading group yet: a facilitator starts with `/setup`.
discord-help-facilitators = (facilitators)
discord-help-one-command = `/help command:NAME` explains one command and its options.
discord-help-no-such-command = There is no `/{ $wanted }`. `/help` lists every command.
discord-help-options = Options:
discord-help-optional = (optional)
discord-bad-option = That option is not valid: { $error }. Check it and try again.
discord-command-updated = This command was just updated; Discord may take a minute to catch up. Try again shortly.
discord-posted-in-channel = Done: the answer is posted in the channel.
