//! `report`: how the discussion moved opinion in a session — each pre/post pair of claim
//! polls or cards tested and worded, members who spoke against those who only voted, and
//! quiz questions' knowledge gain.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::str::FromStr;

use serde::Serialize;

use super::super::{CommandError, Engine, Reply};
use super::map::{p_words, pct};
use crate::domain::ids::MemberKey;
use crate::domain::opinion::deliberation::{
    ClaimShift, Pair, Shift, Test, claim_shift, knowledge, learned_and_changed,
};
use crate::domain::opinion::stats::Verdict;
use crate::domain::poll::ANONYMITY_THRESHOLD;
use crate::i18n::{Locale, format_signed};
use crate::store::{Group, PollRow};
use crate::t;

/// One arm (members who spoke, or who only voted) of a claim's shift.
#[derive(Debug, Clone, Serialize)]
pub struct ArmView {
    pub paired: usize,
    pub changed: usize,
    /// "3 of 5 changed; +0.60 on the scale; likely a real shift toward agree".
    pub summary: String,
}

/// A pre/post pair of a claim.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimReportView {
    pub pre_id: i64,
    pub post_id: i64,
    pub text: String,
    /// Too few paired voters on an anonymous pair: nothing about how they moved is shown.
    pub suppressed: bool,
    pub paired: usize,
    pub changed: usize,
    pub changed_pct: u32,
    pub toward_positive: usize,
    pub toward_negative: usize,
    pub positive_pole: String,
    pub negative_pole: String,
    pub test: String,
    pub p: Option<String>,
    pub effect: Option<String>,
    pub verdict: String,
    pub participants: Option<ArmView>,
    pub lurkers: Option<ArmView>,
    #[serde(skip)]
    pub shift: Option<ClaimShift>,
}

/// A quiz question asked before and after.
#[derive(Debug, Clone, Serialize)]
pub struct QuizView {
    pub pre_id: i64,
    pub post_id: i64,
    pub question: String,
    /// The right answer, once the post question has closed.
    pub answer: Option<String>,
    pub paired: usize,
    pub right_before_pct: u32,
    pub right_after_pct: u32,
    pub learned: usize,
    pub unlearned: usize,
    pub gain: Option<String>,
    pub verdict: String,
}

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct ReportView {
    pub scope: String,
    pub claims: Vec<ClaimReportView>,
    pub quizzes: Vec<QuizView>,
    /// Whether those who learned are those who changed, in words.
    pub linkage: Option<String>,
    pub markdown: String,
}

fn direction(s: &Shift, positive: &str, negative: &str, loc: Locale) -> String {
    if s.toward_positive >= s.toward_negative {
        t!(loc, "report-toward", pole = positive)
    } else {
        t!(loc, "report-toward", pole = negative)
    }
}

/// The test's name in `loc`.
fn test_name(test: Test, loc: Locale) -> String {
    match test {
        Test::McNemar => t!(loc, "report-test-mcnemar"),
        Test::Wilcoxon => t!(loc, "report-test-wilcoxon"),
    }
}

/// What the unit of a change is: a share (two-way scale) or a point on the scale.
fn unit(test: Test, loc: Locale) -> String {
    if test == Test::McNemar {
        t!(loc, "report-in-share")
    } else {
        t!(loc, "report-on-scale")
    }
}

/// "+0.40 on the scale (95 % CI +0.10 to +0.70)" in `loc`.
fn effect_words(s: &Shift, loc: Locale) -> Option<String> {
    let e = s.effect?;
    let value = format_signed(e.value, 2, loc);
    if !e.low.is_finite() || !e.high.is_finite() {
        return Some(t!(
            loc,
            "report-effect",
            value = value,
            unit = unit(s.test, loc)
        ));
    }
    Some(t!(
        loc,
        "report-effect-ci",
        value = value,
        unit = unit(s.test, loc),
        low = format_signed(e.low, 2, loc),
        high = format_signed(e.high, 2, loc)
    ))
}

/// The verdict on a shift in `loc`.
fn verdict_words(v: Verdict, direction: &str, loc: Locale) -> String {
    match v {
        Verdict::TooFew => t!(loc, "report-verdict-too-few"),
        Verdict::NoChange => t!(loc, "report-verdict-no-change"),
        Verdict::Likely => t!(loc, "report-verdict-likely", direction = direction),
        Verdict::Maybe => t!(loc, "report-verdict-maybe", direction = direction),
        Verdict::NoSign => t!(loc, "report-verdict-no-sign"),
    }
}

fn arm(s: &Option<Shift>, positive: &str, negative: &str, loc: Locale) -> Option<ArmView> {
    let s = s.as_ref()?;
    let mut summary = t!(
        loc,
        "report-arm-changed",
        changed = s.changed,
        paired = s.paired
    );
    if let Some(e) = s.effect {
        summary.push_str("; ");
        summary.push_str(&t!(
            loc,
            "report-effect",
            value = format_signed(e.value, 2, loc),
            unit = unit(s.test, loc)
        ));
    }
    summary.push_str("; ");
    summary.push_str(&verdict_words(
        s.verdict,
        &direction(s, positive, negative, loc),
        loc,
    ));
    Some(ArmView {
        paired: s.paired,
        changed: s.changed,
        summary,
    })
}

impl Engine {
    /// Row keys of a poll's votes (as the map keys them) → option.
    async fn keyed_options(
        &self,
        group: &Group,
        poll: &PollRow,
        scopes: &mut HashMap<i64, String>,
    ) -> Result<BTreeMap<String, usize>, CommandError> {
        let mut out = BTreeMap::new();
        for v in self.store().votes(poll.id).await? {
            let key = self
                .row_key(group, poll, &v.voter, v.member_key.as_deref(), scopes)
                .await?;
            out.insert(key, v.option as usize);
        }
        Ok(out)
    }

    /// The row keys of the members who spoke, as this poll keys its voters.
    async fn speaker_keys(
        &self,
        group: &Group,
        poll: &PollRow,
        speakers: &[String],
        scopes: &mut HashMap<i64, String>,
    ) -> Result<HashSet<String>, CommandError> {
        let mut out = HashSet::new();
        for s in speakers {
            let key = if poll.anonymous {
                let Ok(member) = MemberKey::from_str(s) else {
                    continue;
                };
                self.anonymous_voter(poll, &member).await?
            } else {
                self.row_key(group, poll, s, Some(s), scopes).await?
            };
            out.insert(key);
        }
        Ok(out)
    }

    /// The report of a session (default: the current one).
    pub async fn report_view(
        &self,
        group: &Group,
        session: Option<i64>,
    ) -> Result<ReportView, CommandError> {
        let row = match session {
            Some(s) => self
                .store()
                .session(s)
                .await?
                .filter(|x| x.group_id == group.id)
                .ok_or_else(|| {
                    CommandError::invalid(crate::t!(group.locale(), "session-no-such", id = s))
                })?,
            None => self
                .store()
                .current_session(group.id)
                .await?
                .ok_or_else(|| {
                    CommandError::invalid(crate::t!(group.locale(), "report-no-session"))
                })?,
        };
        let loc = group.locale();
        let polls = self.store().session_polls(row.id).await?;
        let speakers = self.store().session_speakers(row.id).await?;
        let mut scopes = HashMap::new();
        let mut claims = Vec::new();
        let mut quizzes = Vec::new();
        // Per row key: (learned on some quiz, changed on some claim).
        let mut learned: HashMap<String, bool> = HashMap::new();
        let mut changed: HashMap<String, bool> = HashMap::new();
        for post in polls
            .iter()
            .filter(|p| p.phase == Some(crate::domain::poll::Phase::Post))
        {
            let Some(head) = post.pair_id else { continue };
            let pre = match polls.iter().find(|p| p.id == head) {
                Some(p) => p.clone(),
                None => match self.store().poll(head).await? {
                    Some(p) => p,
                    None => continue,
                },
            };
            if (pre.hidden && pre.is_open()) || (post.hidden && post.is_open()) {
                continue;
            }
            let before = self.keyed_options(group, &pre, &mut scopes).await?;
            let after = self.keyed_options(group, post, &mut scopes).await?;
            if let Some(answer) = self.store().quiz_answer(pre.id).await? {
                let answer = answer as usize;
                let mut pairs = Vec::new();
                for (key, b) in &before {
                    if let Some(a) = after.get(key) {
                        pairs.push((*b == answer, *a == answer));
                        let e = learned.entry(key.clone()).or_insert(false);
                        *e |= *b != answer && *a == answer;
                    }
                }
                let k = knowledge(&pairs);
                let share = |n: usize| pct(n as f64 / k.paired.max(1) as f64);
                quizzes.push(QuizView {
                    pre_id: pre.id,
                    post_id: post.id,
                    question: pre.claim.clone(),
                    answer: (!post.is_open())
                        .then(|| pre.scale.options_in(loc).get(answer).cloned())
                        .flatten(),
                    paired: k.paired,
                    right_before_pct: share(k.right_before),
                    right_after_pct: share(k.right_after),
                    learned: k.learned,
                    unlearned: k.unlearned,
                    gain: k.gain.map(|g| {
                        t!(
                            loc,
                            "report-quiz-gain",
                            value = format!("{:+.0}", g.value * 100.0),
                            low = format!("{:+.0}", g.low * 100.0),
                            high = format!("{:+.0}", g.high * 100.0)
                        )
                    }),
                    verdict: match k.verdict {
                        Verdict::Likely => t!(loc, "report-quiz-likely"),
                        Verdict::Maybe => t!(loc, "report-quiz-maybe"),
                        Verdict::NoChange => t!(loc, "report-quiz-no-change"),
                        v => verdict_words(v, "", loc),
                    },
                });
                continue;
            }
            let Some(values) = pre.scale.values() else {
                continue;
            };
            let two_way = values.len() == 2;
            let spoke = self
                .speaker_keys(group, &pre, &speakers, &mut scopes)
                .await?;
            let mut pairs = Vec::new();
            for (key, b) in &before {
                if let (Some(a), Some(vb)) = (after.get(key), values.get(*b)) {
                    let Some(va) = values.get(*a) else { continue };
                    pairs.push(Pair {
                        before: *vb,
                        after: *va,
                        spoke: Some(spoke.contains(key)),
                    });
                    let e = changed.entry(key.clone()).or_insert(false);
                    *e |= a != b;
                }
            }
            let (positive, negative) = pre.scale.poles_in(loc);
            let (positive, negative) = (positive.as_str(), negative.as_str());
            let suppressed = pre.anonymous && (pairs.len() as u32) < ANONYMITY_THRESHOLD;
            let cs = claim_shift(&pairs, two_way);
            let s = &cs.all;
            claims.push(ClaimReportView {
                pre_id: pre.id,
                post_id: post.id,
                text: pre.claim.clone(),
                suppressed,
                paired: s.paired,
                changed: s.changed,
                changed_pct: pct(s.changed as f64 / s.paired.max(1) as f64),
                toward_positive: s.toward_positive,
                toward_negative: s.toward_negative,
                positive_pole: positive.to_string(),
                negative_pole: negative.to_string(),
                test: test_name(s.test, loc),
                p: s.p.map(|p| p_words(p, loc)),
                effect: effect_words(s, loc),
                verdict: verdict_words(s.verdict, &direction(s, positive, negative, loc), loc),
                participants: arm(&cs.participants, positive, negative, loc),
                lurkers: arm(&cs.lurkers, positive, negative, loc),
                shift: Some(cs),
            });
        }
        claims.sort_by_key(|c| c.pre_id);
        quizzes.sort_by_key(|q| q.pre_id);
        let members: Vec<(bool, bool)> = learned
            .iter()
            .filter_map(|(k, l)| changed.get(k).map(|c| (*l, *c)))
            .collect();
        let linkage = if quizzes.is_empty() || claims.is_empty() {
            None
        } else {
            Some(match learned_and_changed(&members) {
                Some(l) => t!(
                    loc,
                    "report-linkage",
                    learned = l.learned,
                    learned_changed = l.learned_changed,
                    learned_pct = pct(l.learned_changed as f64 / l.learned as f64),
                    others = l.others,
                    others_changed = l.others_changed,
                    others_pct = pct(l.others_changed as f64 / l.others as f64),
                    p = p_words(l.p, loc),
                    linked = if l.p < 0.05 { "true" } else { "false" }
                ),
                None => t!(loc, "report-linkage-too-few"),
            })
        };
        let mut view = ReportView {
            scope: t!(loc, "map-scope-session", id = row.id),
            claims,
            quizzes,
            linkage,
            markdown: String::new(),
        };
        view.markdown = self.prompts().render_in(loc, "report.md.j2", &view)?;
        Ok(view)
    }

    pub(in crate::engine) async fn report_command(
        &self,
        group: &Group,
        session: Option<i64>,
    ) -> Result<Reply, CommandError> {
        let view = self.report_view(group, session).await?;
        Ok(Reply::public(view.markdown))
    }
}
