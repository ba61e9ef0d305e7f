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
    assert_eq!(page(&site, "search-index.js"), "colloquySearchIndex([]);\n");
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
