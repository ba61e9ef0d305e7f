//! The longer views in the group's language: the opinion map, the deliberation report, the
//! weekly digest and the minutes of a Russian and of a Chinese group carry no English
//! words of the bot's, and their counts take the language's plural forms.

use colloquy::domain::command::Role;
use colloquy::store::testing::TestDb;

use crate::common::app::{TestApp, monday};
use crate::i18n::{CHINESE_READING, RUSSIAN_READING, decimals_with, english_runs};

const MEMBERS: [&str; 12] = [
    "ana", "ben", "cai", "dee", "eve", "fay", "gus", "hal", "ivy", "jo", "kim", "lee",
];

async fn ok(app: &TestApp, who: &str, line: &str) -> String {
    match app.run(who, Role::Member, line).await {
        Ok(r) => r.text,
        Err(e) => panic!("{who}: `{line}` failed: {e}"),
    }
}

/// A seminar in `lang`: the reading, replies, six claim cards voted by two camps of six, a
/// pre/post claim pair; returns (map, report, digest, minutes).
async fn views_in(
    app: &TestApp,
    lang: &str,
    reading: &str,
    claims: &[&str; 6],
    replies: &[&str; 3],
) -> (String, String, String, String) {
    let (g, session) = app
        .group_with_first_excerpt(
            &format!("setup --tz Europe/Moscow --time 09:00 --days daily --language {lang}"),
            reading,
        )
        .await;
    let thread = session.thread_id.expect("a thread");
    for (i, r) in replies.iter().enumerate() {
        app.say(MEMBERS[i], Some(&thread), r).await;
    }
    for (i, claim) in claims.iter().enumerate() {
        ok(app, MEMBERS[i], &format!("claim add \"{claim}\"")).await;
        app.fac(&format!("claim approve {}", i + 1)).await;
    }
    app.deliver().await;
    let polls = app.store.polls(g.id).await.unwrap();
    let cards: Vec<i64> = polls.iter().map(|p| p.id).collect();
    assert_eq!(cards.len(), 6, "six cards");
    for (m, who) in MEMBERS.iter().enumerate() {
        let camp_a = m < 6;
        let side = |agree: bool| if agree == camp_a { "agree" } else { "disagree" };
        ok(app, who, &format!("vote {} {}", cards[0], side(true))).await;
        ok(app, who, &format!("vote {} {}", cards[1], side(true))).await;
        ok(app, who, &format!("vote {} {}", cards[2], side(m % 6 != 5))).await;
        ok(app, who, &format!("vote {} {}", cards[3], side(false))).await;
        ok(app, who, &format!("vote {} agree", cards[4])).await;
        let sixth = if m % 6 < 4 { "pass" } else { side(true) };
        ok(app, who, &format!("vote {} {sixth}", cards[5])).await;
    }
    // A pre/post pair on the first claim: five members of camp B come round.
    app.fac(&format!("poll create \"{}\" --phase pre", claims[0]))
        .await;
    let pre = cards[5] + 1;
    for (m, who) in MEMBERS.iter().enumerate() {
        let v = if m < 6 { "agree" } else { "disagree" };
        ok(app, who, &format!("vote {pre} {v}")).await;
    }
    app.fac("poll create --phase post").await;
    let post = pre + 1;
    for (m, who) in MEMBERS.iter().enumerate() {
        let v = if m < 11 { "agree" } else { "disagree" };
        ok(app, who, &format!("vote {post} {v}")).await;
    }
    app.fac(&format!("poll close {pre}")).await;
    app.fac(&format!("poll close {post}")).await;
    app.deliver().await;
    let map_reply = app.fac("map").await;
    let chart = map_reply
        .files
        .iter()
        .find(|f| f.name.ends_with(".png"))
        .expect("the map's chart");
    // Kept for a person to look at (the chart's words are in the group's language).
    if let Ok(dir) = std::env::var("CARGO_TARGET_DIR") {
        let dir = std::path::Path::new(&dir).join("test-artifacts");
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::write(dir.join(format!("map-{lang}.png")), &chart.bytes);
    }
    assert!(!chart.description.is_empty());
    let map = format!("{}\n\n{}", map_reply.text, chart.description);
    let report = app.fac("report").await.text;
    let week = colloquy::engine::week_of(app.engine.now(), chrono_tz::Europe::Moscow);
    let digest = app.engine.digest_markdown(g.id, &week).await.unwrap();
    let export = app.fac("export --format all").await;
    let minutes = export
        .files
        .iter()
        .find(|f| f.name.ends_with(".md"))
        .map(|f| String::from_utf8_lossy(&f.bytes).to_string())
        .expect("minutes in the export");
    (map, report, digest, minutes)
}

fn assert_no_english(lang: &str, views: &[(&str, &String)]) {
    let mut allowed: Vec<&str> = MEMBERS.to_vec();
    allowed.extend(["Europe/Moscow", "fac", "colloquy"]);
    for (name, text) in views {
        let runs = english_runs(text, &allowed);
        assert!(
            runs.is_empty(),
            "English in a {lang} group's {name}: {runs:?}\n\n{text}"
        );
    }
}

colloquy::store_test! {
    /// A Russian group's map, report, digest and minutes: Russian words and plurals only.
    async fn a_russian_groups_map_report_digest_and_minutes_are_in_russian(db: TestDb) {
        let app = TestApp::at(monday(9, 0), db).await;
        let claims = [
            "Предсказуемые суды укрепляют доверие",
            "Малым партиям выгодны коалиции",
            "Правила важнее опыта",
            "Доверие растёт только из опыта",
            "Автор опирается на европейские примеры",
            "Выводы автора верны и сегодня",
        ];
        let replies = [
            "Мне кажется, предсказуемость судов важнее их строгости.",
            "Не согласен: доверие строится годами, правила тут вторичны.",
            "А как быть с малыми партиями, которые теряют избирателей?",
        ];
        let (map, report, digest, minutes) =
            views_in(&app, "ru", RUSSIAN_READING, &claims, &replies).await;
        assert_no_english(
            "Russian",
            &[("map", &map), ("report", &report), ("digest", &digest), ("minutes", &minutes)],
        );
        assert!(map.starts_with("**Карта мнений** · занятие №1"), "{map}");
        assert!(map.contains("12 участников проголосовали по 7 утверждениям"), "{map}");
        assert!(map.contains("**2 группы мнений**"), "{map}");
        assert!(map.contains("· 6 участников"), "{map}");
        assert!(map.contains("- соглашается чаще остальных: C"), "{map}");
        assert!(map.contains("- не соглашается чаще остальных: C"), "{map}");
        assert!(map.contains("(все в каждой группе)"), "{map}");
        assert!(report.starts_with("**Как обсуждение сдвинуло мнения**"), "{report}");
        assert!(report.contains("5 из 12 изменили голос"), "{report}");
        assert!(digest.contains("1 занятие, 3 участника, 3 ответа."), "{digest}");
        assert!(digest.contains("12 участников"), "{digest}");
        assert!(digest.contains("**Где стоит группа** (7 утверждений"), "{digest}");
        assert!(minutes.contains("# Протокол:"), "{minutes}");
        assert!(minutes.contains("## Обсуждение"), "{minutes}");
        for (name, text) in [("map", &map), ("report", &report), ("digest", &digest)] {
            let points = decimals_with(text, '.');
            assert!(points.is_empty(), "decimal points in the Russian {name}: {points:?}\n\n{text}");
        }
        if std::env::var("COLLOQUY_SHOW_DAY").is_ok() {
            println!("{map}\n\n{report}\n\n{digest}\n\n{minutes}");
        }
    }
}

colloquy::store_test! {
    /// A Chinese group's map, report, digest and minutes: Chinese only.
    async fn a_chinese_groups_map_report_digest_and_minutes_are_in_chinese(db: TestDb) {
        let app = TestApp::at(monday(9, 0), db).await;
        let claims = [
            "可预期的法院能增强信任",
            "联合政府对小党有利",
            "规则比经验更重要",
            "信任只来自经验",
            "作者主要依据欧洲的例子",
            "作者的结论今天仍然成立",
        ];
        let replies = [
            "我觉得法院的可预期性比严厉更重要。",
            "我不同意：信任需要多年积累，规则只是次要的。",
            "那些失去选民的小党又该怎么办呢？",
        ];
        let (map, report, digest, minutes) =
            views_in(&app, "zh", CHINESE_READING, &claims, &replies).await;
        assert_no_english(
            "Chinese",
            &[("map", &map), ("report", &report), ("digest", &digest), ("minutes", &minutes)],
        );
        assert!(map.starts_with("**观点地图** · 第 1 次讨论"), "{map}");
        assert!(map.contains("12 位成员对 7 条主张投了票"), "{map}");
        assert!(map.contains("**2 个观点群体**"), "{map}");
        assert!(map.contains("- 比其他人更赞同：C"), "{map}");
        assert!(map.contains("- 比其他人更反对：C"), "{map}");
        assert!(map.contains("(每个群体中的所有人)"), "{map}");
        assert!(report.starts_with("**讨论如何改变了观点**"), "{report}");
        assert!(report.contains("12 人中有 5 人改变了投票"), "{report}");
        assert!(digest.contains("**群体的立场**（7 条主张") || digest.contains("**群体的立场** (7 条主张"), "{digest}");
        assert!(digest.contains("年") && digest.contains("月"), "{digest}");
        assert!(minutes.contains("# 纪要："), "{minutes}");
        if std::env::var("COLLOQUY_SHOW_DAY").is_ok() {
            println!("{map}\n\n{report}\n\n{digest}\n\n{minutes}");
        }
    }
}

/// A live seminar in `lang` from agenda to report-backs; returns everything the live
/// features said (replies, announcements, warnings, the queue, room posts, the record).
async fn live_seminar_in(
    app: &TestApp,
    lang: &str,
    reading: &str,
    items: &str,
    talk: &[&str; 4],
) -> String {
    use chrono::Duration;
    app.fac(&format!(
        "setup --tz Europe/Moscow --time 09:00 --days daily --language {lang}"
    ))
    .await;
    app.import_in_short_excerpts(reading).await;
    app.tick().await;
    let start = app.engine.now();
    app.fac("session start").await;
    let mark = app.log_text().len();
    let mut out = Vec::new();
    out.push(app.fac(&format!("agenda set \"{items}\"")).await.text);
    out.push(app.fac("agenda start").await.text);
    app.tick().await;
    for (i, who) in ["ana", "bo", "cy", "dee"].iter().enumerate() {
        app.say(who, None, talk[i]).await;
    }
    out.push(ok(app, "ana", &format!("hand {}", talk[0])).await);
    out.push(ok(app, "bo", "hand").await);
    out.push(ok(app, "cy", "queue").await);
    out.push(app.fac("queue next").await.text);
    out.push(app.fac("queue skip").await.text);
    out.push(ok(app, "bo", &format!("note {}", talk[1])).await);
    out.push(app.fac(&format!("decision {}", talk[2])).await.text);
    out.push(ok(app, "bo", &format!("action @ana {} --due friday", talk[3])).await);
    out.push(ok(app, "cy", "actions").await);
    out.push(ok(app, "cy", "agenda").await);
    out.push(app.fac("agenda extend 5m").await.text);
    app.clock.set(start + Duration::minutes(8));
    app.tick().await;
    out.push(app.fac("breakout 2 --minutes 10").await.text);
    app.deliver().await;
    app.clock.set(start + Duration::minutes(19));
    app.tick().await;
    let g = app.group().await;
    let session = app
        .store
        .open_live_session(g.id)
        .await
        .unwrap()
        .expect("live session");
    let b = &app.store.session_breakouts(session.id).await.unwrap()[0];
    for room in app.store.breakout_rooms(b.id).await.unwrap() {
        let who = app.store.breakout_room_members(room.id).await.unwrap()[0]
            .1
            .clone();
        app.say(&who, room.thread_id.as_deref(), talk[3]).await;
    }
    app.tick().await;
    app.clock.set(start + Duration::minutes(40));
    app.tick().await;
    let minutes = app
        .engine
        .export(
            &g,
            colloquy::domain::command::ExportFormat::Markdown,
            Some(session.id),
        )
        .await
        .unwrap();
    out.push(String::from_utf8(minutes[0].bytes.clone()).unwrap());
    // The console adapter's own notice of a new thread ("┌ thread … opened (… TEXT posts
    // there)") is the console's, not the bot's words to members; it is left out.
    let text = app.log_text();
    let log: Vec<&str> = text[mark..]
        .lines()
        .filter(|l| !l.trim_start().starts_with('┌'))
        .collect();
    out.push(log.join("\n"));
    out.join("\n\n")
}

colloquy::store_test! {
    /// A Russian live seminar: the agenda, its announcements and warnings, the queue, the
    /// minutes items, breakouts and the record speak Russian, with Russian plurals.
    async fn a_russian_live_seminar_is_in_russian(db: TestDb) {
        let app = TestApp::at(monday(9, 0), db).await;
        let talk = [
            "предсказуемость судов",
            "доверие растёт медленно",
            "читаем следующую главу",
            "разослать карту мнений",
        ];
        let all = live_seminar_in(&app, "ru", RUSSIAN_READING, "Вступление 5m | Часть I 20m | Итоги 10m", &talk).await;
        let mut allowed: Vec<&str> = MEMBERS.to_vec();
        allowed.extend(["Europe/Moscow", "fac", "bo", "cy", "colloquy"]);
        let runs = english_runs(&all, &allowed);
        assert!(runs.is_empty(), "English in a Russian live seminar: {runs:?}\n\n{all}");
        assert!(all.contains("Повестка задана: 3 пункта, всего 35 мин."), "{all}");
        assert!(all.contains("**Сейчас: Вступление** (пункт 1 из 3, 5 мин, до"), "{all}");
        assert!(all.contains("вы 2-й в очереди"), "{all}");
        assert!(all.contains("Малые группы: 2 ветки на 10 мин"), "{all}");
        assert!(all.contains("## Отчёты малых групп (2 ветки)"), "{all}");
        assert!(all.contains("**Присутствовали**"), "{all}");
        if std::env::var("COLLOQUY_SHOW_DAY").is_ok() {
            println!("{all}");
        }
    }
}

colloquy::store_test! {
    /// The same seminar for a Chinese group.
    async fn a_chinese_live_seminar_is_in_chinese(db: TestDb) {
        let app = TestApp::at(monday(9, 0), db).await;
        let talk = ["法院的可预期性", "信任增长缓慢", "下周读下一章", "分发观点地图"];
        let all = live_seminar_in(&app, "zh", CHINESE_READING, "开场 5m | 第一部分 20m | 总结 10m", &talk).await;
        let mut allowed: Vec<&str> = MEMBERS.to_vec();
        allowed.extend(["Europe/Moscow", "fac", "bo", "cy", "colloquy"]);
        let runs = english_runs(&all, &allowed);
        assert!(runs.is_empty(), "English in a Chinese live seminar: {runs:?}\n\n{all}");
        assert!(all.contains("议程已设置：3 项，共 35 分钟。"), "{all}");
        assert!(all.contains("你排在队列第 2 位"), "{all}");
        assert!(all.contains("## 分组讨论汇报（2 个讨论串）"), "{all}");
        if std::env::var("COLLOQUY_SHOW_DAY").is_ok() {
            println!("{all}");
        }
    }
}
