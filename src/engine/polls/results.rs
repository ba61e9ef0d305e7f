//! A poll's results: the view (with the pre/post shift), its post, its chart and alt text.

use super::super::{CommandError, Engine};
use super::*;
use crate::chart::{ChartData, Series, bar_label, render_png};
use crate::domain::poll::{ANONYMITY_THRESHOLD, Scale, Tally, shift};
use crate::i18n::Locale;
use crate::ports::{FileOut, PollPost, ResultsPost};
use crate::store::{Group, PollRow, from_ms};
use crate::t;

impl Engine {
    /// The post that opens a poll.
    pub(crate) async fn poll_post(&self, poll_id: i64) -> Result<PollPost, CommandError> {
        let poll = self
            .store()
            .poll(poll_id)
            .await?
            .ok_or_else(|| CommandError::Internal(format!("poll {poll_id} is gone")))?;
        let group = self
            .store()
            .group(poll.group_id)
            .await?
            .ok_or_else(|| CommandError::Internal(format!("poll {poll_id} has no group")))?;
        let tz = Engine::zone(&group);
        let loc = group.locale();
        let options = poll.scale.options_in(loc);
        let closes_local = crate::engine::local_label_in(from_ms(poll.closes_at), tz, loc);
        let markdown = self.prompts().render_in(
            loc,
            "poll.md.j2",
            &serde_json::json!({
                "id": poll.id, "claim": poll.claim, "options": options, "closes_local": closes_local,
                "anonymous": poll.anonymous, "hidden": poll.hidden, "phase": poll.phase,
                "card": poll.scale == crate::domain::poll::Scale::Card,
            }),
        )?;
        Ok(PollPost {
            poll_id: poll.id,
            claim: poll.claim,
            options,
            closes_at: from_ms(poll.closes_at),
            closes_local,
            anonymous: poll.anonymous,
            hidden: poll.hidden,
            phase: poll.phase,
            native: poll.native,
            markdown,
            locale: loc,
        })
    }

    /// The post with a closed poll's results and chart.
    pub(crate) async fn results_post(&self, poll_id: i64) -> Result<ResultsPost, CommandError> {
        let poll = self
            .store()
            .poll(poll_id)
            .await?
            .ok_or_else(|| CommandError::Internal(format!("poll {poll_id} is gone")))?;
        let view = self.poll_result_view(&poll).await?;
        let chart = self.chart_file(&view)?;
        Ok(ResultsPost {
            poll_id,
            poll_message_id: poll.post_message_id.clone(),
            native: poll.native,
            anonymous: poll.anonymous,
            markdown: view.markdown,
            chart,
            locale: view.locale,
        })
    }

    /// Everything about a poll's results, respecting hidden results and anonymity.
    pub async fn poll_result_view(&self, poll: &PollRow) -> Result<PollResultView, CommandError> {
        let group = self
            .store()
            .group(poll.group_id)
            .await?
            .ok_or_else(|| CommandError::Internal(format!("poll {} has no group", poll.id)))?;
        let tz = Engine::zone(&group);
        let loc = group.locale();
        let scale = poll.scale.clone();
        let options = scale.options_in(loc);
        let counts = self.store().tally(poll.id).await?;
        let tally = Tally::new(
            options.clone(),
            counts
                .iter()
                .flat_map(|(o, c)| std::iter::repeat_n(*o as usize, *c as usize)),
        );
        let total = tally.total();
        let closed = !poll.is_open();
        let hidden_now = poll.hidden && !closed;
        let suppressed = poll.anonymous && total > 0 && total < ANONYMITY_THRESHOLD;
        let pcts = tally.percents();
        let rows: Vec<RowView> = options
            .iter()
            .zip(tally.counts.iter())
            .zip(pcts.iter())
            .map(|((label, count), pct)| RowView {
                label: label.clone(),
                count: *count,
                pct: pct.round() as u32,
                bar: bar(pct.round() as u32),
            })
            .collect();
        // Reasons, grouped by option (never with names).
        let mut reasons: Vec<ReasonGroup> = Vec::new();
        if !hidden_now && !suppressed {
            let votes = self.store().votes(poll.id).await?;
            for (i, label) in options.iter().enumerate() {
                let rs: Vec<String> = votes
                    .iter()
                    .filter(|v| v.option == i as i64)
                    .filter_map(|v| v.reason.clone())
                    .collect();
                if !rs.is_empty() {
                    reasons.push(ReasonGroup {
                        option: label.clone(),
                        reasons: rs,
                    });
                }
            }
        }
        let shift = if hidden_now {
            None
        } else {
            self.shift_view(poll, &scale, loc).await?
        };
        let alt_text = if hidden_now || suppressed {
            String::new()
        } else {
            alt_text(loc, poll.id, &tally, shift.as_ref())
        };
        let mut view = PollResultView {
            id: poll.id,
            claim: poll.claim.clone(),
            scale: scale.name().to_string(),
            options,
            anonymous: poll.anonymous,
            hidden: poll.hidden,
            closed,
            hidden_now,
            suppressed,
            total,
            rows,
            closes_local: crate::engine::local_label_in(from_ms(poll.closes_at), tz, loc),
            phase: poll.phase,
            shift,
            reasons,
            markdown: String::new(),
            alt_text,
            group_slug: group_slug(&group),
            tally,
            locale: loc,
        };
        view.markdown = self.prompts().render_in(
            loc,
            "results.md.j2",
            &serde_json::json!({ "poll": &view, "closed": closed }),
        )?;
        Ok(view)
    }

    /// The shift, when this poll is the post half of a pair whose pre half exists.
    async fn shift_view(
        &self,
        poll: &PollRow,
        scale: &Scale,
        loc: crate::i18n::Locale,
    ) -> Result<Option<ShiftView>, CommandError> {
        if poll.phase != Some(Phase::Post) {
            return Ok(None);
        }
        let Some(pre) = self.store().paired_poll(poll).await? else {
            return Ok(None);
        };
        if pre.hidden && pre.is_open() {
            return Ok(None);
        }
        let key_votes = |votes: Vec<crate::store::VoteRow>| -> Vec<(String, usize)> {
            votes
                .into_iter()
                .map(|v| (v.voter, v.option as usize))
                .collect()
        };
        let before = key_votes(self.store().votes(pre.id).await?);
        let after = key_votes(self.store().votes(poll.id).await?);
        let data = shift(scale, &before, &after);
        let options = scale.options_in(loc);
        let (positive_pole, negative_pole) = scale.poles_in(loc);
        let mut moves = Vec::new();
        for (from, row) in data.transitions.iter().enumerate() {
            for (to, count) in row.iter().enumerate() {
                if from != to && *count > 0 {
                    moves.push(MoveView {
                        from: options[from].clone(),
                        to: options[to].clone(),
                        count: *count,
                    });
                }
            }
        }
        moves.sort_by_key(|m| std::cmp::Reverse(m.count));
        let suppressed = poll.anonymous && data.paired < ANONYMITY_THRESHOLD;
        Ok(Some(ShiftView {
            pre_id: pre.id,
            post_id: poll.id,
            paired: data.paired,
            changed: data.changed,
            changed_pct: if data.paired > 0 {
                (data.changed as f64 * 100.0 / data.paired as f64).round() as u32
            } else {
                0
            },
            toward_positive: data.toward_positive,
            toward_negative: data.toward_negative,
            positive_pole: positive_pole.to_string(),
            negative_pole: negative_pole.to_string(),
            has_axis: scale.values().is_some(),
            net: data
                .net_shift
                .filter(|n| n.abs() > 1e-9)
                .map(|n| crate::i18n::format_signed(n, 2, loc)),
            net_value: data.net_shift.unwrap_or(0.0),
            moves,
            suppressed,
            data,
        }))
    }

    /// What the results chart shows, when there is something to show: each poll as a
    /// share of its own voters, a pre/post pair as two labelled series.
    pub fn chart_data(&self, view: &PollResultView) -> Option<ChartData> {
        if view.hidden_now || view.suppressed || view.total == 0 {
            return None;
        }
        let loc = view.locale;
        let mut series = Vec::new();
        let subtitle = match &view.shift {
            Some(s) if !s.suppressed => {
                for (name, id, tally) in [
                    (t!(loc, "chart-before"), s.pre_id, &s.data.pre),
                    (t!(loc, "chart-after"), s.post_id, &s.data.post),
                ] {
                    series.push(Series {
                        label: t!(
                            loc,
                            "chart-series-label",
                            name = name.as_str(),
                            id = id,
                            voters = voters(loc, tally.total())
                        ),
                        name,
                        counts: tally.counts.clone(),
                    });
                }
                let mut subtitle = t!(loc, "chart-pair-subtitle", pre = s.pre_id, post = s.post_id);
                if let Some(net) = &s.net {
                    subtitle.push_str(&t!(
                        loc,
                        "chart-net-shift",
                        net = net.as_str(),
                        pole = if s.net_value > 0.0 {
                            s.positive_pole.as_str()
                        } else {
                            s.negative_pole.as_str()
                        }
                    ));
                }
                subtitle.push_str(&t!(
                    loc,
                    "chart-changed",
                    changed = s.changed,
                    paired = s.paired
                ));
                subtitle
            }
            _ => {
                let votes = t!(loc, "chart-votes");
                series.push(Series {
                    name: votes.clone(),
                    label: votes,
                    counts: view.tally.counts.clone(),
                });
                t!(
                    loc,
                    "chart-single-subtitle",
                    id = view.id,
                    voters = voters(loc, view.total)
                )
            }
        };
        Some(ChartData {
            title: view.claim.clone(),
            subtitle: Some(subtitle),
            options: view.options.clone(),
            series,
            locale: loc,
        })
    }

    /// The results chart as a PNG file named by group and poll
    /// (`<group>-poll-<id>.png`), when there is something to show.
    pub fn chart_file(&self, view: &PollResultView) -> Result<Option<FileOut>, CommandError> {
        let Some(data) = self.chart_data(view) else {
            return Ok(None);
        };
        let png = render_png(&data).map_err(|e| CommandError::Internal(e.to_string()))?;
        Ok(Some(FileOut {
            name: format!("{}-poll-{}.png", view.group_slug, view.id),
            mime: "image/png".into(),
            bytes: png,
            description: view.alt_text.clone(),
        }))
    }
}

fn voters(loc: Locale, n: u32) -> String {
    t!(loc, "count-voters", n = n)
}

/// A group's name (or else its channel) as a file-name part: lower case letters and
/// digits joined by dashes, at most 40 characters.
pub(crate) fn group_slug(group: &Group) -> String {
    let source = group
        .name
        .clone()
        .filter(|n| !n.trim().is_empty())
        .or_else(|| group.channel_key().ok().map(|c| c.id))
        .unwrap_or_default();
    let mut slug = String::new();
    for c in source.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.chars().count() >= 40 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        format!("group-{}", group.id)
    } else {
        slug
    }
}

/// One series as the chart's bars say it: "Agree 3 · 60 %, Disagree 2 · 40 %".
fn described(options: &[String], counts: &[u32]) -> String {
    let total: u32 = counts.iter().sum();
    options
        .iter()
        .zip(counts)
        .map(|(o, c)| format!("{o} {}", bar_label(*c, total)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A text description of the chart: the same counts and shares as on its bars.
fn alt_text(loc: Locale, id: i64, tally: &Tally, shift: Option<&ShiftView>) -> String {
    match shift.filter(|s| !s.suppressed) {
        None => t!(
            loc,
            "chart-alt-single",
            id = id,
            voters = voters(loc, tally.total()),
            bars = described(&tally.options, &tally.counts)
        ),
        Some(s) => t!(
            loc,
            "chart-alt-pair",
            pre = s.pre_id,
            post = s.post_id,
            before_voters = voters(loc, s.data.pre.total()),
            // The options in the group's language (the shift's tallies keep the scale's).
            before = described(&tally.options, &s.data.pre.counts),
            after_voters = voters(loc, s.data.post.total()),
            after = described(&tally.options, &s.data.post.counts),
            changed = s.changed,
            paired = s.paired,
            net = s
                .net
                .as_ref()
                .map(|n| t!(loc, "chart-alt-net", net = n.as_str()))
                .unwrap_or_default()
        ),
    }
}
