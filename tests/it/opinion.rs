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
/// "A rejected claim never appears in any result, summary, export, chart or archive":
/// one claim is rejected, then every output colloquy makes of the session and its
/// reading is searched for its words.
async fn rejected_claims_never_leak(db: TestDb) {
    let (app, g) = seminar(db).await;
    two_camps(&app).await;
    let session = app.current_session(&g).await;
    let reading = app
        .store
        .excerpt(session.excerpt_id.expect("an excerpt session"))
        .await
        .unwrap()
        .expect("the excerpt")
        .reading_id;
    let thread = session.thread_id.clone().expect("a thread");
    app.say("ana", Some(&thread), "Hedging keeps every door open.").await;
    app.say("gus", Some(&thread), "An alliance is the only real guarantee.")
        .await;
    // A pre/post pair, so the report has something to test.
    for (phase, vote) in [("\"Small states should hedge\" --phase pre", "agree"), ("--phase post", "disagree")] {
        app.fac(&format!("poll create {phase}")).await;
        let poll = app.store.latest_poll(g.id).await.unwrap().unwrap().id;
        for who in CAMP_A.iter().chain(CAMP_B.iter()) {
            ok(&app, who, &format!("vote {poll} {vote}")).await;
        }
    }
    // Every output, each under its name, so a leak says where it is.
    let mut outputs: Vec<(String, String)> = Vec::new();
    fn add_to(outputs: &mut Vec<(String, String)>, name: &str, reply: colloquy::engine::Reply) {
        outputs.push((name.to_string(), reply.text));
        for f in reply.files {
            outputs.push((format!("{name}: {} (alt text)", f.name), f.description));
            outputs.push((
                format!("{name}: {}", f.name),
                String::from_utf8_lossy(&f.bytes).to_string(),
            ));
        }
    }
    add_to(&mut outputs, "map", app.fac("map").await);
    add_to(&mut outputs, "map of the session", app.fac(&format!("map --session {}", session.id)).await);
    add_to(&mut outputs, "map of the reading", app.fac(&format!("map --reading {reading}")).await);
    add_to(&mut outputs, "report", app.fac("report").await);
    add_to(&mut outputs, "summary", app.fac("summary").await);
    add_to(&mut outputs, "export", app.fac("export --format all").await);
    add_to(&mut outputs, "poll results", app.fac("poll results").await);
    add_to(&mut outputs, "claim queue", app.fac("claim queue").await);
    // The day ends: the stored summary, the weekly digest, the archive site.
    app.clock.set(monday(21, 0));
    app.tick().await;
    app.deliver().await;
    let stored = app.store.session_summary(session.id).await.unwrap().expect("a stored summary");
    outputs.push(("stored summary".into(), format!("{}\n{}", stored.body, stored.data)));
    add_to(&mut outputs, "summary after the session", app.fac(&format!("summary {}", session.id)).await);
    add_to(&mut outputs, "export after the session", app.fac("export --format all").await);
    let week = colloquy::engine::week_of(app.engine.now(), chrono_tz::Europe::London);
    outputs.push((
        "digest".into(),
        app.engine.digest_markdown(g.id, &week).await.unwrap(),
    ));
    let site = app.engine.archive_site(&g).await.unwrap();
    assert!(site.files.len() > 5, "an archive with pages");
    for f in &site.files {
        outputs.push((
            format!("archive {}", f.path),
            String::from_utf8_lossy(&f.bytes).to_string(),
        ));
    }
    outputs.push(("chat log".into(), app.log_text()));
    let kinds: Vec<&str> = [".md", ".csv", ".json", ".png", "search-index.js"]
        .into_iter()
        .filter(|k| !outputs.iter().any(|(name, _)| name.contains(k)))
        .collect();
    assert!(kinds.is_empty(), "outputs missing from the search: {kinds:?}");
    for (name, text) in &outputs {
        for words in ["REJECTED-SECRET", "everyone here is wrong"] {
            assert!(!text.contains(words), "the rejected claim is in the {name}");
        }
    }
    // The search would find it: the approved claims are there.
    let all: String = outputs.iter().map(|(_, t)| t.as_str()).collect();
    for claim in CLAIMS {
        assert!(all.contains(claim), "{claim} is in no output");
    }
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

colloquy::store_test! {
async fn a_card_closes_quietly_and_a_vote_after_is_refused(db: TestDb) {
    let (app, g) = seminar(db).await;
    ok(&app, "ana", "claim add \"Trade builds trust\"").await;
    app.fac("claim approve 1 --minutes 5").await;
    app.deliver().await;
    let card = app.store.latest_poll(g.id).await.unwrap().unwrap();
    ok(&app, "ben", &format!("vote {} agree", card.id)).await;
    let before = app.log_text();
    app.clock.advance(chrono::Duration::minutes(6));
    app.tick().await;
    let after = app.log_text();
    assert!(
        !after[before.len()..].contains("Results of poll"),
        "{}",
        &after[before.len()..]
    );
    assert!(!app.store.poll(card.id).await.unwrap().unwrap().is_open());
    let e = refused(
        &app,
        "cai",
        Role::Member,
        &format!("vote {} agree", card.id),
    )
    .await;
    assert!(e.contains("closed"), "{e}");
    let r = ok(&app, "cai", &format!("poll results {}", card.id)).await;
    assert!(r.contains("Agree: 1"), "{r}");
}
}

colloquy::store_test! {
async fn forget_me_deletes_proposed_claims_and_quiz_answers_and_my_data_lists_them(db: TestDb) {
    let (app, g) = seminar(db).await;
    let vex = "Quentin Vex";
    let session = app.current_session(&g).await.id;
    ok(&app, vex, "claim add \"Vexpending courts earn trust slowly\"").await;
    ok(&app, vex, "claim add \"Vexrejected small parties win by losing\"").await;
    ok(&app, vex, "claim add \"Vexapproved coalitions blur accountability\"").await;
    let mine = |status: &'static str| {
        let app = &app;
        async move {
            app.store
                .member_claims(g.id, status)
                .await
                .unwrap()
                .into_iter()
                .filter(|c| c.text.starts_with("Vex"))
                .map(|c| c.id)
                .collect::<Vec<_>>()
        }
    };
    let pending = mine("pending").await;
    assert_eq!(pending.len(), 3);
    app.fac(&format!("claim reject {}", pending[1])).await;
    app.fac(&format!("claim approve {} --minutes 30", pending[2]))
        .await;
    let card = app.store.latest_poll(g.id).await.unwrap().unwrap().id;
    app.fac("quiz add \"Which chapter defines hedging?\" --options \"One | Two | Three\" --answer 2")
        .await;
    let quiz = app.store.latest_poll(g.id).await.unwrap().unwrap().id;
    app.fac("poll create \"Trade builds trust\" --minutes 30").await;
    let poll = app.store.latest_poll(g.id).await.unwrap().unwrap().id;
    ok(&app, vex, &format!("vote {card} agree")).await;
    ok(&app, vex, &format!("vote {quiz} two")).await;
    ok(
        &app,
        vex,
        &format!("vote {poll} disagree --reason \"Vexreason trade follows trust\""),
    )
    .await;
    for who in ["ana", "ben", "cai"] {
        ok(&app, who, &format!("vote {poll} agree")).await;
        ok(&app, who, &format!("vote {quiz} one")).await;
    }
    let thread = app.current_session(&g).await.thread_id.expect("a thread");
    app.say("ana", Some(&thread), "Trust comes before trade, not after it.")
        .await;

    // my-data lists the claims, the card vote and the quiz answer.
    let my = app.run(vex, Role::Member, "privacy my-data").await.unwrap();
    assert!(
        my.text.contains("3 claims you proposed (1 approved, 1 waiting for review, 1 rejected)"),
        "{}",
        my.text
    );
    assert!(
        my.text.contains("3 votes (1 on a claim card, 1 quiz answer)"),
        "{}",
        my.text
    );
    let data: serde_json::Value = serde_json::from_slice(&my.files[0].bytes).unwrap();
    let claims = data["claims"].as_array().expect("claims in my-data");
    let status = |text: &str| {
        claims
            .iter()
            .find(|c| c["text"].as_str().is_some_and(|t| t.starts_with(text)))
            .map(|c| c["status"].as_str().unwrap_or_default().to_string())
    };
    assert_eq!(status("Vexpending").as_deref(), Some("pending"), "{data}");
    assert_eq!(status("Vexrejected").as_deref(), Some("rejected"), "{data}");
    assert_eq!(status("Vexapproved").as_deref(), Some("approved"), "{data}");
    let kinds: Vec<&str> = data["votes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v["kind"].as_str())
        .collect();
    assert_eq!(kinds, vec!["claim card", "quiz", "poll"], "{data}");

    // The session ends; its stored summary shows the poll's reasons.
    app.clock.set(monday(21, 0));
    app.tick().await;
    let before = app.store.session_summary(session).await.unwrap().unwrap();
    assert!(before.body.contains("Vexreason"), "{}", before.body);

    let ask = app.run(vex, Role::Member, "privacy forget-me").await.unwrap();
    assert!(
        ask.text.contains("the 2 claims you proposed that were not approved"),
        "{}",
        ask.text
    );
    let done = app
        .run(vex, Role::Member, "privacy forget-me --confirm")
        .await
        .unwrap();
    assert!(
        done.text.contains("3 votes and 2 proposed claims deleted"),
        "{}",
        done.text
    );
    for (where_, value) in crate::safety::all_text(&app.store).await {
        for trace in ["Vexpending", "Vexrejected", "Vexreason", "Quentin", "console:Quentin Vex"] {
            assert!(
                !value.contains(trace),
                "{where_} still holds {trace:?}: {value}"
            );
        }
    }
    // The approved claim is the group's card now: it stays, with no author.
    let approved = app.store.member_claim(pending[2]).await.unwrap().unwrap();
    assert_eq!((approved.member_key, approved.author), (None, None));
    assert_eq!(app.store.tally(quiz).await.unwrap(), vec![(0, 3)]);
    assert_eq!(app.store.tally(card).await.unwrap(), vec![]);
    let queue = app.fac("claim queue").await.text;
    assert!(queue.contains("No claims are waiting"), "{queue}");
}
}
