## What the summarizer writes itself (src/domain/summary.rs)
summary-notice-chatter-only = Only greetings, logistics and short reactions were posted: there was no discussion to summarize.
# $language: the discussion's language: its English name here ("Spanish"), its own name
# in the other locales ("Español").
summary-notice-other-language = This discussion is in { $language }, which colloquy has no rules for yet, so it shows its most central replies without themes, disagreements or open questions.
# A disagreement about what a member said, when no theme or poll names it.
summary-about-members-point = { $name }'s point
summary-about-an-earlier-point = an earlier point
