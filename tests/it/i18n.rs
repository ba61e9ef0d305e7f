//! The bot speaks the group's language: `setup --language`, refusals and dates in it.

use colloquy::domain::command::Role;
use colloquy::i18n::Locale;
use colloquy::store::testing::TestDb;

use crate::common::app::TestApp;

colloquy::store_test! {
    /// `setup --language` is stored with the group and survives a later `setup` that does
    /// not name it; an unknown code is refused, listing the supported ones, and changes
    /// nothing.
    async fn setup_language_is_stored_and_an_unknown_code_is_refused(db: TestDb) {
        let app = TestApp::new(db).await;
        let reply = app.fac("setup --tz Europe/Moscow --language ru").await;
        assert!(reply.text.starts_with("Теперь этот канал — читательская группа"), "{}", reply.text);
        assert!(reply.text.contains("язык: русский"), "{}", reply.text);
        assert_eq!(app.group().await.language, Locale::Ru);
        app.fac("setup --time 08:30").await;
        assert_eq!(app.group().await.language, Locale::Ru);
        let err = app
            .run("fac", Role::Facilitator, "setup --language es")
            .await
            .unwrap_err()
            .to_string();
        assert!(err.contains("`es`") && err.contains("en, ru, zh, de, fr"), "{err}");
        assert!(err.starts_with("Неизвестный язык"), "{err}");
        assert_eq!(app.group().await.language, Locale::Ru);
        let reply = app.fac("setup --language zh-Hans").await;
        assert!(reply.text.starts_with("设置已更新"), "{}", reply.text);
        assert_eq!(app.group().await.language, Locale::ZhHans);
        let reply = app.fac("setup --language en").await;
        assert!(reply.text.starts_with("Settings updated"), "{}", reply.text);
    }
}

colloquy::store_test! {
    /// A refusal (a member running a facilitator's verb) comes in the group's language,
    /// and so does the schedule with its dates.
    async fn refusals_and_the_schedule_speak_the_groups_language(db: TestDb) {
        let app = TestApp::new(db).await;
        app.fac("setup --tz Europe/Berlin --days mon,wed,fri --language de").await;
        let err = app
            .run("bea", Role::Member, "excerpt next")
            .await
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "Nur Moderierende können `excerpt next` verwenden. Wende dich an die Moderation dieser Gruppe."
        );
        assert!(matches!(err.cause(), colloquy::engine::CommandError::FacilitatorOnly(_)));
        let status = app.run("bea", Role::Member, "schedule status").await.unwrap().text;
        assert!(status.contains("Nächster Abschnitt: Mi, 4. Mär, 09:00 (Europe/Berlin)"), "{status}");
        assert!(status.contains("(Mo, Mi, Fr), nach einem Ausfall: den zuletzt verpassten"), "{status}");
        app.fac("setup --language fr").await;
        let status = app.run("bea", Role::Member, "schedule status").await.unwrap().text;
        assert!(status.contains("Prochain extrait : mer. 4 mars, 09:00 (Europe/Berlin)"), "{status}");
    }
}

/// A Russian reading written for this repository, with its own questions (`Q:` lines), so
/// that nothing English comes from the text itself.
pub(crate) const RUSSIAN_READING: &str = "# Доверие и институты\n\n\
Суды, которые решают дела предсказуемо, снижают цену сотрудничества. Граждане чаще \
доверяют правилам, когда видят, что правила применяются ко всем одинаково. Критики \
отвечают, что доверие растёт медленно и не следует из одних только правил.\n\n\
Q: Что автор понимает под «предсказуемостью» судов?\n\
Q: Как ответил бы критик, считающий, что доверие рождается из опыта, а не из правил?\n\n\
Малые партии добиваются уступок в коалициях, но часто расплачиваются за них на следующих \
выборах. Историки находят этот эффект во многих демократиях, хотя он проявляется не сразу.\n";

/// Its sentences end with ASCII stops until the importer cuts Chinese at 。 (the
/// reading-text half of issue 19, on another branch); the bot's words are what is tested.
pub(crate) const CHINESE_READING: &str = "# 信任与制度\n\n\
可预期的法院降低了合作的成本. 当公民看到规则对所有人一视同仁时，他们更愿意信任规则. \
批评者则认为，信任增长缓慢，并不仅仅来自规则本身. \n\n\
Q: 作者所说的法院的“可预期性”是什么意思？\n\
Q: 认为信任来自经验而非规则的批评者会如何回应？\n\n\
小党在联合政府中争取到让步，却常常在下一次选举中付出代价. 历史学家在许多民主国家都发现了这一效应，尽管它并非立竿见影. \n";

/// Runs of three or more ASCII words in `text` outside `code` spans, quotes of members and
/// the names given: English the bot wrote where the group's language was expected.
pub(crate) fn english_runs(text: &str, allowed: &[&str]) -> Vec<String> {
    let mut cleaned = String::new();
    let mut in_code = false;
    for c in text.chars() {
        if c == '`' {
            in_code = !in_code;
            cleaned.push(' ');
        } else if !in_code {
            cleaned.push(c);
        }
    }
    for a in allowed {
        cleaned = cleaned.replace(a, " ");
    }
    let mut runs = Vec::new();
    // Not yet in the group's language (left for the next step, named in the report): the
    // console's own file notices ("📎 … saved to …", carrying a chart's description) and
    // its typed-vote hint; both are written by the console adapter, not by the engine.
    for line in cleaned
        .lines()
        .filter(|l| !l.trim_start().starts_with('📎') && !l.contains("vote with: !cq vote"))
    {
        let mut run: Vec<&str> = Vec::new();
        for word in line.split(|c: char| c.is_whitespace() || ",.;:()!?«»“”—·/".contains(c))
        {
            if word.is_empty() {
                continue;
            }
            if word.chars().all(|c| c.is_ascii_alphabetic() || c == '\'') {
                run.push(word);
            } else {
                if run.len() >= 3 {
                    runs.push(run.join(" "));
                }
                run.clear();
            }
        }
        if run.len() >= 3 {
            runs.push(run.join(" "));
        }
    }
    runs
}

/// A group's day in `lang`: setup, import, the excerpt with its questions, replies, a
/// pre/post poll pair with votes and reasons, results, the summary, the schedule and help
/// for a refusal; returns everything the bot wrote (its answers and its posts).
async fn a_day_in(
    app: &TestApp,
    lang: &str,
    reading: &str,
    replies: &[&str],
    claim: &str,
) -> String {
    use colloquy::engine::Upload;
    let mut out = Vec::new();
    out.push(
        app.fac(&format!(
            "setup --tz Europe/Moscow --time 09:00 --language {lang}"
        ))
        .await
        .text,
    );
    let upload = Upload {
        name: "reading.md".into(),
        bytes: reading.as_bytes().to_vec(),
    };
    out.push(
        app.run_with(
            "fac",
            Role::Facilitator,
            "reading import --words 40",
            Some(upload),
        )
        .await
        .expect("import")
        .text,
    );
    out.push(app.fac("excerpt next").await.text);
    app.deliver().await;
    let group = app.group().await;
    let thread = app
        .current_session(&group)
        .await
        .thread_id
        .expect("a thread");
    for (i, r) in replies.iter().enumerate() {
        app.say(["ana", "ben", "chen"][i % 3], Some(&thread), r)
            .await;
    }
    out.push(
        app.fac(&format!("poll create \"{claim}\" --minutes 30 --phase pre"))
            .await
            .text,
    );
    app.deliver().await;
    for (who, v) in [("ana", 1), ("ben", 2), ("chen", 1)] {
        out.push(
            app.run(who, Role::Member, &format!("vote 1 {v}"))
                .await
                .expect("vote")
                .text,
        );
    }
    out.push(app.fac("poll close 1").await.text);
    app.deliver().await;
    out.push(
        app.fac(&format!(
            "poll create \"{claim}\" --minutes 30 --phase post"
        ))
        .await
        .text,
    );
    app.deliver().await;
    for (who, v) in [("ana", 1), ("ben", 1), ("chen", 3)] {
        out.push(
            app.run(who, Role::Member, &format!("vote 2 {v}"))
                .await
                .expect("vote")
                .text,
        );
    }
    out.push(app.fac("poll close 2").await.text);
    app.deliver().await;
    out.push(
        app.run("ben", Role::Member, "schedule status")
            .await
            .expect("status")
            .text,
    );
    out.push(
        app.run("ben", Role::Member, "poll close 2")
            .await
            .unwrap_err()
            .to_string(),
    );
    out.push(app.fac("summary").await.text);
    app.deliver().await;
    out.push(app.log_text());
    out.join("\n\n")
}

colloquy::store_test! {
    /// A Russian group sees only Russian from the bot (besides names, command words in
    /// `code` and what members wrote), with Russian plurals and dates.
    async fn a_russian_groups_day_is_in_russian(db: TestDb) {
        let app = TestApp::new(db).await;
        let replies = [
            "Мне кажется, предсказуемость судов важнее их строгости.",
            "Не согласен: доверие строится годами, правила тут вторичны.",
            "А как быть с малыми партиями, которые теряют избирателей?",
        ];
        let claim = "Предсказуемые суды укрепляют доверие";
        let all = a_day_in(&app, "ru", RUSSIAN_READING, &replies, claim).await;
        let runs = english_runs(&all, &["Europe/Moscow", "ana", "ben", "chen", "fac", "colloquy"]);
        assert!(runs.is_empty(), "English in a Russian group's day: {runs:?}\n\n{all}");
        assert!(all.contains("Вопросы для обсуждения"), "{all}");
        assert!(all.contains("3 голоса"), "{all}");
        assert!(all.contains("Итоги:"), "{all}");
        if std::env::var("COLLOQUY_SHOW_DAY").is_ok() {
            println!("{all}");
        }
    }
}

/// The same day for a Chinese group. The importer now cuts Chinese readings, so the day runs;
/// it stays ignored until the summarizer works in the reading's language (issue 19, item 5):
/// today it reads the Chinese replies as chatter and says so in English. Run it with
/// `cargo test --test it -- --ignored chinese`.
#[tokio::test]
#[ignore = "needs the summarizer in the reading's language (issue 19, item 5)"]
async fn a_chinese_groups_day_is_in_chinese() {
    {
        let app = TestApp::new(TestDb::Sqlite).await;
        let replies = [
            "我觉得法院的可预期性比严厉更重要。",
            "我不同意：信任需要多年积累，规则只是次要的。",
            "那些失去选民的小党又该怎么办呢？",
        ];
        let claim = "可预期的法院能增强信任";
        let all = a_day_in(&app, "zh", CHINESE_READING, &replies, claim).await;
        let runs = english_runs(
            &all,
            &["Europe/Moscow", "ana", "ben", "chen", "fac", "colloquy"],
        );
        assert!(
            runs.is_empty(),
            "English in a Chinese group's day: {runs:?}\n\n{all}"
        );
        assert!(all.contains("讨论问题"), "{all}");
        assert!(all.contains("共 3 票"), "{all}");
        if std::env::var("COLLOQUY_SHOW_DAY").is_ok() {
            println!("{all}");
        }
    }
}
