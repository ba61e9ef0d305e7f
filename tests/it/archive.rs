//! The static archive (`colloquy archive`): a seeded group's day built into pages, the
//! reading map, privacy (forgotten members, quotes off, anonymous polls), hostile reply
//! text, determinism, and the output folder's rules.

use colloquy::domain::command::Role;
use colloquy::domain::ids::Platform;
use colloquy::engine::{MessageDelete, MessageEdit};
use colloquy::site::Site;
use colloquy::store::Group;
use colloquy::store::testing::TestDb;

use colloquy::engine::archive::{ArchiveSettings, group_folder};

use crate::common::app::{EngineOptions, TestApp, monday};

/// A reading written for these tests: two excerpts of distinct sentences.
pub const READING: &str = "# Harbours and Ledgers\n\n*by Ines Marlow*\n\n\
The harbour commission kept its ledgers open to every fisher who asked. \
Nobody expected the open books to change how boats were shared along the quay. \
Within a decade the quarrels over mooring rights had almost disappeared. \
Visitors from inland towns came to copy the arrangement for their own rivers.\n\n\
Open records do not explain everything, and the commission admitted as much. \
Families who had fished the same water for generations already trusted one another. \
Newcomers found the ledgers harder to read than the old families did. \
Several of them left before the second winter, taking their boats with them.\n\n\
The commission answered by printing a plain summary of the ledgers every month. \
Each summary named the catch, the repairs and the debts of the common fund. \
Disputes that reached the commission fell by half in the following years. \
Critics replied that printing costs swallowed the savings from fewer disputes.\n\n\
## The second season\n\n\
Storms in the second season broke three of the common boats beyond repair. \
The fund could pay for one new hull, and the fishers had to choose which crew would get it. \
They drew lots in the market square while the commission read out the ledger entries. \
Nobody contested the result, although two crews waited a full year for their boats. \
The commission later wrote that the lottery had worked only because the books were trusted. \
A harbour further north tried the same lottery without open books and abandoned it within a month. \
Historians still argue about which of the two choices mattered more for the harbour. \
Some say the ledgers, others the habit of meeting in the square every week.\n";

/// The sentence the test's replies discuss.
pub const DISCUSSED: &str =
    "The harbour commission kept its ledgers open to every fisher who asked.";

/// Reply texts from the hostile-input table: markup, script, links and template syntax.
pub const HOSTILE: &[&str] = &[
    "<script>document.title='pwned'</script> ledgers are fine",
    "\"><img src=x onerror=alert(1)> nice point",
    "</textarea><svg onload=alert(2)></svg> and [click me](javascript:alert(3))",
    "![tracker](http://198.51.100.7/pixel.png) {{ 7*7 }} {% raw %} @everyone",
];

/// What the seeded day left behind.
pub struct Seeded {
    pub app: TestApp,
    pub group: Group,
    pub session_id: i64,
    /// The named poll only a later-forgotten member voted in.
    pub zoe_poll: i64,
    pub anon_poll: i64,
}

/// A group's Monday: the excerpt posted at 09:00, replies (some quoting or answering the
/// excerpt, one edited, one deleted, the hostile ones), a named pre/post pair, an
/// anonymous poll, a member with quotes off and one who will be forgotten; the session
/// ends and its summary is posted at 21:00.
pub async fn seeded_day(db: TestDb) -> Seeded {
    seed(TestApp::at(monday(8, 0), db).await).await
}

/// [`seeded_day`] on a given app (which starts on Monday before 09:00).
pub async fn seed(app: TestApp) -> Seeded {
    let group = app.setup_with_reading(READING).await;
    app.clock.set(monday(9, 0));
    app.tick().await;
    let s = app.current_session(&group).await;
    let thread = s.thread_id.clone().expect("a thread");
    let post = s.post_message_id.clone().expect("the excerpt's post");
    // Halvard asks not to be quoted by name before he writes.
    app.run("Halvard Quill", Role::Member, "privacy quotes off")
        .await
        .expect("quotes off");

    app.fac("poll create \"Open ledgers made the harbour work\" --phase pre --minutes 20")
        .await;
    let pre = app.store.latest_poll(group.id).await.unwrap().unwrap();
    for (who, v) in [
        ("ana", "agree"),
        ("ben", "disagree"),
        ("cy", "agree"),
        ("Halvard Quill", "disagree"),
    ] {
        app.run(who, Role::Member, &format!("vote {} {v}", pre.id))
            .await
            .unwrap();
    }
    app.clock.set(monday(9, 30));
    app.tick().await;

    let (first, _) = app
        .say_in_reply(
            "ana",
            Some(&thread),
            Some(&post),
            "> The harbour commission kept its ledgers open to every fisher who asked.\nThis is the heart of it: open books made trust cheap.",
        )
        .await;
    app.say_in_reply(
        "ben",
        Some(&thread),
        Some(&first),
        "I doubt the commission kept its ledgers open to every fisher for long; old families had trust already.",
    )
    .await;
    app.say(
        "Halvard Quill",
        Some(&thread),
        "Why would the harbour commission kept its ledgers open to every fisher, if nobody read them?",
    )
    .await;
    app.say(
        "cy",
        Some(&thread),
        "The point about “mooring rights” is underrated: quarrels stopped.",
    )
    .await;
    let (edited, _) = app
        .say(
            "cy",
            Some(&thread),
            "Printing costs matter less than it says.",
        )
        .await;
    app.engine
        .on_edit(MessageEdit {
            platform: Platform::Console,
            message_id: edited.clone(),
            author: None,
            text: "Printing costs matter less than the critics say, I think.".into(),
            at: app.engine.now(),
        })
        .await
        .unwrap();
    let (deleted, _) = app
        .say("ben", Some(&thread), "A hasty remark I regret posting.")
        .await;
    app.engine
        .on_delete(MessageDelete {
            platform: Platform::Console,
            message_id: deleted,
            at: app.engine.now(),
        })
        .await
        .unwrap();
    for text in HOSTILE {
        app.say("mallory", Some(&thread), text).await;
    }
    app.say(
        "Zoe Zabriskie",
        Some(&thread),
        "Zoe's unforgettable zebra remark about the quay.",
    )
    .await;

    app.fac("poll create --phase post --minutes 20").await;
    let post_poll = app.store.latest_poll(group.id).await.unwrap().unwrap();
    for (who, v) in [
        ("ana", "agree"),
        ("ben", "agree"),
        ("cy", "agree"),
        ("Halvard Quill", "disagree"),
    ] {
        app.run(who, Role::Member, &format!("vote {} {v}", post_poll.id))
            .await
            .unwrap();
    }
    app.fac("poll create \"The lottery was fair\" --minutes 20")
        .await;
    let zoe_poll = app.store.latest_poll(group.id).await.unwrap().unwrap().id;
    app.run(
        "Zoe Zabriskie",
        Role::Member,
        &format!("vote {zoe_poll} agree"),
    )
    .await
    .unwrap();
    app.fac("poll create \"Printing paid for itself\" --anonymous --minutes 20")
        .await;
    let anon_poll = app.store.latest_poll(group.id).await.unwrap().unwrap().id;
    for who in ["ana", "ben", "cy", "Halvard Quill"] {
        app.run(who, Role::Member, &format!("vote {anon_poll} agree"))
            .await
            .unwrap();
    }
    app.clock.set(monday(21, 0));
    app.tick().await;
    Seeded {
        app,
        group,
        session_id: s.id,
        zoe_poll,
        anon_poll,
    }
}

/// Every file of the site as text (PNGs as their length), for searching.
fn all_text(site: &Site) -> String {
    site.files
        .iter()
        .map(|f| match std::str::from_utf8(&f.bytes) {
            Ok(t) => format!("== {}\n{t}\n", f.path),
            Err(_) => format!("== {} ({} bytes)\n", f.path, f.bytes.len()),
        })
        .collect()
}

fn page(site: &Site, path: &str) -> String {
    let f = site
        .file(path)
        .unwrap_or_else(|| panic!("no {path} in the site"));
    String::from_utf8(f.bytes.clone()).expect("a text page")
}

colloquy::store_test! {
async fn the_archive_shows_the_day_as_pages(db: TestDb) {
    let d = seeded_day(db).await;
    let site = d.app.engine.archive_site(&d.group).await.unwrap();
    let paths: Vec<&str> = site.files.iter().map(|f| f.path.as_str()).collect();
    for p in [
        "index.html",
        "search.html",
        "search.js",
        "search-index.js",
        "style.css",
        "reading-1.html",
    ] {
        assert!(paths.contains(&p), "{p} missing: {paths:?}");
    }
    let session = format!("session-{}.html", d.session_id);
    let minutes = format!("minutes-{}.html", d.session_id);
    assert!(paths.contains(&session.as_str()) && paths.contains(&minutes.as_str()));

    let index = page(&site, "index.html");
    assert!(index.contains("Harbours and Ledgers"), "{index}");
    assert!(index.contains(&format!("href=\"{session}\"")));
    assert!(index.contains("Participation over time"));
    assert!(
        index.contains("toward agree"),
        "the shift of the pair: {index}"
    );

    let s = page(&site, &session);
    // The thread: ben's reply sits under ana's; the edit and the deletion are shown.
    assert!(
        s.contains(&format!(
            "<blockquote>{DISCUSSED}</blockquote><p>This is the heart of it"
        )),
        "a quote line shows as a quote: {s}"
    );
    let ana = s.find("This is the heart of it").unwrap();
    let ben = s.find("I doubt the commission").unwrap();
    assert!(ana < ben);
    assert!(
        s[ana..ben].contains("<ol class=\"children\">"),
        "{}",
        &s[ana..ben]
    );
    assert!(s.contains("Printing costs matter less than the critics say"));
    assert!(!s.contains("Printing costs matter less than it says."));
    assert!(s.contains(">edited</span>") && s.contains(">deleted</span>"));
    assert!(
        !s.contains("A hasty remark"),
        "a deleted reply's text is gone"
    );
    // Polls with charts and their alt text; the summary; the link to the minutes.
    assert!(s.contains("<img src=\"poll-"), "{s}");
    assert!(s.contains("alt=\"Paired bar chart"), "{s}");
    assert!(
        s.contains("1 of 4 members who voted twice changed their vote"),
        "the alt text counts members once: {s}"
    );
    assert!(s.contains("id=\"summary\""));
    assert!(s.contains(&format!("href=\"{minutes}\"")));
    assert!(!s.contains("id=\"opinion-map\""), "no map, no section");
    let m = page(&site, &minutes);
    assert!(m.contains("<h2>Discussion</h2>"), "{m}");
    assert!(m.contains("This is the heart of it"));

    // The reading map: the discussed sentence is the most discussed, shaded, and hal's
    // question about it is listed; the second excerpt has not been given yet.
    let r = page(&site, "reading-1.html");
    let at = r
        .find(DISCUSSED)
        .expect("the sentence is on the reading page");
    let span = &r[r[..at].rfind("<span").unwrap()..at];
    assert!(
        span.contains("heat4") && span.contains("most"),
        "the discussed sentence is marked: {span}"
    );
    assert!(r.contains("The passage that drew most discussion"));
    assert!(r.contains("Questions members asked about a sentence"));
    assert!(
        r.contains("a member</a>: Why would the harbour commission"),
        "{r}"
    );
    assert!(
        r.contains("The most contested sentence"),
        "ana and ben agree, Halvard disagrees"
    );
    assert!(!r.contains("Storms in the second season"), "{r}");
    assert!(r.contains("1 more excerpt to come"));
    assert!(
        r.contains("1 reply answered the excerpt&#x27;s post directly"),
        "{r}"
    );

    // The summary gained the passage that drew most discussion.
    let summary = d
        .app
        .store
        .session_summary(d.session_id)
        .await
        .unwrap()
        .unwrap()
        .body;
    assert!(
        summary.contains("**The passage that drew most discussion** (3 replies): “The harbour commission kept its ledgers open"),
        "{summary}"
    );

    // Every page carries the policy and loads nothing from elsewhere.
    for f in site.files.iter().filter(|f| f.path.ends_with(".html")) {
        let html = String::from_utf8(f.bytes.clone()).unwrap();
        assert!(
            html.contains(
                "content=\"default-src 'none'; img-src 'self'; style-src 'self'; script-src 'self'"
            ),
            "{}",
            f.path
        );
        for bad in ["src=\"http", "href=\"//", "<script>", "style=\""] {
            assert!(!html.contains(bad), "{} has {bad}", f.path);
        }
    }
    let search_index = page(&site, "search-index.js");
    assert!(search_index.starts_with("colloquySearchIndex(["));
    assert!(search_index.contains("This is the heart of it"));
}
}

colloquy::store_test! {
async fn hostile_reply_text_stays_text(db: TestDb) {
    let d = seeded_day(db).await;
    let site = d.app.engine.archive_site(&d.group).await.unwrap();
    for f in site.files.iter().filter(|f| f.path.ends_with(".html")) {
        let html = String::from_utf8(f.bytes.clone()).unwrap();
        for bad in [
            "<script>document",
            "<img src=x",
            "<img src=\"x\"",
            "<svg",
            "</textarea>",
            "href=\"javascript:",
            "src=\"http://198.51.100.7",
        ] {
            assert!(!html.contains(bad), "{} contains {bad}", f.path);
        }
    }
    let s = page(&site, &format!("session-{}.html", d.session_id));
    assert!(
        s.contains("&lt;script&gt;document.title="),
        "the text is shown, escaped"
    );
    assert!(
        s.contains("{{ 7*7 }} {% raw %}"),
        "template syntax in a reply is text"
    );
}
}

colloquy::store_test! {
async fn privacy_holds_in_the_archive(db: TestDb) {
    let d = seeded_day(db).await;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let first = d
        .app
        .engine
        .publish_archive(&d.group, &out, false)
        .await
        .unwrap();
    assert!(!first.was_stale);
    let zoe_chart = out.join(format!("poll-{}.png", d.zoe_poll));
    assert!(zoe_chart.exists(), "zoe's vote made a chart");
    let text = std::fs::read_to_string(out.join(format!("session-{}.html", d.session_id))).unwrap();
    assert!(text.contains("unforgettable zebra"));
    // Quotes off: Halvard appears as "a member", nowhere by name.
    let site = d.app.engine.archive_site(&d.group).await.unwrap();
    let all = all_text(&site);
    assert!(!all.contains("Halvard"), "Halvard is named somewhere");
    assert!(all.contains("a member"));
    // The anonymous poll names no voter; the named one does.
    let s = page(&site, &format!("session-{}.html", d.session_id));
    let anon = &s[s.find(&format!("id=\"poll-{}\"", d.anon_poll)).unwrap()..];
    let anon = &anon[..anon.find("</article>").unwrap()];
    assert!(
        anon.contains("Anonymous poll") && !anon.contains("Who voted"),
        "{anon}"
    );
    assert!(!anon.contains("ana: ") && !anon.contains("cy: "), "{anon}");
    assert!(s.contains("Who voted what"));

    // Zoe is forgotten: the archive is stale and the next run leaves no trace of her.
    d.app
        .run("Zoe Zabriskie", Role::Member, "privacy forget-me --confirm")
        .await
        .unwrap();
    let second = d
        .app
        .engine
        .publish_archive(&d.group, &out, false)
        .await
        .unwrap();
    assert!(second.was_stale, "forget-me marks the archive stale");
    assert!(
        second
            .write
            .removed
            .contains(&format!("poll-{}.png", d.zoe_poll)),
        "{:?}",
        second.write.removed
    );
    assert!(!zoe_chart.exists());
    for entry in std::fs::read_dir(&out).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&bytes).to_lowercase();
        assert!(
            !text.contains("zebra") && !text.contains("Zoe Zabriskie"),
            "{} still shows zoe",
            path.display()
        );
    }
    let third = d
        .app
        .engine
        .publish_archive(&d.group, &out, false)
        .await
        .unwrap();
    assert!(!third.was_stale && third.write.removed.is_empty());
}
}

colloquy::store_test! {
async fn the_same_database_gives_the_same_bytes(db: TestDb) {
    let d = seeded_day(db).await;
    let a = d.app.engine.archive_site(&d.group).await.unwrap();
    let b = d.app.engine.archive_site(&d.group).await.unwrap();
    assert_eq!(a, b);
    // Another process on the same database, at another time, writes the same files.
    let Seeded { app, group, .. } = d;
    app.engine.close().await;
    let dir = app.dir;
    let location = app.location;
    let reopened = TestApp::open(
        dir,
        location,
        monday(23, 59),
        colloquy::domain::anon::VoterSecret::new(vec![42; 32]),
    )
    .await;
    let c = reopened.engine.archive_site(&group).await.unwrap();
    assert_eq!(a.files.len(), c.files.len());
    for (x, y) in a.files.iter().zip(c.files.iter()) {
        assert_eq!(x.path, y.path);
        assert!(x.bytes == y.bytes, "{} differs after reopening", x.path);
    }
    // On disk too.
    let out = tempfile::tempdir().unwrap();
    reopened
        .engine
        .publish_archive(&group, out.path(), false)
        .await
        .unwrap();
    for f in &a.files {
        assert_eq!(std::fs::read(out.path().join(&f.path)).unwrap(), f.bytes);
    }
}
}

colloquy::store_test! {
async fn an_empty_group_gets_a_page_that_says_so(db: TestDb) {
    let app = TestApp::at(monday(8, 0), db).await;
    app.fac("setup --tz Europe/London --time 09:00").await;
    let g = app.group().await;
    let site = app.engine.archive_site(&g).await.unwrap();
    let index = page(&site, "index.html");
    assert!(
        index.contains("Nothing has happened in this group yet"),
        "{index}"
    );
    let js = page(&site, "search-index.js");
    assert!(js.starts_with("colloquySearchIndex([], {"), "{js}");
    assert!(js.contains("\"none\":\"Nothing found for “{query}”.\""), "{js}");
}
}

colloquy::store_test! {
async fn the_scheduler_publishes_the_archive_and_the_summary_links_it(db: TestDb) {
    let dir = tempfile::tempdir().unwrap();
    let archives = dir.path().join("published");
    let options = EngineOptions {
        settings: colloquy::engine::EngineSettings {
            archive: Some(ArchiveSettings {
                dir: archives.clone(),
                base_url: Some("https://example.org/colloquy/".into()),
            }),
            ..Default::default()
        },
        ..Default::default()
    };
    let location = db.fresh(dir.path()).await.expect("a fresh test database");
    let app = TestApp::open_with(dir, location, monday(8, 0), options).await;
    let d = seed(app).await;
    let folder = archives.join(group_folder(&d.group));
    let page = folder.join(format!("session-{}.html", d.session_id));
    assert!(page.exists(), "the session's end wrote the archive");
    let link = format!(
        "https://example.org/colloquy/{}/session-{}.html",
        group_folder(&d.group),
        d.session_id
    );
    let log = d.app.log_text();
    assert!(
        log.contains(&format!("[The whole session in the archive]({link})")),
        "{log}"
    );
    // Nothing new: the next steps leave it alone.
    assert_eq!(d.app.tick().await.archives, 0);
    // A member is forgotten: the next step rewrites it without them.
    d.app
        .run("Zoe Zabriskie", Role::Member, "privacy forget-me --confirm")
        .await
        .unwrap();
    assert!(std::fs::read_to_string(&page).unwrap().contains("zebra"));
    assert_eq!(d.app.tick().await.archives, 1);
    assert!(!std::fs::read_to_string(&page).unwrap().contains("zebra"));
    assert!(!folder.join(format!("poll-{}.png", d.zoe_poll)).exists());
    assert_eq!(d.app.tick().await.archives, 0);
}
}

colloquy::store_test! {
async fn a_session_with_an_opinion_map_shows_it(db: TestDb) {
    let app = TestApp::at(monday(8, 0), db).await;
    let group = app.setup_with_reading(READING).await;
    app.clock.set(monday(9, 0));
    app.tick().await;
    let s = app.current_session(&group).await;
    let thread = s.thread_id.clone().expect("a thread");
    let claims = [
        "Open books build trust",
        "The lottery was fair",
        "Printing paid for itself",
        "Newcomers were treated well",
    ];
    let members = ["ana", "ben", "cy", "dee", "eli", "fay", "gus", "ida", "jo"];
    for (c, claim) in claims.iter().enumerate() {
        app.fac(&format!("poll create \"{claim}\" --minutes 60"))
            .await;
        let poll = app.store.latest_poll(group.id).await.unwrap().unwrap();
        for (m, who) in members.iter().enumerate() {
            let v = if (m < 5) == (c % 2 == 0) {
                "agree"
            } else {
                "disagree"
            };
            app.run(who, Role::Member, &format!("vote {} {v}", poll.id))
                .await
                .unwrap();
        }
    }
    app.say("ana", Some(&thread), "Open books did the work here.")
        .await;
    // While the session is open its page shows the map's text; after, the summary does.
    let open = app.engine.archive_site(&group).await.unwrap();
    let page = page(&open, &format!("session-{}.html", s.id));
    assert!(page.contains("id=\"opinion-map\""), "{page}");
    assert!(
        open.file(&format!("map-{}.png", s.id)).is_some(),
        "the map's chart is part of the site"
    );
    assert!(page.contains(&format!("<img src=\"map-{}.png\" alt=\"", s.id)));
}
}

/// A group's day in `lang` for its archive: the reading (two excerpts, so one is still to
/// come), a member with quotes off, replies (one to the excerpt's post, one edited, one
/// deleted), a named before/after poll pair and an anonymous poll with too few votes; the
/// day ends at 21:00 with its summary.
pub async fn archive_day_in(
    app: &TestApp,
    lang: &str,
    reading: &str,
    replies: &[&str; 4],
    claim: &str,
) -> Group {
    // The group's name is the members' own, in their language.
    let name = if lang == "zh" {
        "研讨会"
    } else {
        "Семинар"
    };
    let (group, s) = app
        .group_with_first_excerpt(
            &format!(
                "setup --tz Europe/Moscow --time 09:00 --days daily --summary-time 21:00 --language {lang} --name {name}"
            ),
            reading,
        )
        .await;
    let thread = s.thread_id.clone().expect("a thread");
    let post = s.post_message_id.clone().expect("the excerpt's post");
    app.run("chen", Role::Member, "privacy quotes off")
        .await
        .expect("quotes off");
    app.fac(&format!("poll create \"{claim}\" --phase pre --minutes 20"))
        .await;
    let pre = app.store.latest_poll(group.id).await.unwrap().unwrap();
    for (who, v) in [("ana", "agree"), ("ben", "disagree"), ("chen", "disagree")] {
        app.run(who, Role::Member, &format!("vote {} {v}", pre.id))
            .await
            .unwrap();
    }
    let (first, _) = app
        .say_in_reply("ana", Some(&thread), Some(&post), replies[0])
        .await;
    app.say_in_reply("ben", Some(&thread), Some(&first), replies[1])
        .await;
    let (edited, _) = app.say("chen", Some(&thread), replies[2]).await;
    app.engine
        .on_edit(MessageEdit {
            platform: Platform::Console,
            message_id: edited,
            author: None,
            text: format!("{} {}", replies[2], replies[3]),
            at: app.engine.now(),
        })
        .await
        .unwrap();
    let (deleted, _) = app.say("ben", Some(&thread), replies[3]).await;
    app.engine
        .on_delete(MessageDelete {
            platform: Platform::Console,
            message_id: deleted,
            at: app.engine.now(),
        })
        .await
        .unwrap();
    app.fac("poll create --phase post --minutes 20").await;
    let post_poll = app.store.latest_poll(group.id).await.unwrap().unwrap();
    for (who, v) in [("ana", "agree"), ("ben", "agree"), ("chen", "disagree")] {
        app.run(who, Role::Member, &format!("vote {} {v}", post_poll.id))
            .await
            .unwrap();
    }
    app.fac(&format!("poll create \"{claim}\" --anonymous --minutes 20"))
        .await;
    let anon = app.store.latest_poll(group.id).await.unwrap().unwrap();
    app.run("ana", Role::Member, &format!("vote {} agree", anon.id))
        .await
        .unwrap();
    app.clock.set(monday(21, 0));
    app.tick().await;
    app.deliver().await;
    group
}

/// The words of a page a reader sees or hears: its text, and its `title`, `alt`,
/// `aria-label` and `placeholder` attributes (entities and markup left out).
pub fn page_words(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        out.push(' ');
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        let tag = &rest[open..open + close];
        for attr in ["title=\"", "alt=\"", "aria-label=\"", "placeholder=\""] {
            let mut from = 0;
            while let Some(at) = tag[from..].find(attr) {
                let start = from + at + attr.len();
                let end = tag[start..].find('"').map_or(tag.len(), |e| start + e);
                out.push(' ');
                out.push_str(&tag[start..end]);
                out.push(' ');
                from = end;
            }
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    // Entities (&amp; &#39; …) are markup, not words.
    let mut cleaned = String::new();
    let mut entity = false;
    for c in out.chars() {
        match c {
            '&' => entity = true,
            ';' if entity => {
                entity = false;
                cleaned.push(' ');
            }
            _ if entity && (c.is_ascii_alphanumeric() || c == '#') => {}
            _ => {
                entity = false;
                cleaned.push(c);
            }
        }
    }
    cleaned
}

/// Every word in Latin letters in `text` that is not one of `allowed`.
pub fn latin_words(text: &str, allowed: &[&str]) -> Vec<String> {
    let mut found: Vec<String> = text
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty() && !allowed.contains(w))
        .map(str::to_string)
        .collect();
    found.sort();
    found.dedup();
    found
}

/// Words in Latin letters a Russian or Chinese group's archive may carry: members' names,
/// the program's and the time zone's names.
pub const ARCHIVE_ALLOWED: &[&str] = &[
    "ana",
    "ben",
    "chen",
    "colloquy",
    "Europe",
    "Moscow",
    "JavaScript",
];

/// The words search.js shows, from search-index.js (`colloquySearchIndex(index, labels)`).
fn search_labels(site: &Site) -> serde_json::Value {
    let js = page(site, "search-index.js");
    let args = js
        .trim()
        .strip_prefix("colloquySearchIndex(")
        .and_then(|s| s.strip_suffix(");"))
        .expect("one call");
    let both: serde_json::Value =
        serde_json::from_str(&format!("[{args}]")).expect("the index and the labels are JSON");
    both[1].clone()
}

/// Every string in a JSON value, joined.
fn json_strings(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(a) => a.iter().map(json_strings).collect::<Vec<_>>().join(" "),
        serde_json::Value::Object(o) => o.values().map(json_strings).collect::<Vec<_>>().join(" "),
        _ => String::new(),
    }
}

/// A Russian or Chinese group's archive: `<html lang>` is the group's, and no page (nor the
/// search script's words) carries a word of English.
async fn assert_archive_speaks(app: &TestApp, group: &Group, tag: &str) -> Site {
    let site = app.engine.archive_site(group).await.unwrap();
    let mut pages = 0;
    for f in site.files.iter().filter(|f| f.path.ends_with(".html")) {
        let html = String::from_utf8(f.bytes.clone()).unwrap();
        assert!(
            html.contains(&format!("<html lang=\"{tag}\">")),
            "{}: {}",
            f.path,
            &html[..html.len().min(200)]
        );
        let english = latin_words(&page_words(&html), ARCHIVE_ALLOWED);
        assert!(
            english.is_empty(),
            "English in {}: {english:?}\n\n{html}",
            f.path
        );
        pages += 1;
    }
    assert!(
        pages >= 5,
        "index, search, a reading, a session and its minutes"
    );
    let labels = search_labels(&site);
    let english = latin_words(
        &json_strings(&labels),
        &[&["n", "query", "who", "title"], ARCHIVE_ALLOWED].concat(),
    );
    assert!(
        english.is_empty(),
        "English in the search words: {english:?}\n{labels:#}"
    );
    site
}

colloquy::store_test! {
/// A Russian group's archive is in Russian: headings, labels, counts, dates, the search
/// page and the words its script shows.
async fn a_russian_groups_archive_is_in_russian(db: TestDb) {
    let app = TestApp::at(monday(8, 0), db).await;
    let group = archive_day_in(
        &app,
        "ru",
        crate::i18n::RUSSIAN_READING,
        &[
            "> Суды, которые решают дела предсказуемо, снижают цену сотрудничества.\nВ этом суть: предсказуемость делает доверие дешёвым.",
            "Сомневаюсь, что одних правил достаточно для доверия между гражданами.",
            "Критики правы: доверие растёт медленно.",
            "Поспешное замечание, которое я удалю.",
        ],
        "Предсказуемые суды создают доверие",
    )
    .await;
    let site = assert_archive_speaks(&app, &group, "ru").await;
    let index = page(&site, "index.html");
    assert!(index.contains("Тексты") && index.contains("Занятия"), "{index}");
    let session = site
        .files
        .iter()
        .find(|f| f.path.starts_with("session-"))
        .map(|f| String::from_utf8(f.bytes.clone()).unwrap())
        .expect("a session page");
    // Russian plurals and dates, and the member with quotes off named in Russian.
    assert!(session.contains("3 ответа") || session.contains("2 ответа"), "{session}");
    assert!(session.contains("участник группы"), "{session}");
    // Quoted sentences take Russian quotation marks.
    assert!(
        session.contains("«Суды, которые решают дела предсказуемо, снижают цену сотрудничества.»"),
        "{session}"
    );
    assert!(session.contains("Опрос №"), "{session}");
    let labels = search_labels(&site);
    assert_eq!(
        labels["found"]["few"],
        "По запросу «{query}» найдено {n} результата."
    );
}

}

colloquy::store_test! {
/// A Chinese group's archive is in Chinese, `<html lang="zh-Hans">`.
async fn a_chinese_groups_archive_is_in_chinese(db: TestDb) {
    let app = TestApp::at(monday(8, 0), db).await;
    let group = archive_day_in(
        &app,
        "zh",
        crate::i18n::CHINESE_READING,
        &[
            "> 可预期的法院降低了合作的成本。\n这是关键：可预期性让信任变得便宜。",
            "我怀疑仅靠规则就足以建立公民之间的信任。",
            "批评者说得对：信任增长缓慢。",
            "一条我会删除的草率评论。",
        ],
        "可预期的法院建立信任",
    )
    .await;
    let site = assert_archive_speaks(&app, &group, "zh-Hans").await;
    let index = page(&site, "index.html");
    assert!(index.contains("读物") && index.contains("讨论"), "{index}");
}
}
