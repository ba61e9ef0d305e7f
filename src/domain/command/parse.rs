//! The `!cq` text parser: words (with quotes) into a verb of the table and its arguments,
//! with "did you mean" for verbs, sub-verbs and flags.

use super::Command;
use super::args::{Args, ParseError};
use super::verbs::{Takes, VERBS, Verb, closest};

/// Split a command line into words, honouring "double", 'single' and “curly” quotes.
pub fn tokenize(line: &str) -> Result<Vec<String>, ParseError> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut in_word = false;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        let close = match c {
            '"' => Some('"'),
            '\'' if !in_word => Some('\''),
            '“' => Some('”'),
            '‘' if !in_word => Some('’'),
            '«' => Some('»'),
            _ => None,
        };
        if let Some(close) = close {
            let mut closed = false;
            for q in chars.by_ref() {
                if q == close || (close == '”' && q == '"') {
                    closed = true;
                    break;
                }
                current.push(q);
            }
            if !closed {
                return Err(ParseError::UnclosedQuote);
            }
            in_word = true;
        } else if c.is_whitespace() {
            if in_word {
                words.push(std::mem::take(&mut current));
                in_word = false;
            }
        } else {
            // Some clients turn "--" into an em dash.
            if c == '—' && !in_word {
                current.push_str("--");
            } else {
                current.push(c);
            }
            in_word = true;
        }
    }
    if in_word {
        words.push(current);
    }
    Ok(words)
}

/// Split words into positionals and the flags `verb` takes; any other flag is refused.
pub(super) fn read_args(verb: &'static Verb, words: &[String]) -> Result<Args, ParseError> {
    let mut positional = Vec::new();
    let mut flags = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        if let Some(typed) = w.strip_prefix("--") {
            let (typed, inline) = match typed.split_once('=') {
                Some((n, v)) => (n.to_lowercase(), Some(v.to_string())),
                None => (typed.to_lowercase(), None),
            };
            let Some(flag) = verb.flag(&typed) else {
                return Err(unknown_flag(verb, &typed));
            };
            match flag.takes {
                Takes::Nothing => flags.push((flag.name, None)),
                Takes::Number(_) | Takes::Text(_) => {
                    let value = match inline {
                        Some(v) => v,
                        None => {
                            i += 1;
                            words
                                .get(i)
                                .cloned()
                                .ok_or_else(|| ParseError::MissingValue(format!("--{typed}")))?
                        }
                    };
                    if matches!(flag.takes, Takes::Number(_))
                        && value.trim().parse::<i64>().is_err()
                    {
                        return Err(ParseError::NotANumber {
                            what: format!("--{typed}"),
                            given: value,
                        });
                    }
                    flags.push((flag.name, Some(value)));
                }
            }
        } else {
            positional.push(w.clone());
        }
        i += 1;
    }
    Ok(Args { positional, flags })
}

/// A flag `verb` does not take, with the closest one it does.
fn unknown_flag(verb: &'static Verb, typed: &str) -> ParseError {
    let candidates = verb.flags.iter().map(|f| (f.name, f.name)).chain(
        verb.flags
            .iter()
            .flat_map(|f| f.aliases.iter().map(move |a| (*a, f.name))),
    );
    let allowed: Vec<String> = verb
        .flags
        .iter()
        .map(|f| match f.takes {
            Takes::Nothing => format!("--{}", f.name),
            _ => format!("--{} …", f.name),
        })
        .collect();
    ParseError::UnknownFlag {
        verb: verb.name,
        flag: format!("--{typed}"),
        allowed: if allowed.is_empty() {
            String::new()
        } else {
            allowed.join(", ")
        },
        suggestion: closest(typed, candidates).map(|f| format!("--{f}")),
    }
}

/// Parse a command line (without the `!cq` prefix), e.g. `poll create "claim" --minutes 10`.
pub fn parse(line: &str) -> Result<Command, ParseError> {
    let words = tokenize(line)?;
    let Some(first) = words.first() else {
        return Err(ParseError::Empty);
    };
    let head = first.to_lowercase();
    let second = words.get(1).map(|w| w.to_lowercase());
    // The longest spelling of a verb the line starts with: "schedule pause" before "schedule".
    let mut found: Option<(&'static Verb, usize)> = None;
    for verb in VERBS.iter().copied() {
        for name in verb.names() {
            let parts: Vec<&str> = name.split(' ').collect();
            let matches = match parts.as_slice() {
                [one] => *one == head,
                [one, two] => *one == head && second.as_deref() == Some(*two),
                _ => false,
            };
            if matches && found.is_none_or(|(_, n)| parts.len() > n) {
                found = Some((verb, parts.len()));
            }
        }
    }
    let subs = sub_verbs(&head);
    match found {
        // "schedule frobnicate": a sub-verb that does not exist, not an argument.
        // A one-word spelling that takes text (`hand my topic`, `action @ana …`) reads it.
        Some((verb, 1))
            if verb.args.is_empty()
                && !subs.is_empty()
                && second.as_deref().is_some_and(|s| !s.starts_with("--")) =>
        {
            Err(missing_sub(&head, &subs, second.as_deref()))
        }
        Some((verb, n)) => (verb.build)(read_args(verb, &words[n..])?),
        None if !subs.is_empty() => Err(missing_sub(&head, &subs, second.as_deref())),
        None => Err(ParseError::UnknownVerb {
            suggestion: suggest_verb(&head),
            given: head,
        }),
    }
}

/// The verbs typed as `head SUB` (e.g. for "poll": poll create, poll close, …).
fn sub_verbs(head: &str) -> Vec<&'static Verb> {
    VERBS
        .iter()
        .copied()
        .filter(|v| v.name.split_once(' ').is_some_and(|(h, _)| h == head))
        .collect()
}

fn missing_sub(head: &str, subs: &[&'static Verb], given: Option<&str>) -> ParseError {
    let second = |name: &'static str| name.split_once(' ').map(|(_, s)| s).unwrap_or(name);
    let expected: Vec<&str> = subs.iter().map(|v| second(v.name)).collect();
    let suggestion = given.and_then(|g| {
        let canonical = subs.iter().map(|v| (second(v.name), v.name));
        let aliases = subs.iter().flat_map(|v| {
            v.aliases
                .iter()
                .filter_map(move |a| a.split_once(' ').map(|(_, s)| (s, v.name)))
        });
        closest(g, canonical.chain(aliases)).map(str::to_string)
    });
    ParseError::MissingSub {
        verb: head.to_string(),
        expected: expected.join(", "),
        suggestion,
    }
}

/// The verb an unknown first word most likely meant: a verb with a typo ("pol"), or a
/// sub-verb typed alone ("import" for `reading import`).
fn suggest_verb(given: &str) -> Option<String> {
    let heads = VERBS.iter().map(|v| {
        let head = v.name.split(' ').next().unwrap_or(v.name);
        (head, head)
    });
    let subs = VERBS
        .iter()
        .filter_map(|v| v.name.split_once(' ').map(|(_, s)| (s, v.name)));
    let aliases = VERBS.iter().flat_map(|v| {
        v.aliases.iter().map(move |a| {
            let word = a.rsplit(' ').next().unwrap_or(a);
            let shown = if a.contains(' ') {
                v.name
            } else {
                v.name.split(' ').next().unwrap_or(v.name)
            };
            (word, shown)
        })
    });
    closest(given, heads.chain(subs).chain(aliases)).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::super::*;
    use super::*;

    #[test]
    fn parses_the_matrix_example() {
        let c = parse("poll create \"Structural realism explains continuity\" --scale likert5 --minutes 10 --anonymous --phase pre").unwrap();
        let Command::PollCreate(spec) = c else {
            panic!("not a poll")
        };
        assert_eq!(
            spec.claim.as_deref(),
            Some("Structural realism explains continuity")
        );
        assert_eq!(spec.scale.as_deref(), Some("likert5"));
        assert_eq!(spec.deadline, Deadline::Minutes(10));
        assert!(spec.anonymous && !spec.hidden);
        assert_eq!(spec.phase, Some(Phase::Pre));
    }

    #[test]
    fn curly_quotes_and_custom_options() {
        let c = parse("poll create “Which theory fits?” --options \"Realism | Liberalism|Constructivism\" --until 18:00").unwrap();
        let Command::PollCreate(spec) = c else {
            panic!()
        };
        assert_eq!(spec.claim.as_deref(), Some("Which theory fits?"));
        assert_eq!(spec.scale, None);
        assert_eq!(
            spec.options,
            vec!["Realism", "Liberalism", "Constructivism"]
        );
        assert_eq!(spec.deadline, Deadline::Until("18:00".into()));
    }

    #[test]
    fn clear_errors() {
        assert_eq!(parse(""), Err(ParseError::Empty));
        assert_eq!(
            parse("dance"),
            Err(ParseError::UnknownVerb {
                given: "dance".into(),
                suggestion: None
            })
        );
        assert!(matches!(parse("poll"), Err(ParseError::MissingSub { .. })));
        assert!(matches!(
            parse("poll create \"x\" --colour red"),
            Err(ParseError::UnknownFlag { .. })
        ));
        assert_eq!(
            parse("poll create \"x\" --minutes"),
            Err(ParseError::MissingValue("--minutes".into()))
        );
        assert!(matches!(
            parse("poll create \"x\" --minutes ten"),
            Err(ParseError::NotANumber { .. })
        ));
        assert_eq!(
            parse("poll create \"unclosed"),
            Err(ParseError::UnclosedQuote)
        );
        assert!(matches!(
            parse("vote 3"),
            Err(ParseError::MissingArgument { .. })
        ));
        assert!(matches!(
            parse("poll create"),
            Err(ParseError::MissingArgument { .. })
        ));
        assert!(matches!(
            parse("export --format pdf"),
            Err(ParseError::BadChoice { .. })
        ));
        assert!(matches!(
            parse("poll create x --minutes 5 --until 10:00"),
            Err(ParseError::DeadlineTwice)
        ));
    }

    #[test]
    fn other_verbs() {
        assert_eq!(parse("excerpt next").unwrap(), Command::ExcerptNext);
        assert_eq!(
            parse("schedule").unwrap(),
            Command::Schedule(ScheduleAction::Status)
        );
        assert_eq!(
            parse("vote #4 agree --reason 'it fits the evidence'").unwrap(),
            Command::Vote {
                poll: 4,
                option: "agree".into(),
                reason: Some("it fits the evidence".into())
            }
        );
        assert_eq!(
            parse("privacy forget-me --confirm").unwrap(),
            Command::PrivacyForgetMe { confirm: true }
        );
        assert_eq!(
            parse("summary 12").unwrap(),
            Command::Summary { session: Some(12) }
        );
        assert_eq!(
            parse("poll create --phase post").unwrap().verb(),
            "poll create"
        );
        let Command::Setup(s) =
            parse("setup --tz Europe/London --time=09:30 --days mon-fri").unwrap()
        else {
            panic!()
        };
        assert_eq!(s.tz.as_deref(), Some("Europe/London"));
        assert_eq!(s.time.as_deref(), Some("09:30"));
        assert_eq!(s.voice_channel, None);
        for (line, want) in [
            (
                "setup --voice-channel \"Seminar Voice\"",
                VoiceChannelArg::Typed("Seminar Voice".into()),
            ),
            ("setup --voice-channel none", VoiceChannelArg::Off),
            ("setup --voice-channel OFF", VoiceChannelArg::Off),
        ] {
            let Command::Setup(s) = parse(line).unwrap() else {
                panic!("{line}")
            };
            assert_eq!(s.voice_channel, Some(want), "{line}");
        }
    }

    /// A line that runs `verb` with its required arguments.
    fn sample_line(verb: &Verb) -> String {
        match verb.name {
            "poll create" => "poll create \"x\"".into(),
            "vote" => "vote 1 agree".into(),
            "poll extend" => "poll extend --minutes 5".into(),
            "privacy quotes" => "privacy quotes on".into(),
            "claim add" => "claim add \"x\"".into(),
            "claim approve" => "claim approve 1".into(),
            "claim reject" => "claim reject 1".into(),
            "quiz add" => "quiz add \"q\" --options \"a | b\" --answer 1".into(),
            "agenda extend" => "agenda extend 5m".into(),
            "queue mode" => "queue mode progressive".into(),
            "note" => "note x".into(),
            "decision" => "decision x".into(),
            "action add" => "action add @ana x".into(),
            "action done" => "action done 1".into(),
            "breakout" => "breakout 2".into(),
            other => other.to_string(),
        }
    }

    #[test]
    fn every_verb_in_the_table_parses_to_itself() {
        for verb in VERBS {
            let line = sample_line(verb);
            let parsed = parse(&line).unwrap_or_else(|e| panic!("{line}: {e}"));
            assert_eq!(parsed.verb(), verb.name, "{line}");
            for alias in verb.aliases {
                let line = sample_line(verb).replacen(verb.name, alias, 1);
                assert_eq!(parse(&line).map(|c| c.verb()), Ok(verb.name), "{line}");
            }
        }
    }

    #[test]
    fn the_parser_takes_exactly_the_flags_of_the_table() {
        let every: std::collections::BTreeSet<&str> = VERBS
            .iter()
            .flat_map(|v| v.flags.iter())
            .flat_map(|f| std::iter::once(f.name).chain(f.aliases.iter().copied()))
            .chain(["claim", "colour"])
            .collect();
        for verb in VERBS {
            for flag in &every {
                let line = format!("{} --{flag}=1", verb.name);
                let taken = !matches!(parse(&line), Err(ParseError::UnknownFlag { .. }));
                assert_eq!(taken, verb.flag(flag).is_some(), "{line}");
                if taken {
                    let f = verb.flag(flag).unwrap();
                    assert!(verb.usage().contains(&format!("--{}", f.name)));
                    assert!(!f.help.is_empty());
                }
            }
        }
    }

    #[test]
    fn suggestions_for_verbs_sub_verbs_and_flags() {
        let hint = |line: &str| match parse(line) {
            Err(
                ParseError::UnknownVerb { suggestion, .. }
                | ParseError::MissingSub { suggestion, .. }
                | ParseError::UnknownFlag { suggestion, .. },
            ) => suggestion,
            other => panic!("{line}: {other:?}"),
        };
        let table: &[(&str, Option<&str>)] = &[
            ("pol create \"x\"", Some("poll")),
            ("import", Some("reading import")),
            ("list", Some("reading list")),
            ("end", Some("session end")),
            ("sumary", Some("summary")),
            ("summarise", Some("summary")),
            ("poll creat \"x\"", Some("poll create")),
            ("poll new1", Some("poll create")),
            ("schedule pasue", Some("schedule pause")),
            ("privacy forgt-me", Some("privacy forget-me")),
            ("poll create \"x\" --minuts 5", Some("--minutes")),
            ("poll create \"x\" --anon", Some("--anonymous")),
            ("poll create \"x\" --optons \"a|b\"", Some("--options")),
            ("frobnicate", None),
            ("poll create \"x\" --colour red", None),
            ("poll zzz", None),
        ];
        for (line, expected) in table {
            assert_eq!(hint(line).as_deref(), *expected, "{line}");
        }
        assert_eq!(
            parse("pol create").unwrap_err().to_string(),
            "unknown command `pol`; did you mean `poll`?"
        );
        assert!(
            parse("poll create \"x\" --colour red")
                .unwrap_err()
                .to_string()
                .contains("it takes: --scale …")
        );
    }

    #[test]
    fn help_topics_find_verbs_groups_and_aliases() {
        let names = |t: &str| verbs_for(t).iter().map(|v| v.name).collect::<Vec<_>>();
        assert_eq!(names("poll create"), ["poll create"]);
        assert_eq!(names("/poll  Create"), ["poll create"]);
        assert_eq!(names("schedule").len(), 4);
        assert_eq!(names("poll").len(), 5);
        assert_eq!(names("poll new"), ["poll create"]);
        assert_eq!(names("summarize"), ["summary"]);
        assert!(names("pol").is_empty());
    }

    #[test]
    fn option_is_an_alias_and_claim_is_refused() {
        let Command::PollCreate(spec) =
            parse("poll create \"x\" --option \"a | b\" --options c").unwrap()
        else {
            panic!()
        };
        assert_eq!(spec.options, vec!["a", "b", "c"]);
        assert!(matches!(
            parse("poll create --claim \"x\""),
            Err(ParseError::UnknownFlag { .. })
        ));
        assert!(POLL_CREATE.usage().contains("--hours N"));
    }
}
