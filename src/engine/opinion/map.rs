//! `map`: the votes of a session's (or a reading's) claims as a member × claim matrix,
//! keyed so that nobody is named, turned into the opinion map and worded as text, a
//! chart and its alt text.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::super::{CommandError, Engine, Reply};
use crate::chart::map::{MapChart, MapChartClaim, MapChartPoint, render_map_png};
use crate::domain::anon::scoped_voter_key;
use crate::domain::opinion::map::MIN_VOTES;
use crate::domain::opinion::{OpinionMap, VoteMatrix, group_name, opinion_map};
use crate::domain::poll::Scale;
use crate::i18n::{Locale, format_decimal, format_signed};
use crate::ports::FileOut;
use crate::store::{Group, PollRow};
use crate::t;

/// One claim (a card, a claim poll, or a pre/post pair counted once) as the map shows it.
#[derive(Debug, Clone, Serialize)]
pub struct MapClaim {
    /// "C1", the claim's name on the chart.
    pub label: String,
    /// The poll (for a pair, the pre poll).
    pub poll_id: i64,
    pub text: String,
    pub agree: u32,
    pub disagree: u32,
    pub pass: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct RepresentativeView {
    pub label: String,
    pub text: String,
    /// "agrees" or "disagrees", in the group's language.
    pub side: String,
    pub agrees: bool,
    pub share_pct: u32,
    pub rest_pct: u32,
    /// "p = 0.003" or "p < 0.001".
    pub p: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupView {
    pub name: String,
    pub size: usize,
    pub representative: Vec<RepresentativeView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ConsensusView {
    pub label: String,
    pub text: String,
    /// "Agree" or "Disagree".
    pub side: String,
    pub lowest_pct: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct DivideView {
    pub label: String,
    pub text: String,
    /// "group A leans agree (+0.83), group B disagree (−1.00)".
    pub detail: String,
}

/// Everything the map shows, for the reply, the summary, the digest and the exports.
#[derive(Debug, Clone, Serialize)]
pub struct MapView {
    /// "session 3" or "reading 2 (Title)".
    pub scope: String,
    pub claims: Vec<MapClaim>,
    pub voters: usize,
    pub participants: usize,
    pub groups: Vec<GroupView>,
    /// "0.82", the silhouette of the groups shown (or of the best split tried).
    pub silhouette: Option<String>,
    /// "clear", "fairly clear", "weak".
    pub clarity: Option<String>,
    /// Why there are no groups, in words.
    pub no_groups: Option<String>,
    pub consensus: Vec<ConsensusView>,
    pub divisive: Vec<DivideView>,
    /// The votes a member needs to be placed.
    pub min_votes: usize,
    /// The map rendered with map.md.j2.
    pub markdown: String,
    /// The chart's description.
    pub alt_text: String,
    #[serde(skip)]
    pub map: Option<OpinionMap>,
    #[serde(skip)]
    pub group_slug: String,
    #[serde(skip)]
    pub locale: Locale,
}

/// A claim's votes, keyed by anonymous row ids.
pub(super) struct ClaimVotes {
    pub poll: PollRow,
    /// Each option's place on the map's −1..1 axis.
    pub values: Vec<f64>,
    /// Row key → option index (a post poll's vote replaces the pre poll's).
    pub votes: BTreeMap<String, usize>,
}

pub(super) fn pct(x: f64) -> u32 {
    (x * 100.0).round().clamp(0.0, 100.0) as u32
}

/// "p = 0.034", "p < 0.001" (with a decimal comma where `loc` writes one).
pub(super) fn p_words(p: f64, loc: Locale) -> String {
    if p < 0.001 {
        format!("p < {}", format_decimal(0.001, 3, loc))
    } else {
        format!("p = {}", format_decimal(p, 3, loc))
    }
}

/// The member × claim matrix of `claims`, with each row's key. Rows are in key order
/// (keys are hashes: the order says nothing about anyone).
fn vote_matrix(claims: &[ClaimVotes]) -> (Vec<String>, VoteMatrix) {
    let mut rows: BTreeMap<&str, usize> = BTreeMap::new();
    for c in claims {
        for key in c.votes.keys() {
            let n = rows.len();
            rows.entry(key.as_str()).or_insert(n);
        }
    }
    let keys: Vec<&str> = rows.keys().copied().collect();
    let index: HashMap<&str, usize> = keys.iter().enumerate().map(|(i, k)| (*k, i)).collect();
    let mut m = VoteMatrix::new(keys.len(), claims.len());
    for (c, claim) in claims.iter().enumerate() {
        for (key, option) in &claim.votes {
            if let Some(v) = claim.values.get(*option) {
                m.set(index[key.as_str()], c, *v);
            }
        }
    }
    (keys.into_iter().map(str::to_string).collect(), m)
}

impl Engine {
    /// The opinion group of each of `members` (member keys) on the map of a session's
    /// claims, for mixing breakout rooms; `Err(reason)` when the map has no groups. Only
    /// the engine sees this: it is never shown or stored.
    pub(in crate::engine) async fn opinion_groups_of(
        &self,
        group: &Group,
        session_id: i64,
        members: &[String],
    ) -> Result<Result<HashMap<String, usize>, String>, CommandError> {
        let polls = self.store().session_polls(session_id).await?;
        let claims = self.claim_votes(group, &polls).await?;
        if claims.is_empty() {
            return Ok(Err(t!(group.locale(), "map-no-claims-reason")));
        }
        let (keys, m) = vote_matrix(&claims);
        let map = opinion_map(&m);
        if let Some(no) = &map.no_groups {
            return Ok(Err(no.reason_in(group.locale())));
        }
        let mut row_group: HashMap<usize, usize> = HashMap::new();
        for (g, og) in map.groups.iter().enumerate() {
            for row in &og.members {
                row_group.insert(*row, g);
            }
        }
        let scope = self.voter_scope(group, Some(session_id)).await?;
        let mut out = HashMap::new();
        for member in members {
            let key = scoped_voter_key(&self.inner.secret, member, &scope);
            if let Some(row) = keys.iter().position(|k| *k == key)
                && let Some(g) = row_group.get(&row)
            {
                out.insert(member.clone(), *g);
            }
        }
        Ok(Ok(out))
    }

    /// The row key of one stored vote: an anonymous vote's own key (already keyed per
    /// scope or pair), a public vote's member keyed into the poll's scope, so a member's
    /// public and anonymous votes of one reading share one row and no row names anyone.
    pub(super) async fn row_key(
        &self,
        group: &Group,
        poll: &PollRow,
        voter: &str,
        member_key: Option<&str>,
        scopes: &mut HashMap<i64, String>,
    ) -> Result<String, CommandError> {
        let Some(member) = member_key else {
            return Ok(voter.to_string());
        };
        let scope = match scopes.get(&poll.id) {
            Some(s) => s.clone(),
            None => {
                let s = match self.store().poll_voter_scope(poll.id).await? {
                    Some(s) => s,
                    None => self.voter_scope(group, poll.session_id).await?,
                };
                scopes.insert(poll.id, s.clone());
                s
            }
        };
        Ok(scoped_voter_key(&self.inner.secret, member, &scope))
    }

    /// The claims of `polls` with their keyed votes: polls with an agree–disagree axis
    /// only (not quiz questions or custom options), open hidden polls left out, a pre/post
    /// pair counted once with the latest vote of each member.
    pub(super) async fn claim_votes(
        &self,
        group: &Group,
        polls: &[PollRow],
    ) -> Result<Vec<ClaimVotes>, CommandError> {
        let mut order: Vec<i64> = Vec::new();
        let mut claims: HashMap<i64, ClaimVotes> = HashMap::new();
        let mut scopes = HashMap::new();
        let mut sorted = polls.to_vec();
        sorted.sort_by_key(|p| p.id);
        for poll in sorted {
            let Some(values) = poll.scale.values() else {
                continue;
            };
            if poll.hidden && poll.is_open() {
                continue;
            }
            if self.store().quiz_answer(poll.id).await?.is_some() {
                continue;
            }
            let max = values.iter().fold(0.0f64, |m, v| m.max(v.abs()));
            let values: Vec<f64> = values
                .iter()
                .map(|v| if max > 0.0 { v / max } else { 0.0 })
                .collect();
            let head = poll.pair_id.unwrap_or(poll.id);
            let mut keyed = Vec::new();
            for v in self.store().votes(poll.id).await? {
                let key = self
                    .row_key(group, &poll, &v.voter, v.member_key.as_deref(), &mut scopes)
                    .await?;
                keyed.push((key, v.option as usize));
            }
            let entry = claims.entry(head).or_insert_with(|| {
                order.push(head);
                ClaimVotes {
                    poll: poll.clone(),
                    values: values.clone(),
                    votes: BTreeMap::new(),
                }
            });
            for (key, option) in keyed {
                if option < entry.values.len() {
                    entry.votes.insert(key, option);
                }
            }
        }
        Ok(order
            .into_iter()
            .filter_map(|h| claims.remove(&h))
            .collect())
    }

    /// The map of a session (default: the current one) or of a reading.
    pub async fn map_view(
        &self,
        group: &Group,
        session: Option<i64>,
        reading: Option<i64>,
    ) -> Result<MapView, CommandError> {
        let loc = group.locale();
        let (scope, polls) = match (session, reading) {
            (_, Some(r)) => {
                let reading = self
                    .store()
                    .reading(r)
                    .await?
                    .filter(|x| x.group_id == group.id)
                    .ok_or_else(|| {
                        CommandError::invalid(crate::t!(loc, "reading-no-such", id = r))
                    })?;
                let mut polls = Vec::new();
                for s in self.store().sessions(group.id).await? {
                    let Some(e) = s.excerpt_id else { continue };
                    if self
                        .store()
                        .excerpt(e)
                        .await?
                        .is_some_and(|e| e.reading_id == r)
                    {
                        polls.extend(self.store().session_polls(s.id).await?);
                    }
                }
                (
                    crate::t!(
                        loc,
                        "map-scope-reading",
                        id = r,
                        title = reading.title.as_str()
                    ),
                    polls,
                )
            }
            (Some(s), None) => {
                let row = self
                    .store()
                    .session(s)
                    .await?
                    .filter(|x| x.group_id == group.id)
                    .ok_or_else(|| {
                        CommandError::invalid(crate::t!(loc, "session-no-such", id = s))
                    })?;
                (
                    crate::t!(loc, "map-scope-session", id = row.id),
                    self.store().session_polls(row.id).await?,
                )
            }
            (None, None) => {
                let row = self
                    .store()
                    .current_session(group.id)
                    .await?
                    .ok_or_else(|| CommandError::invalid(crate::t!(loc, "map-no-session")))?;
                (
                    crate::t!(loc, "map-scope-session", id = row.id),
                    self.store().session_polls(row.id).await?,
                )
            }
        };
        let claims = self.claim_votes(group, &polls).await?;
        self.map_of(group, scope, &claims)
    }

    /// The map of a session for its summary and exports: only when it has claim cards or
    /// at least four claims with an agree–disagree axis (fewer ordinary polls are shown as
    /// polls, not as a map).
    pub async fn session_map(
        &self,
        group: &Group,
        session_id: i64,
    ) -> Result<Option<MapView>, CommandError> {
        let polls = self.store().session_polls(session_id).await?;
        let scope = crate::t!(group.locale(), "map-scope-session", id = session_id);
        self.map_if_worth_it(group, scope, &polls).await
    }

    /// The map of these polls' claims, if they hold a card or four axis claims.
    pub(in crate::engine) async fn map_if_worth_it(
        &self,
        group: &Group,
        scope: String,
        polls: &[PollRow],
    ) -> Result<Option<MapView>, CommandError> {
        let has_card = polls.iter().any(|p| p.scale == Scale::Card);
        let claims = self.claim_votes(group, polls).await?;
        if claims.is_empty() || !(has_card || claims.len() >= MIN_VOTES) {
            return Ok(None);
        }
        Ok(Some(self.map_of(group, scope, &claims)?))
    }

    /// The map of these claims, worded.
    pub(super) fn map_of(
        &self,
        group: &Group,
        scope: String,
        claims: &[ClaimVotes],
    ) -> Result<MapView, CommandError> {
        let loc = group.locale();
        let (_, m) = vote_matrix(claims);
        let map = opinion_map(&m);
        let texts: Vec<&str> = claims.iter().map(|c| c.poll.claim.as_str()).collect();
        let label = |c: usize| format!("C{}", c + 1);
        let map_claims: Vec<MapClaim> = claims
            .iter()
            .enumerate()
            .map(|(i, c)| MapClaim {
                label: label(i),
                poll_id: c.poll.id,
                text: c.poll.claim.clone(),
                agree: map.counts[i].agree,
                disagree: map.counts[i].disagree,
                pass: map.counts[i].pass,
            })
            .collect();
        let groups: Vec<GroupView> = map
            .groups
            .iter()
            .enumerate()
            .map(|(g, group)| GroupView {
                name: group_name(g),
                size: group.members.len(),
                representative: group
                    .representative
                    .iter()
                    .map(|r| RepresentativeView {
                        label: label(r.claim),
                        text: texts[r.claim].to_string(),
                        side: if r.agrees {
                            t!(loc, "map-side-agrees")
                        } else {
                            t!(loc, "map-side-disagrees")
                        },
                        agrees: r.agrees,
                        share_pct: pct(r.share),
                        rest_pct: pct(r.rest_share),
                        p: p_words(r.p, loc),
                    })
                    .collect(),
            })
            .collect();
        let consensus = map
            .consensus
            .iter()
            .map(|c| ConsensusView {
                label: label(c.claim),
                text: texts[c.claim].to_string(),
                side: if c.agrees {
                    t!(loc, "map-agree")
                } else {
                    t!(loc, "map-disagree")
                },
                lowest_pct: pct(c.lowest_share),
            })
            .collect();
        let divisive = map
            .divisive
            .iter()
            .map(|d| DivideView {
                label: label(d.claim),
                text: texts[d.claim].to_string(),
                detail: if map.groups.is_empty() {
                    t!(
                        loc,
                        "map-divide-shares",
                        agree = pct(d.group_means[0]),
                        disagree = pct(d.group_means[1])
                    )
                } else {
                    d.group_means
                        .iter()
                        .enumerate()
                        .map(|(g, mean)| {
                            t!(
                                loc,
                                "map-divide-group",
                                name = group_name(g),
                                lean = if *mean > 0.2 {
                                    "agree"
                                } else if *mean < -0.2 {
                                    "disagree"
                                } else {
                                    "split"
                                },
                                mean = format_signed(*mean, 2, loc)
                            )
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                },
            })
            .collect();
        let silhouette = map.silhouette.map(|s| format_decimal(s, 2, loc));
        let clarity = (!map.groups.is_empty()).then(|| match map.silhouette.unwrap_or(0.0) {
            s if s >= 0.7 => t!(loc, "map-clarity-clear"),
            s if s >= 0.5 => t!(loc, "map-clarity-fair"),
            _ => t!(loc, "map-clarity-weak"),
        });
        let mut view = MapView {
            scope,
            claims: map_claims,
            voters: map.voters,
            participants: map.participants.len(),
            groups,
            silhouette,
            clarity,
            no_groups: map
                .no_groups
                .as_ref()
                .map(|n| capitalise(&n.reason_in(loc))),
            consensus,
            divisive,
            min_votes: MIN_VOTES,
            markdown: String::new(),
            alt_text: String::new(),
            map: None,
            group_slug: super::super::polls::group_slug(group),
            locale: loc,
        };
        view.alt_text = alt_text(&view, &map);
        view.markdown = self.prompts().render_in(loc, "map.md.j2", &view)?;
        view.map = Some(map);
        Ok(view)
    }

    /// The map's chart as a file, when anyone is on it.
    pub fn map_chart_file(
        &self,
        view: &MapView,
        name_part: &str,
    ) -> Result<Option<FileOut>, CommandError> {
        let Some(map) = &view.map else {
            return Ok(None);
        };
        if map.points.is_empty() {
            return Ok(None);
        }
        let chart = MapChart {
            title: t!(view.locale, "map-chart-title", scope = view.scope.as_str()),
            subtitle: match (&view.no_groups, &view.silhouette) {
                (Some(reason), _) => reason.clone(),
                (None, Some(s)) => t!(
                    view.locale,
                    "map-chart-subtitle",
                    groups = view.groups.len(),
                    s = s.as_str(),
                    placed = view.participants
                ),
                (None, None) => String::new(),
            },
            points: map
                .points
                .iter()
                .map(|p| MapChartPoint {
                    x: p.x,
                    y: p.y,
                    group: p.group,
                })
                .collect(),
            groups: view
                .groups
                .iter()
                .map(|g| {
                    t!(
                        view.locale,
                        "map-chart-group",
                        name = g.name.as_str(),
                        size = g.size
                    )
                })
                .collect(),
            claims: view
                .claims
                .iter()
                .zip(&map.claim_axes)
                .map(|(c, axis)| MapChartClaim {
                    label: c.label.clone(),
                    text: c.text.clone(),
                    dx: axis[0],
                    dy: axis[1],
                })
                .collect(),
            explained: map.explained,
            locale: view.locale,
        };
        let png = render_map_png(&chart).map_err(|e| CommandError::Internal(e.to_string()))?;
        Ok(Some(FileOut {
            name: format!("{}-map-{name_part}.png", view.group_slug),
            mime: "image/png".into(),
            bytes: png,
            description: view.alt_text.clone(),
        }))
    }

    pub(in crate::engine) async fn map_command(
        &self,
        group: &Group,
        session: Option<i64>,
        reading: Option<i64>,
    ) -> Result<Reply, CommandError> {
        let view = self.map_view(group, session, reading).await?;
        let mut reply = Reply::public(view.markdown.clone());
        let part = view
            .scope
            .split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join("-")
            .replace('#', "");
        if let Some(file) = self.map_chart_file(&view, &part)? {
            reply.files.push(file);
        }
        Ok(reply)
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// What the chart shows, in words.
fn alt_text(view: &MapView, map: &OpinionMap) -> String {
    let loc = view.locale;
    if view.participants == 0 {
        return t!(loc, "map-alt-nobody", scope = view.scope.as_str());
    }
    let mut text = t!(
        loc,
        "map-alt-intro",
        scope = view.scope.as_str(),
        members = view.participants,
        claims = view.claims.len()
    );
    if view.groups.is_empty() {
        text.push(' ');
        text.push_str(&t!(
            loc,
            "map-alt-one-colour",
            reason = view.no_groups.clone().unwrap_or_default()
        ));
    } else {
        for (g, group) in view.groups.iter().enumerate() {
            let (sx, sy, n) = map
                .points
                .iter()
                .filter(|p| p.group == Some(g))
                .fold((0.0, 0.0, 0usize), |(x, y, n), p| (x + p.x, y + p.y, n + 1));
            let (cx, cy) = (sx / n.max(1) as f64, sy / n.max(1) as f64);
            let place = match (cx.abs() >= cy.abs(), cx >= 0.0, cy >= 0.0) {
                (true, true, _) => "right",
                (true, false, _) => "left",
                (false, _, true) => "top",
                (false, _, false) => "bottom",
            };
            text.push(' ');
            text.push_str(&t!(
                loc,
                "map-alt-group",
                name = group.name.as_str(),
                size = group.size,
                place = place
            ));
        }
    }
    // The claims that pull hardest along the first axis.
    if let Some((c, _)) = map
        .claim_axes
        .iter()
        .enumerate()
        .max_by(|a, b| a.1[0].abs().total_cmp(&b.1[0].abs()))
        && !view.claims.is_empty()
    {
        text.push(' ');
        text.push_str(&t!(
            loc,
            "map-alt-axis",
            label = view.claims[c].label.as_str(),
            text = view.claims[c].text.as_str()
        ));
    }
    text
}
