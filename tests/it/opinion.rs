//! Opinion across claims (issue 17), through the engine and the console platform: members
//! propose claims into a moderation queue, facilitators approve (reworded) or reject them,
//! cards are voted agree / disagree / pass, the opinion map finds the two camps of a
//! seminar, the deliberation report tests pre/post pairs with participants against
//! lurkers and quiz knowledge, rejected claims never leak, and anonymous cards keep
//! voters unnamed.

use colloquy::domain::command::Role;
use colloquy::store::Group;
use colloquy::store::testing::TestDb;

use crate::common::app::{TestApp, monday, sample_reading};

/// Camp A agrees with the first three claims and disagrees with the fourth; camp B the
/// opposite; everyone agrees with the fifth; the sixth is mostly passed.
pub const CAMP_A: [&str; 6] = ["ana", "ben", "cai", "dee", "eve", "fay"];
pub const CAMP_B: [&str; 6] = ["gus", "hal", "ivy", "jo", "kim", "lee"];
pub const CLAIMS: [&str; 6] = [
    "Hedging is a strategy, not indecision",
    "Small states gain most from staying unaligned",
    "Economic ties restrain great powers",
    "Alliances protect small states better than hedging",
    "The author's evidence comes mostly from Europe",
    "The Cold War cases generalise to today",
];

async fn seminar(db: TestDb) -> (TestApp, Group) {
    let app = TestApp::at(monday(9, 0), db).await;
    let g = app.setup_with_reading(&sample_reading(6)).await;
    app.tick().await;
    (app, g)
}

async fn ok(app: &TestApp, who: &str, line: &str) -> String {
    match app.run(who, Role::Member, line).await {
        Ok(r) => r.text,
        Err(e) => panic!("{who}: `{line}` failed: {e}"),
    }
}

async fn refused(app: &TestApp, who: &str, role: Role, line: &str) -> String {
    match app.run(who, role, line).await {
        Ok(r) => panic!("{who}: `{line}` should be refused, got: {}", r.text),
        Err(e) => e.to_string(),
    }
}

/// Twelve members propose the six claims (plus one that is rejected), a facilitator
/// approves them (one reworded) and everyone votes. Returns the card numbers.
async fn two_camps(app: &TestApp) -> Vec<i64> {
    for (i, claim) in CLAIMS.iter().enumerate() {
        let who = if i % 2 == 0 { CAMP_A[i] } else { CAMP_B[i] };
        let text = if i == 0 {
            "hedging is a strategy not indecision!!"
        } else {
            claim
        };
        let r = ok(app, who, &format!("claim add \"{text}\"")).await;
        assert!(r.contains(&format!("#{}", i + 1)), "{r}");
    }
    ok(
        app,
        "lee",
        "claim add \"REJECTED-SECRET everyone here is wrong\"",
    )
    .await;
    let queue = app.fac("claim queue").await.text;
    assert!(
        queue.contains("7 claims waiting") && queue.contains("REJECTED-SECRET"),
        "{queue}"
    );
    assert!(
        queue.contains("— ana"),
        "the queue names the author for facilitators: {queue}"
    );
    app.fac("claim reject 7").await;
    let mut cards = Vec::new();
    for i in 0..CLAIMS.len() {
        let line = if i == 0 {
            format!("claim approve 1 \"{}\"", CLAIMS[0])
        } else {
            format!("claim approve {}", i + 1)
        };
        let r = app.fac(&line).await.text;
        let card: i64 = r
            .rsplit('#')
            .next()
            .and_then(|s| s.trim_end_matches('.').parse().ok())
            .unwrap_or_else(|| panic!("a card number in {r}"));
        cards.push(card);
    }
    app.deliver().await;
    for (camp, sign) in [(CAMP_A, 1), (CAMP_B, -1)] {
        for (m, who) in camp.iter().enumerate() {
            let side = |agree: bool| {
                if agree == (sign == 1) {
                    "agree"
                } else {
                    "disagree"
                }
            };
            ok(app, who, &format!("vote {} {}", cards[0], side(true))).await;
            ok(app, who, &format!("vote {} {}", cards[1], side(true))).await;
            ok(app, who, &format!("vote {} {}", cards[2], side(m != 5))).await;
            ok(app, who, &format!("vote {} {}", cards[3], side(false))).await;
            ok(app, who, &format!("vote {} agree", cards[4])).await;
            let sixth = if m < 4 { "pass" } else { side(true) };
            ok(app, who, &format!("vote {} {sixth}", cards[5])).await;
        }
    }
    cards
}

/// Whether `text` has `name` as a word of its own.
fn names(text: &str, name: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case(name))
}

fn artifact(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::var("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
        .join("test-artifacts");
    std::fs::create_dir_all(&dir).expect("artifact dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write artifact");
    path
}

colloquy::store_test! {
async fn two_camps_on_the_map(db: TestDb) {
    let (app, _g) = seminar(db).await;
    let cards = two_camps(&app).await;
    let r = ok(&app, "ana", "map").await;
    let reply = app.run("ana", Role::Member, "map").await.unwrap();
    assert_eq!(r, reply.text);
    println!("{r}");
    assert!(
        r.contains("12 members voted on 6 claims; 12 voted on at least 4"),
        "{r}"
    );
    assert!(r.contains("**2 opinion groups** (silhouette"), "{r}");
    assert!(
        r.contains("**Group A** · 6 members") && r.contains("**Group B** · 6 members"),
        "{r}"
    );
    // Common ground: the fifth claim, agreed by every group.
    let common = r
        .split("**Common ground**")
        .nth(1)
        .unwrap()
        .split("**Where")
        .next()
        .unwrap();
    assert!(common.contains("Agree: C5"), "{common}");
    assert!(!common.contains("C1"), "{common}");
    // The divide: the first four claims.
    let divide = r
        .split("**Where opinion divides**")
        .nth(1)
        .unwrap()
        .split("**Claims**")
        .next()
        .unwrap();
    for c in ["C1", "C2", "C3", "C4"] {
        assert!(divide.contains(c), "{c} divides: {divide}");
    }
    assert!(!divide.contains("C5"), "{divide}");
    // The reworded claim is shown as approved, the rejected one nowhere.
    assert!(r.contains(CLAIMS[0]));
    assert!(!r.contains("REJECTED-SECRET"));
    // No member is named anywhere in the map.
    for who in CAMP_A.iter().chain(CAMP_B.iter()) {
        assert!(!names(&r, who), "{who} named in the map");
    }
    // The chart, with its alt text.
    assert_eq!(reply.files.len(), 1);
    let f = &reply.files[0];
    assert_eq!(f.mime, "image/png");
    assert!(
        f.description.contains("12 members placed")
            && f.description.contains("Group A (6 members)"),
        "{}",
        f.description
    );
    let img = image::load_from_memory(&f.bytes).expect("a PNG");
    assert!(img.width() >= 960);
    let path = artifact("opinion-map-two-camps.png", &f.bytes);
    println!(
        "chart: {} ({} bytes)\nalt: {}",
        path.display(),
        f.bytes.len(),
        f.description
    );
    // The cards were posted as cards.
    app.deliver().await;
    let log = app.log_text();
    assert!(log.contains(&format!("Claim card #{}", cards[0])), "{log}");
    assert!(log.contains("3. Pass"), "{log}");
    assert!(!log.contains("REJECTED-SECRET"));
}
}

colloquy::store_test! {
async fn claims_bad_input_is_refused_and_nothing_stored(db: TestDb) {
    let app = TestApp::at(monday(8, 0), db).await;
    app.fac("setup --tz Europe/London --time 09:00").await;
    // No session open yet.
    let e = refused(
        &app,
        "ana",
        Role::Member,
        "claim add \"Trade builds trust\"",
    )
    .await;
    assert!(e.contains("No session is open"), "{e}");
    let app = {
        drop(app);
        let (app, _) = seminar(db).await;
        app
    };
    let g = app.group().await;
    let e = refused(
        &app,
        "ana",
        Role::Member,
        &format!("claim add \"{}\"", "x".repeat(301)),
    )
    .await;
    assert!(e.contains("301 characters"), "{e}");
    let e = refused(&app, "ana", Role::Member, "claim add").await;
    assert!(e.contains("claim in quotes"), "{e}");
    ok(&app, "ana", "claim add \"Trade builds trust\"").await;
    let e = refused(
        &app,
        "ben",
        Role::Member,
        "claim add \"  trade BUILDS trust. \"",
    )
    .await;
    assert!(e.contains("already proposed"), "{e}");
    // A claim the excerpt itself suggests is a duplicate too.
    let suggested = app
        .store
        .claims(app.current_session(&g).await.excerpt_id.unwrap())
        .await
        .unwrap();
    if let Some(s) = suggested.first() {
        let e = refused(&app, "ben", Role::Member, &format!("claim add \"{s}\"")).await;
        assert!(e.contains("already has that claim"), "{e}");
    }
    assert_eq!(
        app.store
            .member_claims(g.id, "pending")
            .await
            .unwrap()
            .len(),
        1
    );
    // Members cannot moderate.
    let e = refused(&app, "ana", Role::Member, "claim approve 1").await;
    assert!(e.contains("Only facilitators"), "{e}");
    let e = refused(&app, "ana", Role::Member, "claim queue").await;
    assert!(e.contains("Only facilitators"), "{e}");
    // Unknown and already-decided claims.
    let e = refused(&app, "fac", Role::Facilitator, "claim approve 9").await;
    assert!(e.contains("no proposed claim #9"), "{e}");
    app.fac("claim reject 1").await;
    let e = refused(&app, "fac", Role::Facilitator, "claim approve 1").await;
    assert!(e.contains("already rejected"), "{e}");
    let e = refused(&app, "fac", Role::Facilitator, "claim reject 1").await;
    assert!(e.contains("already rejected"), "{e}");
    // A rejected claim may be proposed again (it is a new proposal for review).
    ok(&app, "ben", "claim add \"Trade builds trust\"").await;
    // Hostile text is kept as text and defanged when shown.
    ok(&app, "eve", "claim add \"@everyone look\u{7} here\"").await;
    let q = app.fac("claim queue").await.text;
    assert!(!q.contains("@everyone") && q.contains("look here"), "{q}");
    // A vote on a closed card is refused.
    // (Ids are not contiguous on PostgreSQL: a refused duplicate still used one.)
    let again = app
        .store
        .member_claims(g.id, "pending")
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.text == "Trade builds trust")
        .expect("the claim proposed again is pending");
    app.fac(&format!("claim approve {} --minutes 5", again.id))
        .await;
    let card = app.store.latest_poll(g.id).await.unwrap().unwrap();
    app.fac(&format!("poll close {}", card.id)).await;
    let e = refused(
        &app,
        "ana",
        Role::Member,
        &format!("vote {} agree", card.id),
    )
    .await;
    assert!(e.contains("closed"), "{e}");
}
}

colloquy::store_test! {
async fn rejected_claims_never_leak(db: TestDb) {
    let (app, g) = seminar(db).await;
    two_camps(&app).await;
    let session = app.current_session(&g).await.id;
    let mut seen = String::new();
    seen.push_str(&app.fac("map").await.text);
    seen.push_str(&app.fac(&format!("map --session {session}")).await.text);
    seen.push_str(&app.fac("report").await.text);
    seen.push_str(&app.fac("summary").await.text);
    let export = app.fac("export --format all").await;
    seen.push_str(&export.text);
    for f in &export.files {
        seen.push_str(&String::from_utf8_lossy(&f.bytes));
    }
    app.deliver().await;
    seen.push_str(&app.log_text());
    assert!(!seen.contains("REJECTED-SECRET"), "a rejected claim leaked");
    assert!(seen.contains(CLAIMS[1]));
}
}

colloquy::store_test! {
async fn too_few_voters_say_why_there_are_no_groups(db: TestDb) {
    let (app, _g) = seminar(db).await;
    for c in &CLAIMS[..4] {
        ok(&app, "ana", &format!("claim add \"{c}\"")).await;
    }
    for i in 1..=4 {
        app.fac(&format!("claim approve {i}")).await;
    }
    for who in ["ana", "ben", "cai"] {
        for card in 1..=4 {
            ok(&app, who, &format!("vote {card} agree")).await;
        }
    }
    let r = app.fac("map").await.text;
    assert!(
        r.contains(
            "No opinion groups: only 3 members voted on at least 4 claims, and groups need 8"
        ),
        "{r}"
    );
    assert!(!r.contains("**Group A**"), "{r}");
}
}

colloquy::store_test! {
async fn anonymous_cards_join_on_keyed_ids_and_name_nobody(db: TestDb) {
    let (app, g) = seminar(db).await;
    for c in &CLAIMS[..5] {
        ok(&app, "ana", &format!("claim add \"{c}\"")).await;
    }
    for i in 1..=5 {
        app.fac(&format!("claim approve {i} --anonymous")).await;
    }
    let cards: Vec<i64> = app
        .store
        .polls(g.id)
        .await
        .unwrap()
        .iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(cards.len(), 5);
    // In the channel an anonymous vote is refused by the adapters; the engine takes it
    // from a direct message (the console's /dm), which TestApp stands in for.
    for (camp, a) in [(CAMP_A, "agree"), (CAMP_B, "disagree")] {
        for who in camp {
            for (i, card) in cards.iter().enumerate() {
                let v = if i == 4 { "agree" } else { a };
                ok(&app, who, &format!("vote {card} {v}")).await;
            }
        }
    }
    // Stored votes name nobody, and one member's key is the same on every card.
    let first = app.store.votes(cards[0]).await.unwrap();
    assert!(
        first
            .iter()
            .all(|v| v.member_key.is_none() && v.voter.starts_with("anon:"))
    );
    let keys = |votes: &[colloquy::store::VoteRow]| -> std::collections::BTreeSet<String> {
        votes.iter().map(|v| v.voter.clone()).collect()
    };
    let second = app.store.votes(cards[1]).await.unwrap();
    assert_eq!(
        keys(&first),
        keys(&second),
        "keys are stable across a reading's cards"
    );
    let r = app.fac("map").await;
    assert!(r.text.contains("**2 opinion groups**"), "{}", r.text);
    for who in CAMP_A.iter().chain(CAMP_B.iter()) {
        assert!(
            !names(&r.text, who) && !names(&r.files[0].description, who),
            "{who}"
        );
    }
    let export = app.fac("export --format json").await;
    for f in &export.files {
        let text = String::from_utf8_lossy(&f.bytes);
        for who in CAMP_A.iter().chain(CAMP_B.iter()) {
            assert!(
                !text.contains(&format!("console:{who}\",\"option")),
                "{who} tied to a vote"
            );
        }
    }
}
}

colloquy::store_test! {
async fn the_report_tests_pre_post_pairs_with_lurkers_and_a_quiz(db: TestDb) {
    let (app, g) = seminar(db).await;
    let thread = app.current_session(&g).await.thread_id.expect("a thread");
    let speakers = ["p1", "p2", "p3", "p4", "p5", "p6"];
    let lurkers = ["l1", "l2", "l3", "l4"];
    let everyone: Vec<&str> = speakers.iter().chain(lurkers.iter()).copied().collect();
    // Before: a yes/no poll, a claim card and a quiz question.
    app.fac("poll create \"Small states should hedge\" --scale yesno --phase pre")
        .await;
    ok(&app, "p1", "claim add \"Hedging needs domestic consensus\"").await;
    app.fac("claim approve 1 --phase pre").await;
    app.fac(
        "quiz add \"Which chapter defines hedging?\" --options \"One | Two | Three\" --answer 2",
    )
    .await;
    let e = refused(
        &app,
        "fac",
        Role::Facilitator,
        "quiz add \"No answer?\" --options \"A | B\"",
    )
    .await;
    assert!(e.contains("needs its right answer"), "{e}");
    let e = refused(
        &app,
        "fac",
        Role::Facilitator,
        "quiz add \"Bad answer\" --options \"A | B\" --answer 3",
    )
    .await;
    assert!(e.contains("not one of the 2 options"), "{e}");
    for who in &everyone {
        ok(&app, who, "vote 1 no").await;
        ok(&app, who, "vote 2 disagree").await;
        ok(&app, who, "vote 3 one").await;
    }
    // The discussion: the six speakers write, the four lurkers do not.
    for who in speakers {
        app.say(
            who,
            Some(&thread),
            "I think the domestic consensus point matters here.",
        )
        .await;
    }
    // After: the pairs, newest pre first.
    app.fac("quiz add --phase post").await;
    app.fac("poll create --phase post").await;
    app.fac("poll create --phase post").await;
    let polls = app.store.polls(g.id).await.unwrap();
    let post_of = |pre: i64| {
        polls
            .iter()
            .find(|p| p.pair_id == Some(pre) && p.id != pre)
            .unwrap()
            .id
    };
    let (yes_post, card_post, quiz_post) = (post_of(1), post_of(2), post_of(3));
    for (i, who) in everyone.iter().enumerate() {
        // p1..p5 change to yes and learn; p6 neither; l1 changes without learning.
        let changes = i < 5 || *who == "l1";
        ok(
            &app,
            who,
            &format!("vote {yes_post} {}", if changes { "yes" } else { "no" }),
        )
        .await;
        ok(
            &app,
            who,
            &format!(
                "vote {card_post} {}",
                if i < 3 { "agree" } else { "disagree" }
            ),
        )
        .await;
        ok(
            &app,
            who,
            &format!("vote {quiz_post} {}", if i < 5 { "two" } else { "one" }),
        )
        .await;
    }
    let r = app.fac("report").await.text;
    println!("{r}");
    // The yes/no pair: 6 of 10 changed, all toward yes: exact McNemar p = 2/2^6.
    assert!(
        r.contains("6 of 10 changed their vote (60%): 6 toward yes, 0 toward no"),
        "{r}"
    );
    assert!(r.contains("Exact McNemar test: p = 0.031"), "{r}");
    assert!(r.contains("likely a real shift toward yes"), "{r}");
    assert!(r.contains("Change: +0.60 in the share (95 % CI"), "{r}");
    // Participants against lurkers: 5 of 6 speakers changed (p = 0.0625), 4 lurkers are
    // too few to tell.
    assert!(
        r.contains(
            "Members who spoke: 5 of 6 changed; +0.83 in the share; perhaps a shift toward yes"
        ),
        "{r}"
    );
    assert!(
        r.contains(
            "Members who only voted: 1 of 4 changed; +0.25 in the share; too few votes to tell"
        ),
        "{r}"
    );
    // The card pair: Wilcoxon on the agree/disagree axis (3 moved from -1 to +1).
    assert!(
        r.contains("3 of 10 changed their vote (30%): 3 toward agree"),
        "{r}"
    );
    assert!(r.contains("Wilcoxon signed-rank test: p = 0.250"), "{r}");
    // The quiz: 0 % right before, 50 % after, and the learners are the changers.
    assert!(
        r.contains("0% right before, 50% after (10 answered both); 5 learned it, 0 lost it"),
        "{r}"
    );
    // The right answer is only told once the post question has closed.
    assert!(!r.contains("right answer"), "{r}");
    app.fac(&format!("poll close {quiz_post}")).await;
    let r = app.fac("report").await.text;
    assert!(r.contains("(right answer: Two)"), "{r}");
    assert!(r.contains("Of the 5 who learned something, 5 changed a vote (100%); of the 5 who did not, 1 did (20%). Fisher's exact test: p = 0.048"), "{r}");
    // Nobody is named.
    for who in &everyone {
        assert!(!names(&r, who), "{who} named in the report");
    }
}
}

colloquy::store_test! {
async fn an_empty_session_has_an_empty_map_and_report(db: TestDb) {
    let (app, _g) = seminar(db).await;
    let m = app.fac("map").await;
    assert!(
        m.text.contains("No claims have been voted on here yet"),
        "{}",
        m.text
    );
    assert!(m.files.is_empty());
    let r = app.fac("report").await.text;
    assert!(
        r.contains("No claim was asked both before and after"),
        "{r}"
    );
    let e = refused(&app, "fac", Role::Facilitator, "map --session 99").await;
    assert!(e.contains("no session #99"), "{e}");
    let e = refused(
        &app,
        "fac",
        Role::Facilitator,
        "map --session 1 --reading 1",
    )
    .await;
    assert!(e.contains("not both"), "{e}");
}
}

colloquy::store_test! {
async fn the_map_goes_into_the_summary_the_digest_and_the_exports(db: TestDb) {
    let (app, g) = seminar(db).await;
    two_camps(&app).await;
    let thread = app.current_session(&g).await.thread_id.expect("a thread");
    app.say(
        "ana",
        Some(&thread),
        "Hedging keeps every door open, which is the point.",
    )
    .await;
    app.say(
        "gus",
        Some(&thread),
        "I disagree: an alliance is the only real guarantee.",
    )
    .await;
    let summary = app.fac("summary").await.text;
    assert!(
        summary.contains("**Opinion map** · session #1"),
        "{summary}"
    );
    assert!(summary.contains("**2 opinion groups**"), "{summary}");
    // The cards are in the map, not listed one by one.
    assert!(!summary.contains("Results of poll"), "{summary}");
    let week = colloquy::engine::week_of(app.engine.now(), chrono_tz::Europe::London);
    let digest = app.engine.digest_markdown(g.id, &week).await.unwrap();
    assert!(
        digest.contains("**Where the group stands** (6 claims, 12 members placed"),
        "{digest}"
    );
    assert!(digest.contains("2 opinion groups (silhouette"), "{digest}");
    assert!(
        digest.contains(&format!("Common ground: “{}” (agree)", CLAIMS[4])),
        "{digest}"
    );
    assert!(
        digest.contains(&format!("Divides: “{}”", CLAIMS[0])),
        "{digest}"
    );
    let export = app.fac("export --format all").await;
    let file = |suffix: &str| {
        export
            .files
            .iter()
            .find(|f| f.name.ends_with(suffix))
            .map(|f| String::from_utf8_lossy(&f.bytes).to_string())
            .unwrap_or_else(|| panic!("no {suffix} in the export"))
    };
    let minutes = file(".md");
    assert!(
        minutes.contains("**Opinion map** · session #1"),
        "{minutes}"
    );
    let json: serde_json::Value = serde_json::from_str(&file(".json")).unwrap();
    let map = &json["sessions"][0]["opinion_map"];
    assert_eq!(map["groups"].as_array().map(Vec::len), Some(2), "{map}");
    assert_eq!(map["points"].as_array().map(Vec::len), Some(12));
    assert!(
        map["points"][0].get("row").is_none(),
        "points carry no row number"
    );
}
}
