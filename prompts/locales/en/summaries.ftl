## What the summarizer writes itself (src/domain/summary.rs)
summary-notice-chatter-only = Only greetings, logistics and short reactions were posted: there was no discussion to summarize.
# $language: the discussion's language: its English name here ("Spanish"), its own name
# in the other locales ("Español").
summary-notice-other-language = This discussion is in { $language }, which colloquy has no rules for yet, so it shows its most central replies without themes, disagreements or open questions.
# A disagreement about what a member said, when no theme or poll names it.
summary-about-members-point = { $name }'s point
summary-about-an-earlier-point = an earlier point

## The facilitators' notice when the configured LLM fails (src/engine/summaries.rs)
llm-failed-notice = Note for facilitators: the configured LLM could not be used ({ $reason }). colloquy uses its own questions and summaries until the LLM answers again.
llm-error-timeout = the LLM server did not answer within { $seconds } s
llm-error-unreachable = the LLM server could not be reached
llm-error-status = the LLM server answered with HTTP { $code }
llm-error-bad-answer = the LLM server's answer was not understood
llm-error-refused = its text broke the rules for summaries and questions
