//! Getting the record out: session minutes as Markdown, replies and votes as CSV, and
//! everything about a group as JSON. Used by `export` in the chat and by the CLI.

use crate::domain::poll::Phase;
use serde_json::json;

use crate::domain::command::ExportFormat;
use crate::engine::{CommandError, Engine, local_label_in};
use crate::ports::FileOut;
use crate::store::{Group, SessionRow, from_ms};

/// Which sessions' minutes to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// One session.
    Session(i64),
    /// The group's current (or latest) session.
    Current,
    /// Every session.
    All,
}

impl Engine {
    /// Export a group's record from the chat (`--session` or the current session's minutes).
    pub async fn export(
        &self,
        group: &Group,
        format: ExportFormat,
        session: Option<i64>,
    ) -> Result<Vec<FileOut>, CommandError> {
        export(self, group, format, session).await
    }
}

/// Export a group's record from the chat (`--session` or the current session's minutes).
pub async fn export(
    engine: &Engine,
    group: &Group,
    format: ExportFormat,
    session: Option<i64>,
) -> Result<Vec<FileOut>, CommandError> {
    let scope = session.map(Scope::Session).unwrap_or(Scope::Current);
    export_scoped(engine, group, format, scope).await
}

/// Export with an explicit scope for minutes.
pub async fn export_scoped(
    engine: &Engine,
    group: &Group,
    format: ExportFormat,
    scope: Scope,
) -> Result<Vec<FileOut>, CommandError> {
    let mut files = Vec::new();
    if matches!(format, ExportFormat::Markdown | ExportFormat::All) {
        let sessions: Vec<SessionRow> = match scope {
            Scope::Session(id) => vec![engine.session_in_group(group, id).await?],
            Scope::Current => engine
                .store()
                .current_session(group.id)
                .await?
                .into_iter()
                .collect(),
            Scope::All => engine.store().sessions(group.id).await?,
        };
        if sessions.is_empty() && format == ExportFormat::Markdown {
            return Err(CommandError::invalid(crate::t!(
                group.locale(),
                "export-no-minutes"
            )));
        }
        for s in sessions {
            files.push(minutes(engine, group, &s).await?);
        }
    }
    if matches!(format, ExportFormat::Csv | ExportFormat::All) {
        files.extend(csv_files(engine, group).await?);
    }
    if matches!(format, ExportFormat::Json | ExportFormat::All) {
        files.push(json_file(engine, group).await?);
    }
    Ok(files)
}

/// One session's minutes.
pub async fn minutes(
    engine: &Engine,
    group: &Group,
    session: &SessionRow,
) -> Result<FileOut, CommandError> {
    let summary = if session.is_open() {
        None
    } else {
        Some(engine.summarize_session(session.id, false).await?.markdown)
    };
    let body = minutes_markdown(engine, group, session, summary, Audience::Facilitators).await?;
    Ok(FileOut {
        name: format!("minutes-session-{}.md", session.id),
        mime: "text/markdown".into(),
        bytes: body.into_bytes(),
        description: crate::t!(group.locale(), "export-minutes-file", id = session.id),
    })
}

/// Who the minutes are for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// An export sent privately to a facilitator: every reply under its author's name.
    Facilitators,
    /// A published archive: members who turned quotes off appear as "a member".
    Public,
}

/// One session's minutes as Markdown (minutes.md.j2), with its summary when given.
pub async fn minutes_markdown(
    engine: &Engine,
    group: &Group,
    session: &SessionRow,
    summary: Option<String>,
    audience: Audience,
) -> Result<String, CommandError> {
    let tz = Engine::zone(group);
    let loc = group.locale();
    let title = engine.session_title(session).await?;
    let (excerpt, questions, position) = match session.excerpt_id {
        Some(id) => match engine.store().excerpt(id).await? {
            Some(e) => {
                let qs: Vec<String> = engine
                    .store()
                    .questions(id)
                    .await?
                    .into_iter()
                    .map(|q| q.text)
                    .collect();
                let r = engine.store().reading(e.reading_id).await?;
                let position = r.map(|r| {
                    crate::t!(
                        loc,
                        "minutes-position",
                        seq = e.seq,
                        total = r.excerpt_count
                    )
                });
                (Some(e.text), qs, position)
            }
            None => (None, Vec::new(), None),
        },
        None => (None, Vec::new(), None),
    };
    let runs = engine.store().agenda_runs(session.id).await?;
    let agenda: Vec<serde_json::Value> = engine
        .store()
        .agenda_items(session.id)
        .await?
        .iter()
        .map(|i| json!({"seq": i.seq, "title": i.title}))
        .collect();
    let replies: Vec<serde_json::Value> = engine
        .store()
        .session_replies(session.id)
        .await?
        .iter()
        .map(|r| {
            let item = crate::engine::live::item_seq_at(&runs, r.posted_at);
            let author = if audience == Audience::Public && !r.quotes_allowed {
                crate::t!(loc, "a-member")
            } else {
                r.display_name.clone()
            };
            json!({
                "author": author,
                "time": crate::i18n::format_time(from_ms(r.posted_at), tz, loc),
                "text": r.text,
                "edited": r.edited_at.is_some(),
                "deleted": r.deleted_at.is_some(),
                "item": item,
            })
        })
        .collect();
    let live = engine
        .live_record(group, session, audience == Audience::Public)
        .await?;
    let mut polls = Vec::new();
    for p in engine.store().session_polls(session.id).await? {
        polls.push(engine.poll_result_view(&p).await?);
    }
    // A closed session's summary carries its map; an open one's minutes show it here.
    let map = if session.is_open() {
        engine
            .session_map(group, session.id)
            .await?
            .map(|m| m.markdown)
    } else {
        None
    };
    engine
        .prompts()
        .render_in(
            loc,
            "minutes.md.j2",
            &json!({"m": {
                "title": title,
                "group": group.label(),
                "date": local_label_in(from_ms(session.started_at), tz, loc),
                "excerpt": excerpt,
                "position": position,
                "questions": questions,
                "replies": replies,
                "polls": polls,
                "map": map,
                "agenda": agenda,
                "live": (!live.is_empty()).then_some(live.markdown),
                "summary": summary,
            }}),
        )
        .map_err(CommandError::from)
}

/// Spreadsheet programs run cells that start with these as formulas: quote them.
fn cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

fn to_csv(header: &[&str], rows: Vec<Vec<String>>) -> Result<Vec<u8>, CommandError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header)
        .map_err(|e| CommandError::Internal(e.to_string()))?;
    for row in rows {
        w.write_record(row.iter().map(|c| cell(c)))
            .map_err(|e| CommandError::Internal(e.to_string()))?;
    }
    w.into_inner()
        .map_err(|e| CommandError::Internal(e.to_string()))
}

async fn csv_files(engine: &Engine, group: &Group) -> Result<Vec<FileOut>, CommandError> {
    let replies = engine.store().group_replies(group.id).await?;
    let reply_rows: Vec<Vec<String>> = replies
        .iter()
        .map(|r| {
            vec![
                r.session_id.to_string(),
                r.message_id.clone(),
                r.display_name.clone(),
                from_ms(r.posted_at).to_rfc3339(),
                r.edited_at
                    .map(|t| from_ms(t).to_rfc3339())
                    .unwrap_or_default(),
                r.deleted_at.is_some().to_string(),
                r.text.clone(),
            ]
        })
        .collect();
    let mut named = Vec::new();
    let mut anonymous = Vec::new();
    for poll in engine.store().polls(group.id).await? {
        let scale = &poll.scale;
        let options = scale.options();
        let votes = engine.store().votes(poll.id).await?;
        let hidden_now = poll.hidden && poll.is_open();
        if hidden_now {
            continue;
        }
        let names = names_of(engine, &votes).await?;
        for v in votes {
            let option = options.get(v.option as usize).cloned().unwrap_or_default();
            let phase = poll
                .phase
                .map(Phase::as_str)
                .unwrap_or_default()
                .to_string();
            if poll.anonymous {
                anonymous.push(vec![
                    poll.id.to_string(),
                    poll.claim.clone(),
                    phase,
                    option,
                    v.reason.unwrap_or_default(),
                ]);
            } else {
                let who = v
                    .member_key
                    .as_deref()
                    .and_then(|k| names.get(k).cloned())
                    .unwrap_or_default();
                named.push(vec![
                    poll.id.to_string(),
                    poll.claim.clone(),
                    phase,
                    who,
                    option,
                    v.reason.unwrap_or_default(),
                    v.voted_at
                        .map(|t| from_ms(t).to_rfc3339())
                        .unwrap_or_default(),
                ]);
            }
        }
    }
    let loc = group.locale();
    let file = |name: &str, bytes: Vec<u8>, description: String| FileOut {
        name: name.to_string(),
        mime: "text/csv".into(),
        bytes,
        description,
    };
    // Attendance of live sessions, when the group has had any.
    let mut attendance = Vec::new();
    for s in engine.store().sessions(group.id).await? {
        if s.kind != "live" {
            continue;
        }
        for a in engine.attendance(group, &s, false).await? {
            attendance.push(vec![
                s.id.to_string(),
                a.name,
                a.from,
                a.to,
                a.wrote.to_string(),
                a.voted.to_string(),
                a.hand.to_string(),
                a.voice.to_string(),
            ]);
        }
    }
    let mut files = vec![
        file(
            "replies.csv",
            to_csv(
                &[
                    "session",
                    "message_id",
                    "author",
                    "posted_at",
                    "edited_at",
                    "deleted",
                    "text",
                ],
                reply_rows,
            )?,
            crate::t!(loc, "export-replies-file"),
        ),
        file(
            "votes.csv",
            to_csv(
                &[
                    "poll", "claim", "phase", "voter", "option", "reason", "voted_at",
                ],
                named,
            )?,
            crate::t!(loc, "export-votes-file"),
        ),
        file(
            "votes-anonymous.csv",
            to_csv(&["poll", "claim", "phase", "option", "reason"], anonymous)?,
            crate::t!(loc, "export-anonymous-votes-file"),
        ),
    ];
    if !attendance.is_empty() {
        files.push(file(
            "attendance.csv",
            to_csv(
                &[
                    "session", "member", "from", "to", "wrote", "voted", "hand", "voice",
                ],
                attendance,
            )?,
            crate::t!(loc, "export-attendance-file"),
        ));
    }
    Ok(files)
}

async fn names_of(
    engine: &Engine,
    votes: &[crate::store::VoteRow],
) -> Result<std::collections::HashMap<String, String>, CommandError> {
    let mut names = std::collections::HashMap::new();
    for v in votes {
        if let Some(k) = &v.member_key
            && !names.contains_key(k)
            && let Some(m) = engine.store().member_data(k).await?.member
        {
            names.insert(k.clone(), m.display_name);
        }
    }
    Ok(names)
}

async fn json_file(engine: &Engine, group: &Group) -> Result<FileOut, CommandError> {
    let store = engine.store();
    let mut readings = Vec::new();
    for r in store.readings(group.id).await? {
        let mut excerpts = Vec::new();
        for e in store.excerpts(r.id).await? {
            let questions: Vec<serde_json::Value> = store
                .questions(e.id)
                .await?
                .into_iter()
                .map(|q| json!({"kind": q.kind, "text": q.text}))
                .collect();
            excerpts.push(json!({
                "id": e.id, "seq": e.seq, "words": e.words, "text": e.text,
                "terms": e.terms,
                "questions": questions, "claims": store.claims(e.id).await?,
            }));
        }
        readings.push(json!({
            "id": r.id, "title": r.title, "author": r.author,
            "metadata": r.metadata,
            "words": r.words, "excerpts": excerpts,
        }));
    }
    let replies = store.group_replies(group.id).await?;
    let mut sessions = Vec::new();
    for s in store.sessions(group.id).await? {
        let rs: Vec<serde_json::Value> = replies
            .iter()
            .filter(|r| r.session_id == s.id)
            .map(|r| {
                json!({
                    "id": r.id, "message_id": r.message_id, "author": r.display_name,
                    "reply_to": r.reply_to, "text": r.text, "posted_at": from_ms(r.posted_at).to_rfc3339(),
                    "edited_at": r.edited_at.map(|t| from_ms(t).to_rfc3339()),
                    "deleted": r.deleted_at.is_some(),
                })
            })
            .collect();
        let summary = store.session_summary(s.id).await?.map(|x| x.body);
        let opinion_map = engine.session_map(group, s.id).await?.map(|m| {
            let points: Vec<serde_json::Value> = m
                .map
                .as_ref()
                .map(|o| {
                    o.points
                        .iter()
                        .map(|p| json!({"x": p.x, "y": p.y, "group": p.group}))
                        .collect()
                })
                .unwrap_or_default();
            json!({
                "claims": m.claims, "voters": m.voters, "participants": m.participants,
                "groups": m.groups, "silhouette": m.silhouette, "no_groups": m.no_groups,
                "consensus": m.consensus, "divisive": m.divisive, "points": points,
            })
        });
        let live = engine.live_record(group, &s, false).await?;
        sessions.push(json!({
            "id": s.id, "kind": s.kind, "excerpt_id": s.excerpt_id, "local_date": s.local_date, "title": s.title,
            "started_at": from_ms(s.started_at).to_rfc3339(), "ended_at": s.ended_at.map(|t| from_ms(t).to_rfc3339()),
            "replies": rs, "summary": summary, "opinion_map": opinion_map,
            "attendance": live.attendance, "agenda": live.agenda, "breakouts": live.breakouts,
            "notes": live.other_notes, "decisions": live.other_decisions, "actions": live.other_actions,
        }));
    }
    let mut polls = Vec::new();
    for p in store.polls(group.id).await? {
        let view = engine.poll_result_view(&p).await?;
        let votes: Vec<serde_json::Value> = if view.hidden_now {
            Vec::new()
        } else {
            let names = names_of(engine, &store.votes(p.id).await?).await?;
            store
                .votes(p.id)
                .await?
                .into_iter()
                .map(|v| {
                    if p.anonymous {
                        json!({"option": v.option, "reason": v.reason})
                    } else {
                        json!({
                            "voter": v.member_key.as_deref().and_then(|k| names.get(k)),
                            "option": v.option, "reason": v.reason,
                            "voted_at": v.voted_at.map(|t| from_ms(t).to_rfc3339()),
                        })
                    }
                })
                .collect()
        };
        polls.push(json!({
            "id": p.id, "session_id": p.session_id, "claim": p.claim, "scale": view.scale, "options": view.options,
            "anonymous": p.anonymous, "hidden": p.hidden, "phase": p.phase, "pair_id": p.pair_id,
            "opens_at": from_ms(p.opens_at).to_rfc3339(), "closes_at": from_ms(p.closes_at).to_rfc3339(),
            "closed": !p.is_open(),
            "counts": if view.hidden_now || view.suppressed { serde_json::Value::Null } else { json!(view.tally.counts) },
            "votes": if view.suppressed { Vec::new() } else { votes },
        }));
    }
    let doc = json!({
        "group": {
            "channel": group.channel, "name": group.name, "time_zone": group.time_zone, "post_time": group.post_time,
            "days": group.days.to_string(), "summary_time": group.summary_time,
        },
        "readings": readings,
        "sessions": sessions,
        "polls": polls,
        "exported_at": engine.now().to_rfc3339(),
    });
    Ok(FileOut {
        name: format!("colloquy-{}.json", group.id),
        mime: "application/json".into(),
        bytes: serde_json::to_vec_pretty(&doc)
            .map_err(|e| CommandError::Internal(e.to_string()))?,
        description: crate::t!(group.locale(), "export-json-file"),
    })
}
